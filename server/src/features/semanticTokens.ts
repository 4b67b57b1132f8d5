// Semantic tokens for what only the model knows: which paragraph is a
// standfirst, where the footer starts, which lines are headlines even when
// they are not in capitals. TextMate colours the rest line by line.
import type { SemanticTokens, SemanticTokensDelta, SemanticTokensEdit, SemanticTokensLegend } from 'vscode-languageserver-types';
import type { Positions } from '../model/lineIndex';
import { linesOf } from '../model/lines';
import type { BulletinDocument, Span } from '../model/types';

export const TOKEN_TYPES = ['masthead', 'headline', 'standfirst', 'byline', 'sectionLabel', 'crossReference', 'signOff', 'footer'] as const;
export type TokenType = (typeof TOKEN_TYPES)[number];
export const TOKEN_MODIFIERS = ['malformed'] as const;

export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

interface Token extends Span {
  readonly type: TokenType;
  readonly malformed?: boolean;
}

function tokens(doc: BulletinDocument): Token[] {
  const out: Token[] = [];
  const add = (span: Span | undefined, type: TokenType, malformed = false): void => {
    if (span && span.end > span.start) out.push({ start: span.start, end: span.end, type, malformed });
  };
  add(doc.masthead, 'masthead');
  for (const entry of doc.contents?.entries ?? []) {
    add(entry.headline, 'headline');
    add(entry.standfirst, 'standfirst');
    add(entry.byline, 'byline', (entry.byline?.problems.length ?? 0) > 0);
  }
  for (const label of doc.contents?.labels ?? []) add(label, 'sectionLabel');
  for (const article of doc.articles) {
    add(article.label, 'sectionLabel');
    add(article.headline, 'headline');
    add(article.standfirst, 'standfirst');
    add(article.byline, 'byline', (article.byline?.problems.length ?? 0) > 0);
    for (const stray of article.strayBylines) add(stray, 'byline', true);
    for (const ref of article.crossReferences) {
      if (ref.kind === 'parenthetical') add(ref.target, 'crossReference', ref.problems.length > 0);
    }
    add(article.signOff, 'signOff');
  }
  for (const section of doc.sections) if (section.label && section.label !== section.articles[0]?.label) add(section.label, 'sectionLabel');
  for (const element of doc.footer?.elements ?? []) if (element.type === 'paragraph') add(element.paragraph, 'footer');
  return out.sort((a, b) => a.start - b.start);
}

/**
 * The tokens cut into line pieces that do not overlap (clients do not take
 * overlapping tokens): a piece inside another — a cross-reference in a
 * standfirst or a sign-off — cuts the outer one around it.
 */
function linePieces(doc: BulletinDocument): Token[] {
  const pieces: Token[] = [];
  for (const token of tokens(doc)) {
    // Objects written out, not spread and extended (which V8 does one property at a time in its runtime).
    for (const line of linesOf(doc.text, token))
      if (line.end > line.start) pieces.push({ start: line.start, end: line.end, type: token.type, malformed: token.malformed });
  }
  pieces.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Token[] = [];
  for (const piece of pieces) {
    const last = out[out.length - 1];
    if (!last || piece.start >= last.end) {
      out.push(piece);
      continue;
    }
    out.pop();
    if (piece.start > last.start) out.push({ start: last.start, end: piece.start, type: last.type, malformed: last.malformed });
    out.push(piece);
    if (piece.end < last.end) out.push({ start: piece.end, end: last.end, type: last.type, malformed: last.malformed });
  }
  return out;
}

/** The document's semantic tokens, one per line piece, encoded as LSP wants them. */
export function semanticTokens(doc: BulletinDocument, positions: Positions): SemanticTokens {
  const data: number[] = [];
  let previousLine = 0;
  let previousCharacter = 0;
  for (const piece of linePieces(doc)) {
    const start = positions.positionAt(piece.start);
    const deltaLine = start.line - previousLine;
    const deltaStart = deltaLine === 0 ? start.character - previousCharacter : start.character;
    data.push(deltaLine, deltaStart, piece.end - piece.start, TOKEN_TYPES.indexOf(piece.type), piece.malformed ? 1 : 0);
    previousLine = start.line;
    previousCharacter = start.character;
  }
  return { data };
}

/**
 * The tokens last sent for each document, so that a client holding them is sent only what changed: a keystroke
 * in a 1 MB issue changes a token or two of its 3,000 (16 KB of JSON). A result is named by its tokens (a hash):
 * a client that holds tokens equal to those last sent is sent edits even when an answer it never got (a request
 * it cancelled) came between. The library's `SemanticTokensBuilder` names results by the millisecond instead, so
 * that a result it built and the client never got could share the name of the one the client holds.
 */
export class SemanticTokensResults {
  private readonly sent = new Map<string, { readonly resultId: string; readonly data: readonly number[] }>();

  /** All of the document's tokens, remembered as the last sent. */
  full(uri: string, doc: BulletinDocument, positions: Positions): SemanticTokens {
    const { data } = semanticTokens(doc, positions);
    const resultId = nameOf(data);
    this.sent.set(uri, { resultId, data });
    return { resultId, data };
  }

  /** What changed since the result `previousResultId`, when that is the one last sent for the document; else all. */
  delta(uri: string, previousResultId: string, doc: BulletinDocument, positions: Positions): SemanticTokens | SemanticTokensDelta {
    const previous = this.sent.get(uri);
    const now = this.full(uri, doc, positions);
    if (previous?.resultId !== previousResultId) return now;
    return { resultId: now.resultId!, edits: tokenEdits(previous.data, now.data) };
  }

  forget(uri: string): void {
    this.sent.delete(uri);
  }
}

/** The tokens' count and two 32-bit hashes of them (FNV-1a, and one with other constants that mixes it in). */
function nameOf(data: readonly number[]): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (const n of data) {
    a = Math.imul(a ^ n, 0x01000193);
    b = Math.imul(b ^ n ^ (a >>> 16), 0x85ebca6b);
  }
  return `${data.length}.${(a >>> 0).toString(36)}.${(b >>> 0).toString(36)}`;
}

/** The one edit that turns `before` into `after`: what lies between their common start and common end. */
export function tokenEdits(before: readonly number[], after: readonly number[]): SemanticTokensEdit[] {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end])
    end++;
  if (start === before.length && start === after.length) return [];
  const data = after.slice(start, after.length - end);
  return [{ start, deleteCount: before.length - end - start, ...(data.length > 0 ? { data } : {}) }];
}
