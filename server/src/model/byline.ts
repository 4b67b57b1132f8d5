// Recognises a byline (`By Name in Place`, and its malformed twins `by`, `By:`, a
// trailing full stop) and splits it into authors.
import { rememberingStrings } from './detach';
import { isNameCharacters } from './nameWords';
import { isUpperInitial, trimSpan } from './text';
import type { Author, Byline, BylineProblem } from './types';

/** Lower-case words that may stand inside a list of names and places. */
const NAME_PARTICLES = new Set([
  'and',
  'in',
  'of',
  'the',
  'de',
  'da',
  'das',
  'do',
  'dos',
  'del',
  'della',
  'di',
  'van',
  'von',
  'der',
  'den',
  'ter',
  'al',
  'el',
  'bin',
  'ibn',
  'le',
  'la',
  'du',
  'y',
  'e',
  'staff',
  'correspondent',
  'correspondents',
  'reporter',
  'reporters',
  'team',
  'editors',
  'editor',
  'contributors',
  'contributor',
]);

const MAX_WORDS = 24;
const MAX_LENGTH = 200;

interface Word {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

function words(text: string, start: number, end: number): Word[] {
  const out: Word[] = [];
  const pattern = /\S+/g;
  const part = text.slice(start, end);
  for (let match = pattern.exec(part); match; match = pattern.exec(part)) {
    out.push({ start: start + match.index, end: start + match.index + match[0].length, text: match[0] });
  }
  return out;
}

/** A word that can be part of a name: capitalised, initials, hyphenated, with apostrophes. */
function isNameWord(word: string): boolean {
  return isUpperInitial(word) && isNameCharacters(word);
}

/**
 * Parses the span as a byline. Returns undefined when the text is not a byline
 * at all (prose such as `By blocking access to…`).
 */
export function parseByline(text: string, from: number, to: number): Byline | undefined {
  const span = trimSpan(text, from, to);
  if (span.end - span.start > MAX_LENGTH) return undefined;
  const head = text.slice(span.start, span.start + 3);
  if (!/^by\b/i.test(head)) return undefined;
  const problems: BylineProblem[] = [];
  let keywordEnd = span.start + 2;
  if (text.slice(span.start, keywordEnd) !== 'By') problems.push('keyword-case');
  if (text.charCodeAt(keywordEnd) === 58 /* : */) {
    keywordEnd++;
    problems.push('colon');
  } else if (keywordEnd < span.end && !/\s/.test(text.charAt(keywordEnd))) {
    return undefined;
  }
  const all = words(text, keywordEnd, span.end);
  if (all.length === 0) {
    return {
      start: span.start,
      end: span.end,
      keyword: { start: span.start, end: keywordEnd },
      authors: [],
      problems: [...problems, 'no-name'],
    };
  }
  if (all.length > MAX_WORDS) return undefined;
  const last = all[all.length - 1]!;
  if (last.text.endsWith('.') && !/^\p{Lu}\.$/u.test(last.text)) {
    problems.push('trailing-full-stop');
    all[all.length - 1] = { start: last.start, end: last.end - 1, text: last.text.slice(0, -1) };
  }
  if (!isNameWord(stripComma(all[0]!.text))) return undefined;

  const authors: Author[] = [];
  let group: Word[] = [];
  const flush = (): void => {
    const author = toAuthor(group);
    if (author) authors.push(author);
    group = [];
  };
  for (const word of all) {
    const bare = stripComma(word.text);
    if (bare === 'and' || bare === '&') {
      flush();
      continue;
    }
    if (!isNameWord(bare) && !NAME_PARTICLES.has(bare.toLowerCase())) return undefined;
    group.push({ start: word.start, end: word.start + bare.length, text: bare });
    if (bare !== word.text) flush();
  }
  flush();
  if (authors.length === 0) return undefined;
  return { start: span.start, end: span.end, keyword: { start: span.start, end: keywordEnd }, authors, problems };
}

function stripComma(word: string): string {
  return word.endsWith(',') || word.endsWith(';') ? word.slice(0, -1) : word;
}

function toAuthor(group: readonly Word[]): Author | undefined {
  const inAt = group.findIndex((w) => w.text === 'in');
  const nameWords = inAt < 0 ? group : group.slice(0, inAt);
  if (nameWords.length === 0) return undefined;
  const placeWords = inAt < 0 ? [] : group.slice(inAt + 1);
  const first = nameWords[0]!;
  const lastName = nameWords[nameWords.length - 1]!;
  const author: Author = {
    start: first.start,
    end: lastName.end,
    name: nameWords.map((w) => w.text).join(' '),
  };
  return placeWords.length > 0 ? Object.assign(author, { place: placeWords.map((w) => w.text).join(' ') }) : author;
}

/**
 * The name as people compare it: whitespace and quotes normalised, lower case. Remembered: the contents and
 * sign-off checks compare every byline's names again on each keystroke.
 */
export const personKey: (name: string) => string = rememberingStrings(
  (name) => name.replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase(),
  10_000,
);
