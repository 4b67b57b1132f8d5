// The outline: contents, notices, articles (grouped under section labels, with
// their interview questions) and footer blocks.
import { append } from '../model/arrays';
import { SymbolKind } from 'vscode-languageserver-types';
import type { DocumentSymbol, Range } from 'vscode-languageserver-types';
import { detached } from '../model/detach';
import type { LinePosition, Positions } from '../model/lineIndex';
import { firstLine } from '../model/lines';
import { articleKey } from '../model/parse';
import { excerptOf } from '../model/text';
import type { Article, BulletinDocument, ContentsEntry, Notice, NoticeBlock, Section, Span } from '../model/types';
import { toRange } from './range';

const NAME_LENGTH = 60;

function excerpt(text: string, span: Span, max = NAME_LENGTH): string {
  return excerptOf(text, span, max, max * 3);
}

const byStart = (a: DocumentSymbol, b: DocumentSymbol): number =>
  a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;

function symbol(
  positions: Positions,
  name: string,
  kind: SymbolKind,
  span: Span,
  selection: Span,
  detail?: string,
  children?: DocumentSymbol[],
): DocumentSymbol {
  const made: DocumentSymbol = {
    name: name.length > 0 ? name : '(empty)',
    kind,
    range: toRange(positions, span),
    selectionRange: toRange(positions, selection),
  };
  // Set after, not spread in: V8 copies spread properties one by one in its runtime, and the contents' entries
  // are made again on every keystroke.
  if (detail) made.detail = detail;
  if (children && children.length > 0) made.children = children;
  return made;
}

/** An article's name in the outline: its headline, or its standfirst marked untitled. */
export function articleName(text: string, article: Article): string {
  if (article.headline) return article.headline.text;
  const from = article.standfirst ?? article.byline ?? article.body[0];
  return `[untitled] ${from ? excerpt(text, from, 48) : ''}`.trimEnd();
}

function articleSymbol(text: string, positions: Positions, article: Article): DocumentSymbol {
  const selection = article.headline ?? (article.standfirst && firstLine(article.standfirst)) ?? article.byline ?? article;
  const questions = article.turns
    .filter((turn) => turn.role === 'question')
    .map((turn) => {
      const first = turn.paragraphs[0]!;
      const question = { start: turn.label.end + 1, end: first.end };
      return symbol(positions, excerpt(text, question), SymbolKind.Event, turn, turn.label, turn.label.text);
    });
  const authors = article.byline?.authors.map((a) => a.name).join(', ');
  const start = article.label && article.headline ? article.headline.start : article.start;
  return symbol(
    positions,
    articleName(text, article),
    SymbolKind.Class,
    { start, end: article.end },
    { start: Math.max(start, selection.start), end: selection.end },
    authors,
    questions,
  );
}

function movedLines(symbol: DocumentSymbol, lines: number): DocumentSymbol {
  const move = ({ start, end }: Range): Range => ({
    start: { line: start.line + lines, character: start.character },
    end: { line: end.line + lines, character: end.character },
  });
  // Object.assign, not a spread followed by properties (which V8 adds one by one in its runtime): every entry
  // after the edit is moved on every keystroke.
  return Object.assign({}, symbol, {
    range: move(symbol.range),
    selectionRange: move(symbol.selectionRange),
    ...(symbol.children ? { children: symbol.children.map((child) => movedLines(child, lines)) } : {}),
  });
}

interface Kept {
  readonly at: LinePosition;
  readonly symbol: DocumentSymbol;
}

/**
 * Outline entries from the last outlines of one document: articles' by the article's key (its text), contents
 * entries' by the entry, which the parse keeps only while its text is unchanged. After a keystroke only the
 * edited article's entry is made again. An unchanged entry depends only on where it starts, so the others are
 * reused as they were, or moved to their new line. Two generations: what the last outline did not use is dropped.
 */
export class OutlineMemo {
  private current = new Map<unknown, Kept>();
  private previous = this.current;

  nextRound(): void {
    this.previous = this.current;
    this.current = new Map();
  }

  entry(article: Article, positions: Positions, make: () => DocumentSymbol): DocumentSymbol {
    const key = articleKey(article);
    return key === undefined ? make() : this.kept(key, positions.positionAt(article.start), make);
  }

  contentsEntry(entry: ContentsEntry, positions: Positions, make: () => DocumentSymbol): DocumentSymbol {
    return this.kept(entry, positions.positionAt(entry.start), make);
  }

  private kept(key: unknown, at: LinePosition, make: () => DocumentSymbol): DocumentSymbol {
    const kept = this.current.get(key) ?? this.previous.get(key);
    const symbol =
      kept?.at.character !== at.character
        ? detached(make())
        : kept.at.line === at.line
          ? kept.symbol
          : movedLines(kept.symbol, at.line - kept.at.line);
    this.current.set(key, { at, symbol });
    return symbol;
  }
}

/** `memo`: the outline's memo for this document, kept from one version to the next. */
export function documentSymbols(doc: BulletinDocument, positions: Positions, memo?: OutlineMemo): DocumentSymbol[] {
  const { text } = doc;
  const out: DocumentSymbol[] = [];
  memo?.nextRound();
  const entry = (article: Article): DocumentSymbol =>
    memo ? memo.entry(article, positions, () => articleSymbol(text, positions, article)) : articleSymbol(text, positions, article);
  if (doc.masthead) {
    out.push(symbol(positions, excerpt(text, doc.masthead), SymbolKind.File, doc.masthead, doc.masthead, 'Masthead'));
  }
  if (doc.contents) {
    const contentsSymbol = (entry: ContentsEntry): DocumentSymbol => {
      const name = entry.headline ? entry.headline.text : `[no headline] ${entry.standfirst ? excerpt(text, entry.standfirst, 48) : ''}`;
      return symbol(
        positions,
        name,
        SymbolKind.String,
        entry,
        entry.headline ?? firstLine(entry.paragraph),
        entry.byline?.authors.map((a) => a.name).join(', '),
      );
    };
    const entries = doc.contents.entries.map((entry) =>
      memo ? memo.contentsEntry(entry, positions, () => contentsSymbol(entry)) : contentsSymbol(entry),
    );
    out.push(
      symbol(
        positions,
        'Contents',
        SymbolKind.Namespace,
        doc.contents,
        doc.contents.entries[0] ? firstLine(doc.contents.entries[0].paragraph) : doc.contents,
        `${doc.contents.entries.length} entries`,
        entries,
      ),
    );
  }
  // Notices before the first article make one group on each side of the contents; a notice framed between articles stands alone.
  const firstArticle = doc.articles[0]?.start ?? Infinity;
  const leading = doc.notices.filter((block) => block.end <= firstArticle);
  const noticeSymbol = (n: Notice): DocumentSymbol => symbol(positions, n.label.text, SymbolKind.Key, n, n.label, n.url?.text);
  const contents = doc.contents;
  const groups = contents ? [leading.filter((b) => b.end <= contents.start), leading.filter((b) => b.end > contents.start)] : [leading];
  for (const group of groups) {
    const first = group[0];
    if (!first) continue;
    const span = { start: first.start, end: group[group.length - 1]!.end };
    const children = group.flatMap((block) => block.notices.map(noticeSymbol));
    out.push(symbol(positions, 'Notices', SymbolKind.Namespace, span, first.header ?? first.notices[0] ?? span, undefined, children));
  }
  // A notice framed between two articles of a section belongs to the section, else it stands at the top.
  const framed = doc.notices.filter((block) => block.end > firstArticle);
  const sectionOf = (block: NoticeBlock): Section | undefined =>
    doc.sections.find((s) => s.label && s.start <= block.start && block.end <= s.end);
  for (const block of framed) if (!sectionOf(block)) append(out, block.notices.map(noticeSymbol));
  for (const section of doc.sections) {
    const articles = section.articles.map(entry);
    if (section.label) {
      const notices = framed.filter((block) => sectionOf(block) === section).flatMap((block) => block.notices.map(noticeSymbol));
      const children = [...articles, ...notices].sort(byStart);
      out.push(symbol(positions, section.label.text.replace(/:$/, ''), SymbolKind.Module, section, section.label, 'Section', children));
    } else {
      append(out, articles);
    }
  }
  if (doc.footer) {
    const blocks = doc.footer.blocks.flatMap((block) => {
      const first = block.paragraphs[0];
      return first ? [symbol(positions, excerpt(text, first, 48), SymbolKind.Field, block, firstLine(first))] : [];
    });
    out.push(
      symbol(
        positions,
        'Footer',
        SymbolKind.Namespace,
        doc.footer,
        doc.footer.elements[0]?.type === 'divider' ? doc.footer.elements[0].divider : doc.footer,
        undefined,
        blocks,
      ),
    );
  }
  return out.sort(byStart);
}
