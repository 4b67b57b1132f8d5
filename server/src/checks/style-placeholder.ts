import type { Check, Finding } from './check';
import { scanByArticle } from './facts/regions';

const PLACEHOLDER = /\b(?:TK|TKTK|TODO|FIXME|XXX+)\b|\[(?:link|LINK|url|URL|tk|TK)\]|\blorem ipsum\b/gi;
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
    // "tk" and "xxx" in lower case are words of their own; only the editor's capitals mark a placeholder.
    if (/^(tk|tktk|xxx+|todo|fixme)$/i.test(m[0]) && m[0] !== m[0].toUpperCase()) continue;
    findings.push({ start: m.index, end: m.index + m[0].length, message: `Left-over placeholder “${m[0]}”: fill it in before sending.` });
    if (findings.length >= max) break;
  }
  return findings;
}
