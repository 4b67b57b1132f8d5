import { endsWithClosingPunctuation } from '../model/text';
import type { Check, Finding } from './check';
import type { Paragraph } from '../model/types';
import { perParagraphProse } from './facts/prose';

const PAIRS: readonly (readonly [string, string, string])[] = [
  ['“', '”', 'quotation marks'],
  ['(', ')', 'parentheses'],
  ['[', ']', 'brackets'],
];

/** The marks PAIRS name, one code unit each. */
const MARKS = /[“”()[\]]/g;

export const styleUnbalanced: Check = {
  code: 'style.unbalanced',
  severity: 'warning',
  description: 'A paragraph opens a quotation, parenthesis or bracket it does not close (or the other way round).',
  heuristic: true,
  run(context) {
    return perParagraphProse(
      context,
      NAME,
      (text, paragraph, next) => unbalanced(text, paragraph, continues(text, next)),
      (text, next) => (continues(text, next) ? CONTINUED : NAME),
    );
  },
};

const NAME = 'style.unbalanced';
/** Where a paragraph's results are kept when the next paragraph opens with a quotation mark. */
const CONTINUED = 'style.unbalanced: continued';

/** True when the next paragraph opens with a quotation mark: a quotation may run on into it. */
function continues(text: string, next: Paragraph | undefined): boolean {
  return next !== undefined && text.charAt(next.start) === '“';
}

/** The paragraph's unbalanced marks; `continued`, when a quotation it opens may run on into the next. */
function unbalanced(text: string, paragraph: Paragraph, continued: boolean): Finding[] {
  const findings: Finding[] = [];
  // A cut-off paragraph is reported as such; its open quote is part of that damage.
  if (!endsWithClosingPunctuation(text.slice(Math.max(paragraph.start, paragraph.end - 8), paragraph.end))) return findings;
  const depth = [0, 0, 0];
  const firstUnmatched = [-1, -1, -1];
  const lastOpen = [-1, -1, -1];
  // The pattern skips to the next mark several times faster than a loop over every character.
  const part = text.slice(paragraph.start, paragraph.end);
  MARKS.lastIndex = 0;
  while (MARKS.test(part)) {
    const j = paragraph.start + MARKS.lastIndex - 1;
    const c = text.charCodeAt(j);
    const k = c === 0x201c || c === 0x201d ? 0 : c === 40 || c === 41 ? 1 : 2;
    const opening = c === 0x201c || c === 40 || c === 91;
    if (opening) {
      if (depth[k] === 0) lastOpen[k] = j;
      depth[k]!++;
    } else if (depth[k]! > 0) {
      depth[k]!--;
    } else if (firstUnmatched[k]! < 0) {
      firstUnmatched[k] = j;
    }
  }
  PAIRS.forEach(([open, close, name], k) => {
    // A quotation running over several paragraphs of the article opens each one and closes only at the end.
    if (depth[k]! > 0 && !(k === 0 && continued)) {
      const at = lastOpen[k]!;
      findings.push({ start: at, end: at + 1, message: `Unbalanced ${name}: “${open}” is not closed in this paragraph.` });
    } else if (firstUnmatched[k]! >= 0) {
      const at = firstUnmatched[k]!;
      findings.push({ start: at, end: at + 1, message: `Unbalanced ${name}: “${close}” closes nothing opened in this paragraph.` });
    }
  });
  return findings;
}
