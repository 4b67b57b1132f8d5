// What stands at an offset, in the bulletin's terms: the element features act on.
import type { CheckContext } from '../checks/context';
import { contentsPairing } from '../checks/facts/contentsPairs';
import type { Article, Author, Byline, ContentsEntry, Span } from '../model/types';
import type { ReferenceResolution, TitleResolution } from '../workspace/resolve';

export type Located =
  | { readonly kind: 'reference-title'; readonly resolution: ReferenceResolution; readonly title: TitleResolution }
  | { readonly kind: 'headline'; readonly article: Article; readonly index: number }
  | { readonly kind: 'contents-entry'; readonly entry: ContentsEntry; readonly article?: Article; readonly articleIndex?: number }
  | { readonly kind: 'byline'; readonly byline: Byline; readonly author?: Author };

/** True when the offset is inside the span or touches its end (a cursor right after a word is on it). */
export function touches(span: Span, offset: number): boolean {
  return offset >= span.start && offset <= span.end;
}

export function locate(context: CheckContext, offset: number): Located | undefined {
  const { doc } = context;
  for (const resolution of context.resolutions()) {
    if (!touches(resolution.reference, offset)) continue;
    const title = resolution.titles.find((t) => touches(t, offset));
    if (title) return { kind: 'reference-title', resolution, title };
  }
  const index = doc.articles.findIndex((a) => a.headline && touches(a.headline, offset));
  if (index >= 0) return { kind: 'headline', article: doc.articles[index]!, index };
  for (const byline of [...doc.articles.map((a) => a.byline), ...(doc.contents?.entries.map((e) => e.byline) ?? [])]) {
    if (!byline || !touches(byline, offset)) continue;
    const author = byline.authors.find((a) => touches(a, offset));
    return { kind: 'byline', byline, ...(author ? { author } : {}) };
  }
  const entry = doc.contents?.entries.find((e) => touches(e, offset));
  if (entry) {
    const pair = contentsPairing(context).pairs.find((p) => p.entry === entry);
    return { kind: 'contents-entry', entry, ...(pair ? { article: pair.article, articleIndex: pair.articleIndex } : {}) };
  }
  return undefined;
}
