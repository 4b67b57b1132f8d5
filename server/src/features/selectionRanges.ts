// Selection ranges (expand selection): word → line → paragraph → article (or
// contents entry, notice block, footer block) → region → document.
import type { SelectionRange } from 'vscode-languageserver-types';
import type { Positions } from '../model/lineIndex';
import { linesOf } from '../model/lines';
import type { BulletinDocument, Span } from '../model/types';
import { toRange } from './range';

function containing<T extends Span>(spans: readonly T[], offset: number): T | undefined {
  return spans.find((s) => offset >= s.start && offset <= s.end);
}

function spansAt(doc: BulletinDocument, offset: number): Span[] {
  const { text } = doc;
  const chain: Span[] = [];
  const word = /[\p{L}\p{N}’'-]+/gu;
  const paragraph = containing(doc.paragraphs, offset);
  if (paragraph) {
    const line = linesOf(text, paragraph).find((l) => offset >= l.start && offset <= l.end);
    if (line) {
      const part = text.slice(line.start, line.end);
      for (let m = word.exec(part); m; m = word.exec(part)) {
        const start = line.start + m.index;
        if (offset >= start && offset <= start + m[0].length) chain.push({ start, end: start + m[0].length });
      }
      chain.push(line);
    }
    chain.push(paragraph);
  }
  const article = containing(doc.articles, offset);
  if (article) {
    chain.push(containing(article.turns, offset) ?? article, article);
    const section = doc.sections.find((s) => s.label && offset >= s.start && offset <= s.end);
    if (section) chain.push(section);
  }
  const entry = containing(doc.contents?.entries ?? [], offset);
  if (entry) chain.push(entry);
  if (doc.contents && offset >= doc.contents.start && offset <= doc.contents.end) chain.push(doc.contents);
  const notices = containing(doc.notices, offset);
  if (notices) chain.push(notices);
  if (doc.footer && offset >= doc.footer.start && offset <= doc.footer.end) {
    const block = containing(doc.footer.blocks, offset);
    if (block) chain.push(block);
    chain.push(doc.footer);
  }
  chain.push({ start: 0, end: text.length });
  // Innermost first, each containing the one before and strictly larger.
  const sorted = chain.sort((a, b) => a.end - a.start - (b.end - b.start));
  const nested: Span[] = [];
  for (const span of sorted) {
    const inner = nested[nested.length - 1];
    if (!inner || (span.start <= inner.start && span.end >= inner.end && span.end - span.start > inner.end - inner.start))
      nested.push(span);
  }
  return nested;
}

export function selectionRanges(doc: BulletinDocument, positions: Positions, offsets: readonly number[]): SelectionRange[] {
  return offsets.map((offset) => {
    const spans = spansAt(doc, offset);
    let parent: SelectionRange | undefined;
    for (let i = spans.length - 1; i >= 0; i--) parent = { range: toRange(positions, spans[i]!), ...(parent ? { parent } : {}) };
    return parent ?? { range: toRange(positions, { start: offset, end: offset }) };
  });
}
