// The expected footer, read from the profile's template text.
import { scanBlocks } from '../model/blocks';
import { footerSignature } from '../model/footer';
import { collapseWhitespace } from '../model/text';

export interface TemplateParagraph {
  readonly index: number;
  readonly signature: string;
  /** The paragraph with whitespace collapsed, for messages: its first words. */
  readonly text: string;
  /** The paragraph as the template writes it, line breaks kept. */
  readonly source: string;
  /** The divider line that stands right before it in the template, if any. */
  readonly dividerBefore?: string;
  /** A `Role: Name;` list (the credits). */
  readonly credits: boolean;
}

export interface FooterTemplate {
  readonly source: string;
  readonly paragraphs: readonly TemplateParagraph[];
  readonly signatures: ReadonlySet<string>;
}

const cache = new Map<string, FooterTemplate>();

export function footerTemplate(source: string): FooterTemplate {
  const cached = cache.get(source);
  if (cached) return cached;
  const paragraphs: TemplateParagraph[] = [];
  let dividerBefore: string | undefined;
  for (const block of scanBlocks(source)) {
    if (block.type === 'divider') {
      dividerBefore = source.slice(block.divider.start, block.divider.end);
      continue;
    }
    const span = block.type === 'paragraph' ? block.paragraph : block.header;
    const raw = source.slice(span.start, span.end);
    paragraphs.push({
      index: paragraphs.length,
      signature: footerSignature(raw),
      text: collapseWhitespace(raw),
      source: raw,
      ...(dividerBefore !== undefined ? { dividerBefore } : {}),
      credits: isCredits(raw),
    });
    dividerBefore = undefined;
  }
  const template = { source, paragraphs, signatures: new Set(paragraphs.map((p) => p.signature)) };
  if (cache.size > 16) cache.clear();
  cache.set(source, template);
  return template;
}

/** A paragraph of `Role: Name;` pairs, such as `REPORTING CENTRAL ASIA: Editor-in-Chief: A; Editor: B.` */
export function isCredits(text: string): boolean {
  return (text.match(/:\s*[^:;]{2,80};/g) ?? []).length >= 2;
}

/** First words of a template paragraph, for messages. */
export function excerpt(text: string, words = 6): string {
  const all = text.split(' ');
  return all.length <= words ? text : `${all.slice(0, words).join(' ')}…`;
}
