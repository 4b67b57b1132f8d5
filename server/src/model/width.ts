// The line width an issue keeps to: the length its wrapped prose lines reach.
import { linesOf } from './lines';
import type { BulletinDocument } from './types';

export const DEFAULT_WIDTH = 72;

/**
 * The width the prose is wrapped at: the 95th percentile of the
 * lengths of lines that were wrapped (every line of a body paragraph but its
 * last). Issues of 2011 give 72, those of 2008 80.
 */
export function measuredWidth(doc: BulletinDocument): number {
  const lengths: number[] = [];
  for (const article of doc.articles) {
    for (const paragraph of article.body) {
      if (paragraph.lineCount < 2) continue;
      const lines = linesOf(doc.text, paragraph);
      for (let i = 0; i < lines.length - 1; i++) lengths.push(lines[i]!.end - lines[i]!.start);
      if (lengths.length > 4000) break;
    }
  }
  if (lengths.length < 10) return DEFAULT_WIDTH;
  lengths.sort((a, b) => a - b);
  return Math.max(40, lengths[Math.floor(lengths.length * 0.95)]!);
}
