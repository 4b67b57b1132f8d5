// The line width an issue keeps to: the length its wrapped prose lines reach.
import { append } from './arrays';
import { linesOf } from './lines';
import { parsedParagraph } from './paragraphs';
import type { Article, BulletinDocument, Paragraph } from './types';

export const DEFAULT_WIDTH = 72;
const WRAP_SLACK = 2;
const SAMPLED_LINES = 4000;

const lengthsByArticle = new WeakMap<Article, readonly number[]>();
/** A paragraph's wrapped lines' lengths, by the document's paragraph object, which the parse keeps while its text is. */
const lengthsByParagraph = new WeakMap<Paragraph, readonly number[]>();

/**
 * The lengths of an article's wrapped lines (every line of a body paragraph but its last), read once per article.
 * After an edit (`edited`), the edited article's paragraphs that the edit left alone are not read again.
 */
function wrappedLengths(doc: BulletinDocument, article: Article, edited: boolean): readonly number[] {
  let lengths = lengthsByArticle.get(article);
  if (!lengths) {
    const found: number[] = [];
    for (const paragraph of article.body) {
      if (paragraph.lineCount < 2) continue;
      const parsed = edited ? parsedParagraph(doc, paragraph) : undefined;
      let own = parsed && lengthsByParagraph.get(parsed);
      if (!own) {
        own = paragraphLengths(doc.text, paragraph);
        if (parsed) lengthsByParagraph.set(parsed, own);
      }
      append(found, own);
      if (found.length > SAMPLED_LINES) break;
    }
    lengthsByArticle.set(article, (lengths = found));
  }
  return lengths;
}

function paragraphLengths(text: string, paragraph: Paragraph): number[] {
  const lines = linesOf(text, paragraph);
  const lengths: number[] = [];
  for (let i = 0; i < lines.length - 1; i++) lengths.push(lines[i]!.end - lines[i]!.start);
  return lengths;
}

/** Lengths up to this are counted in a table; longer ones, rare, are counted aside. */
const COUNTED = 1024;

/** How many lines one longer the width takes on to. */
const RUN_ON = 2;

/** How many lines have each length: lines can be counted in and out again, as the articles sampled change. */
class LengthCounts {
  private readonly table = new Uint32Array(COUNTED + 2);
  private readonly longer = new Map<number, number>();
  private total = 0;

  add(lengths: readonly number[], sign: 1 | -1): void {
    for (const length of lengths) {
      if (length <= COUNTED) this.table[length]! += sign;
      else {
        const count = (this.longer.get(length) ?? 0) + sign;
        if (count === 0) this.longer.delete(length);
        else this.longer.set(length, count);
      }
    }
    this.total += sign * lengths.length;
  }

  private count(length: number): number {
    return length <= COUNTED ? this.table[length]! : (this.longer.get(length) ?? 0);
  }

  /** What `widthOf` tells from the lengths counted. */
  width(): number {
    if (this.total < 10) return DEFAULT_WIDTH;
    const rank = Math.floor(this.total * 0.95);
    let width = 0;
    let below = this.table[0]!;
    while (below <= rank && width < COUNTED) below += this.table[++width]!;
    if (below <= rank) {
      for (const length of [...this.longer.keys()].sort((a, b) => a - b)) {
        width = length;
        below += this.longer.get(length)!;
        if (below > rank) break;
      }
    }
    while (this.count(width + 1) >= RUN_ON) width++;
    return Math.max(40, width + WRAP_SLACK);
  }
}

/**
 * The width wrapped lines of these lengths keep to: the 95th percentile of the lengths, taken on while two lines
 * at least are one longer, plus the wrapping slack. A single line does not carry it on: typing into a line one
 * longer than the others moved the width by a column, and back on the next keystroke, so that the warnings on
 * every line of the next length came and went (and with the width, every check's results kept between versions).
 */
export function widthOf(lengths: readonly number[]): number {
  const counts = new LengthCounts();
  counts.add(lengths, 1);
  return counts.width();
}

/** A document's width as last measured: the articles sampled, their lines counted. */
interface Measure {
  sampled: readonly Article[];
  readonly counts: LengthCounts;
  width: number;
}

/**
 * The last measure of a document, by its first article and by its second (an edit in the first still finds
 * it): the parse keeps an article object only while its text is unchanged, and only within one document.
 */
const measures = new WeakMap<Article, Measure>();

/** The first articles whose wrapped lines number more than SAMPLED_LINES together, or all of them. */
function sampledArticles(doc: BulletinDocument, edited: boolean): Article[] {
  const sampled: Article[] = [];
  let lines = 0;
  for (const article of doc.articles) {
    sampled.push(article);
    lines += wrappedLengths(doc, article, edited).length;
    if (lines > SAMPLED_LINES) break;
  }
  return sampled;
}

/**
 * The width the prose is wrapped at, read from the lines that were
 * wrapped (every line of a body paragraph but its last): the longest of them
 * — from the 95th percentile up, as long as the lengths seen run on without a
 * gap, since lines edited after wrapping stand apart, and two lines at least
 * have the next length, since one line being typed into must not carry the
 * width along with it — plus the two columns a
 * wrapping tool leaves free (`fmt -w 72` aims short of 72 and never passes it).
 * The 2011 sample's body lines reach 70: it wraps at 72. The first few thousand
 * wrapped lines tell the width: a long issue is not read to its end.
 *
 * After an edit, the lines of the articles it changed are counted out and in
 * again, not every article's: on the sample, counting them all again took a
 * tenth of a keystroke's checks.
 */
export function measuredWidth(doc: BulletinDocument): number {
  const [first, second] = doc.articles;
  const known = (first && measures.get(first)) ?? (second && measures.get(second));
  const sampled = sampledArticles(doc, known !== undefined);
  let measure: Measure;
  if (known) {
    measure = known;
    const before = known.sampled;
    let changed = false;
    for (let i = 0; i < Math.max(before.length, sampled.length); i++) {
      if (before[i] === sampled[i]) continue;
      // The article measured last time was counted in then: its lengths are known.
      if (before[i]) known.counts.add(lengthsByArticle.get(before[i]!)!, -1);
      if (sampled[i]) known.counts.add(wrappedLengths(doc, sampled[i]!, true), 1);
      changed = true;
    }
    known.sampled = sampled;
    if (changed) known.width = known.counts.width();
  } else {
    const counts = new LengthCounts();
    for (const article of sampled) counts.add(wrappedLengths(doc, article, false), 1);
    measure = { sampled, counts, width: counts.width() };
  }
  if (first) measures.set(first, measure);
  if (second) measures.set(second, measure);
  return measure.width;
}
