import type { Check, Finding } from './check';
import { scanByArticle } from './facts/regions';

/**
 * The editor's capitals mark a placeholder word ("tk" and "xxx" in lower case are words of their own); a bracketed
 * one or lorem ipsum in any case. Case-sensitive, with the letters that may be either case spelled out: the
 * search then stops only at the few characters that may start a placeholder, not at every t, f, x and l.
 */
const PLACEHOLDER =
  /\b(?:TK|TKTK|TODO|FIXME|XXX+)\b|\[(?:[lL][iI][nN][kK]|[uU][rR][lL]|[tT][kK])\]|\b[lL][oO][rR][eE][mM] [iI][pP][sS][uU][mM]\b/g;
const MAX_FINDINGS = 1000;

export const stylePlaceholder: Check = {
  code: 'style.placeholder',
  severity: 'error',
  description: 'A left-over placeholder: TK, TODO, XXX, [link], lorem ipsum.',
  heuristic: false,
  run(context) {
    // Up to the footer, which has checks of its own.
    return scanByArticle(context, 'style.placeholder', placeholders, MAX_FINDINGS, context.doc.footer?.start);
  },
};

/** Left-over placeholders; none spans a line break, so lines can be searched apart. */
export function placeholders(text: string, max: number): Finding[] {
  const findings: Finding[] = [];
  PLACEHOLDER.lastIndex = 0;
  for (let m = PLACEHOLDER.exec(text); m; m = PLACEHOLDER.exec(text)) {
    findings.push({ start: m.index, end: m.index + m[0].length, message: `Left-over placeholder “${m[0]}”: fill it in before sending.` });
    if (findings.length >= max) break;
  }
  return findings;
}
