import type { Check, Finding } from './check';
import type { Paragraph } from '../model/types';
import { forEachWord } from '../model/words';
import { perParagraphProse } from './facts/prose';

/** Doubles that are good English. */
const ALLOWED = new Set(['had', 'that']);

export const styleDoubledWord: Check = {
  code: 'style.doubled-word',
  severity: 'warning',
  description: 'The same word twice in a row ("and and").',
  heuristic: false,
  run(context) {
    return perParagraphProse(context, 'style.doubled-word', (text, paragraph) => doubledWords(text, [paragraph]));
  },
};

/** True when only spaces, tabs and line breaks stand between the offsets. */
function onlyWhitespace(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return false;
  }
  return true;
}

/** Two words of one length, equal but for case: compared only once their lengths agree. */
function sameWord(text: string, a: number, b: number, length: number): boolean {
  // Most neighbours of one length already differ in their first letter, ASCII case aside: no strings made.
  const x = text.charCodeAt(a);
  const y = text.charCodeAt(b);
  if (x !== y && x < 128 && y < 128 && (x | 32) !== (y | 32)) return false;
  return text.slice(a, a + length).toLowerCase() === text.slice(b, b + length).toLowerCase();
}

export function doubledWords(text: string, prose: readonly Paragraph[]): Finding[] {
  const findings: Finding[] = [];
  for (const paragraph of prose) {
    let previousStart = -1;
    let previousEnd = -1;
    forEachWord(text, paragraph.start, paragraph.end, (start, end) => {
      const length = end - start;
      if (
        previousStart >= 0 &&
        previousEnd - previousStart === length &&
        onlyWhitespace(text, previousEnd, start) &&
        sameWord(text, previousStart, start, length)
      ) {
        const word = text.slice(start, end);
        const lower = word.toLowerCase();
        if (!ALLOWED.has(lower) && !/^\d/.test(lower)) {
          findings.push({
            start: previousStart,
            end,
            message: `“${word}” twice in a row.`,
            fixes: [{ title: `Delete the second “${word}”`, edits: [{ start: previousEnd, end, newText: '' }], safe: true }],
          });
        }
      }
      previousStart = start;
      previousEnd = end;
    });
  }
  return findings;
}
