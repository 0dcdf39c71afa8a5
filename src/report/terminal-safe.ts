// Text written for a terminal never carries a character that a terminal acts on or that changes
// how the line reads: control characters (ESC sequences can clear the screen or set the title,
// CR and LF can forge a line), C1 controls, bidirectional overrides and other invisible
// formatting, and lone surrogates. Each is shown as an escape, the way git and ls show names.

const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escape(c: string): string {
  const named = NAMED[c];
  if (named) return named;
  const code = c.charCodeAt(0);
  return code < 0x80 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** s with every unsafe character escaped (\x1b, \n, \u202e); s itself when there is none. */
export function terminalSafe(s: string): string {
  UNSAFE.lastIndex = 0;
  return UNSAFE.test(s) ? s.replace(UNSAFE, escape) : s;
}
