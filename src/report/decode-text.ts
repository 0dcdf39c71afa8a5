import type { DecodeView } from './decode-view.js';
import type { Style } from './style.js';
import { terminalSafe as safe } from './terminal-safe.js';

/**
 * A decoded document for the terminal: the SMKI reading first, then every field, then what is
 * wrong with its encoding. Text from the document is made safe for a terminal.
 */
export function renderDecodeView(heading: string, view: DecodeView, style: Style): string {
  const lines: string[] = [style.bold(safe(heading))];
  const rows = (rows: DecodeView['summary']) => {
    for (const r of rows) lines.push(`  ${style.dim(safe(r.label).padEnd(24))}${safe(r.value)}`);
  };
  rows(view.summary);
  if (view.fields.length > 0) {
    lines.push('', `  ${style.bold('Fields')}`);
    rows(view.fields);
  }
  if (view.encoding.length > 0) {
    lines.push('', `  ${style.bold('Encoding')}`);
    for (const e of view.encoding) lines.push(`  ${style.red(e.tag)} ${safe(e.text)}`);
  }
  return lines.join('\n') + '\n';
}
