// Which cross-references of the workspace point at which headline: the
// reverse of resolution, for find-all-references, code lenses and rename.
import type { HeadlineLookup } from './index';
import { resolveReference } from './resolve';
import type { TitleResolution } from './resolve';
import type { HeadlineEntry, Range, ReferenceEntry } from './summary';
import { rangeInSlice } from './summary';

export interface IncomingReference {
  readonly uri: string;
  readonly entry: ReferenceEntry;
  readonly title: TitleResolution;
  /** The title's range in its file. */
  readonly range: Range;
}

export function headlineId(entry: { readonly uri: string; readonly start: number }): string {
  return `${entry.uri}#${entry.start}`;
}

export class ReferenceGraph {
  private cache: { version: number; byHeadline: Map<string, IncomingReference[]> } | undefined;

  constructor(private readonly index: HeadlineLookup & { readonly version: number }) {}

  /** References whose title resolves to this headline (as its first, definition, target). */
  to(headline: HeadlineEntry): readonly IncomingReference[] {
    return this.graph().get(headlineId(headline)) ?? [];
  }

  private graph(): Map<string, IncomingReference[]> {
    if (this.cache?.version === this.index.version) return this.cache.byHeadline;
    const byHeadline = new Map<string, IncomingReference[]>();
    for (const summary of this.index.all()) {
      for (const entry of summary.references) {
        const resolution = resolveReference(entry.reference, entry.reference.target.text, this.index, summary.uri);
        for (const title of resolution?.titles ?? []) {
          const target = title.targets[0];
          if (!target) continue;
          const id = headlineId(target);
          const list = byHeadline.get(id) ?? [];
          list.push({ uri: summary.uri, entry, title, range: rangeInSlice(entry.lines, title) });
          byHeadline.set(id, list);
        }
      }
    }
    this.cache = { version: this.index.version, byHeadline };
    return byHeadline;
  }
}
