// Matches each footer paragraph to the template paragraph it stands for, by
// its first words (or, failing that, by most of its words).
import { paragraphSignature } from '../../model/footer';
import { titleWords } from '../../model/text';
import type { Divider, Footer, Paragraph } from '../../model/types';
import type { FooterTemplate, TemplateParagraph } from '../../profile/footerTemplate';
import { isCredits } from '../../profile/footerTemplate';
import type { CheckContext } from '../context';

export interface AlignedParagraph {
  readonly paragraph: Paragraph;
  readonly template?: TemplateParagraph;
  /** The divider right before this paragraph in the document, if any. */
  readonly dividerBefore?: Divider;
  /** Position among the footer's paragraphs. */
  readonly index: number;
}

export interface FooterAlignment {
  readonly paragraphs: readonly AlignedParagraph[];
  /** Template paragraphs found in the document, with the document paragraphs standing for them. */
  readonly found: ReadonlyMap<TemplateParagraph, readonly AlignedParagraph[]>;
  /** Paragraphs that continue a credits paragraph cut by a stray blank line. */
  readonly creditsContinuations: ReadonlySet<AlignedParagraph>;
  /** Too little of the template is present to say which parts are missing. */
  readonly unrecognised: boolean;
}

function overlap(a: readonly string[], b: readonly string[]): number {
  const set = new Set(b);
  const shared = a.filter((w) => set.has(w)).length;
  return shared / Math.max(1, Math.max(a.length, b.length));
}

/** The parts of a footer, as the parse hands them out: the same objects while their text is unchanged. */
function partsOf(footer: Footer): (Paragraph | Divider)[] {
  return footer.elements.map((element) => (element.type === 'divider' ? element.divider : element.paragraph));
}

/**
 * The last footer aligned: a keystroke in an article leaves the footer's paragraphs as they were (moved in place),
 * and so their alignment. Told by the very parts and template, not by document: a new parse makes a new footer.
 */
let lastAlignment:
  { readonly template: FooterTemplate; readonly parts: readonly (Paragraph | Divider)[]; readonly alignment: FooterAlignment } | undefined;

export function footerAlignment(context: CheckContext): FooterAlignment | undefined {
  const footer = context.doc.footer;
  if (!footer) return undefined;
  return context.memo('footerAlignment', () => {
    const parts = partsOf(footer);
    const last = lastAlignment;
    if (last?.template === context.footer && last.parts.length === parts.length && last.parts.every((part, i) => part === parts[i]))
      return last.alignment;
    const alignment = align(context, footer);
    lastAlignment = { template: context.footer, parts, alignment };
    return alignment;
  });
}

function align(context: CheckContext, footer: Footer): FooterAlignment {
  const { text, footer: template } = context;
  const bySignature = new Map<string, TemplateParagraph[]>();
  for (const t of template.paragraphs) bySignature.set(t.signature, [...(bySignature.get(t.signature) ?? []), t]);
  const paragraphs: AlignedParagraph[] = [];
  // The template paragraphs matched so far: kept as the loop goes, as a footer may hold thousands of paragraphs
  // (several issues pasted one after another).
  const used = new Set<TemplateParagraph>();
  let divider: Divider | undefined;
  for (const element of footer.elements) {
    if (element.type === 'divider') {
      divider = element.divider;
      continue;
    }
    const candidates = bySignature.get(paragraphSignature(text, element.paragraph)) ?? [];
    const match = candidates.find((c) => !used.has(c)) ?? candidates[0];
    if (match) used.add(match);
    paragraphs.push({
      paragraph: element.paragraph,
      index: paragraphs.length,
      ...(match ? { template: match } : {}),
      ...(divider ? { dividerBefore: divider } : {}),
    });
    divider = undefined;
  }
  // Second pass: a paragraph whose first words were edited still shares most of its words.
  const found = (): Set<TemplateParagraph> => new Set(paragraphs.flatMap((p) => (p.template ? [p.template] : [])));
  const taken = found();
  paragraphs.forEach((p, i) => {
    if (p.template) return;
    const words = titleWords(text.slice(p.paragraph.start, Math.min(p.paragraph.end, p.paragraph.start + 400))).slice(0, 16);
    let best: TemplateParagraph | undefined;
    let bestScore = 0.6;
    for (const t of template.paragraphs) {
      if (taken.has(t)) continue;
      const s = overlap(words, titleWords(t.text).slice(0, 16));
      if (s >= bestScore) {
        best = t;
        bestScore = s;
      }
    }
    if (best) {
      taken.add(best);
      paragraphs[i] = Object.assign({}, p, { template: best });
    }
  });
  const map = new Map<TemplateParagraph, AlignedParagraph[]>();
  for (const p of paragraphs) {
    if (!p.template) continue;
    const list = map.get(p.template);
    if (list) list.push(p);
    else map.set(p.template, [p]);
  }
  const continuations = new Set<AlignedParagraph>();
  paragraphs.forEach((p, i) => {
    const previous = paragraphs[i - 1];
    if (p.template || p.dividerBefore || !previous?.template?.credits) return;
    const before = text.slice(previous.paragraph.start, previous.paragraph.end).trimEnd();
    const raw = text.slice(p.paragraph.start, p.paragraph.end);
    // `:[^:;]+[;.]$` is `:\s*[^:;]+[;.]$` without the two quantifiers that split a run of spaces every way.
    if (!/[.!]$/.test(before) && (isCredits(raw) || /^[^:]{1,60};/.test(raw) || /:[^:;]+[;.]$/.test(raw.trim()))) continuations.add(p);
  });
  const unrecognised = map.size < Math.max(1, Math.ceil(template.paragraphs.length * 0.3));
  return { paragraphs, found: map, creditsContinuations: continuations, unrecognised };
}
