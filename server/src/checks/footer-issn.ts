import type { Check, Finding } from './check';

const ISSN = /ISSN:?\s*(\d{4})[-‐–]?(\d{3})([\dXx])\b/g;

/** The ISSN check digit for its first seven digits: weights 8..2, modulo 11, 10 written X. */
export function issnCheckDigit(first7: string): string {
  let sum = 0;
  for (let i = 0; i < 7; i++) sum += Number(first7.charAt(i)) * (8 - i);
  const digit = (11 - (sum % 11)) % 11;
  return digit === 10 ? 'X' : String(digit);
}

export const footerIssn: Check = {
  code: 'footer.issn',
  severity: 'error',
  description: "The footer's ISSN has a wrong check digit, or differs from the template's.",
  heuristic: false,
  run({ doc, text, footer }) {
    if (!doc.footer) return [];
    ISSN.lastIndex = 0;
    const expected = ISSN.exec(footer.source);
    const findings: Finding[] = [];
    const part = text.slice(doc.footer.start, doc.footer.end);
    ISSN.lastIndex = 0;
    for (let m = ISSN.exec(part); m; m = ISSN.exec(part)) {
      const start = doc.footer.start + m.index + m[0].length - 9;
      const issn = `${m[1]}-${m[2]}${m[3]!.toUpperCase()}`;
      const check = issnCheckDigit(`${m[1]}${m[2]}`);
      if (check !== m[3]!.toUpperCase()) {
        findings.push({ start, end: start + 9, message: `ISSN ${issn} is not valid: its check digit should be ${check}.` });
        continue;
      }
      const template = expected ? `${expected[1]}-${expected[2]}${expected[3]!.toUpperCase()}` : undefined;
      if (template && template !== issn) {
        findings.push({
          start,
          end: start + 9,
          message: `ISSN ${issn} differs from the footer template's ${template}.`,
          fixes: [{ title: `Change to ${template}`, edits: [{ start, end: start + 9, newText: template }], safe: false }],
        });
      }
    }
    return findings;
  },
};
