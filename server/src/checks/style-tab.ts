import type { Check, Finding } from './check';

export const styleTab: Check = {
  code: 'style.tab',
  severity: 'warning',
  description: 'A tab character: email clients show tabs at different widths.',
  heuristic: false,
  quick: true,
  run({ text }) {
    const findings: Finding[] = [];
    for (let at = text.indexOf('\t'); at >= 0; at = text.indexOf('\t', at + 1)) {
      findings.push({
        start: at,
        end: at + 1,
        message: 'Tab character: use spaces, which every email client shows alike.',
        fixes: [{ title: 'Replace the tab with a space', edits: [{ start: at, end: at + 1, newText: ' ' }], safe: false }],
      });
      if (findings.length >= 1000) break;
    }
    return findings;
  },
};
