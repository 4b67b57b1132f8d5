// The document's own paragraph objects, as the block scan made them: the
// parse keeps each (moving it) while its text is unchanged, where an article
// parsed again holds copies.
import type { BulletinDocument, Paragraph } from './types';

/** The document's paragraph with the span of `paragraph` (a copy of it, say); undefined where there is none. */
export function parsedParagraph(doc: BulletinDocument, paragraph: Paragraph): Paragraph | undefined {
  const { paragraphs } = doc;
  let lo = 0;
  let hi = paragraphs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (paragraphs[mid]!.start < paragraph.start) lo = mid + 1;
    else hi = mid;
  }
  const found = paragraphs[lo];
  return found && found.start === paragraph.start && found.end === paragraph.end ? found : undefined;
}
