import { endsWithClosingPunctuation } from '../model/text';
import type { Check, Finding } from './check';
import { proseParagraphs } from './facts/prose';

const PAIRS: readonly (readonly [string, string, string])[] = [
  ['“', '”', 'quotation marks'],
  ['(', ')', 'parentheses'],
  ['[', ']', 'brackets'],
];

export const styleUnbalanced: Check = {
  code: 'style.unbalanced',
  severity: 'warning',
  description: 'A paragraph opens a quotation, parenthesis or bracket it does not close (or the other way round).',
  heuristic: true,
  run(context) {
    const { text } = context;
    const findings: Finding[] = [];
    const prose = proseParagraphs(context);
    prose.forEach(({ paragraph }, i) => {
      const part = text.slice(paragraph.start, paragraph.end);
      // A cut-off paragraph is reported as such; its open quote is part of that damage.
      if (!endsWithClosingPunctuation(part)) return;
      for (const [open, close, name] of PAIRS) {
        let depth = 0;
        let firstUnmatched = -1;
        let lastOpen = -1;
        for (let j = 0; j < part.length; j++) {
          const c = part[j];
          if (c === open) {
            if (depth === 0) lastOpen = j;
            depth++;
          } else if (c === close) {
            if (depth === 0 && firstUnmatched < 0) firstUnmatched = j;
            else if (depth > 0) depth--;
          }
        }
        const next = prose[i + 1];
        // A quotation running over several paragraphs opens each one and closes only at the end.
        const continues = open === '“' && next && text.slice(next.paragraph.start, next.paragraph.start + 1) === '“';
        if (depth > 0 && !continues) {
          const at = paragraph.start + lastOpen;
          findings.push({ start: at, end: at + 1, message: `Unbalanced ${name}: “${open}” is not closed in this paragraph.` });
        } else if (firstUnmatched >= 0) {
          const at = paragraph.start + firstUnmatched;
          findings.push({ start: at, end: at + 1, message: `Unbalanced ${name}: “${close}” closes nothing opened in this paragraph.` });
        }
      }
    });
    return findings;
  },
};
