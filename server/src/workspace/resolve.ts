// Resolves a cross-reference's titles against the headlines of the workspace.
// `(See A and B.)` may name one title containing "and" or two titles: the
// reading under which the most titles resolve wins.
import { sameDay } from '../model/dates';
import { collapseWhitespace, titleKey } from '../model/text';
import type { CrossReference, Span } from '../model/types';
import type { HeadlineLookup } from './index';
import type { HeadlineEntry, IssueSummary } from './summary';

export type TitleProblem =
  /** No headline anywhere has this title. */
  | 'not-found'
  /** The cited issue is in the workspace but holds no such headline. */
  | 'not-in-cited-issue'
  /** The cited issue is not in the workspace, though the title is elsewhere. */
  | 'cited-issue-missing'
  /** The title is in the cited issue, but the citation's date is not that issue's. */
  | 'citation-date';

export interface TitleResolution extends Span {
  readonly text: string;
  /** Matching headlines, this file's first; for a citation, those of the cited issue. */
  readonly targets: readonly HeadlineEntry[];
  readonly problem?: TitleProblem;
  readonly citedIssue?: IssueSummary;
}

export interface ReferenceResolution {
  readonly reference: CrossReference;
  readonly titles: readonly TitleResolution[];
}

const MAX_SPLITS = 6;

function orderTargets(targets: readonly HeadlineEntry[], uri: string, lookup: HeadlineLookup): HeadlineEntry[] {
  const dateOf = (entry: HeadlineEntry): number => {
    const d = lookup.summary(entry.uri)?.issue.date;
    return d ? d.year * 10000 + d.month * 100 + (d.day ?? 0) : 0;
  };
  // Issues of one date in the order of their names, not of where their headlines stand: an edit in one of them
  // then leaves the order as it was (the reference graph keeps resolutions while the headlines are unchanged).
  return [...targets].sort((a, b) => {
    if ((a.uri === uri) !== (b.uri === uri)) return a.uri === uri ? -1 : 1;
    return dateOf(b) - dateOf(a) || (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.start - b.start);
  });
}

function resolveTitle(part: Span, targetText: string, reference: CrossReference, lookup: HeadlineLookup, uri: string): TitleResolution {
  const raw = targetText.slice(part.start - reference.target.start, part.end - reference.target.start);
  const text = collapseWhitespace(raw);
  const matches = orderTargets(lookup.find(titleKey(raw)), uri, lookup);
  const { start, end } = part;
  const citation = reference.citation;
  if (!citation)
    return matches.length > 0 ? { start, end, text, targets: matches } : { start, end, text, targets: [], problem: 'not-found' };
  const cited = lookup.issues(citation.number, citation.publication);
  const inCited = matches.filter((m) => cited.some((c) => c.uri === m.uri));
  if (inCited.length > 0) {
    const citedIssue = cited.find((c) => c.uri === inCited[0]!.uri)!;
    const dateWrong = citation.date && citedIssue.issue.date && !sameDay(citation.date, citedIssue.issue.date);
    return dateWrong
      ? { start, end, text, targets: inCited, citedIssue, problem: 'citation-date' }
      : { start, end, text, targets: inCited, citedIssue };
  }
  if (cited.length > 0) return { start, end, text, targets: matches, citedIssue: cited[0]!, problem: 'not-in-cited-issue' };
  return { start, end, text, targets: matches, problem: matches.length > 0 ? 'cited-issue-missing' : 'not-found' };
}

/** The spans of the parts when the target is cut at the chosen conjunctions. */
function parts(reference: CrossReference, splits: readonly Span[]): Span[] {
  const out: Span[] = [];
  let start = reference.target.start;
  for (const split of splits) {
    out.push({ start, end: split.start });
    start = split.end;
  }
  out.push({ start, end: reference.target.end });
  return out;
}

function resolveParenthetical(reference: CrossReference, targetText: string, lookup: HeadlineLookup, uri: string): TitleResolution[] {
  const conjunctions = reference.conjunctions.slice(0, MAX_SPLITS);
  let best: TitleResolution[] | undefined;
  let bestResolved = -1;
  for (let mask = 0; mask < 1 << conjunctions.length; mask++) {
    const splits = conjunctions.filter((_, i) => (mask & (1 << i)) !== 0);
    const titles = parts(reference, splits).map((p) => resolveTitle(p, targetText, reference, lookup, uri));
    const resolved = titles.filter((t) => t.targets.length > 0).length;
    const complete = resolved === titles.length;
    // Fully resolved readings win, the fewest titles first; otherwise the most resolved titles.
    const score = complete ? 1000 - titles.length : resolved;
    if (score > bestResolved) {
      bestResolved = score;
      best = titles;
    }
  }
  if (bestResolved > 0) return best!;
  // Nothing resolves: read it as the editor most likely meant, split at each " and ".
  const ands = conjunctions.filter((c) =>
    /\band\b/.test(targetText.slice(c.start - reference.target.start, c.end - reference.target.start)),
  );
  // Unsplit, that reading is the first one tried: no need to resolve it again.
  if (ands.length === 0) return best!;
  return parts(reference, ands).map((p) => resolveTitle(p, targetText, reference, lookup, uri));
}

/** Running text: the longest run of words from the start that is a headline, then the same after each "and". */
function resolveRunning(reference: CrossReference, targetText: string, lookup: HeadlineLookup, uri: string): TitleResolution[] {
  const words: Span[] = [];
  const pattern = /\S+/g;
  for (let m = pattern.exec(targetText); m; m = pattern.exec(targetText)) {
    words.push({ start: reference.target.start + m.index, end: reference.target.start + m.index + m[0].length });
  }
  const wordText = (w: Span): string => targetText.slice(w.start - reference.target.start, w.end - reference.target.start);
  const titles: TitleResolution[] = [];
  // Most running "see" is the verb: dismiss it unless a headline starts with the next word.
  const first = words[0];
  if (!first || !lookup.startsHeadline(titleKey(wordText(first)))) return titles;
  let i = 0;
  while (i < words.length) {
    let found: TitleResolution | undefined;
    let foundEnd = i;
    for (let j = i; j < words.length && j < i + 30; j++) {
      const candidate = resolveTitle({ start: words[i]!.start, end: words[j]!.end }, targetText, reference, lookup, uri);
      if (candidate.targets.length > 0) {
        found = candidate;
        foundEnd = j;
      }
    }
    if (!found) break;
    titles.push(found);
    i = foundEnd + 1;
    if (i < words.length && /^(and|&)$/i.test(wordText(words[i]!))) i++;
    else if (!wordText(words[foundEnd]!).endsWith(',')) break;
  }
  return titles;
}

/**
 * Resolves a reference. `targetText` is the text of `reference.target`. Running
 * references that name no known headline are not references: undefined.
 */
export function resolveReference(
  reference: CrossReference,
  targetText: string,
  lookup: HeadlineLookup,
  uri: string,
): ReferenceResolution | undefined {
  if (reference.kind === 'running') {
    const titles = resolveRunning(reference, targetText, lookup, uri);
    return titles.length > 0 ? { reference, titles } : undefined;
  }
  return { reference, titles: resolveParenthetical(reference, targetText, lookup, uri) };
}
