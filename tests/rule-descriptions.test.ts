import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../src/rules/index.js';

// SARIF and the catalogue show a rule's description beside each finding, so it says what is wrong,
// not what the profile requires. The last segment of an id names the defect; the description
// states the same defect.
const DEFECT_WORDING: [RegExp, RegExp][] = [
  [/\.not-critical$/, /\bnot marked critical\b/],
  [/\.critical$/, /\bis marked critical\b/],
  [/\.missing$/, /\b(has no|lacks|no)\b/],
  [/\.(multiple|duplicate|duplicate-oid)$/, /\bmore than once\b|\bmore than one\b|\btwo or more\b/],
];

describe('rule descriptions', () => {
  for (const [id, wording] of DEFECT_WORDING) {
    it(`state the defect for the ids matching ${id}`, () => {
      const rules = CATALOGUE.filter((r) => id.test(r.id));
      expect(rules.length).toBeGreaterThan(0);
      expect(rules.filter((r) => !wording.test(r.description)).map((r) => `${r.id}: ${r.description}`)).toEqual([]);
    });
  }
});
