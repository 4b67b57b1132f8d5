// The workspace index: every bulletin's summary, with lookups by headline,
// by issue and by word (for "did you mean" suggestions). No I/O here: the
// server and the CLI feed it summaries.
import { rememberingStrings } from '../model/detach';
import { HeadlineWords } from './headlineWords';
import { levenshtein } from './levenshtein';
import type { HeadlineEntry, IssueSummary } from './summary';
import { titleKey, titleWords } from '../model/text';

/** What checks and features need from the index. */
export interface HeadlineLookup {
  /**
   * Changes whenever what cross-references resolve to may change: while it stays, every issue keeps its identity
   * and its headlines' keys, in the same order.
   */
  readonly headlinesVersion: number;
  /**
   * Changes whenever an issue's identity or its headlines' keys or order change: what cross-references resolve to,
   * as `headlinesVersion` but for headlines that only moved to other lines (whose entries, ranges included, the
   * summaries then hold anew at the same places).
   */
  readonly titlesVersion: number;
  /** Headlines whose key (or key without `COUNTRY: `) is `key`. */
  find(key: string): readonly HeadlineEntry[];
  /** Issues of that publication and number (initials may be absent). */
  issues(number: number, initials?: string): readonly IssueSummary[];
  summary(uri: string): IssueSummary | undefined;
  /** The headline closest to the title, for a "did you mean" suggestion. */
  closest(title: string): HeadlineEntry | undefined;
  /** True when some headline (or headline without `COUNTRY: `) starts with this word (a title key's first word). */
  startsHeadline(word: string): boolean;
  all(): Iterable<IssueSummary>;
}

/** How many changes of the headlines the index remembers the touched keys of. */
const MAX_CHANGES = 256;

/** How many title keys, by word, the remembered suggestions note before they are all forgotten. */
const MAX_ANSWER_WORDS = 50_000;

/** How many headlines sharing the most words with a title are measured against it. */
const CANDIDATES = 24;

/** The largest edit distance, as a share of the longer title, of a "did you mean" suggestion. */
const MAX_DISTANCE = 0.45;

const STOP_WORDS = new Set(['the', 'and', 'for', 'with', 'from', 'after', 'over', 'into', 'this', 'that', 'on', 'of', 'in', 'to', 'a']);

/** The words a title is found by; remembered, as every keystroke sets its document's headlines again. */
const indexWords = rememberingStrings(
  (title: string): readonly string[] => titleWords(title).filter((w) => w.length >= 3 && !STOP_WORDS.has(w)),
  4000,
);

export class WorkspaceIndex implements HeadlineLookup {
  private readonly summaries = new Map<string, IssueSummary>();
  private readonly byKey = new Map<string, HeadlineEntry[]>();
  private readonly byWord = new HeadlineWords();
  private readonly byNumber = new Map<number, IssueSummary[]>();
  private readonly firstWords = new Map<string, number>();
  /** Bumped on every change, so callers can cache what they derive. */
  version = 0;
  /** Bumped only when what cross-references resolve to may have changed: headlines or issue identities. */
  headlinesVersion = 0;
  /** Bumped with `headlinesVersion`, but not when headlines only moved to other lines. */
  titlesVersion = 0;
  /** The file each recent bump of `version` changed (see `filesChangedSince`), oldest first. */
  private changedFiles: { readonly version: number; readonly uri: string }[] = [];
  /** What each recent bump of `headlinesVersion` touched (see `changedSince`), oldest first. */
  private changes: { readonly version: number; readonly touched?: ReadonlySet<string> }[] = [];

  set(summary: IssueSummary): void {
    const old = this.summaries.get(summary.uri);
    if (old && sameTitles(old, summary)) return this.replace(old, summary);
    const titles = old === undefined || !titlesAlike(old, summary);
    const changed = titles || !onSameLines(old, summary);
    if (old && !titles) this.moveAnswers(old, summary);
    if (old) this.detach(old);
    this.summaries.set(summary.uri, summary);
    for (const entry of summary.headlines) {
      push(this.byKey, entry.key, entry);
      if (entry.shortKey && entry.shortKey !== entry.key) push(this.byKey, entry.shortKey, entry);
      for (const word of leadingWords(entry)) this.firstWords.set(word, (this.firstWords.get(word) ?? 0) + 1);
      this.byWord.add(entry, indexWords(entry.text));
    }
    if (summary.issue.number !== undefined) push(this.byNumber, summary.issue.number, summary);
    this.bump(summary.uri);
    if (changed) this.bumpHeadlines(old, summary, titles);
  }

  /** After an edit that left every headline's words as they were: only the entries (their places) change. */
  private replace(old: IssueSummary, summary: IssueSummary): void {
    const titles = !titlesAlike(old, summary);
    const changed = titles || !onSameLines(old, summary);
    if (!titles) this.moveAnswers(old, summary);
    this.summaries.set(summary.uri, summary);
    old.headlines.forEach((entry, i) => {
      const next = summary.headlines[i]!;
      // The summary keeps the entries of articles that neither changed nor moved.
      if (next === entry) return;
      swap(this.byKey, entry.key, entry, next);
      if (entry.shortKey && entry.shortKey !== entry.key) swap(this.byKey, entry.shortKey, entry, next);
      this.byWord.replace(entry, next);
    });
    if (summary.issue.number !== undefined) swap(this.byNumber, summary.issue.number, old, summary);
    this.bump(summary.uri);
    if (changed) this.bumpHeadlines(old, summary, titles);
  }

  remove(uri: string): void {
    const old = this.summaries.get(uri);
    if (!old) return;
    this.detach(old);
    this.summaries.delete(uri);
    this.bump(uri);
    this.bumpHeadlines(old, undefined);
  }

  private bump(uri: string): void {
    this.version++;
    this.changedFiles.push({ version: this.version, uri });
    if (this.changedFiles.length > 2 * MAX_CHANGES) this.changedFiles.splice(0, MAX_CHANGES);
  }

  /**
   * The files whose summaries were set or removed since `version`; undefined when the changes go too far back to
   * be remembered.
   */
  filesChangedSince(version: number): ReadonlySet<string> | undefined {
    const first = this.changedFiles[0];
    if (version < this.version && (!first || first.version > version + 1)) return undefined;
    const out = new Set<string>();
    for (let i = this.changedFiles.length - 1; i >= 0 && this.changedFiles[i]!.version > version; i--) out.add(this.changedFiles[i]!.uri);
    return out;
  }

  /**
   * Records what a change of one issue touched: the keys and first words of its headlines before and after, and
   * its number (as `#` and the number); everything when the issue's identity changed.
   */
  private bumpHeadlines(old: IssueSummary | undefined, next: IssueSummary | undefined, titles = true): void {
    this.headlinesVersion++;
    if (titles) {
      this.titlesVersion++;
      this.forgetAnswers(old, next);
    }
    let touched: Set<string> | undefined = new Set();
    if (old && next && JSON.stringify(old.issue) !== JSON.stringify(next.issue)) touched = undefined;
    for (const summary of [old, next]) {
      if (!summary || !touched) continue;
      if (summary.issue.number !== undefined) touched.add(`#${summary.issue.number}`);
      for (const entry of summary.headlines) {
        touched.add(entry.key);
        if (entry.shortKey) touched.add(entry.shortKey);
        for (const word of leadingWords(entry)) touched.add(word);
      }
    }
    this.changes.push({ version: this.headlinesVersion, ...(touched ? { touched } : {}) });
    if (this.changes.length > MAX_CHANGES) this.changes.splice(0, this.changes.length - MAX_CHANGES);
  }

  /**
   * The title keys, first words and issue numbers (`#` and the number) that the changes of `headlinesVersion`
   * since `version` touched: a resolution that asked the index about none of them resolves as it did. Undefined
   * when anything may have changed (an issue's identity, or changes too far back to be remembered).
   */
  changedSince(version: number): ReadonlySet<string> | undefined {
    const first = this.changes[0];
    if (version < this.headlinesVersion && (!first || first.version > version + 1)) return undefined;
    const out = new Set<string>();
    for (const change of this.changes) {
      if (change.version <= version) continue;
      if (!change.touched) return undefined;
      for (const key of change.touched) out.add(key);
    }
    return out;
  }

  private detach(old: IssueSummary): void {
    for (const entry of old.headlines) {
      pull(this.byKey, entry.key, (e) => e === entry);
      if (entry.shortKey) pull(this.byKey, entry.shortKey, (e) => e === entry);
      for (const word of leadingWords(entry)) {
        const count = (this.firstWords.get(word) ?? 0) - 1;
        if (count > 0) this.firstWords.set(word, count);
        else this.firstWords.delete(word);
      }
      this.byWord.remove(entry, indexWords(entry.text));
    }
    if (old.issue.number !== undefined) pull(this.byNumber, old.issue.number, (s) => s === old);
  }

  has(uri: string): boolean {
    return this.summaries.has(uri);
  }

  get size(): number {
    return this.summaries.size;
  }

  summary(uri: string): IssueSummary | undefined {
    return this.summaries.get(uri);
  }

  all(): Iterable<IssueSummary> {
    return this.summaries.values();
  }

  find(key: string): readonly HeadlineEntry[] {
    return this.byKey.get(key) ?? [];
  }

  issues(number: number, initials?: string): readonly IssueSummary[] {
    const found = this.byNumber.get(number) ?? [];
    return initials ? found.filter((s) => !s.issue.initials || s.issue.initials === initials) : found;
  }

  startsHeadline(word: string): boolean {
    return this.firstWords.has(word);
  }

  /** Suggestions by title key, and the keys by the words their candidates were found by. */
  private answers = new Map<string, HeadlineEntry | undefined>();
  private answersByWord = new Map<string, string[]>();
  /** Keys noted in `answersByWord` since it was last emptied (some of them stale): it is emptied past a bound. */
  private answerWords = 0;

  /**
   * A suggestion is found among the headlines sharing a word with the title, and depends on nothing else: when
   * an issue's headlines change, only the suggestions for titles sharing a word with them, before or after, are
   * forgotten. Forgetting them all, after each keystroke in a headline of an archive's issue, cost 7 ms.
   */
  private forgetAnswers(old: IssueSummary | undefined, next: IssueSummary | undefined): void {
    if (this.answers.size === 0) return;
    for (const summary of [old, next]) {
      for (const entry of summary?.headlines ?? []) {
        for (const word of indexWords(entry.text)) {
          const keys = this.answersByWord.get(word);
          if (!keys) continue;
          for (const key of keys) this.answers.delete(key);
          this.answersByWord.delete(word);
        }
      }
    }
  }

  /**
   * Suggestions stay valid while the headlines resolve alike, but an edit above a headline moves it: the
   * remembered answers are pointed at the new entries (the i-th headline is the i-th one still).
   */
  private moveAnswers(old: IssueSummary, summary: IssueSummary): void {
    const moved = new Map(old.headlines.map((entry, i) => [entry, summary.headlines[i]!]));
    for (const [title, answer] of this.answers) {
      const now = answer && moved.get(answer);
      if (now) this.answers.set(title, now);
    }
  }

  closest(title: string): HeadlineEntry | undefined {
    const key = titleKey(title);
    if (this.answers.has(key)) return this.answers.get(key);
    const answer = this.findClosest(title, key);
    const words = indexWords(title);
    if (this.answerWords + words.length > MAX_ANSWER_WORDS) {
      this.answers.clear();
      this.answersByWord.clear();
      this.answerWords = 0;
    }
    this.answers.set(key, answer);
    for (const word of words) push(this.answersByWord, word, key);
    this.answerWords += words.length;
    return answer;
  }

  private findClosest(title: string, key: string): HeadlineEntry | undefined {
    let best: HeadlineEntry | undefined;
    let bestScore = Infinity;
    for (const [entry] of this.byWord.mostShared(indexWords(title), CANDIDATES)) {
      const target =
        entry.shortKey && Math.abs(entry.shortKey.length - key.length) < Math.abs(entry.key.length - key.length)
          ? entry.shortKey
          : entry.key;
      // The distance is at least the difference in length: a headline that alone puts too far is not measured.
      if (Math.abs(key.length - target.length) / Math.max(key.length, target.length) > MAX_DISTANCE) continue;
      const distance = levenshtein(key, target);
      const score = distance / Math.max(key.length, target.length);
      if (score < bestScore) {
        bestScore = score;
        best = entry;
      }
    }
    return bestScore <= MAX_DISTANCE ? best : undefined;
  }
}

function leadingWords(entry: HeadlineEntry): Set<string> {
  const words = new Set([entry.key.split(' ')[0]!]);
  if (entry.shortKey) words.add(entry.shortKey.split(' ')[0]!);
  return words;
}

/** Two summaries of one file that any cross-reference resolves against in the same way. */
function titlesAlike(a: IssueSummary, b: IssueSummary): boolean {
  if (a.headlines.length !== b.headlines.length || a.untitled !== b.untitled) return false;
  if (JSON.stringify(a.issue) !== JSON.stringify(b.issue)) return false;
  return a.headlines.every((h, i) => h.key === b.headlines[i]!.key);
}

/**
 * Headlines on the same lines (typing inside a line moves nothing): where they are not, what other files show of
 * them (the ranges of related information) is to be shown again.
 */
function onSameLines(a: IssueSummary, b: IssueSummary): boolean {
  return a.headlines.every((h, i) => h.range.start.line === b.headlines[i]!.range.start.line);
}

/** Headlines with the same words in the same order, in the same issue: the index finds them by the same keys. */
function sameTitles(a: IssueSummary, b: IssueSummary): boolean {
  return (
    a.issue.number === b.issue.number &&
    a.headlines.length === b.headlines.length &&
    a.headlines.every((h, i) => {
      const o = b.headlines[i]!;
      return h.key === o.key && h.shortKey === o.shortKey && h.text === o.text;
    })
  );
}

function swap<K, V>(map: Map<K, V[]>, key: K, old: V, next: V): void {
  const list = map.get(key);
  const at = list?.indexOf(old) ?? -1;
  if (list && at >= 0) list[at] = next;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function pull<K, V>(map: Map<K, V[]>, key: K, match: (value: V) => boolean): void {
  const list = map.get(key);
  if (!list) return;
  const kept = list.filter((v) => !match(v));
  if (kept.length > 0) map.set(key, kept);
  else map.delete(key);
}
