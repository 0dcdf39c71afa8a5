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
  /** What the first reading found in it, kept when the run's budget allowed, so a check in-process need not read it again. */
  parts?: SourcePart[];
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
 * The first reading of a run: every input once, in order, to find the CA certificates among them
 * (a certificate's issuer may come after it) and to cut large inputs into pieces that the second
 * reading can check in parallel. Kept: the issuers, where the pieces start, and what was read, up
 * to keepBytes (so a small run checked in-process reads its inputs once).
 */
export async function scanInputs(files: readonly InputFile[], reader: InputReader, maxIssuers: number, keepBytes: number): Promise<Scan> {
  const scan: Scan = { pieces: [], issuers: [], issuersLeftOut: 0, items: 0 };
  let kept = 0;
  // Keeps a piece's parts while the budget lasts; the first piece that does not fit ends keeping.
  const keep = (piece: ScannedPiece, part: SourcePart) => {
    if (!piece.parts) return;
    let cost = PART_COST;
    for (const item of part.detected.items) cost += item.der.length + PART_COST;
    // A DUIS request: its parsed header and places, and its certificates' DER.
    for (const content of part.detected.request?.contents ?? []) cost += ('der' in content ? content.der.length : 0) + 4 * PART_COST;
    if (kept + cost <= keepBytes) {
      piece.parts.push(part);
      kept += cost;
      return;
    }
    piece.parts = undefined;
    keepBytes = 0;
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
    const scanned: ScannedPiece = { piece, items: 0, parts: keepBytes > 0 ? [] : undefined };
    scan.pieces.push(scanned);
    return scanned;
  };
  for (const file of files) {
    let current = start({ path: file.path, display: file.display });
    for await (const part of reader.read(file)) {
      // A large file is cut where a block starts, once a piece holds a unit's worth of items.
      if (file.regular && current.items >= UNIT_ITEMS && part.at.offset > 0) {
        current.piece.end = part.at.offset;
        current = start({ path: file.path, display: file.display, from: part.at });
      }
      current.items += count(part);
      keep(current, part);
    }
  }
  return scan;
}

/** Consecutive pieces grouped into units of about UNIT_ITEMS items, for worker threads. */
export function unitsOf(pieces: readonly ScannedPiece[]): InputPiece[][] {
  const units: InputPiece[][] = [];
  let unit: InputPiece[] = [];
  let items = 0;
  for (const p of pieces) {
    if (unit.length > 0 && items + p.items > UNIT_ITEMS) {
      units.push(unit);
      unit = [];
      items = 0;
    }
    unit.push(p.piece);
    items += p.items;
  }
  if (unit.length > 0) units.push(unit);
  return units;
}
