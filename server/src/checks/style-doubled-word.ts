import type { Check, Finding } from './check';
import { proseParagraphs } from './facts/prose';

/** Doubles that are good English. */
const ALLOWED = new Set(['had', 'that']);
const WORD = /[\p{L}\p{N}’'-]+/gu;

export const styleDoubledWord: Check = {
  code: 'style.doubled-word',
  severity: 'warning',
  description: 'The same word twice in a row ("and and").',
  heuristic: false,
  run(context) {
    const { text } = context;
    const findings: Finding[] = [];
    for (const { paragraph } of proseParagraphs(context)) {
      const part = text.slice(paragraph.start, paragraph.end);
      let previous: { word: string; end: number } | undefined;
      WORD.lastIndex = 0;
      for (let m = WORD.exec(part); m; m = WORD.exec(part)) {
        const start = paragraph.start + m.index;
        const word = m[0].toLowerCase();
        const gap = previous ? part.slice(previous.end - paragraph.start, m.index) : '';
        if (previous && previous.word === word && /^\s+$/.test(gap) && !ALLOWED.has(word) && !/^\d/.test(word)) {
          findings.push({
            start: previous.end - m[0].length,
            end: start + m[0].length,
            message: `“${m[0]}” twice in a row.`,
            fixes: [
              { title: `Delete the second “${m[0]}”`, edits: [{ start: previous.end, end: start + m[0].length, newText: '' }], safe: true },
            ],
          });
        }
        previous = { word, end: start + m[0].length };
      }
    }
    return findings;
  },
};
