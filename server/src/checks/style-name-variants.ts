import { append } from '../model/arrays';
import { detach, rememberingStrings } from '../model/detach';
import { isWhitespace, titleKey } from '../model/text';
import { LETTER, UPPER, bitsAt, knownBits, widthAt } from '../model/words';
import type { Check, Finding, TextEdit } from './check';
import type { Paragraph } from '../model/types';
import { proseOf, readParagraph } from './facts/prose';

/** Longer "words" are not names (and comparing two of them would take their lengths' product in time and memory). */
const MAX_NAME_LENGTH = 40;
/** How many commoner spellings one spelling is compared with, at most: the work stays linear. */
const COMPARISONS_PER_NAME = 12;
const SENTENCE_START = new Set([...'.!?“"(:'].map((c) => c.charCodeAt(0)));
const S = 's'.charCodeAt(0);
const isApostrophe = (code: number): boolean => code === 0x27 || code === 0x2019;

/** Edit distance counting a swap of neighbours as one (Janaozen / Janazoen). */
export function osaDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[(i - 1) * cols + j]! + 1, d[i * cols + j - 1]! + 1, d[(i - 1) * cols + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[(i - 2) * cols + j - 2]! + 1);
      d[i * cols + j] = v;
    }
  }
  return d[rows * cols - 1]!;
}

const Z = 0x7a;
const H = 0x68;
const K = 0x6b;
/** Vowels (with the accented ones names carry), y, h, apostrophes and hyphens: left out of a skeleton. */
const NOT_IN_SKELETON = new Uint8Array(0x100);
for (const c of "aeiouyhâäëïöüéèáíóú'-") NOT_IN_SKELETON[c.charCodeAt(0)] = 1;
const RIGHT_QUOTE = 0x2019;

/**
 * What transliterations of one name share: its consonants, with the letters
 * that vary between spellings made alike (zh/j, z/s, kh/k, double letters) and
 * vowels, y and h dropped. Janaozen, Janazoen and Zhanaozen all give "jnsn";
 * Kasymov and Kazymov "ksmv"; Mangistau and Mangystau "mngst". Read code by
 * code (a test holds it to the chain of replacements it says): a document's
 * first check asks for it once per distinct capitalized word.
 */
export function skeleton(word: string): string {
  let ascii = true;
  for (let i = 0; i < word.length && ascii; i++) ascii = word.charCodeAt(i) < 0x80;
  // ASCII capitals are lowered below, code by code; only other words need a lower-cased copy.
  const lower = ascii ? word : word.toLowerCase();
  let out = '';
  let last = -1;
  for (let i = 0; i < lower.length; i++) {
    let code = lower.charCodeAt(i);
    if (code >= 0x41 && code <= 0x5a) code += 0x20;
    if (code === Z || code === K) {
      const next = lower.charCodeAt(i + 1) | 0x20;
      if (next === H) {
        code = code === Z ? 0x6a : K;
        i++;
      } else if (code === Z) code = 0x73;
    }
    if (code === last || (code < 0x100 ? NOT_IN_SKELETON[code] === 1 : code === RIGHT_QUOTE)) continue;
    out += String.fromCharCode(code);
    last = code;
  }
  return out;
}

const skeletonOf = rememberingStrings(skeleton, 50_000);

/** Two words that are forms of each other rather than two spellings: Russia/Russian, Respublika/Respubliki. */
function sameWordDifferentForm(a: string, b: string): boolean {
  if (a.startsWith(b) || b.startsWith(a)) return true;
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  const ta = a.slice(p);
  const tb = b.slice(p);
  if (ta.length <= 2 && tb.length <= 2 && /^[aeiouy]*$/.test(ta + tb)) return true;
  const pair = [ta, tb].sort().join('|');
  return pair === 'ce|t' || pair === 'cy|t' || pair === 'ian|y' || pair === 'an|y';
}

/** ASCII capitals, and every character outside ASCII (which the loop below tells apart). */
const MAY_BE_CAPITAL = /[A-Z\u0080-\uffff]/g;

/**
 * Calls `found` for each run of text[from, to) that starts with a capital and goes on with letters, apostrophes
 * and hyphens to a last letter: what `/\p{Lu}[\p{L}’'-]*\p{L}/gu` matches, found without it.
 */
export function forEachCapitalized(text: string, from: number, to: number, found: (start: number, end: number) => void): void {
  // The regular expression runs to the next character that may be a capital faster than a loop would; on the
  // range alone (a view into the text, not a copy), so that it never reads past its end.
  const range = text.slice(from, to);
  let at = from;
  while (at < to) {
    MAY_BE_CAPITAL.lastIndex = at - from;
    if (!MAY_BE_CAPITAL.test(range)) return;
    at = from + MAY_BE_CAPITAL.lastIndex - 1;
    const known = knownBits(text.charCodeAt(at));
    // Most characters are known and no capital: one code unit on.
    if (known !== 0 && (known & UPPER) === 0) {
      at++;
      continue;
    }
    const width = widthAt(text, at);
    if ((bitsAt(text, at) & UPPER) === 0 || at + width > to) {
      at += width;
      continue;
    }
    let k = at + width;
    let end = -1;
    while (k < to) {
      const code = text.charCodeAt(k);
      if (code === 0x27 || code === 0x2019 || code === 0x2d) k++;
      else {
        const bits = knownBits(code);
        if (bits !== 0) {
          if ((bits & LETTER) === 0) break;
          end = ++k;
        } else if ((bitsAt(text, k) & LETTER) !== 0 && k + widthAt(text, k) <= to) end = k += widthAt(text, k);
        else break;
      }
    }
    if (end < 0) {
      at += width;
      continue;
    }
    found(at, end);
    at = end;
  }
}

/**
 * Each candidate word of one article, in the order first met: how often it occurs, whether ever mid-sentence,
 * and where (start and end, one pair after another, in order).
 */
type Counts = readonly (readonly [word: string, count: number, midSentence: boolean, places: readonly number[]])[];

/**
 * One article's counts, in parts (its paragraphs after an edit, else the whole article), each with how far into
 * the article it starts: places in a part are from its start. Not joined into one: that took longer than the
 * rest of the check after a keystroke, and unchanged paragraphs keep the very same parts.
 */
type ArticleCounts = readonly (readonly [counts: Counts, from: number])[];

/** The issue's counts, kept from one version to the next: after a keystroke only the edited article's are redone. */
interface Tally {
  /** The articles' counts it sums, in order. */
  readonly counts: readonly ArticleCounts[];
  /** Each word: how often it occurs, and in how many parts mid-sentence. Holds no slice of the text. */
  readonly words: Map<string, { count: number; midSentence: number }>;
  /** The words of `words` by their skeleton: only spellings of one skeleton are compared. */
  readonly bySkeleton: Map<string, Set<string>>;
  /** The skeletons whose words' counts changed since their variants were last found. */
  readonly changed: Set<string>;
  /** Each skeleton's variants, where it has any, found with `accepted`. */
  found?: { readonly accepted: readonly (readonly string[])[]; readonly bySkeleton: Map<string, readonly Variant[]> };
  /** The spellings found to be variants of commoner ones, while the counts stay as they were. */
  variants?: readonly Variant[];
  /** The variants' words, rare and common: the same set while they are the same words. */
  variantWords?: ReadonlySet<string>;
}

interface Variant {
  readonly rare: { readonly word: string; readonly count: number };
  readonly common: { readonly word: string; readonly count: number };
}

function tallied(previous: Tally | undefined, counts: readonly ArticleCounts[]): Tally {
  if (!previous) {
    const fresh: Tally = { counts, words: new Map(), bySkeleton: new Map(), changed: new Set() };
    add(fresh, counts, 1);
    return fresh;
  }
  // Articles before and after the edit give the very same counts; those between are taken out and put in again.
  const old = previous.counts;
  let head = 0;
  while (head < old.length && head < counts.length && old[head] === counts[head]) head++;
  let tail = 0;
  while (tail < old.length - head && tail < counts.length - head && old[old.length - 1 - tail] === counts[counts.length - 1 - tail]) tail++;
  const out = old.slice(head, old.length - tail);
  const back = counts.slice(head, counts.length - tail);
  // Typing that changes no name leaves every count as it was, and so the variants: nothing to take out and put in.
  const same = out.length === back.length && out.every((c, i) => sameCounts(c, back[i]!));
  const next: Tally = Object.assign({}, previous, { counts });
  if (same) return next;
  if (out.length === back.length) out.forEach((c, i) => addChangedParts(next, c, back[i]!));
  else {
    add(next, out, -1);
    add(next, back, 1);
  }
  next.variants = undefined;
  return next;
}

/**
 * One article's counts taken out and put in again: only its parts that differ, where both versions have the same
 * parts (an article edited again, read paragraph by paragraph), so that typing in a name goes through that
 * paragraph's words, not the article's.
 */
function addChangedParts(tally: Tally, before: ArticleCounts, after: ArticleCounts): void {
  if (before.length !== after.length) {
    add(tally, [before], -1);
    add(tally, [after], 1);
    return;
  }
  before.forEach(([counts], i) => {
    const [now] = after[i]!;
    if (sameWords(counts, now)) return;
    addPart(tally, counts, -1);
    addPart(tally, now, 1);
  });
}

/** The same words, counts and mid-sentence uses, part by part (where they are aside). */
function sameCounts(a: ArticleCounts, b: ArticleCounts): boolean {
  return a.length === b.length && a.every(([counts], i) => sameWords(counts, b[i]![0]));
}

function sameWords(a: Counts, b: Counts): boolean {
  if (a === b) return true;
  return a.length === b.length && a.every(([word, count, mid], i) => word === b[i]![0] && count === b[i]![1] && mid === b[i]![2]);
}

function add(tally: Tally, counts: readonly ArticleCounts[], sign: 1 | -1): void {
  for (const parts of counts) for (const [partCounts] of parts) addPart(tally, partCounts, sign);
}

function addPart(tally: Tally, counts: Counts, sign: 1 | -1): void {
  const { words, bySkeleton, changed } = tally;
  for (const [word, count, midSentence] of counts) {
    let entry = words.get(word);
    const skeleton = skeletonOf(word);
    if (!entry) {
      const kept = detach(word);
      words.set(kept, (entry = { count: 0, midSentence: 0 }));
      let same = bySkeleton.get(skeleton);
      if (!same) bySkeleton.set(skeleton, (same = new Set()));
      same.add(kept);
    }
    entry.count += sign * count;
    if (midSentence) entry.midSentence += sign;
    if (entry.count === 0) {
      words.delete(word);
      const same = bySkeleton.get(skeleton)!;
      same.delete(word);
      if (same.size === 0) bySkeleton.delete(skeleton);
    }
    changed.add(skeleton);
  }
}

/**
 * The rare spellings that are likely variants of commoner ones: found again only for the skeletons whose words'
 * counts changed, as spellings are compared only with those of their skeleton. Typing into a name changed the
 * counts of two words, and the issue's every name was compared again.
 */
function variantsOf(tally: Tally, accepted: readonly (readonly string[])[]): readonly Variant[] {
  if (tally.variants) return tally.variants;
  let found = tally.found;
  if (found?.accepted !== accepted) {
    found = { accepted, bySkeleton: new Map() };
    for (const skeleton of tally.bySkeleton.keys()) tally.changed.add(skeleton);
  }
  const groups = accepted.map((group) => new Set(group.map(titleKey)));
  for (const skeleton of tally.changed) {
    const variants = variantsAmong(tally.words, tally.bySkeleton.get(skeleton), groups);
    if (variants.length > 0) found.bySkeleton.set(skeleton, variants);
    else found.bySkeleton.delete(skeleton);
  }
  tally.changed.clear();
  tally.found = found;
  const variants: Variant[] = [];
  for (const some of found.bySkeleton.values()) append(variants, some);
  const words = new Set<string>();
  for (const { rare, common } of variants) words.add(rare.word).add(common.word);
  const last = tally.variantWords;
  tally.variantWords = last && last.size === words.size && [...words].every((word) => last.has(word)) ? last : words;
  return (tally.variants = variants);
}

/**
 * True when upper-casing the word changes nothing (KAZAKSTAN, not Kazakstan). Told from its ASCII letters where
 * they settle it: most words have a small letter second and need no upper-cased copy.
 */
export function inCapitals(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code >= 0x61 && code <= 0x7a) return false;
    if (code >= 0x80) return word === word.toUpperCase();
  }
  return true;
}

/**
 * The article's candidates for names: capitalized words of five letters or more, possessive dropped. Places are
 * from `base`, the article's start, so they stay as they are when the article moves.
 */
function countsIn(text: string, prose: readonly Paragraph[], base: number): Counts {
  const counts = new Map<string, [word: string, count: number, midSentence: boolean, places: number[]]>();
  for (const paragraph of prose) {
    forEachCapitalized(text, paragraph.start, paragraph.end, (start, end) => {
      if (end - start < 5) return;
      let word = text.slice(start, end);
      if (word.charCodeAt(word.length - 1) === S && isApostrophe(word.charCodeAt(word.length - 2))) word = word.slice(0, -2);
      if (word.length < 5 || word.length > MAX_NAME_LENGTH || inCapitals(word)) return;
      let k = start - 1;
      while (k >= paragraph.start && isWhitespace(text.charCodeAt(k))) k--;
      const midSentence = k >= paragraph.start && !SENTENCE_START.has(text.charCodeAt(k));
      const entry = counts.get(word);
      if (entry) {
        entry[1]++;
        entry[2] ||= midSentence;
        entry[3].push(start - base, start - base + word.length);
      } else counts.set(word, [word, 1, midSentence, [start - base, start - base + word.length]]);
    });
  }
  return [...counts.values()];
}

/** Of one skeleton's words, the rare spellings that are likely variants of commoner ones, each with the commonest such. */
function variantsAmong(
  words: Tally['words'],
  spellings: ReadonlySet<string> | undefined,
  accepted: readonly ReadonlySet<string>[],
): Variant[] {
  if (!spellings || spellings.size < 2) return [];
  // Only spellings seen mid-sentence somewhere, where a capital is a name's.
  const names: Variant['rare'][] = [];
  for (const word of spellings) {
    const entry = words.get(word)!;
    if (entry.midSentence > 0) names.push({ word, count: entry.count });
  }
  // Most frequent first: the first commoner spelling that qualifies is the most common one. Ties in a fixed
  // order, as the tally's order depends on the edits made.
  names.sort((a, b) => b.count - a.count || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
  const variants: Variant[] = [];
  for (const rare of names) {
    const lower = rare.word.toLowerCase();
    let compared = 0;
    for (const other of names) {
      if (other.count <= rare.count || ++compared > COMPARISONS_PER_NAME) break;
      const o = other.word.toLowerCase();
      if (sameWordDifferentForm(lower, o)) continue;
      if (osaDistance(lower, o) > (Math.max(lower.length, o.length) >= 8 ? 2 : 1)) continue;
      if (accepted.some((group) => group.has(titleKey(rare.word)) && group.has(titleKey(other.word)))) continue;
      variants.push({ rare, common: other });
      break;
    }
  }
  return variants;
}

/** A variant spelling in an article: its places in a part, and how far into the article the part starts. */
type Found = readonly [word: string, places: readonly number[], from: number];

/** Per article's counts, those of the variant spellings (for the variants' words they were picked for). */
const variantCounts = new WeakMap<ArticleCounts, { readonly words: ReadonlySet<string>; readonly found: readonly Found[] }>();

/**
 * The words of `counts` that are variant spellings (`words` holds them all), with their places, in the order met:
 * kept for the article's counts while the variants' words stay, so that a keystroke does not go through every
 * word of every unchanged article again.
 */
function variantWordsIn(counts: ArticleCounts, words: ReadonlySet<string>): readonly Found[] {
  const known = variantCounts.get(counts);
  if (known?.words === words) return known.found;
  const found: Found[] = [];
  for (const [part, from] of counts) for (const [word, , , at] of part) if (words.has(word)) found.push([word, at, from]);
  variantCounts.set(counts, { words, found });
  return found;
}

export const styleNameVariants: Check = {
  code: 'style.name-variants',
  severity: 'warning',
  description:
    'The same proper name spelled two ways in one issue (Kasymov/Kazymov); the rare spelling is pointed out with the common one.',
  heuristic: true,
  run(context) {
    const { profile } = context;
    // Neither counts nor places (from the article's start) change when an article moves, so an unchanged
    // article's are reused as they are.
    const { text } = context;
    const counted = context.doc.articles.map((article) => ({
      article,
      counts: context.perArticle(
        'style.name-variants',
        article,
        (): ArticleCounts => {
          const prose = proseOf(text, article);
          if (context.firstVersion) return [[countsIn(text, prose, article.start), 0]];
          // In the article a keystroke changed, the paragraphs it left as they were are not read again.
          const read = (t: string, paragraph: Paragraph): Counts => countsIn(t, [paragraph], paragraph.start);
          return prose.map((p) => [readParagraph(context, 'style.name-variants', p, read), p.start - article.start] as const);
        },
        false,
      ),
    }));
    const tally = context.acrossVersions<Tally>('style.name-variants', (previous) =>
      tallied(
        previous,
        counted.map((c) => c.counts),
      ),
    );
    const variants = variantsOf(tally, profile.acceptedVariants);
    if (variants.length === 0) return [];
    // Every place of a rare spelling is pointed out; of a common one, only the first is shown with them.
    const places = new Map<string, { start: number; end: number }[]>();
    for (const { rare, common } of variants) for (const word of [rare.word, common.word]) places.set(word, []);
    const everywhere = new Set(variants.map(({ rare }) => rare.word));
    const first = new Set(variants.map(({ common }) => common.word).filter((word) => !everywhere.has(word)));
    for (const { article, counts } of counted) {
      for (const [word, at, from] of variantWordsIn(counts, tally.variantWords!)) {
        const all = everywhere.has(word);
        if (!all && !first.delete(word)) continue;
        const list = places.get(word)!;
        const base = article.start + from;
        for (let i = 0; i < (all ? at.length : 2); i += 2) list.push({ start: base + at[i]!, end: base + at[i + 1]! });
      }
    }
    const findings: Finding[] = [];
    for (const { rare, common } of variants) {
      const rareAt = places.get(rare.word)!;
      // Objects written out, not spread and extended: see checkInSteps.
      const edits: TextEdit[] = rareAt.map(({ start, end }) => ({ start, end, newText: common.word }));
      const times = common.count === 1 ? 'once' : `${common.count} times`;
      // One message, related place and fix for every place of the rare spelling.
      const message = `“${rare.word}” here, but “${common.word}” ${times} elsewhere in this issue: the same name spelled two ways?`;
      const commonAt = places.get(common.word)![0]!;
      const related = [{ start: commonAt.start, end: commonAt.end, message: `“${common.word}”` }];
      const about = [rare.word, common.word];
      const fixes = [
        { title: `Change ${rare.count === 1 ? '' : `all ${rare.count} `}“${rare.word}” to “${common.word}”`, edits, safe: false },
      ];
      for (const { start, end } of rareAt) findings.push({ start, end, message, related, about, fixes });
    }
    return findings.sort((a, b) => a.start - b.start);
  },
};
