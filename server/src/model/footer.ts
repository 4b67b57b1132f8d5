// The footer: from its first divider to the end, cut into blocks at each divider.
import type { Block } from './blocks';
import { lineParagraph } from './lines';
import type { Footer, FooterBlock, FooterElement, Paragraph, Span } from './types';
import { detach } from './detach';
import { titleWords } from './text';

export function parseFooter(blocks: readonly Block[]): Footer | undefined {
  const elements: FooterElement[] = [];
  for (const block of blocks) {
    if (block.type === 'paragraph') elements.push({ type: 'paragraph', paragraph: block.paragraph });
    else if (block.type === 'divider') elements.push({ type: 'divider', divider: block.divider });
    else elements.push({ type: 'paragraph', paragraph: lineParagraph(block.header, block.header.blanksBefore) });
  }
  if (elements.length === 0) return undefined;
  const footerBlocks: FooterBlock[] = [];
  let current: { divider?: FooterElement & { type: 'divider' }; paragraphs: Paragraph[] } = { paragraphs: [] };
  const flush = (): void => {
    const spans: Span[] = [...(current.divider ? [current.divider.divider] : []), ...current.paragraphs];
    if (spans.length > 0) {
      footerBlocks.push({
        start: spans[0]!.start,
        end: spans[spans.length - 1]!.end,
        paragraphs: current.paragraphs,
        ...(current.divider ? { divider: current.divider.divider } : {}),
      });
    }
  };
  for (const element of elements) {
    if (element.type === 'divider') {
      flush();
      current = { divider: element, paragraphs: [] };
    } else {
      current.paragraphs.push(element.paragraph);
    }
  }
  flush();
  return { start: footerBlocks[0]!.start, end: footerBlocks[footerBlocks.length - 1]!.end, elements, blocks: footerBlocks };
}

/** What identifies a footer paragraph across issues: its first words. */
export function footerSignature(paragraphText: string): string {
  const words: string[] = [];
  for (const word of titleWords(paragraphText.slice(0, 80))) {
    // Numbers (ISSN, street numbers, years) change between issues; they end the signature.
    if (/\d/.test(word) || words.length === 4) break;
    words.push(word);
  }
  return words.join(' ');
}

/**
 * Signatures of the document's paragraphs, by paragraph: the parse keeps a paragraph's object only while its text
 * is unchanged, and asks for the signature of most paragraphs on every keystroke, looking for the footer.
 */
const signatures = new WeakMap<Paragraph, string>();

/** The footer signature of a paragraph of the text. */
export function paragraphSignature(text: string, paragraph: Paragraph): string {
  let signature = signatures.get(paragraph);
  if (signature === undefined)
    signatures.set(
      paragraph,
      (signature = detach(footerSignature(text.slice(paragraph.start, Math.min(paragraph.end, paragraph.start + 80))))),
    );
  return signature;
}
