// The line width an issue keeps to: the length its wrapped prose lines reach.
import { linesOf } from './lines';
import { append } from './arrays';
import type { Article, BulletinDocument } from './types';

export const DEFAULT_WIDTH = 72;
const WRAP_SLACK = 2;
const SAMPLED_LINES = 4000;

const lengthsByArticle = new WeakMap<Article, readonly number[]>();
/**
 * The width measured from the articles `sampled`, by the first of them: after an edit past them (the same
 * article objects, which the parse keeps only where the text is unchanged) it is the same. `cut` when the
 * sample stopped short of the last article.
 */
const widthBySample = new WeakMap<Article, { readonly sampled: readonly Article[]; readonly cut: boolean; readonly width: number }>();

/** The lengths of an article's wrapped lines (every line of a body paragraph but its last), read once per article. */
function wrappedLengths(text: string, article: Article): readonly number[] {
  let lengths = lengthsByArticle.get(article);
  if (!lengths) {
    const found: number[] = [];
    for (const paragraph of article.body) {
      if (paragraph.lineCount < 2) continue;
      const lines = linesOf(text, paragraph);
      for (let i = 0; i < lines.length - 1; i++) found.push(lines[i]!.end - lines[i]!.start);
      if (found.length > SAMPLED_LINES) break;
    }
    lengthsByArticle.set(article, (lengths = found));
  }
  return lengths;
}

/**
 * The width the prose is wrapped at, read from the lines that were
 * wrapped (every line of a body paragraph but its last): the longest of them
 * — from the 95th percentile up, as long as the lengths seen run on without a
 * gap, since lines edited after wrapping stand apart, and two lines at least
 * have the next length, since one line being typed into must not carry the
 * width along with it — plus the two columns a
 * wrapping tool leaves free (`fmt -w 72` aims short of 72 and never passes it).
 * The 2011 sample's body lines reach 70: it wraps at 72.
 */
export function measuredWidth(doc: BulletinDocument): number {
  const first = doc.articles[0];
  const known = first && widthBySample.get(first);
  if (known && (known.cut || known.sampled.length === doc.articles.length) && known.sampled.every((a, i) => doc.articles[i] === a))
    return known.width;
  const lengths: number[] = [];
  const sampled: Article[] = [];
  // The first few thousand wrapped lines tell the width; a long issue is not read to its end on every keystroke.
  for (const article of doc.articles) {
    sampled.push(article);
    append(lengths, wrappedLengths(doc.text, article));
    if (lengths.length > SAMPLED_LINES) break;
  }
  const width = widthOf(lengths);
  if (first) widthBySample.set(first, { sampled, cut: lengths.length > SAMPLED_LINES, width });
  return width;
}

/** How many lines one longer the width takes on to. */
const RUN_ON = 2;

/** Lengths up to this are counted in a table; longer ones, rare, are kept aside. */
const COUNTED = 1024;

/**
 * The width wrapped lines of these lengths keep to: the 95th percentile of the lengths, taken on while two lines
 * at least are one longer, plus the wrapping slack. A single line does not carry it on: typing into a line one
 * longer than the others moved the width by a column, and back on the next keystroke, so that the warnings on
 * every line of the next length came and went (and with the width, every check's results kept between versions).
 * The lengths are counted, not sorted: after a keystroke that changed the lines sampled, this runs again on
 * thousands of them.
 */
export function widthOf(lengths: readonly number[]): number {
  if (lengths.length < 10) return DEFAULT_WIDTH;
  const counts = new Uint32Array(COUNTED + 2);
  const longer: number[] = [];
  for (const length of lengths) {
    if (length <= COUNTED) counts[length]!++;
    else longer.push(length);
  }
  longer.sort((a, b) => a - b);
  const rank = Math.floor(lengths.length * 0.95);
  let width = 0;
  let below = counts[0]!;
  while (below <= rank && width < COUNTED) below += counts[++width]!;
  if (below <= rank) width = longer[rank - below]!;
  const longerCounts = new Map<number, number>();
  for (const length of longer) longerCounts.set(length, (longerCounts.get(length) ?? 0) + 1);
  while ((width + 1 <= COUNTED ? counts[width + 1]! : (longerCounts.get(width + 1) ?? 0)) >= RUN_ON) width++;
  return Math.max(40, width + WRAP_SLACK);
}
