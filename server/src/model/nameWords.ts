// Capitalized names as the parse reads them in speakers' labels, sign-offs,
// bylines and headlines' countries, found by a scan over character codes. The
// regular expressions they replace, with classes such as `[\p{L}\p{M}’'.-]`,
// each took 1–3 ms to compile on a text with curly quotes (two bytes a
// character): together about a fifth of a freshly started server's first
// analysis of the sample (the command line's check of one file gains as much).
import { isWhitespace } from './text';
import { LETTER, MARK, UPPER, bitsAt, widthAt } from './words';

const APOSTROPHE = 0x27;
const RIGHT_QUOTE = 0x2019;
const FULL_STOP = 0x2e;
const HYPHEN = 0x2d;

/** Width of the character at `at` when it may go on a name (`[\p{L}\p{M}’'.-]`), else 0. */
function nameCharacterWidth(text: string, at: number): number {
  const code = text.charCodeAt(at);
  if (code === APOSTROPHE || code === RIGHT_QUOTE || code === FULL_STOP || code === HYPHEN) return 1;
  return (bitsAt(text, at) & (LETTER | MARK)) !== 0 ? widthAt(text, at) : 0;
}

/**
 * Where the name word starting at `at` ends: a capital, then the letters, marks, apostrophes, full stops and
 * hyphens that follow it, all of them (what `\p{Lu}[\p{L}\p{M}’'.-]*` matches greedily). -1 when no capital
 * stands at `at`, or when more than `longest` characters follow it (`{0,longest}`, followed by anything but such
 * a character).
 */
function nameWordEnd(text: string, at: number, longest = Infinity): number {
  if (at >= text.length || (bitsAt(text, at) & UPPER) === 0) return -1;
  let end = at + widthAt(text, at);
  let count = 0;
  while (end < text.length) {
    const width = nameCharacterWidth(text, end);
    if (width === 0) break;
    if (++count > longest) return -1;
    end += width;
  }
  return end;
}

/** Where the whitespace (what `\s` matches) from `at` ends. */
function spacesEnd(text: string, at: number): number {
  let end = at;
  while (end < text.length && isWhitespace(text.charCodeAt(end))) end++;
  return end;
}

/**
 * Where a run of up to `most` name words from `at` ends, each after whitespace (`\s+`), and how many there are:
 * as many as follow one another; undefined when no name word starts at `at`. What `(?:W\s+){0,most-1}W` matches,
 * W a name word: its words run to whitespace or to a character that may not go on a name, so no shorter match is
 * ever taken instead.
 */
function nameWordsEnd(text: string, at: number, most: number): { end: number; words: number } | undefined {
  let end = nameWordEnd(text, at);
  if (end < 0) return undefined;
  let words = 1;
  while (words < most) {
    const next = spacesEnd(text, end);
    if (next === end) break;
    const after = nameWordEnd(text, next);
    if (after < 0) break;
    end = after;
    words++;
  }
  return { end, words };
}

/** True when every character of `word` may go on a name (`/^[\p{L}\p{M}'’.-]+$/u`). */
export function isNameCharacters(word: string): boolean {
  if (word.length === 0) return false;
  for (let at = 0; at < word.length;) {
    const width = nameCharacterWidth(word, at);
    if (width === 0) return false;
    at += width;
  }
  return true;
}

const SPACE = 0x20;
const TAB = 0x09;
const COLON = 0x3a;

/**
 * A speaker's label opening a paragraph at `at` ("Kasymov: …"): one to four name words of at most 31 characters,
 * one space between them, then a colon, spaces or tabs, and more text. Where the label ends, and where the match
 * ends (after the first character of that text); what
 * `/([\p{Lu}][\p{L}\p{M}’'.-]{0,30}(?: [\p{Lu}][\p{L}\p{M}’'.-]{0,30}){0,3}):[ \t]+\S/uy` matches at `at`.
 */
export function speakerLabelAt(text: string, at: number): { label: number; end: number } | undefined {
  let label = nameWordEnd(text, at, 30);
  if (label < 0) return undefined;
  for (let words = 1; words < 4 && text.charCodeAt(label) === SPACE; words++) {
    const next = nameWordEnd(text, label + 1, 30);
    if (next < 0) break;
    label = next;
  }
  if (text.charCodeAt(label) !== COLON) return undefined;
  let after = label + 1;
  while (text.charCodeAt(after) === SPACE || text.charCodeAt(after) === TAB) after++;
  if (after === label + 1 || after >= text.length || isWhitespace(text.charCodeAt(after))) return undefined;
  return { label, end: after + widthAt(text, after) };
}

const INTERVIEW = 'Interview conducted by';

/**
 * The interviewer an interview's sign-off names: up to four name words after "Interview conducted by" and
 * whitespace. What `/Interview conducted by\s+((?:W\s+){0,3}W)/u` captures, W a name word.
 */
export function interviewerIn(raw: string): { start: number; end: number } | undefined {
  for (let at = raw.indexOf(INTERVIEW); at >= 0; at = raw.indexOf(INTERVIEW, at + 1)) {
    const after = at + INTERVIEW.length;
    const start = spacesEnd(raw, after);
    if (start === after) continue;
    const names = nameWordsEnd(raw, start, 4);
    if (names) return { start, end: names.end };
  }
  return undefined;
}

const AUTHOR_VERBS = ['is', 'are', 'was', 'were', 'works'];

/**
 * Where the name opening an author's note ends ("Joanna Lillis is a journalist…"): two to four name words, then
 * whitespace, one of the verbs and whitespace; -1 when the text does not open so. What
 * `/^((?:W\s+){1,3}W)\s+(?:is|are|was|were|works)\s/u` captures, W a name word.
 */
export function authorNoteNameEnd(raw: string): number {
  const names = nameWordsEnd(raw, 0, 4);
  if (!names || names.words < 2) return -1;
  const verb = spacesEnd(raw, names.end);
  if (verb === names.end) return -1;
  for (const word of AUTHOR_VERBS) {
    const after = verb + word.length;
    if (raw.startsWith(word, verb) && after < raw.length && isWhitespace(raw.charCodeAt(after))) return names.end;
  }
  return -1;
}

/**
 * Where the country opening a headline ends ("KAZAKSTAN: …"): a capital, then capitals, marks, spaces,
 * apostrophes and hyphens up to a colon, whitespace and more text; -1 when the headline does not open so. What
 * `/^([\p{Lu}][\p{Lu}\p{M} '’-]*?):\s+\S/u` captures.
 */
export function headlineCountryEnd(headline: string): number {
  if (headline.length === 0 || (bitsAt(headline, 0) & UPPER) === 0) return -1;
  let at = widthAt(headline, 0);
  while (at < headline.length && headline.charCodeAt(at) !== COLON) {
    const code = headline.charCodeAt(at);
    if (code === SPACE || code === APOSTROPHE || code === RIGHT_QUOTE || code === HYPHEN) at++;
    else if ((bitsAt(headline, at) & (UPPER | MARK)) !== 0) at += widthAt(headline, at);
    else return -1;
  }
  if (at >= headline.length) return -1;
  const text = spacesEnd(headline, at + 1);
  return text > at + 1 && text < headline.length ? at : -1;
}
