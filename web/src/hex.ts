// A hex view of a document's DER with one span of bytes marked.
import type { Span } from './der-span.js';

/** Bytes per line: a line fits a 320-pixel-wide screen. */
export const BYTES_PER_LINE = 8;

const hex2 = (b: number) => b.toString(16).padStart(2, '0');

/** Fills the element with the hex lines of der, each prefixed by its offset, the span's bytes in <mark>s; returns the first mark. */
export function renderHex(into: HTMLElement, der: Uint8Array, span: Span | undefined): HTMLElement | undefined {
  const width = Math.max(4, der.length.toString(16).length);
  const lines = document.createDocumentFragment();
  let first: HTMLElement | undefined;
  for (let start = 0; start < der.length; start += BYTES_PER_LINE) {
    const line = document.createElement('span');
    line.className = 'hex-line';
    const offset = document.createElement('span');
    offset.className = 'hex-offset';
    offset.textContent = start.toString(16).padStart(width, '0');
    line.append(offset, ' ');
    const end = Math.min(start + BYTES_PER_LINE, der.length);
    // The line in up to three runs: before the span, in it, after it.
    const cut = (from: number, to: number) => Array.from(der.subarray(from, to), hex2).join(' ');
    const markFrom = span ? Math.min(Math.max(span.start, start), end) : end;
    const markTo = span ? Math.max(Math.min(span.end, end), markFrom) : end;
    const runs: [number, number, boolean][] = [
      [start, markFrom, false],
      [markFrom, markTo, true],
      [markTo, end, false],
    ];
    let written = false;
    for (const [from, to, marked] of runs) {
      if (from === to) continue;
      if (written) line.append(' ');
      written = true;
      if (!marked) {
        line.append(cut(from, to));
        continue;
      }
      const mark = document.createElement('mark');
      mark.textContent = cut(from, to);
      first ??= mark;
      line.append(mark);
    }
    line.append('\n');
    lines.append(line);
  }
  into.replaceChildren(lines);
  return first;
}
