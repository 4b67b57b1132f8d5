// Inline fixtures: `⟦…⟧` marks the ranges a test expects, `$0` the cursor.
// Helpers run the real parser and checks on the text with the markers removed.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Problem } from '../../server/src/checks/check';
import { createCheckContext } from '../../server/src/checks/context';
import type { CheckContext } from '../../server/src/checks/context';
import { runChecks } from '../../server/src/checks/run';
import { checkByCode } from '../../server/src/checks/registry';
import { LineIndex } from '../../server/src/model/lineIndex';
import { parseBulletin } from '../../server/src/model/parse';
import type { BulletinDocument, Span } from '../../server/src/model/types';
import { parseOptionsFor } from '../../server/src/profile/parseOptions';
import { DEFAULT_PROFILE } from '../../server/src/profile/profile';
import type { Profile } from '../../server/src/profile/profile';
import { WorkspaceIndex } from '../../server/src/workspace/index';
import { summarize } from '../../server/src/workspace/summary';

export interface Marked {
  readonly text: string;
  readonly cursor?: number;
  readonly ranges: Span[];
}

/** Strips the markers, returning where they were. A leading newline (after the backtick) is dropped. */
export function marked(source: string): Marked {
  const src = source.startsWith('\n') ? source.slice(1) : source;
  let text = '';
  let cursor: number | undefined;
  const ranges: Span[] = [];
  const open: number[] = [];
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (ch === '⟦') open.push(text.length);
    else if (ch === '⟧') ranges.push({ start: open.pop()!, end: text.length });
    else if (ch === '$' && src[i + 1] === '0') {
      cursor = text.length;
      i++;
    } else text += ch;
  }
  return { text, ...(cursor !== undefined ? { cursor } : {}), ranges: ranges.sort((a, b) => a.start - b.start) };
}

export const FIXTURES = path.resolve(__dirname, '../fixtures');
export const SAMPLE_PATH = path.join(FIXTURES, 'rca-2011-12-janaozen.txt');
export const CLEAN_PATH = path.join(FIXTURES, 'clean.bulletin');
export const sample = (): string => readFileSync(SAMPLE_PATH, 'utf8');

/**
 * A long issue: the sample with its articles `copies` times over, one contents list and one footer. Fourteen
 * copies give over 600 diagnostics, most of them long before the last article.
 */
export function longIssue(copies = 14): string {
  const one = sample();
  const articles = one.indexOf('MEP pressing');
  const footer = one.indexOf('**** http', articles);
  return `${one.slice(0, articles)}${`${one.slice(articles, footer)}\n\n`.repeat(copies)}${one.slice(footer)}`;
}
export const clean = (): string => readFileSync(CLEAN_PATH, 'utf8');

export interface FileSpec {
  readonly uri: string;
  readonly text: string;
}

export interface Analysed {
  readonly doc: BulletinDocument;
  readonly context: CheckContext;
  readonly index: WorkspaceIndex;
  readonly positions: LineIndex;
}

/** Parses `text` as `uri` in a workspace that also holds `others`. */
export function analyse(text: string, options: { uri?: string; others?: readonly FileSpec[]; profile?: Profile } = {}): Analysed {
  const profile = options.profile ?? DEFAULT_PROFILE;
  const uri = options.uri ?? 'file:///ws/issue.bulletin';
  const index = new WorkspaceIndex();
  for (const other of options.others ?? []) {
    index.set(summarize(parseBulletin(other.text, parseOptionsFor(profile)), other.uri, new LineIndex(other.text)));
  }
  const doc = parseBulletin(text, parseOptionsFor(profile));
  const positions = new LineIndex(text);
  index.set(summarize(doc, uri, positions));
  return { doc, index, positions, context: createCheckContext(doc, uri, index, profile) };
}

/** What one check finds in the text. */
export function problemsOf(code: string, text: string, options: Parameters<typeof analyse>[1] = {}): Problem[] {
  const check = checkByCode(code);
  if (!check) throw new Error(`no check ${code}`);
  return runChecks(analyse(text, options).context, { checks: [check] });
}

export function allProblems(text: string, options: Parameters<typeof analyse>[1] = {}): Problem[] {
  return runChecks(analyse(text, options).context);
}

/** The spans a check reports on the marked fixture, and the spans the fixture marks. */
export function expectedAndFound(
  code: string,
  source: string,
  options: Parameters<typeof analyse>[1] = {},
): { expected: Span[]; found: Span[]; problems: Problem[] } {
  const { text, ranges } = marked(source);
  const problems = problemsOf(code, text, options);
  return { expected: ranges, found: problems.map((p) => ({ start: p.start, end: p.end })), problems };
}

/** Applies edits (non-overlapping, any order) to the text. */
export function applyEdits(text: string, edits: readonly { start: number; end: number; newText: string }[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.newText + out.slice(edit.end);
  return out;
}
