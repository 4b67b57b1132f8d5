// Scans of the whole text that only ever look at one line at a time, done
// article by article so that after a keystroke only the edited article (and
// the text between articles) is scanned again.
import { shifted } from '../../model/shift';
import type { Span } from '../../model/types';
import type { CheckContext } from '../context';

/**
 * What a scan finds in a run of whole lines, at most `max` findings, with offsets into `part`. `part` starts at
 * a line start and ends after a line break or at the end of the text; a line break at its start may be the LF of
 * a CRLF that ended the line before. An empty line has nothing to find.
 */
export type LineScan<T extends Span> = (part: string, max: number) => T[];

const NONE: readonly never[] = [];

/** True when text[from, to) is line breaks alone: the blank lines between articles, most often. */
function onlyLineBreaks(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code !== 10 && code !== 13) return false;
  }
  return true;
}

/**
 * The findings of `scan` over the text before `end` (a line start, or the text's end), in order, at most `max`:
 * each article's are reused where the article is unchanged. An article's part runs from its first line's start
 * to its last line's break, included, so each line is scanned as part of exactly one part.
 */
export function scanByArticle<T extends Span>(
  context: CheckContext,
  name: string,
  scan: LineScan<T>,
  max: number,
  end = context.text.length,
): T[] {
  const { text } = context;
  const findings: T[] = [];
  const scanned = (from: number, to: number): readonly T[] => {
    // Between two articles: not sliced and scanned on every keystroke for nothing.
    if (onlyLineBreaks(text, from, to)) return NONE;
    const found = scan(text.slice(from, to), max);
    return from === 0 ? found : shifted(found, from);
  };
  const add = (found: readonly T[]): boolean => {
    for (const finding of found) {
      if (findings.length >= max) return false;
      findings.push(finding);
    }
    return findings.length < max;
  };
  let at = 0;
  for (const article of context.doc.articles) {
    const after = Math.min(article.end + 1, text.length);
    if (after > end) break;
    if (!add(scanned(at, article.start))) return findings;
    if (!add(context.perArticle(name, article, () => scanned(article.start, after)))) return findings;
    at = after;
  }
  add(scanned(at, end));
  return findings;
}
