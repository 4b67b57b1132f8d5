import type { Check, Finding } from './check';

const PLACEHOLDER = /\b(?:TK|TKTK|TODO|FIXME|XXX+)\b|\[(?:link|LINK|url|URL|tk|TK)\]|\blorem ipsum\b/gi;

export const stylePlaceholder: Check = {
  code: 'style.placeholder',
  severity: 'error',
  description: 'A left-over placeholder: TK, TODO, XXX, [link], lorem ipsum.',
  heuristic: false,
  run({ text, doc }) {
    const findings: Finding[] = [];
    const end = doc.footer?.start ?? text.length;
    PLACEHOLDER.lastIndex = 0;
    for (let m = PLACEHOLDER.exec(text); m && m.index < end; m = PLACEHOLDER.exec(text)) {
      // "tk" and "xxx" in lower case are words of their own; only the editor's capitals mark a placeholder.
      if (/^(tk|tktk|xxx+|todo|fixme)$/i.test(m[0]) && m[0] !== m[0].toUpperCase()) continue;
      findings.push({ start: m.index, end: m.index + m[0].length, message: `Left-over placeholder “${m[0]}”: fill it in before sending.` });
      if (findings.length >= 1000) break;
    }
    return findings;
  },
};
