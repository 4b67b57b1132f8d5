// Which cross-references of the workspace point at which headline: the
// reverse of resolution, for find-all-references, code lenses and rename.
import type { HeadlineLookup } from './index';
import { resolveReference } from './resolve';
import type { TitleResolution } from './resolve';
import type { HeadlineEntry, IssueSummary, Range, ReferenceEntry } from './summary';
import { rangeInSlice } from './summary';

export interface IncomingReference {
  readonly uri: string;
  readonly entry: ReferenceEntry;
  readonly title: TitleResolution;
  /** The title's range in its file. */
  readonly range: Range;
}

/**
 * Where a headline stands while the workspace's headlines are as they were (the index's `headlinesVersion`):
 * its issue and its place among that issue's headlines, which keep their keys and order. Unlike its offset or
 * its article's index, an edit elsewhere in its issue does not move it. Undefined for an entry the index no
 * longer holds.
 */
function headlineId(index: HeadlineLookup, entry: HeadlineEntry): string | undefined {
  const at = index.summary(entry.uri)?.headlines.indexOf(entry) ?? -1;
  return at < 0 ? undefined : `${entry.uri}#${at}`;
}

/** The resolved titles of one file's references, with the headline each resolves to. */
interface FileReferences {
  readonly summary: IssueSummary;
  readonly headlinesVersion: number;
  readonly incoming: readonly (readonly [headline: string, reference: IncomingReference])[];
  /** The title keys, first words and issue numbers (`#` and the number) resolving them asked the index about. */
  readonly asked: ReadonlySet<string>;
}

/** The index as a resolution sees it, noting what it is asked. */
function asking(index: HeadlineLookup, asked: Set<string>): HeadlineLookup {
  return {
    get headlinesVersion() {
      return index.headlinesVersion;
    },
    get titlesVersion() {
      return index.titlesVersion;
    },
    find: (key) => (asked.add(key), index.find(key)),
    startsHeadline: (word) => (asked.add(word), index.startsHeadline(word)),
    issues: (number, initials) => (asked.add(`#${number}`), index.issues(number, initials)),
    summary: (uri) => index.summary(uri),
    closest: (title) => index.closest(title),
    all: () => index.all(),
  };
}

/**
 * Kept from one version of the index to the next: a file's references are resolved again only when its summary
 * changed, or when headlines changed that resolving them asked about (a keystroke in one issue of an archive,
 * even in a headline, resolves that issue's references and those naming its headlines).
 */
export class ReferenceGraph {
  private files = new Map<string, FileReferences>();
  private cache: { version: number; byHeadline: Map<string, IncomingReference[]> } | undefined;
  /** Files whose references the last update resolved, for tests and measurements. */
  resolved = 0;

  constructor(
    private readonly index: HeadlineLookup & { readonly version: number; changedSince(version: number): ReadonlySet<string> | undefined },
  ) {}

  /** References whose title resolves to this headline (as its first, definition, target). */
  to(headline: HeadlineEntry): readonly IncomingReference[] {
    const graph = this.graph();
    const id = headlineId(this.index, headline);
    return (id === undefined ? undefined : graph.get(id)) ?? [];
  }

  private graph(): Map<string, IncomingReference[]> {
    if (this.cache?.version === this.index.version) return this.cache.byHeadline;
    const byHeadline = new Map<string, IncomingReference[]>();
    const files = new Map<string, FileReferences>();
    this.resolved = 0;
    for (const summary of this.index.all()) {
      let file = this.current(this.files.get(summary.uri), summary);
      if (!file) {
        file = this.resolve(summary);
        this.resolved++;
      }
      files.set(summary.uri, file);
      for (const [id, incoming] of file.incoming) {
        const list = byHeadline.get(id);
        if (list) list.push(incoming);
        else byHeadline.set(id, [incoming]);
      }
    }
    this.files = files;
    this.cache = { version: this.index.version, byHeadline };
    return byHeadline;
  }

  /**
   * Resolves, a file at a time, the references of the files not yet resolved for the index as it is, so that the
   * next request finds them done: awaits `pause` between files where it gives a promise, and stops once
   * `isCancelled` holds. Files that change meanwhile are resolved again when asked for.
   */
  async prepare(pause: () => Promise<void> | undefined, isCancelled: () => boolean): Promise<void> {
    for (const summary of [...this.index.all()]) {
      if (isCancelled()) return;
      const file = this.current(this.files.get(summary.uri), summary);
      if (file) {
        this.files.set(summary.uri, file);
        continue;
      }
      if (this.index.summary(summary.uri) !== summary) continue;
      this.files.set(summary.uri, this.resolve(summary));
      const waiting = pause();
      if (waiting) await waiting;
    }
  }

  /** The file's resolved references if they still hold for its summary and the headlines as they are now. */
  private current(file: FileReferences | undefined, summary: IssueSummary): FileReferences | undefined {
    if (file?.summary !== summary) return undefined;
    const version = this.index.headlinesVersion;
    if (file.headlinesVersion === version) return file;
    const changed = this.index.changedSince(file.headlinesVersion);
    if (!changed) return undefined;
    for (const asked of file.asked) if (changed.has(asked)) return undefined;
    return Object.assign({}, file, { headlinesVersion: version });
  }

  private resolve(summary: IssueSummary): FileReferences {
    const incoming: [string, IncomingReference][] = [];
    const asked = new Set<string>();
    const lookup = asking(this.index, asked);
    for (const entry of summary.references) {
      const resolution = resolveReference(entry.reference, entry.reference.target.text, lookup, summary.uri);
      for (const title of resolution?.titles ?? []) {
        const target = title.targets[0];
        const id = target && headlineId(this.index, target);
        if (id) incoming.push([id, { uri: summary.uri, entry, title, range: rangeInSlice(entry.lines, title) }]);
      }
    }
    return { summary, headlinesVersion: this.index.headlinesVersion, incoming, asked };
  }
}
