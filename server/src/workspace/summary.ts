// What the workspace index keeps of each bulletin: its identity, headlines,
// cross-references and authors — small, so thousands of issues fit in memory.
import { issueIdentity } from '../model/issue';
import type { IssueIdentity } from '../model/issue';
import type { LinePosition, Positions } from '../model/lineIndex';
import { collapseWhitespace, titleKey } from '../model/text';
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

export interface ReferenceEntry {
  readonly uri: string;
  readonly reference: CrossReference;
  /** The target's words, kept so the reference can be resolved without the file's text. */
  readonly targetText: string;
  readonly lines: LineSlice;
}

export interface AuthorEntry {
  readonly name: string;
  readonly article: number;
}

export interface IssueSummary {
  readonly uri: string;
  readonly issue: IssueIdentity;
  readonly headlines: readonly HeadlineEntry[];
  readonly references: readonly ReferenceEntry[];
  readonly authors: readonly AuthorEntry[];
  /** Standfirst (or byline) of each untitled article, for messages about lost headlines. */
  readonly untitled: number;
}

export function summarize(doc: BulletinDocument, uri: string, positions: Positions): IssueSummary {
  const headlines: HeadlineEntry[] = [];
  const references: ReferenceEntry[] = [];
  const authors: AuthorEntry[] = [];
  let untitled = 0;
  doc.articles.forEach((article, index) => {
    const names = article.byline?.authors.map((a) => a.name) ?? [];
    for (const name of names) authors.push({ name, article: index });
    for (const reference of article.crossReferences) {
      references.push({ uri, reference, targetText: reference.target.text, lines: sliceLines(positions, reference) });
    }
    const headline = article.headline;
    if (!headline) {
      untitled++;
      return;
    }
    const key = titleKey(headline.text);
    const shortKey = headline.country ? titleKey(headline.text.slice(headline.text.indexOf(':') + 1)) : undefined;
    const standfirst = article.standfirst
      ? collapseWhitespace(doc.text.slice(article.standfirst.start, article.standfirst.end))
      : undefined;
    headlines.push({
      uri,
      start: headline.start,
      end: headline.end,
      range: { start: positions.positionAt(headline.start), end: positions.positionAt(headline.end) },
      text: collapseWhitespace(headline.text),
      key,
      ...(shortKey ? { shortKey } : {}),
      ...(standfirst ? { standfirst } : {}),
      authors: names,
      article: index,
    });
  });
  return { uri, issue: issueIdentity(doc, uri), headlines, references, authors, untitled };
}
