// Semantic tokens for what only the model knows: which paragraph is a
// standfirst, where the footer starts, which lines are headlines even when
// they are not in capitals. TextMate colours the rest line by line.
import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver-types';
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
