/** ANSI styling that collapses to plain text when colour is off. */
export interface Style {
  red(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
  green(s: string): string;
  bold(s: string): string;
  dim(s: string): string;
}

const wrap = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;

export const COLOUR: Style = { red: wrap(31, 39), yellow: wrap(33, 39), cyan: wrap(36, 39), green: wrap(32, 39), bold: wrap(1, 22), dim: wrap(2, 22) };

const same = (s: string) => s;
export const PLAIN: Style = { red: same, yellow: same, cyan: same, green: same, bold: same, dim: same };
