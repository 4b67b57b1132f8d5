import type { Check, Finding } from './check';
import { scanByArticle } from './facts/regions';

/** Findings shown at most. */
const MAX_FINDINGS = 1000;

export const styleTab: Check = {
  code: 'style.tab',
  severity: 'warning',
  description: 'A tab character: email clients show tabs at different widths.',
  heuristic: false,
  quick: true,
  run(context) {
    // Article by article: after a keystroke only the edited article is searched again, not the whole issue.
    return scanByArticle(context, 'style.tab', tabs, MAX_FINDINGS);
  },
};

function tabs(text: string, max: number): Finding[] {
  const findings: Finding[] = [];
  for (let at = text.indexOf('\t'); at >= 0 && findings.length < max; at = text.indexOf('\t', at + 1)) {
    findings.push({
      start: at,
      end: at + 1,
      message: 'Tab character: use spaces, which every email client shows alike.',
      fixes: [{ title: 'Replace the tab with a space', edits: [{ start: at, end: at + 1, newText: ' ' }], safe: false }],
    });
  }
  return findings;
}
