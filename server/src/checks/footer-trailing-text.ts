import type { Check, Finding } from './check';
import { quote } from './describe';
import { footerAlignment } from './facts/footerAlignment';

export const footerTrailingText: Check = {
  code: 'footer.trailing-text',
  severity: 'warning',
  description: "Text stands after the footer's last paragraph.",
  heuristic: false,
  run(context) {
    const alignment = footerAlignment(context);
    if (!alignment || alignment.unrecognised) return [];
    const lastKnown = [...alignment.paragraphs].reverse().find((p) => p.template);
    if (!lastKnown) return [];
    const findings: Finding[] = [];
    for (const p of alignment.paragraphs.slice(lastKnown.index + 1)) {
      if (p.template) continue;
      findings.push({
        start: p.paragraph.start,
        end: p.paragraph.end,
        message: `Text after the footer: ${quote(context.text, p.paragraph)} would go out below the footer.`,
      });
    }
    return findings;
  },
};
