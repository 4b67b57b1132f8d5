// Text helpers shared by the parser and the checks: matching keys, trimming, letter case.
import { rememberingStrings } from './detach';
import { WORD, bitsAt, widthAt } from './words';
import type { Headline, Span, Text } from './types';

const QUOTES: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u2032': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u201f': '"',
  '\u2033': '"',
  '\u2013': '-',
  '\u2014': '-',
  '\u2012': '-',
  '\u2212': '-',
  '\u00a0': ' ',
};

const TYPOGRAPHIC = /[\u2018\u2019\u201a\u201b\u2032\u201c\u201d\u201e\u201f\u2033\u2013\u2014\u2012\u2212\u00a0]/g;

/** Typographic quotes and dashes as their ASCII twins. */
export function asciiPunctuation(text: string): string {
  return text.replace(TYPOGRAPHIC, (c) => QUOTES[c] ?? c);
}

/** Runs of whitespace, line breaks included, as one space; trimmed. */
export function collapseWhitespace(text: string): string {
  return isCollapsed(text) ? text : text.replace(/\s+/g, ' ').trim();
}

/**
 * True when `collapseWhitespace` would give the text as it is: most headlines and standfirsts asked about, which
 * a document's first check then reads once instead of having a pattern replace nothing in them.
 */
function isCollapsed(text: string): boolean {
  const last = text.length - 1;
  for (let i = 0; i <= last; i++) {
    const code = text.charCodeAt(i);
    if (code === 32) {
      if (i === 0 || i === last || text.charCodeAt(i + 1) === 32) return false;
    } else if (code < 0x21 || code > 0x7e) {
      if (isWhitespace(code)) return false;
    }
  }
  return true;
}

/** A one-line text cut to `max` characters, at a space past half of them where there is one, marked `…`. */
export function cutAtWord(flat: string, max: number): string {
  if (flat.length <= max) return flat;
  const cut = flat.lastIndexOf(' ', max);
  return `${sliceCharacters(flat, 0, cut > max / 2 ? cut : max)}…`;
}

/** The excerpts asked for, by their length: a handful of lengths, each for the few texts a message or the outline quotes. */
const excerpts = new Map<number, (text: string) => string>();

/**
 * The first words of a span as one line: whitespace collapsed, cut as `cutAtWord` does, reading no further than
 * `read` characters. Remembered by the characters read: every keystroke quotes the same untitled articles,
 * contents entries and footer blocks again.
 */
export function excerptOf(text: string, span: Span, max: number, read = max * 4): string {
  let excerpt = excerpts.get(max);
  if (!excerpt) excerpts.set(max, (excerpt = rememberingStrings((chars) => cutAtWord(collapseWhitespace(chars), max), 5_000)));
  return excerpt(sliceCharacters(text, span.start, Math.min(span.end, span.start + read)));
}

/**
 * The key two titles must share to match: case, whitespace and quote styles
 * normalised, surrounding punctuation dropped. Remembered for as many titles as a 10 MB issue asks for on
 * every keystroke: with fewer, each keystroke there forgot them all and computed them again.
 */
export const titleKey: (text: string) => string = rememberingStrings(computeTitleKey, 10_000);

const keysOfText = new WeakMap<Text, string>();
const keysOfSpan = new WeakMap<Span, string>();
const shortKeys = new WeakMap<Headline, string>();

/**
 * `titleKey` of a node's text, remembered for the node: the parse keeps a node only while its text is unchanged,
 * and the checks ask again, on every keystroke, for the keys of all of a long issue's headlines and
 * standfirsts (looking each string up hashes it anew: 3.7 ms per keystroke in a 10 MB issue).
 */
export function titleKeyOf(node: Text): string {
  let key = keysOfText.get(node);
  if (key === undefined) keysOfText.set(node, (key = titleKey(node.text)));
  return key;
}

/** `titleKey` of the text a node spans (a paragraph of `text`), remembered for the node. */
export function titleKeyAt(text: string, node: Span): string {
  let key = keysOfSpan.get(node);
  if (key === undefined) keysOfSpan.set(node, (key = titleKey(text.slice(node.start, node.end))));
  return key;
}

/** The key of a headline without its `COUNTRY: ` prefix (which references may leave out); none without one. */
export function shortTitleKey(headline: { readonly text: string; readonly country?: string }): string | undefined {
  return headline.country ? titleKey(headline.text.slice(headline.text.indexOf(':') + 1)) : undefined;
}

/** `shortTitleKey`, remembered for the headline. */
export function shortTitleKeyOf(headline: Headline): string | undefined {
  let key = shortKeys.get(headline);
  if (key === undefined) {
    key = shortTitleKey(headline);
    if (key !== undefined) shortKeys.set(headline, key);
  }
  return key;
}

function computeTitleKey(text: string): string {
  return trimChars(collapseWhitespace(asciiPunctuation(text).replace(/"/g, '')).toLowerCase(), "'( ", "'.,;:!?) ");
}

/** Drops leading characters in `lead` and trailing ones in `trail` (a loop: linear on any input). */
function trimChars(text: string, lead: string, trail: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && lead.includes(text.charAt(start))) start++;
  while (end > start && trail.includes(text.charAt(end - 1))) end--;
  return text.slice(start, end);
}

/** Width of the character at `at` when it is a letter, a digit or `'` (`[\p{L}\p{N}']`), else 0. */
function titleCharacterWidth(text: string, at: number): number {
  const code = text.charCodeAt(at);
  // WORD is [\p{L}\p{N}’'-]: this class, with the right quote and the hyphen besides.
  if (code === 0x2019 || code === 0x2d) return 0;
  return (bitsAt(text, at) & WORD) !== 0 ? widthAt(text, at) : 0;
}

/**
 * The words of a title for fuzzy comparison: its runs of letters, digits and `'` (what splitting at
 * `/[^\p{L}\p{N}']+/u` leaves, found without that pattern, which took a millisecond to compile on a text with
 * curly quotes).
 */
export function titleWords(text: string): string[] {
  const key = titleKey(text);
  const words: string[] = [];
  let at = 0;
  while (at < key.length) {
    let width = titleCharacterWidth(key, at);
    if (width === 0) {
      at++;
      continue;
    }
    const start = at;
    while (width > 0) {
      at += width;
      width = at < key.length ? titleCharacterWidth(key, at) : 0;
    }
    words.push(key.slice(start, at));
  }
  return words;
}

export function slice(text: string, span: Span): string {
  return text.slice(span.start, span.end);
}

/** The span with surrounding whitespace removed. */
export function trimSpan(text: string, start: number, end: number): Span {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

export function textAt(text: string, start: number, end: number): Text {
  const span = trimSpan(text, start, end);
  return { start: span.start, end: span.end, text: text.slice(span.start, span.end) };
}

/** What `\s` matches (a test holds it to the pattern for every code unit), without a regular expression. */
export function isWhitespace(code: number): boolean {
  if (code < 0xa0) return code === 32 || (code >= 9 && code <= 13);
  if (code < 0x1680) return code === 0xa0;
  if (code < 0x2000) return code === 0x1680;
  return code <= 0x200a || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

export function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0;
}

/** True when the text has letters and none of them is lower case. */
export function isCapitals(text: string): boolean {
  let letters = 0;
  for (const ch of text) {
    if (ch.toLowerCase() !== ch.toUpperCase()) {
      if (ch !== ch.toUpperCase()) return false;
      letters++;
    }
  }
  return letters >= 2;
}

/** A word written in capitals: it has a letter and no lower-case one (`A`, `KAZAKSTAN:`, `IWPR’S`). */
export function isCapitalWord(word: string): boolean {
  let letters = 0;
  for (const ch of word) {
    if (ch.toLowerCase() !== ch.toUpperCase()) {
      if (ch !== ch.toUpperCase()) return false;
      letters++;
    }
  }
  return letters > 0;
}

export function isUpperInitial(word: string): boolean {
  const first = word.charAt(0);
  return first !== first.toLowerCase() && first === first.toUpperCase();
}

const CLOSING = /[.!?:;…"'”’)\]]$/u;

/** True when a paragraph's last character closes a sentence (full stop, quote, bracket…). */
export function endsWithClosingPunctuation(text: string): boolean {
  return CLOSING.test(text.trimEnd());
}

/** The offset, moved back to the start of its character when it falls between the halves of a surrogate pair. */
export function characterStart(text: string, offset: number): number {
  const c = text.charCodeAt(offset);
  const before = text.charCodeAt(offset - 1);
  return c >= 0xdc00 && c <= 0xdfff && before >= 0xd800 && before <= 0xdbff ? offset - 1 : offset;
}

/** `text.slice(start, end)` with both ends moved back to a character's start: no half of a surrogate pair at either end. */
export function sliceCharacters(text: string, start: number, end: number): string {
  return text.slice(characterStart(text, start), characterStart(text, end));
}

/** The document's line break: the first one it uses, `\n` when it has none. */
export function lineBreakOf(text: string): string {
  const m = /\r\n|\r|\n/.exec(text.slice(0, 100000));
  return m ? m[0] : '\n';
}
