// Results derived from one article, kept between versions of a document: after
// a keystroke only the edited article is checked again. An article is known
// by its key (text and blank lines before it); a result computed where the
// article started then is moved to where it starts now.
import type { Article, Paragraph } from '../model/types';
import { articleKey } from '../model/parse';
import { detach, detached, kept } from '../model/detach';
import { shifted } from '../model/shift';

/** How many articles' results a version does not have are kept, at most, through rounds given up. */
const STALE_ARTICLES = 32;

interface Entry {
  readonly start: number;
  readonly value: unknown;
  /** What else the result was derived from (the workspace's headlines), where not the article alone. */
  readonly depends?: number;
}

interface Keyed {
  readonly key: string;
  readonly value: unknown;
}

export class ArticleResults {
  private current = new Map<string, Map<string, Entry>>();
  private previous = new Map<string, Map<string, Entry>>();
  /** What checks keep of the whole document from one version to the next. */
  private kept = new Map<string, unknown>();
  /** What `remembered` keeps, by name and then key: this round's and the last round's, as for articles. */
  private keyedNow = new Map<string, Map<string, Keyed>>();
  private keyedBefore = new Map<string, Map<string, Keyed>>();
  /**
   * What was read from one paragraph's text, by name, under the parse's paragraph object: the parse keeps the
   * object (moving it) only while the paragraph's text is unchanged, so a result kept under it needs no key made
   * of that text, hashed and compared after every keystroke.
   */
  private byParagraph = new WeakMap<Paragraph, Map<string, { readonly value: unknown }>>();
  /** Rounds since what the checks assume last changed: 1 while checking a document's first version. */
  private rounds = 0;
  private assumptions: string | undefined;
  /** False from the start of a round until `endRound`: a round given up midway drops nothing the last one kept. */
  private ended = true;

  /**
   * Starts checking a new version, whose articles are `articles`. Results are kept only while what they assume
   * outside the article (profile, email width, line break) is unchanged; those no version used since the last
   * round are dropped.
   */
  nextRound(assumptions: string, articles: readonly Article[]): void {
    if (assumptions !== this.assumptions) {
      this.assumptions = assumptions;
      this.current = new Map();
      this.kept = new Map();
      this.keyedNow = new Map();
      this.byParagraph = new WeakMap();
      this.rounds = 0;
      // Nothing is kept from before, whether or not the last round ended.
      this.ended = true;
    }
    if (this.ended) {
      this.previous = this.current;
      this.keyedBefore = this.keyedNow;
    } else {
      // The last round stopped before asking for everything (a newer version or headline came): what it did
      // not ask for is kept as the round before it left it, else the next round would compute it all again.
      for (const [key, results] of this.current) this.previous.set(key, results);
      this.keepOnly(articles);
      for (const [name, now] of this.keyedNow) {
        const before = this.keyedBefore.get(name);
        if (before) for (const [key, known] of now) before.set(key, known);
        else this.keyedBefore.set(name, now);
      }
    }
    this.current = new Map();
    this.keyedNow = new Map();
    this.ended = false;
    this.rounds++;
  }

  /**
   * Ends the round: every check asked for what it needed, so what no check asked for (articles since edited or
   * deleted) is dropped at the next round.
   */
  endRound(): void {
    this.ended = true;
  }

  /**
   * Drops the results of articles that `articles` (the version about to be checked) does not have, once there
   * are more than a few: in a streak of rounds given up (typing without pause in a long issue), each would
   * otherwise add the edited article's results as they were at one keystroke, until a round ended.
   */
  private keepOnly(articles: readonly Article[]): void {
    if (this.previous.size <= articles.length + STALE_ARTICLES) return;
    const live = new Set<string | undefined>();
    for (const article of articles) live.add(articleKey(article));
    for (const key of this.previous.keys()) if (!live.has(key)) this.previous.delete(key);
  }

  /** How many articles' results are held now, this round's and those kept from before. */
  get heldArticles(): number {
    return new Set([...this.previous.keys(), ...this.current.keys()]).size;
  }

  /** True while checking the first version under these assumptions: nothing is kept from an earlier one. */
  get first(): boolean {
    return this.rounds <= 1;
  }

  /**
   * The result for this article, computed now or moved from where an earlier version had it (as it is, when it
   * holds no offsets: not `positioned`). A result computed with other `depends` is computed again.
   */
  get<T>(name: string, article: Article, compute: () => T, positioned = true, depends?: number): T {
    const key = articleKey(article);
    if (key === undefined) return compute();
    let results = this.current.get(key);
    if (!results) {
      results = this.previous.get(key) ?? new Map<string, Entry>();
      this.current.set(key, results);
    }
    const hit = results.get(name);
    if (hit && hit.depends === depends) return positioned ? shifted(hit.value as T, article.start - hit.start) : (hit.value as T);
    const value = compute();
    // Kept for later versions, so holding none of this version's text.
    results.set(name, { start: article.start, value: detached(value), ...(depends === undefined ? {} : { depends }) });
    return value;
  }

  /**
   * What `compute` gives, kept under `name` and `key` (what it is computed from, such as a paragraph's text) for
   * the next version; from the last version when it asked for the same key. Key and value are kept as copies that
   * hold no slice of this version's text.
   */
  remembered<T>(name: string, key: string, compute: () => T): T {
    let now = this.keyedNow.get(name);
    if (!now) this.keyedNow.set(name, (now = new Map<string, Keyed>()));
    const known = now.get(key) ?? this.keyedBefore.get(name)?.get(key);
    if (known) {
      now.set(known.key, known);
      return known.value as T;
    }
    const value = compute();
    const copy = { key: detach(key), value: kept(value) };
    now.set(copy.key, copy);
    return value;
  }

  /**
   * What `compute` gives for the parsed paragraph `paragraph` (one of the document's, not a copy), kept under
   * `name` for as long as the parse keeps the paragraph. It must hold no offset.
   */
  ofParagraph<T>(name: string, paragraph: Paragraph, compute: () => T): T {
    let results = this.byParagraph.get(paragraph);
    if (!results) this.byParagraph.set(paragraph, (results = new Map<string, { readonly value: unknown }>()));
    const known = results.get(name);
    if (known) return known.value as T;
    const value = compute();
    results.set(name, { value: kept(value) });
    return value;
  }

  /**
   * What `name` keeps of the whole document, brought up to date from what the last version kept (undefined the
   * first time). It must hold no slice of the text.
   */
  acrossVersions<T>(name: string, update: (previous: T | undefined) => T): T {
    const value = update(this.kept.get(name) as T | undefined);
    this.kept.set(name, value);
    return value;
  }
}
