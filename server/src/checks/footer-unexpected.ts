import { firstLine } from '../model/lines';
import type { Check, Finding } from './check';
import { quote } from './describe';
import { footerAlignment } from './facts/footerAlignment';

export const footerUnexpected: Check = {
  code: 'footer.unexpected',
  severity: 'information',
  description: 'A paragraph inside the footer is not in the footer template.',
  heuristic: true,
  run(context) {
    const alignment = footerAlignment(context);
    if (!alignment || alignment.unrecognised) return [];
    const lastKnown = [...alignment.paragraphs].reverse().find((p) => p.template);
    const findings: Finding[] = [];
    for (const p of alignment.paragraphs) {
      if (p.template || alignment.creditsContinuations.has(p) || !lastKnown || p.index > lastKnown.index) continue;
      findings.push(
        Object.assign(firstLine(p.paragraph), {
          message: `Footer paragraph ${quote(context.text, p.paragraph)} is not in the footer template.`,
        }),
      );
    }
    return findings.map(({ start, end, message }) => ({ start, end, message }));
  },
};
