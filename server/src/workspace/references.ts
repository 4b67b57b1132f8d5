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

/** References in the order of their files' names, then of their places in the file. */
function inFileOrder(a: IncomingReference, b: IncomingReference): number {
  if (a.uri !== b.uri) return a.uri < b.uri ? -1 : 1;
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

/**
 * Kept from one version of the index to the next: a file's references are resolved again only when its summary
 * changed, or when headlines changed that resolving them asked about (a keystroke in one issue of an archive,
 * even in a headline, resolves that issue's references and those naming its headlines). The references by
 * headline are kept too, and only the changed files' taken out and put in again: built afresh after every
 * keystroke, from every reference of a 2,000-issue archive, they took 7 ms.
 */
export class ReferenceGraph {
  /** Each file's resolved references: ahead of `byHeadline` for the files `prepare` resolved since. */
  private files = new Map<string, FileReferences>();
  /** The files whose references `byHeadline` holds, as it holds them. */
  private counted = new Map<string, FileReferences>();
  private byHeadline = new Map<string, IncomingReference[]>();
  /** Headlines whose references were put in since they were last sorted. */
  private unsorted = new Set<string>();
  /**
   * The index's version and headlines' version `byHeadline` is up to date with: every file it counts, while its
   * summary is the one counted, resolves at `headlinesVersion` as it is counted.
   */
  private version: number | undefined;
  private headlinesVersion: number | undefined;
  /**
   * The counted files by each title key, first word and issue number that resolving them asked the index about:
   * when headlines change, only the files that asked about what changed are looked at. Built when first needed.
   */
  private askedBy: Map<string, Set<string>> | undefined;
  /** `changedSince` of the index, asked once for each version while the headlines stay as they are. */
  private changes: { readonly headlinesVersion: number; readonly since: Map<number, ReadonlySet<string> | undefined> } | undefined;
  /** Files whose references the last update resolved, for tests and measurements. */
  resolved = 0;

  constructor(
    private readonly index: HeadlineLookup & {
      readonly version: number;
      changedSince(version: number): ReadonlySet<string> | undefined;
      filesChangedSince(version: number): ReadonlySet<string> | undefined;
    },
  ) {}

  /** References whose title resolves to this headline (as its first, definition, target), in file order: read them before the index changes. */
  to(headline: HeadlineEntry): readonly IncomingReference[] {
    const graph = this.graph();
    const id = headlineId(this.index, headline);
    const list = id === undefined ? undefined : graph.get(id);
    if (!list) return [];
    if (this.unsorted.delete(id!)) list.sort(inFileOrder);
    return list;
  }

  private graph(): Map<string, IncomingReference[]> {
    const { index } = this;
    if (this.version === index.version) return this.byHeadline;
    this.resolved = 0;
    const affected = this.affected();
    if (affected) for (const uri of affected) this.update(uri, index.summary(uri));
    else {
      let files = 0;
      for (const summary of index.all()) {
        files++;
        this.update(summary.uri, summary);
      }
      // Files the index no longer holds.
      if (this.counted.size > files || this.files.size > files) {
        for (const uri of this.counted.keys()) if (!index.summary(uri)) this.update(uri, undefined);
        for (const uri of this.files.keys()) if (!index.summary(uri)) this.files.delete(uri);
      }
    }
    this.version = index.version;
    this.headlinesVersion = index.headlinesVersion;
    return this.byHeadline;
  }

  /**
   * The files that may resolve otherwise than as counted: those whose summaries changed since, and where headlines
   * changed, those that asked about what changed. Undefined when that is not known (nothing counted yet, or the
   * changes go too far back): then every file is looked at.
   */
  private affected(): ReadonlySet<string> | undefined {
    const { index } = this;
    if (this.version === undefined || this.headlinesVersion === undefined) return undefined;
    const files = index.filesChangedSince(this.version);
    if (!files || this.headlinesVersion === index.headlinesVersion) return files;
    const touched = this.changedSince(this.headlinesVersion);
    if (!touched) return undefined;
    const affected = new Set(files);
    const askedBy = (this.askedBy ??= this.askedByCounted());
    for (const key of touched) for (const uri of askedBy.get(key) ?? []) affected.add(uri);
    return affected;
  }

  private askedByCounted(): Map<string, Set<string>> {
    const askedBy = new Map<string, Set<string>>();
    for (const [uri, file] of this.counted) for (const key of file.asked) addTo(askedBy, key, uri);
    return askedBy;
  }

  /** Brings one file's references in `byHeadline` up to date with its summary (none: the file is gone). */
  private update(uri: string, summary: IssueSummary | undefined): void {
    const counted = this.counted.get(uri);
    if (!summary) {
      if (counted) this.takeOut(counted);
      this.counted.delete(uri);
      this.files.delete(uri);
      return;
    }
    let file = this.current(this.files.get(uri), summary);
    if (!file) {
      file = this.resolve(summary);
      this.resolved++;
    }
    this.files.set(uri, file);
    if (counted?.incoming !== file.incoming) {
      if (counted) this.takeOut(counted);
      this.putIn(file);
    }
    this.counted.set(uri, file);
  }

  private putIn(file: FileReferences): void {
    if (this.askedBy) for (const key of file.asked) addTo(this.askedBy, key, file.summary.uri);
    for (const [id, incoming] of file.incoming) {
      const list = this.byHeadline.get(id);
      if (list) list.push(incoming);
      else this.byHeadline.set(id, [incoming]);
      this.unsorted.add(id);
    }
  }

  private takeOut(file: FileReferences): void {
    if (this.askedBy)
      for (const key of file.asked) {
        const uris = this.askedBy.get(key);
        uris?.delete(file.summary.uri);
        if (uris?.size === 0) this.askedBy.delete(key);
      }
    for (const [id, incoming] of file.incoming) {
      const list = this.byHeadline.get(id);
      const at = list ? list.lastIndexOf(incoming) : -1;
      if (at < 0) continue;
      list!.splice(at, 1);
      if (list!.length === 0) {
        this.byHeadline.delete(id);
        this.unsorted.delete(id);
      }
    }
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
    // A counted file resolves as counted at the graph's headlines' version, however long ago it was resolved.
    const since =
      this.counted.get(summary.uri) === file ? Math.max(file.headlinesVersion, this.headlinesVersion ?? -1) : file.headlinesVersion;
    if (since === version) return file;
    const changed = this.changedSince(since);
    if (!changed) return undefined;
    if (changed.size < file.asked.size) {
      for (const key of changed) if (file.asked.has(key)) return undefined;
    } else for (const asked of file.asked) if (changed.has(asked)) return undefined;
    return Object.assign({}, file, { headlinesVersion: version });
  }

  /** What the index says changed since `version`: asked once, not for each of an archive's files. */
  private changedSince(version: number): ReadonlySet<string> | undefined {
    const { headlinesVersion } = this.index;
    if (this.changes?.headlinesVersion !== headlinesVersion) this.changes = { headlinesVersion, since: new Map() };
    const { since } = this.changes;
    if (!since.has(version)) since.set(version, this.index.changedSince(version));
    return since.get(version);
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

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}
