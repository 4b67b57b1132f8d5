// Pairs each contents entry with its article: by headline first, then by
// standfirst and byline, so damaged entries (a lost first line) still pair.
import { personKey } from '../../model/byline';
import { rememberedStrings } from '../../model/detach';
import { articleKey } from '../../model/parse';
import { shortTitleKey, titleKey, titleWords } from '../../model/text';
import type { Article, BulletinDocument, ContentsEntry } from '../../model/types';
import type { CheckContext } from '../context';

export interface ContentsPair {
  readonly entry: ContentsEntry;
  readonly entryIndex: number;
  readonly article: Article;
  readonly articleIndex: number;
}

export interface ContentsPairing {
  readonly pairs: readonly ContentsPair[];
  readonly unpairedEntries: readonly { entry: ContentsEntry; index: number }[];
  readonly unpairedArticles: readonly { article: Article; index: number }[];
}

/** What an entry or article is matched by: its headline, and (needed only when no headline matches) the rest. */
interface Keys {
  readonly headline?: string;
  readonly shortHeadline?: string;
  /** Standfirst and authors' keys, computed when first needed: most entries pair by headline alone. */
  rest?: RestKeys;
}

/** Everything of an article's keys the pairing may read, as one string: equal strings, equal pairings. */
function signatureOf(keys: Keys, text: string, article: Matchable): string {
  const rest = restOf(keys, text, article);
  return [keys.headline ?? '', keys.shortHeadline ?? '', rest.standfirst, rest.authors].join('\u0000');
}

interface RestKeys {
  readonly standfirst: string;
  readonly words: ReadonlySet<string>;
  readonly authors: string;
}

/** What a contents entry and an article have in common: the parts matched. */
interface Matchable {
  readonly headline?: { readonly text: string; readonly country?: string };
  readonly standfirst?: { readonly start: number; readonly end: number };
  readonly byline?: { readonly authors: readonly { readonly name: string }[] };
}

function headlineKeys(item: Matchable): Keys {
  const { headline } = item;
  if (!headline) return {};
  const short = shortTitleKey(headline);
  return { headline: titleKey(headline.text), ...(short ? { shortHeadline: short } : {}) };
}

/** A standfirst key's words, remembered for the last keys asked about: an edited article asks again each keystroke. */
const wordsOfKey = rememberedStrings(new Map<string, ReadonlySet<string>>());
const WORDS_REMEMBERED = 1_000;

function wordsOf(standfirst: string): ReadonlySet<string> {
  let words = wordsOfKey.get(standfirst);
  if (!words) {
    if (wordsOfKey.size >= WORDS_REMEMBERED) wordsOfKey.clear();
    // The key is made of the text, not a slice of it: it holds no document.
    wordsOfKey.set(standfirst, (words = new Set(titleWords(standfirst))));
  }
  return words;
}

/** The standfirst and authors' keys of `item`, a part of `text`; remembered in its keys. */
function restOf(keys: Keys, text: string, item: Matchable): RestKeys {
  if (!keys.rest) {
    const sf = item.standfirst ? titleKey(text.slice(item.standfirst.start, item.standfirst.end)) : '';
    keys.rest = {
      standfirst: sf,
      words: wordsOf(sf),
      authors: (item.byline?.authors ?? [])
        .map((a) => personKey(a.name))
        .sort()
        .join('|'),
    };
  }
  return keys.rest;
}

/** How well an entry (`eh`, `e`) matches an article (`ah`, `a`). */
function score(eh: Keys, e: RestKeys, ah: Keys, a: RestKeys): number {
  let s = 0;
  if (eh.headline && ah.headline && (eh.headline === ah.headline || eh.headline === ah.shortHeadline || eh.shortHeadline === ah.headline))
    s += 100;
  if (e.standfirst && a.standfirst) {
    if (e.standfirst === a.standfirst) s += 60;
    else if (
      Math.min(e.standfirst.length, a.standfirst.length) >= 12 &&
      (a.standfirst.endsWith(e.standfirst) ||
        a.standfirst.startsWith(e.standfirst) ||
        e.standfirst.endsWith(a.standfirst) ||
        e.standfirst.startsWith(a.standfirst))
    )
      s += 50;
    else {
      let shared = 0;
      for (const w of e.words) if (a.words.has(w)) shared++;
      s += (40 * shared) / Math.max(1, Math.max(e.words.size, a.words.size));
    }
  }
  if (e.authors && e.authors === a.authors) s += 20;
  return s;
}

const THRESHOLD = 35;

/**
 * The last document paired, with its pairing: the summary of an analysis and its checks share it. Not a WeakMap
 * by document: while V8's scavenger held such an entry's value, what it reaches (the whole document, its text
 * included) survived into the old generation, for every issue indexed (262 MB promoted while indexing 2,000
 * issues, 57 MB without), and the heap grew with it.
 */
let lastPairing: { readonly doc: BulletinDocument; readonly pairing: ContentsPairing } | undefined;

/** The pairing of this context's document, computed once. */
export function contentsPairing(context: CheckContext): ContentsPairing {
  return pairContents(context.doc);
}

/** The pairing of a document: computed again only for another document than the last one paired. */
export function pairContents(doc: BulletinDocument): ContentsPairing {
  if (lastPairing?.doc !== doc) lastPairing = { doc, pairing: computePairing(doc) };
  return lastPairing.pairing;
}

/**
 * Articles' keys from the last pairings, by article key: after a keystroke, only the edited article's are
 * computed again. Two generations, so what no pairing used since the previous one is dropped.
 */
const rememberedKeys = {
  current: new Map<string, Keys>(),
  previous: new Map<string, Keys>(),
  nextRound(): void {
    this.previous = this.current;
    this.current = new Map();
  },
};

function keysOfArticle(article: Article): Keys {
  const key = articleKey(article);
  const known = key === undefined ? undefined : (rememberedKeys.current.get(key) ?? rememberedKeys.previous.get(key));
  const found = known ?? headlineKeys(article);
  if (key !== undefined) rememberedKeys.current.set(key, found);
  return found;
}

/**
 * Entries' keys, by entry: the parse keeps an entry (detached from the text) while its paragraph is unchanged,
 * so after a keystroke elsewhere the contents list is not read again.
 */
const keysByEntry = new WeakMap<ContentsEntry, Keys>();

function keysOfEntry(entry: ContentsEntry): Keys {
  let found = keysByEntry.get(entry);
  if (!found) keysByEntry.set(entry, (found = headlineKeys(entry)));
  return found;
}

/** How many articles each unpaired entry is compared with, at most: the work stays linear. */
const CANDIDATES_PER_ENTRY = 24;

/**
 * What the last pairing was computed from, and its pairs by index. A keystroke in an article changes that
 * article's keys object, rarely what the pairing reads of it: the pairs are then the same, by index.
 */
let lastBasis:
  | {
      readonly entryKeys: readonly Keys[];
      readonly articleKeys: readonly Keys[];
      readonly pairs: readonly (readonly [entryIndex: number, articleIndex: number])[];
    }
  | undefined;

/** True when the pairing of these keys is the last one's: the same entries' keys, articles' keys of equal signatures. */
function sameBasis(entryKeys: readonly Keys[], articleKeys: readonly Keys[], doc: BulletinDocument): boolean {
  const last = lastBasis;
  if (!last || last.entryKeys.length !== entryKeys.length || last.articleKeys.length !== articleKeys.length) return false;
  if (!entryKeys.every((k, i) => k === last.entryKeys[i])) return false;
  // An article's old keys keep the signature they had: its rest was read while its text was there.
  return articleKeys.every(
    (k, i) =>
      k === last.articleKeys[i] ||
      (last.articleKeys[i]!.rest !== undefined &&
        signatureOf(k, doc.text, doc.articles[i]!) === signatureOf(last.articleKeys[i]!, doc.text, doc.articles[i]!)),
  );
}

function computePairing(doc: BulletinDocument): ContentsPairing {
  const entries = doc.contents?.entries ?? [];
  const entryKeys = entries.map(keysOfEntry);
  const articleKeys = doc.articles.map(keysOfArticle);
  rememberedKeys.nextRound();
  const pairs = sameBasis(entryKeys, articleKeys, doc) ? lastBasis!.pairs : pairByKeys(doc, entryKeys, articleKeys);
  lastBasis = { entryKeys, articleKeys, pairs };
  const entryTaken = new Array<boolean>(entries.length).fill(false);
  const articleTaken = new Array<boolean>(doc.articles.length).fill(false);
  for (const [ei, ai] of pairs) {
    entryTaken[ei] = true;
    articleTaken[ai] = true;
  }
  return {
    pairs: pairs.map(([ei, ai]) => ({ entry: entries[ei]!, entryIndex: ei, article: doc.articles[ai]!, articleIndex: ai })),
    unpairedEntries: entries.flatMap((entry, index) => (entryTaken[index] ? [] : [{ entry, index }])),
    unpairedArticles: doc.articles.flatMap((article, index) => (articleTaken[index] ? [] : [{ article, index }])),
  };
}

/** The pairs, entry index and article index, in the order of the entries. */
function pairByKeys(doc: BulletinDocument, entryKeys: readonly Keys[], articleKeys: readonly Keys[]): [number, number][] {
  const { text } = doc;
  const entries = doc.contents?.entries ?? [];
  const entryTaken = new Array<boolean>(entries.length).fill(false);
  const articleTaken = new Array<boolean>(doc.articles.length).fill(false);
  const pairs: [number, number][] = [];
  const take = (ei: number, ai: number): void => {
    entryTaken[ei] = true;
    articleTaken[ai] = true;
    pairs.push([ei, ai]);
  };
  // Exact headlines first: cheap, and right whenever the entry has its headline.
  const byHeadline = new Map<string, number[]>();
  articleKeys.forEach((k, ai) => {
    for (const key of [k.headline, k.shortHeadline]) if (key) byHeadline.set(key, [...(byHeadline.get(key) ?? []), ai]);
  });
  entryKeys.forEach((k, ei) => {
    const ai = k.headline ? byHeadline.get(k.headline)?.find((i) => !articleTaken[i]) : undefined;
    if (ai !== undefined) take(ei, ai);
  });
  // The rest by standfirst and byline: each entry against the unpaired articles that share its rarest words.
  const byWord = new Map<string, number[]>();
  const file = (word: string, ai: number): void => {
    const list = byWord.get(word);
    if (list) list.push(ai);
    else byWord.set(word, [ai]);
  };
  articleKeys.forEach((k, ai) => {
    if (articleTaken[ai]) return;
    const rest = restOf(k, text, doc.articles[ai]!);
    for (const w of rest.words) file(w, ai);
    file(`@${rest.authors}`, ai);
  });
  const candidates: { ei: number; ai: number; s: number }[] = [];
  entryKeys.forEach((ek, ei) => {
    if (entryTaken[ei]) return;
    const tried = new Set<number>();
    const rest = restOf(ek, text, entries[ei]!);
    const lists = [...rest.words, `@${rest.authors}`].map((w) => byWord.get(w) ?? []).sort((a, b) => a.length - b.length);
    for (const list of lists) {
      for (const ai of list) {
        if (tried.size >= CANDIDATES_PER_ENTRY || tried.has(ai)) continue;
        tried.add(ai);
        const ak = articleKeys[ai]!;
        const s = score(ek, rest, ak, restOf(ak, text, doc.articles[ai]!)) - Math.abs(ei - ai) * 0.01;
        if (s >= THRESHOLD) candidates.push({ ei, ai, s });
      }
    }
  });
  candidates.sort((x, y) => y.s - x.s);
  for (const { ei, ai } of candidates) if (!entryTaken[ei] && !articleTaken[ai]) take(ei, ai);
  return pairs.sort((x, y) => x[0] - y[0]);
}
