/** Matches rule ids against --only / --ignore entries: an exact id or a dotted prefix ("org.role"). */
export function matchesAny(id: string, patterns: readonly string[]): boolean {
  for (const p of patterns) {
    if (p === id || p === '*') return true;
    const prefix = p.endsWith('.') ? p : p + '.';
    if (id.startsWith(prefix)) return true;
  }
  return false;
}

export interface RuleSelection {
  only?: readonly string[];
  ignore?: readonly string[];
}

export function isSelected(id: string, selection: RuleSelection): boolean {
  if (selection.only && selection.only.length > 0 && !matchesAny(id, selection.only)) return false;
  if (selection.ignore && matchesAny(id, selection.ignore)) return false;
  return true;
}
