// How a new headline is written where an old one stood: in the capitals or the
// Title Case of that place, with or without its `COUNTRY: ` prefix, and broken
// over lines where the old title was.
import { isCapitals } from '../model/text';

const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'but', 'by', 'for', 'in', 'nor', 'of', 'on', 'or', 'the', 'to', 'vs']);

function capitalise(word: string): string {
  return word.toLowerCase().replace(/(^|[-–])(\p{L})/gu, (_, sep: string, letter: string) => sep + letter.toUpperCase());
}

/**
 * `KAZAKSTAN'S UNHAPPY OIL WORKERS` in Title Case. Words the old title had keep
 * the old title's spelling (so `EU` stays `EU`, `Kazak` stays `Kazak`).
 */
export function titleCase(headline: string, old = ''): string {
  const known = new Map(old.split(/\s+/).map((w) => [w.toLowerCase(), w] as const));
  return headline
    .split(/(\s+)/)
    .map((word, i) => {
      if (/^\s+$/.test(word) || word.length === 0) return word;
      const previous = known.get(word.toLowerCase());
      if (previous) return previous;
      const lower = word.toLowerCase();
      return i > 0 && SMALL_WORDS.has(lower) ? lower : capitalise(word);
    })
    .join('');
}

/** The headline without `COUNTRY: `. */
export function withoutCountry(headline: string): string {
  const m = /^[\p{Lu}\p{M} '’-]+:\s+(?=\S)/u.exec(headline);
  return m ? headline.slice(m[0].length) : headline;
}

/**
 * Breaks `text` where `old` was broken over two lines, with the same line break
 * and indent: after as many words as fit on the first line (which starts at
 * `column`) within `width`, as an editor rewrapping by hand would.
 */
export function wrapLike(text: string, old: string, column: number, width: number): string {
  const breakMatch = /(\r\n|\r|\n)([ \t]*)/.exec(old);
  if (!breakMatch) return text;
  let best = -1;
  for (let i = text.indexOf(' '); i >= 0; i = text.indexOf(' ', i + 1)) {
    if (column + i <= width || best < 0) best = i;
  }
  if (best < 0) return text;
  return `${text.slice(0, best)}${breakMatch[1]}${breakMatch[2]}${text.slice(best + 1)}`;
}

/**
 * The new headline as it should read in place of `oldText`, a title that named
 * the old headline, starting at `column` in a text wrapped at `width`.
 */
export function restyle(newHeadline: string, oldText: string, oldHeadline: string, column: number, width: number): string {
  const flatOld = oldText.replace(/\s+/g, ' ').trim();
  const keepCountry =
    withoutCountry(oldHeadline) === oldHeadline ||
    flatOld.toLowerCase().startsWith(oldHeadline.toLowerCase().split(':')[0]!.toLowerCase() + ':');
  const base = keepCountry ? newHeadline : withoutCountry(newHeadline);
  const cased = isCapitals(flatOld) ? base.toUpperCase() : titleCase(base, flatOld);
  return wrapLike(cased, oldText, column, width);
}
