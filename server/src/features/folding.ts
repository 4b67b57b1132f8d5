// Folding: contents, notices, each article, each footer block, and each
// interview turn longer than one paragraph.
import { FoldingRangeKind } from 'vscode-languageserver-types';
import type { FoldingRange } from 'vscode-languageserver-types';
import type { Positions } from '../model/lineIndex';
import { articleKey } from '../model/parse';
import type { Article, BulletinDocument, Span } from '../model/types';

type Add = (span: Span, kind?: FoldingRangeKind) => void;

/** Where the span folds: from its first line to its last, when those differ. */
function adder(positions: Positions, ranges: FoldingRange[]): Add {
  return (span, kind) => {
    const startLine = positions.positionAt(span.start).line;
    const endLine = positions.positionAt(span.end).line;
    if (endLine > startLine) ranges.push({ startLine, endLine, ...(kind ? { kind } : {}) });
  };
}

function articleRanges(article: Article, positions: Positions): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const add = adder(positions, ranges);
  add(article, FoldingRangeKind.Region);
  for (const turn of article.turns) if (turn.paragraphs.length > 1) add(turn);
  return ranges;
}

/**
 * Articles' folding ranges from the last rounds of one document, by the article's key (its text): an unchanged
 * article's ranges depend only on the line it starts on, so after a keystroke they are reused as they were, or
 * moved to its new line, and only the edited article's are found again (on 1 MB, finding them all took a quarter
 * of a millisecond). Two generations: what the last round did not use is dropped.
 */
export class FoldingMemo {
  private current = new Map<string, { readonly line: number; readonly ranges: readonly FoldingRange[] }>();
  private previous = this.current;

  nextRound(): void {
    this.previous = this.current;
    this.current = new Map();
  }

  article(article: Article, positions: Positions): readonly FoldingRange[] {
    const key = articleKey(article);
    if (key === undefined) return articleRanges(article, positions);
    const line = positions.positionAt(article.start).line;
    const kept = this.current.get(key) ?? this.previous.get(key);
    const lines = kept ? line - kept.line : 0;
    const ranges = !kept
      ? articleRanges(article, positions)
      : lines === 0
        ? kept.ranges
        : kept.ranges.map((range) => Object.assign({}, range, { startLine: range.startLine + lines, endLine: range.endLine + lines }));
    this.current.set(key, { line, ranges });
    return ranges;
  }
}

/** `memo`: the folding memo for this document, kept from one version to the next. */
export function foldingRanges(doc: BulletinDocument, positions: Positions, memo?: FoldingMemo): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const add = adder(positions, ranges);
  memo?.nextRound();
  if (doc.contents) add(doc.contents, FoldingRangeKind.Region);
  for (const block of doc.notices) add(block, FoldingRangeKind.Region);
  for (const section of doc.sections) if (section.label) add(section, FoldingRangeKind.Region);
  for (const article of doc.articles) {
    if (memo) for (const range of memo.article(article, positions)) ranges.push(range);
    else for (const range of articleRanges(article, positions)) ranges.push(range);
  }
  if (doc.footer) {
    add(doc.footer, FoldingRangeKind.Region);
    for (const block of doc.footer.blocks) add(block);
  }
  return ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
