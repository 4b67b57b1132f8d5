// Folding: contents, notices, each article, each footer block, and each
// interview turn longer than one paragraph.
import { FoldingRangeKind } from 'vscode-languageserver-types';
import type { FoldingRange } from 'vscode-languageserver-types';
import type { Positions } from '../model/lineIndex';
import type { BulletinDocument, Span } from '../model/types';

export function foldingRanges(doc: BulletinDocument, positions: Positions): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const add = (span: Span, kind?: FoldingRangeKind): void => {
    const startLine = positions.positionAt(span.start).line;
    const endLine = positions.positionAt(span.end).line;
    if (endLine > startLine) ranges.push({ startLine, endLine, ...(kind ? { kind } : {}) });
  };
  if (doc.contents) add(doc.contents, FoldingRangeKind.Region);
  for (const block of doc.notices) add(block, FoldingRangeKind.Region);
  for (const section of doc.sections) if (section.label) add(section, FoldingRangeKind.Region);
  for (const article of doc.articles) {
    add(article, FoldingRangeKind.Region);
    for (const turn of article.turns) if (turn.paragraphs.length > 1) add(turn);
  }
  if (doc.footer) {
    add(doc.footer, FoldingRangeKind.Region);
    for (const block of doc.footer.blocks) add(block);
  }
  return ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
