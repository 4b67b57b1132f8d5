// What the workspace index keeps of each bulletin: its identity, headlines,
// articles, cross-references and where they are — small, and holding no slice
// of the file's text, so thousands of issues fit in memory.
import { pairContents } from '../checks/facts/contentsPairs';
import { detach, rememberingStrings } from '../model/detach';
import { issueIdentity } from '../model/issue';
import type { IssueIdentity } from '../model/issue';
import type { LinePosition, Positions } from '../model/lineIndex';
import { append } from '../model/arrays';
import { firstLine } from '../model/lines';
import { shifted } from '../model/shift';
import { collapseWhitespace, cutAtWord, shortTitleKey, titleKey } from '../model/text';
import type { Article, BulletinDocument, CrossReference, Span } from '../model/types';

export interface Range {
  readonly start: LinePosition;
  readonly end: LinePosition;
}

/** Where a span's lines start, so any offset inside it maps to a position without the file's text. */
export interface LineSlice {
  readonly line: number;
  /** Offsets where line `line`, `line + 1`… start. */
  readonly starts: readonly number[];
}

export function sliceLines(positions: Positions, span: Span): LineSlice {
  const first = positions.positionAt(span.start);
  const last = positions.positionAt(span.end).line;
  const starts = [span.start - first.character];
  for (let line = first.line + 1; line <= last; line++) starts.push(positions.offsetAt({ line, character: 0 }));
  return { line: first.line, starts };
}

export function positionInSlice(slice: LineSlice, offset: number): LinePosition {
  let i = slice.starts.length - 1;
  while (i > 0 && slice.starts[i]! > offset) i--;
  return { line: slice.line + i, character: offset - slice.starts[i]! };
}

export function rangeInSlice(slice: LineSlice, span: Span): Range {
  return { start: positionInSlice(slice, span.start), end: positionInSlice(slice, span.end) };
}

export interface HeadlineEntry extends Span {
  readonly uri: string;
  readonly range: Range;
  readonly text: string;
  readonly key: string;
  /** The key without a `COUNTRY: ` prefix, which references may leave out. */
  readonly shortKey?: string;
  readonly standfirst?: string;
  readonly authors: readonly string[];
  readonly article: number;
}

/** Every article, with or without headline: for hovers and the authors' lists. */
export interface ArticleEntry {
  readonly uri: string;
  readonly index: number;
  readonly headline?: HeadlineEntry;
  /** The headline, or the start of the standfirst for an untitled article. */
  readonly title: string;
  readonly authors: readonly string[];
  /** Where the article's name stands (headline, else the standfirst's first line). */
  readonly range: Range;
  /** The headline of its contents entry, where it has one. */
  readonly contentsHeadline?: Span & { readonly range: Range; readonly text: string };
}

export interface ReferenceEntry {
  readonly uri: string;
  readonly reference: CrossReference;
  readonly lines: LineSlice;
}

export interface IssueSummary {
  readonly uri: string;
  readonly issue: IssueIdentity;
  readonly headlines: readonly HeadlineEntry[];
  readonly articles: readonly ArticleEntry[];
  readonly references: readonly ReferenceEntry[];
  /** Articles without a headline, for messages about lost headlines. */
  readonly untitled: number;
}

/** The reference as the index keeps it: sharing no object with the model, whose nodes the next parse moves. */
function detachReference(ref: CrossReference): CrossReference {
  return Object.assign({}, ref, {
    target: Object.assign({}, ref.target, { text: detach(ref.target.text) }),
    conjunctions: ref.conjunctions.map((c) => ({ start: c.start, end: c.end })),
    ...(ref.citation
      ? {
          citation: Object.assign({}, ref.citation, {
            text: detach(ref.citation.text),
            publication: detach(ref.citation.publication),
          }),
        }
      : {}),
  });
}

function detachIssue(issue: IssueIdentity): IssueIdentity {
  return Object.assign({}, issue, {
    ...(issue.publication ? { publication: detach(issue.publication) } : {}),
    ...(issue.initials ? { initials: detach(issue.initials) } : {}),
    ...(issue.part ? { part: detach(issue.part) } : {}),
  });
}

/**
 * Headlines and standfirsts as one line each; remembered (for all those of a 10 MB issue), as every keystroke
 * summarises its document again.
 */
const oneLine = rememberingStrings(collapseWhitespace, 10_000);

/** What one article gives the summary, and where the article stood when it was made. */
interface ArticleParts {
  readonly uri: string;
  readonly start: number;
  readonly at: LinePosition;
  readonly references: readonly ReferenceEntry[];
  readonly headline?: HeadlineEntry;
  readonly standfirst?: string;
  readonly authors: readonly string[];
  readonly place: Range;
}

/**
 * Each article's parts, kept while the parse keeps the article (its text unchanged): after a keystroke, the
 * articles after it are moved to their new place instead of being summarised again, the others taken as they are.
 */
const partsByArticle = new WeakMap<Article, ArticleParts>();

function articleParts(doc: BulletinDocument, article: Article, index: number, uri: string, positions: Positions): ArticleParts {
  const at = positions.positionAt(article.start);
  const kept = partsByArticle.get(article);
  // The article's own lines are as they were: where it starts on its line the same, all its positions move by lines.
  let parts =
    kept?.uri === uri && kept.at.character === at.character
      ? movedParts(kept, article.start - kept.start, at)
      : makeParts(doc, article, index, uri, positions, at);
  if (parts.headline && parts.headline.article !== index)
    parts = Object.assign({}, parts, { headline: Object.assign({}, parts.headline, { article: index }) });
  if (parts !== kept) partsByArticle.set(article, parts);
  return parts;
}

function makeParts(
  doc: BulletinDocument,
  article: Article,
  index: number,
  uri: string,
  positions: Positions,
  at: LinePosition,
): ArticleParts {
  const range = (span: Span): Range => ({ start: positions.positionAt(span.start), end: positions.positionAt(span.end) });
  const authors = article.byline?.authors.map((a) => detach(a.name)) ?? [];
  const references = article.crossReferences.map((reference) => ({
    uri,
    reference: detachReference(reference),
    lines: sliceLines(positions, reference),
  }));
  const standfirst = article.standfirst ? oneLine(doc.text.slice(article.standfirst.start, article.standfirst.end)) : undefined;
  const headline = article.headline;
  let entry: HeadlineEntry | undefined;
  if (headline) {
    const shortKey = shortTitleKey(headline);
    entry = {
      uri,
      start: headline.start,
      end: headline.end,
      range: range(headline),
      text: oneLine(headline.text),
      key: titleKey(headline.text),
      authors,
      article: index,
      ...(shortKey ? { shortKey } : {}),
      ...(standfirst ? { standfirst } : {}),
    };
  }
  const place = headline ?? (article.standfirst ? firstLine(article.standfirst) : (article.byline ?? article));
  return {
    uri,
    start: article.start,
    at,
    references,
    authors,
    place: range(place),
    ...(entry ? { headline: entry } : {}),
    ...(standfirst ? { standfirst } : {}),
  };
}

/** The parts `delta` characters and the lines to `at` further on: the same objects where the article did not move. */
function movedParts(parts: ArticleParts, delta: number, at: LinePosition): ArticleParts {
  const lines = at.line - parts.at.line;
  if (delta === 0 && lines === 0) return parts;
  const movedRange = (range: Range): Range => ({
    start: { line: range.start.line + lines, character: range.start.character },
    end: { line: range.end.line + lines, character: range.end.character },
  });
  const { headline } = parts;
  // Object.assign, not a spread followed by properties, which V8 adds one by one in its runtime: this runs for
  // every article after the edit on every keystroke.
  return Object.assign({}, parts, {
    start: parts.start + delta,
    at,
    references: parts.references.map((entry) => ({
      uri: entry.uri,
      reference: shifted(entry.reference, delta),
      lines: { line: entry.lines.line + lines, starts: entry.lines.starts.map((start) => start + delta) },
    })),
    place: movedRange(parts.place),
    ...(headline
      ? {
          headline: Object.assign({}, headline, {
            start: headline.start + delta,
            end: headline.end + delta,
            range: movedRange(headline.range),
          }),
        }
      : {}),
  });
}

/** `initials`: how the publication is cited, when the profile says so. */
export function summarize(doc: BulletinDocument, uri: string, positions: Positions, initials?: string): IssueSummary {
  const headlines: HeadlineEntry[] = [];
  const articles: ArticleEntry[] = [];
  const references: ReferenceEntry[] = [];
  const range = (span: Span): Range => ({ start: positions.positionAt(span.start), end: positions.positionAt(span.end) });
  const entryHeadlines = new Map(
    pairContents(doc).pairs.flatMap((p) => (p.entry.headline ? [[p.articleIndex, p.entry.headline] as const] : [])),
  );
  doc.articles.forEach((article, index) => {
    const parts = articleParts(doc, article, index, uri, positions);
    append(references, parts.references);
    const entry = parts.headline;
    if (entry) headlines.push(entry);
    const contents = entryHeadlines.get(index);
    articles.push({
      uri,
      index,
      title: entry ? entry.text : `[untitled] ${cutAtWord(parts.standfirst ?? '', 60)}`.trimEnd(),
      authors: parts.authors,
      range: parts.place,
      ...(entry ? { headline: entry } : {}),
      ...(contents
        ? { contentsHeadline: { start: contents.start, end: contents.end, range: range(contents), text: detach(contents.text) } }
        : {}),
    });
  });
  const issue = detachIssue(issueIdentity(doc, uri));
  return {
    uri,
    issue: initials ? Object.assign({}, issue, { initials }) : issue,
    headlines,
    articles,
    references,
    untitled: articles.length - headlines.length,
  };
}
