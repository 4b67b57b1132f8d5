// Parses each open document once per version and keeps the workspace index
// current with it; checks run lazily and are cached until the document, the
// headlines of the workspace or the profile change.
import type { Problem } from '../checks/check';
import { createCheckContext } from '../checks/context';
import type { CheckContext } from '../checks/context';
import { runChecks } from '../checks/run';
import type { Positions } from '../model/lineIndex';
import { parseBulletin } from '../model/parse';
import type { BulletinDocument } from '../model/types';
import { parseOptionsFor } from '../profile/parseOptions';
import type { Profile } from '../profile/profile';
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
}

interface Cached extends Analysis {
  /** The text parsed: a client may send a change without a new version, and that text must not be answered from this parse. */
  readonly text: string;
  /** Numbers the parses, so results derived from different texts never share a key. */
  readonly serial: number;
  problems?: { key: string; value: Problem[] };
  context?: { key: string; value: CheckContext };
}

export class Analyses {
  private readonly cache = new Map<string, Cached>();
  private parses = 0;

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly profileFor: (uri: string) => Profile,
  ) {}

  /** The analysis of this version of the document, parsing it if needed. */
  get(source: SourceDocument): Analysis {
    const profile = this.profileFor(source.uri);
    const cached = this.cache.get(source.uri);
    const text = source.getText();
    if (cached && cached.version === source.version && cached.text === text && cached.profile === profile) return cached;
    const doc = parseBulletin(text, parseOptionsFor(profile));
    const summary = summarize(doc, source.uri, source, profile.initials);
    this.index.set(summary);
    const analysis: Cached = { uri: source.uri, version: source.version, doc, summary, profile, text, serial: ++this.parses };
    this.cache.set(source.uri, analysis);
    return analysis;
  }

  /** The key under which derived results stay valid. */
  resultKey(analysis: Analysis): string {
    return `${(analysis as Cached).serial}:${this.index.headlinesVersion}`;
  }

  context(analysis: Analysis): CheckContext {
    const cached = analysis as Cached;
    const key = this.resultKey(analysis);
    if (cached.context?.key !== key)
      cached.context = { key, value: createCheckContext(analysis.doc, analysis.uri, this.index, analysis.profile) };
    return cached.context.value;
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

  forget(uri: string): void {
    this.cache.delete(uri);
  }
}
