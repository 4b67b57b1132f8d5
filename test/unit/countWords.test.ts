// The words an issue is said to have (Check Before Send, the command line) are counted by code: the same count as
// the Unicode pattern they were once matched with, on any text and any part of it.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { countWords } from '../../server/src/model/words';
import { sample } from '../support/fixture';

const PATTERN = /[\p{L}\p{N}][\p{L}\p{N}’'-]*/gu;
const matched = (text: string, from: number, to: number): number => text.slice(from, to).match(PATTERN)?.length ?? 0;

test('as many words as the pattern matches, in the sample and in each of its parts', () => {
  const text = sample();
  expect(countWords(text, 0, text.length)).toBe(matched(text, 0, text.length));
  expect(countWords(text, 0, text.length)).toBeGreaterThan(6_000);
  for (let from = 0; from < text.length; from += 997) expect(countWords(text, from, from + 1_500)).toBe(matched(text, from, from + 1_500));
});

test('as many as the pattern on any text: apostrophes and hyphens alone, digits, marks, pairs and lone halves', () => {
  const pieces = fc.constantFrom(
    'a',
    'É',
    '7',
    '٣',
    "'",
    '’',
    '-',
    '--',
    ' ',
    '\n',
    '“',
    'ё',
    '\u0301',
    '𝐀',
    '😀',
    '\ud835',
    '\udc00',
    'Ⅻ',
    '_',
    '.',
  );
  fc.assert(
    fc.property(fc.array(pieces, { maxLength: 40 }), fc.nat(), fc.nat(), (parts, a, b) => {
      const text = parts.join('');
      const from = a % (text.length + 1);
      const to = from + (b % (text.length - from + 1));
      expect(countWords(text, from, to)).toBe(matched(text, from, to));
    }),
    { numRuns: 2_000 },
  );
});
