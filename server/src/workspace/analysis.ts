// Parses each open document once per version and keeps the workspace index
// current with it; checks run lazily and are cached until the document, the
// headlines of the workspace or the profile change.
import { ArticleResults } from '../checks/articleResults';
import type { Problem } from '../checks/check';
import { createCheckContext } from '../checks/context';
import type { CheckContext, SizeLimit } from '../checks/context';
import { checkInSteps, runChecks } from '../checks/run';
import type { Positions } from '../model/lineIndex';
import { ParseCache } from '../model/incremental';
import { parseBulletin, unparsedDocument } from '../model/parse';
import type { BulletinDocument } from '../model/types';
import { parseOptionsFor } from '../profile/parseOptions';
import type { Profile } from '../profile/profile';
import type { EditLog } from './editLog';
import type { WorkspaceIndex } from './index';
import { summarize } from './summary';
import type { IssueSummary } from './summary';

/** An open document as the analysis sees it: `TextDocument` fits. */
export interface SourceDocument extends Positions {
  readonly uri: string;
  readonly version: number;
  getText(): string;
}

export interface Analysis {
  readonly uri: string;
  readonly version: number;
  readonly doc: BulletinDocument;
  readonly summary: IssueSummary;
  readonly profile: Profile;
  /** Set when the document is too large to parse and check in full. */
  readonly limited?: SizeLimit;
}

/** Documents up to this many characters are parsed and checked in full unless settings say otherwise. */
export const DEFAULT_FULL_CHECK_LIMIT = 5_000_000;

interface Cached extends Analysis {
  /** Numbers the parses, so results derived from different texts never share a key. */
  readonly serial: number;
  problems?: { key: string; value: Problem[] };
  context?: { key: string; value: CheckContext };
}

export class Analyses {
  private readonly cache = new Map<string, Cached>();
  /** What the last parse of each document leaves for the next: the edit's neighbours are not read again. */
  private readonly parses = new Map<string, ParseCache>();
  /**
   * What each document keeps from one version to the next (the checks' findings per article, the outline's
   * entries), for the profile it was made with.
   */
  private readonly kept = new Map<string, { profile: Profile; values: Map<string, unknown> }>();
  private parseCount = 0;

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly profileFor: (uri: string) => Profile,
    /** The size in characters above which a document gets only the quick checks. */
    private readonly fullCheckLimit: () => number = () => DEFAULT_FULL_CHECK_LIMIT,
    /** The edits the documents' sync applied, when it logs them: the parse then knows where they are. */
    private readonly edits?: EditLog,
  ) {}

  /**
   * The analysis of this version of the document, parsing it if needed. The parse of a newer version moves the
   * nodes it keeps in place: an older version's analysis is not to be read once a newer one is made (checks
   * running in turns stop first, as their document is then stale).
   */
  get(source: SourceDocument): Analysis {
    const profile = this.profileFor(source.uri);
    const limit = this.fullCheckLimit();
    const cached = this.cache.get(source.uri);
    const text = source.getText();
    if (
      cached &&
      cached.version === source.version &&
      cached.doc.text === text &&
      cached.profile === profile &&
      (cached.limited !== undefined) === text.length > limit
    )
      return cached;
    const limited = text.length > limit ? { size: text.length, limit } : undefined;
    let doc: BulletinDocument;
    if (limited) {
      this.parses.delete(source.uri);
      doc = unparsedDocument(text);
    } else {
      let parse = this.parses.get(source.uri);
      if (!parse) this.parses.set(source.uri, (parse = new ParseCache()));
      const known = cached && this.edits?.since(source.uri, cached.version, source.version, text.length);
      doc = parseBulletin(text, parseOptionsFor(profile), parse, known);
    }
    this.edits?.start(source.uri, source.version, text.length);
    const summary = summarize(doc, source.uri, source, profile.initials);
    this.index.set(summary);
    const analysis: Cached = {
      uri: source.uri,
      version: source.version,
      doc,
      summary,
      profile,
      serial: ++this.parseCount,
      ...(limited ? { limited } : {}),
    };
    this.cache.set(source.uri, analysis);
    return analysis;
  }

  /**
   * False once the document has been analysed again (a newer version, or the same under another profile or size
   * limit) or closed: what this analysis finds is then out of date, though its version may be the document's.
   */
  isCurrent(analysis: Analysis): boolean {
    return this.cache.get(analysis.uri) === analysis;
  }

  /** The profile the document was last analysed with; undefined before its first analysis. */
  profileOf(uri: string): Profile | undefined {
    return this.cache.get(uri)?.profile;
  }

  /** The key under which derived results stay valid. */
  resultKey(analysis: Analysis): string {
    return `${(analysis as Cached).serial}:${this.index.headlinesVersion}`;
  }

  context(analysis: Analysis): CheckContext {
    const cached = analysis as Cached;
    const key = this.resultKey(analysis);
    if (cached.context?.key !== key)
      cached.context = {
        key,
        value: createCheckContext(analysis.doc, analysis.uri, this.index, analysis.profile, {
          results: this.keptFor(analysis, 'checks', () => new ArticleResults()),
          ...(analysis.limited ? { limited: analysis.limited } : {}),
        }),
      };
    return cached.context.value;
  }

  /**
   * What the document keeps under `name` from one version to the next, made by `create` the first time and
   * again when the profile changes (it may parse the same text differently); dropped when the document closes.
   */
  keptFor<T>({ uri, profile }: Analysis, name: string, create: () => T): T {
    let kept = this.kept.get(uri);
    if (kept?.profile !== profile) this.kept.set(uri, (kept = { profile, values: new Map() }));
    let value = kept.values.get(name) as T | undefined;
    if (value === undefined) kept.values.set(name, (value = create()));
    return value;
  }

  problems(analysis: Analysis, isCancelled?: () => boolean): Problem[] | undefined {
    const cached = analysis as Cached;
    const key = this.resultKey(analysis);
    if (cached.problems?.key === key) return cached.problems.value;
    let cancelled = false;
    const value = runChecks(this.context(analysis), {
      isCancelled: () => (cancelled = cancelled || (isCancelled?.() ?? false)),
    });
    if (cancelled) return undefined;
    cached.problems = { key, value };
    return value;
  }

  /**
   * As `problems`, but a check at a time, awaiting `pause` after each where it gives a promise: while it waits,
   * the event loop runs, and edits and requests come in. Undefined once `isCancelled` holds (a newer version
   * arrived); the problems a request computed meanwhile, where one did.
   */
  async problemsInTurns(
    analysis: Analysis,
    isCancelled: () => boolean,
    pause: () => Promise<void> | undefined,
  ): Promise<Problem[] | undefined> {
    const cached = analysis as Cached;
    const key = this.resultKey(analysis);
    if (cached.problems?.key === key) return cached.problems.value;
    let cancelled = false;
    const steps = checkInSteps(this.context(analysis), { isCancelled: () => (cancelled = cancelled || isCancelled()) });
    for (;;) {
      const step = steps.next();
      if (step.done) {
        if (cancelled) return undefined;
        cached.problems = { key, value: step.value };
        return step.value;
      }
      const waiting = pause();
      if (!waiting) continue;
      await waiting;
      if (cached.problems?.key === key) return cached.problems.value;
    }
  }

  forget(uri: string): void {
    this.edits?.forget(uri);
    this.cache.delete(uri);
    this.parses.delete(uri);
    this.kept.delete(uri);
  }
}
