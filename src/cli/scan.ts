import { detectedIssuers } from '../check/entries.js';
import { detectedCount } from '../input/index.js';
import type { InputFile, InputPiece, SourcePart } from '../input/node.js';
import type { InputReader } from '../input/node.js';

/** Items per unit of work, and per piece of a large input. */
export const UNIT_ITEMS = 512;
/** Bytes a kept part or item costs beside its DER, roughly. */
const PART_COST = 256;

/** A piece found by the first reading, with its item count. */
export interface ScannedPiece {
  piece: InputPiece;
  items: number;
  /** What the first reading found in it, kept when the run's budget allowed, so the second reading need not read it again. */
  parts?: SourcePart[];
  /** What the kept parts count against the budget. */
  keptBytes: number;
}

export interface Scan {
  pieces: ScannedPiece[];
  /** CA certificates among the inputs, in input order: the run's issuers besides --issuer. */
  issuers: Uint8Array[];
  /** CA certificates left out once maxIssuers were found. */
  issuersLeftOut: number;
  items: number;
}

/**
 * Bytes of what the first reading found that a run may hold for its second reading. Whoever takes
 * kept parts off the run's hands gives their bytes back (release), so later parts can be kept.
 */
export class KeepBudget {
  private left: number;

  constructor(private readonly bytes: number) {
    this.left = bytes;
  }

  take(cost: number): boolean {
    if (cost > this.left) return false;
    this.left -= cost;
    return true;
  }

  release(cost: number): void {
    this.left = Math.min(this.bytes, this.left + cost);
  }
}

/** What keeping a part costs: its DER and a fixed overhead per part and per item. */
export function partCost(part: SourcePart): number {
  let cost = PART_COST;
  for (const item of part.detected.items) cost += item.der.length + PART_COST;
  // A DUIS request: its parsed header and places, and its certificates' DER.
  for (const content of part.detected.request?.contents ?? []) cost += ('der' in content ? content.der.length : 0) + 4 * PART_COST;
  return cost + part.detected.problems.length * PART_COST;
}

/**
 * The first reading of a run: every input once, in order, to find the CA certificates among them
 * (a certificate's issuer may come after it) and to cut large inputs into pieces that the second
 * reading can check in parallel. Kept: the issuers, where the pieces start, and what was read
 * while the budget allows (so the second reading need not read it again). Each piece is passed to
 * onPiece as soon as it is complete, so checking can start while the reading goes on.
 */
export async function scanInputs(
  files: readonly InputFile[],
  reader: InputReader,
  maxIssuers: number,
  budget: KeepBudget,
  onPiece: (piece: ScannedPiece, sofar: Scan) => void = () => {},
): Promise<Scan> {
  const scan: Scan = { pieces: [], issuers: [], issuersLeftOut: 0, items: 0 };
  // Keeps a piece's parts while the budget allows; a piece is kept whole or not at all.
  const keep = (piece: ScannedPiece, part: SourcePart) => {
    if (!piece.parts) return;
    const cost = partCost(part);
    if (budget.take(cost)) {
      piece.parts.push(part);
      piece.keptBytes += cost;
      return;
    }
    budget.release(piece.keptBytes);
    piece.parts = undefined;
    piece.keptBytes = 0;
  };
  const count = (part: SourcePart): number => {
    for (const der of detectedIssuers(part.detected)) {
      if (scan.issuers.length < maxIssuers) scan.issuers.push(der);
      else scan.issuersLeftOut++;
    }
    const n = detectedCount(part.detected);
    scan.items += n;
    return n;
  };
  const start = (piece: InputPiece): ScannedPiece => {
    const scanned: ScannedPiece = { piece, items: 0, parts: [], keptBytes: 0 };
    scan.pieces.push(scanned);
    return scanned;
  };
  for (const file of files) {
    let current = start({ path: file.path, display: file.display });
    for await (const part of reader.read(file)) {
      // A large file is cut where a block starts, once a piece holds a unit's worth of items.
      if (file.regular && current.items >= UNIT_ITEMS && part.at.offset > 0) {
        current.piece.end = part.at.offset;
        onPiece(current, scan);
        current = start({ path: file.path, display: file.display, from: part.at });
      }
      current.items += count(part);
      keep(current, part);
    }
    onPiece(current, scan);
  }
  return scan;
}

/**
 * A piece of work for a worker thread: a piece of an input, with what the first reading found in
 * it when that was kept (else the worker reads the piece itself). `items` limits it to the items
 * of those indexes, for a unit that holds part of a piece.
 */
export interface WorkItem extends InputPiece {
  parts?: SourcePart[];
  items?: { from: number; to: number };
}

/** Consecutive work items of about UNIT_ITEMS items, and the kept bytes they carry. */
export interface WorkUnit {
  work: WorkItem[];
  keptBytes: number;
}

/**
 * Groups scanned pieces, in order, into units of work of about UNIT_ITEMS items. A piece whose
 * parts were kept may be spread over several units (a bundle small enough to be read whole still
 * gives every worker its share); one that was not is read by a worker, whole, in one unit.
 */
export class UnitCutter {
  private work: WorkItem[] = [];
  private items = 0;
  private keptBytes = 0;

  constructor(private readonly onUnit: (unit: WorkUnit) => void) {}

  add(p: ScannedPiece): void {
    // A DUIS request is one document: its part is never cut.
    if (!p.parts || this.items + p.items <= UNIT_ITEMS || p.parts.some((part) => part.detected.request)) {
      if (this.items > 0 && this.items + p.items > UNIT_ITEMS) this.flush();
      this.work.push(p.parts ? { ...p.piece, parts: p.parts } : p.piece);
      this.items += p.items;
      this.keptBytes += p.keptBytes;
      if (this.items >= UNIT_ITEMS) this.flush();
      return;
    }
    // A kept piece larger than the room left is spread over units, each naming its items.
    for (const part of p.parts) {
      for (const slice of sliced(part, UNIT_ITEMS - this.items, UNIT_ITEMS)) {
        const { items, problems } = slice.detected;
        let from = Infinity;
        let to = 0;
        for (const x of items) [from, to] = [Math.min(from, x.index), Math.max(to, x.index + 1)];
        for (const x of problems) [from, to] = [Math.min(from, x.index), Math.max(to, x.index + 1)];
        this.work.push({ ...p.piece, parts: [slice], items: { from, to } });
        this.items += items.length + problems.length;
        this.keptBytes += partCost(slice);
        if (this.items >= UNIT_ITEMS) this.flush();
      }
    }
  }

  end(): void {
    if (this.work.length > 0) this.flush();
  }

  private flush(): void {
    this.onUnit({ work: this.work, keptBytes: this.keptBytes });
    this.work = [];
    this.items = 0;
    this.keptBytes = 0;
  }
}

/** A part cut, in index order, into slices of `first` items (problems count as items), then `size` each. */
function sliced(part: SourcePart, first: number, size: number): SourcePart[] {
  const { items, problems } = part.detected;
  if (items.length + problems.length <= first) return [part];
  const slices: SourcePart[] = [];
  let i = 0;
  let p = 0;
  let room = first;
  let slice: SourcePart = { at: part.at, detected: { items: [], problems: [] } };
  while (i < items.length || p < problems.length) {
    if (p < problems.length && (i >= items.length || problems[p].index < items[i].index)) slice.detected.problems.push(problems[p++]);
    else slice.detected.items.push(items[i++]);
    if (--room === 0) {
      slices.push(slice);
      slice = { at: part.at, detected: { items: [], problems: [] } };
      room = size;
    }
  }
  if (slice.detected.items.length + slice.detected.problems.length > 0) slices.push(slice);
  return slices;
}
