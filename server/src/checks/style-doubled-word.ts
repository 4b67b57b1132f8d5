import type { Check, Finding } from './check';
import type { Paragraph } from '../model/types';
import { perArticleProse } from './facts/prose';

/** Doubles that are good English. */
const ALLOWED = new Set(['had', 'that']);
const WORD = /[\p{L}\p{N}’'-]+/gu;

/** True when only spaces, tabs and line breaks stand between the offsets. */
function onlyWhitespace(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return false;
  }
  return true;
}

export const styleDoubledWord: Check = {
  code: 'style.doubled-word',
  severity: 'warning',
  description: 'The same word twice in a row ("and and").',
  heuristic: false,
  run(context) {
    return perArticleProse(context, 'style.doubled-word', doubledWords);
  },
};

function doubledWords(text: string, prose: readonly Paragraph[]): Finding[] {
  const findings: Finding[] = [];
  for (const paragraph of prose) {
    // One slice per paragraph: a search of the whole text could run far past a paragraph without words.
    const part = text.slice(paragraph.start, paragraph.end);
    let previousStart = -1;
    let previousEnd = -1;
    WORD.lastIndex = 0;
    for (let m = WORD.exec(part); m; m = WORD.exec(part)) {
      const start = paragraph.start + m.index;
      const end = start + m[0].length;
      const length = end - start;
      if (
        previousStart >= 0 &&
        previousEnd - previousStart === length &&
        onlyWhitespace(text, previousEnd, start) &&
        text.slice(previousStart, previousEnd).toLowerCase() === m[0].toLowerCase()
      ) {
        const word = m[0].toLowerCase();
        if (!ALLOWED.has(word) && !/^\d/.test(word)) {
          findings.push({
            start: previousStart,
            end,
            message: `“${m[0]}” twice in a row.`,
            fixes: [{ title: `Delete the second “${m[0]}”`, edits: [{ start: previousEnd, end, newText: '' }], safe: true }],
          });
        }
      }
      previousStart = start;
      previousEnd = end;
    }
  }
  return findings;
}
