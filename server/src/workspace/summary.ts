// What the workspace index keeps of each bulletin: its identity, headlines,
// articles, cross-references and where they are — small, and holding no slice
// of the file's text, so thousands of issues fit in memory.
import { pairContents } from '../checks/facts/contentsPairs';
import { detach, rememberingStrings } from '../model/detach';
import { issueIdentity } from '../model/issue';
import type { IssueIdentity } from '../model/issue';
import type { LinePosition, Positions } from '../model/lineIndex';
import { firstLine } from '../model/lines';
import { collapseWhitespace, sliceCharacters, titleKey } from '../model/text';
import type { BulletinDocument, CrossReference, Span } from '../model/types';

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
  return {
    ...ref,
    target: { ...ref.target, text: detach(ref.target.text) },
    conjunctions: ref.conjunctions.map((c) => ({ start: c.start, end: c.end })),
    ...(ref.citation
      ? { citation: { ...ref.citation, text: detach(ref.citation.text), publication: detach(ref.citation.publication) } }
      : {}),
  };
}

function detachIssue(issue: IssueIdentity): IssueIdentity {
  return {
    ...issue,
    ...(issue.publication ? { publication: detach(issue.publication) } : {}),
    ...(issue.initials ? { initials: detach(issue.initials) } : {}),
    ...(issue.part ? { part: detach(issue.part) } : {}),
  };
}

/**
 * Headlines and standfirsts as one line each; remembered (for all those of a 10 MB issue), as every keystroke
 * summarises its document again.
 */
const oneLine = rememberingStrings(collapseWhitespace, 10_000);

function excerpt(text: string, max = 60): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(' ', max);
  return `${sliceCharacters(text, 0, cut > max / 2 ? cut : max)}…`;
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
    const authors = article.byline?.authors.map((a) => detach(a.name)) ?? [];
    for (const reference of article.crossReferences) {
      references.push({ uri, reference: detachReference(reference), lines: sliceLines(positions, reference) });
    }
    const standfirst = article.standfirst ? oneLine(doc.text.slice(article.standfirst.start, article.standfirst.end)) : undefined;
    const headline = article.headline;
    let entry: HeadlineEntry | undefined;
    if (headline) {
      const shortKey = headline.country ? titleKey(headline.text.slice(headline.text.indexOf(':') + 1)) : undefined;
      entry = {
        uri,
        start: headline.start,
        end: headline.end,
        range: range(headline),
        text: oneLine(headline.text),
        key: titleKey(headline.text),
        ...(shortKey ? { shortKey } : {}),
        ...(standfirst ? { standfirst } : {}),
        authors,
        article: index,
      };
      headlines.push(entry);
    }
    const place = headline ?? (article.standfirst ? firstLine(article.standfirst) : (article.byline ?? article));
    const contents = entryHeadlines.get(index);
    articles.push({
      uri,
      index,
      ...(entry ? { headline: entry } : {}),
      ...(contents
        ? { contentsHeadline: { start: contents.start, end: contents.end, range: range(contents), text: detach(contents.text) } }
        : {}),
      title: entry ? entry.text : `[untitled] ${excerpt(standfirst ?? '')}`.trimEnd(),
      authors,
      range: range(place),
    });
  });
  const issue = detachIssue(issueIdentity(doc, uri));
  return {
    uri,
    issue: initials ? { ...issue, initials } : issue,
    headlines,
    articles,
    references,
    untitled: articles.length - headlines.length,
  };
}
