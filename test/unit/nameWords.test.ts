// The name and title-word scanners of the parse against the regular expressions they replace:
// the same matches, to the character, on strings made of what names, labels
// and sign-offs are made of (capitals, marks, astral letters, lone surrogates,
// every kind of space, the verbs and phrases the patterns look for).
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { authorNoteNameEnd, headlineCountryEnd, interviewerIn, isNameCharacters, speakerLabelAt } from '../../server/src/model/nameWords';
import { titleKey, titleWords } from '../../server/src/model/text';

const SPEAKER = /([\p{Lu}][\p{L}\p{M}’'.-]{0,30}(?: [\p{Lu}][\p{L}\p{M}’'.-]{0,30}){0,3}):[ \t]+\S/uy;
const INTERVIEW = /Interview conducted by\s+((?:\p{Lu}[\p{L}\p{M}’'.-]*\s+){0,3}\p{Lu}[\p{L}\p{M}’'.-]*)/u;
const AUTHOR_NOTE = /^((?:\p{Lu}[\p{L}\p{M}’'.-]*\s+){1,3}\p{Lu}[\p{L}\p{M}’'.-]*)\s+(?:is|are|was|were|works)\s/u;
const COUNTRY = /^([\p{Lu}][\p{Lu}\p{M} '’-]*?):\s+\S/u;
const NAME_CHARACTERS = /^[\p{L}\p{M}'’.-]+$/u;

const PIECES = [
  ...'ABZaézßÉİǅΩωДд1',
  '\u0301',
  '\u0300',
  '𝐀',
  '𝐚',
  '😀',
  '\ud835',
  '\udc00',
  ...' \t\n\r\u00a0\u2003\u3000\ufeff',
  ...":.-'’,“”()",
  'Kasymov',
  'O’Brien',
  'Smith-Jones',
  'U.S.',
  'IWPR',
  'abcdefghijklmnopqrstuvwxyzabcd',
  'abcdefghijklmnopqrstuvwxyzabcde',
  '²٣Ⅻ𝟙',
  'Interview conducted by',
  'Interview conducted by ',
  ' is ',
  'is',
  'are',
  'was',
  'were',
  'works',
  ': ',
];

const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 24 }).map((pieces) => pieces.join(''));
const runs = { numRuns: 3000 };

describe('name scanners match the patterns they replace', () => {
  test('speaker labels, at every position', () => {
    fc.assert(
      fc.property(text, (s) => {
        for (let at = 0; at <= s.length; at++) {
          // Paragraphs start at lines, never inside a surrogate pair (where the pattern would start from the pair).
          if (/[\ud800-\udbff]/.test(s.charAt(at - 1)) && /[\udc00-\udfff]/.test(s.charAt(at))) continue;
          SPEAKER.lastIndex = at;
          const m = SPEAKER.exec(s);
          const expected = m ? { label: at + m[1]!.length, end: at + m[0].length } : undefined;
          expect(speakerLabelAt(s, at)).toEqual(expected);
        }
      }),
      runs,
    );
  });

  test('interviewers', () => {
    fc.assert(
      fc.property(text, (s) => {
        const m = INTERVIEW.exec(s);
        const start = m ? m.index + m[0].length - m[1]!.length : 0;
        expect(interviewerIn(s)).toEqual(m ? { start, end: start + m[1]!.length } : undefined);
      }),
      runs,
    );
  });

  test("authors' notes", () => {
    fc.assert(
      fc.property(text, (s) => {
        const m = AUTHOR_NOTE.exec(s);
        expect(authorNoteNameEnd(s)).toBe(m ? m[1]!.length : -1);
      }),
      runs,
    );
  });

  test("headlines' countries", () => {
    fc.assert(
      fc.property(text, (s) => {
        const m = COUNTRY.exec(s);
        expect(headlineCountryEnd(s)).toBe(m ? m[1]!.length : -1);
      }),
      runs,
    );
  });

  test('name characters', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(isNameCharacters(s)).toBe(NAME_CHARACTERS.test(s));
      }),
      runs,
    );
  });

  test("titles' words", () => {
    fc.assert(
      fc.property(text, (s) => {
        const expected = titleKey(s)
          .split(/[^\p{L}\p{N}']+/u)
          .filter((w) => w.length > 0);
        expect(titleWords(s)).toEqual(expected);
      }),
      runs,
    );
  });

  test('the cases the sample has', () => {
    expect(speakerLabelAt('IWPR: What happened?', 0)).toEqual({ label: 4, end: 7 });
    expect(speakerLabelAt('Amangeldy Kasymov: We', 0)).toEqual({ label: 17, end: 20 });
    expect(speakerLabelAt('Five Words Are Too Many: no', 0)).toBeUndefined();
    expect(interviewerIn('Interview conducted by Ivan Ivanov, IWPR.')).toEqual({ start: 23, end: 34 });
    expect(authorNoteNameEnd('Joanna Lillis is a freelance journalist.')).toBe(13);
    expect(authorNoteNameEnd('Lillis is a freelance journalist.')).toBe(-1);
    expect(headlineCountryEnd('KAZAKSTAN: Oil Town Waits')).toBe(9);
    expect(isNameCharacters('O’Brien')).toBe(true);
    expect(isNameCharacters('Brien2')).toBe(false);
    expect(titleWords('Oil Town’s 2011 Strike — Over?')).toEqual(titleKey('Oil Town’s 2011 Strike — Over?').split(/[^\p{L}\p{N}']+/u));
  });
});
