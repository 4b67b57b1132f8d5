import { firstLine } from '../model/lines';
import { excerpt } from '../profile/footerTemplate';
import type { Check, Finding } from './check';
import { footerAlignment } from './facts/footerAlignment';

export const footerOrder: Check = {
  code: 'footer.order',
  severity: 'warning',
  description: "The footer's paragraphs are not in the template's order.",
  heuristic: false,
  run(context) {
    const alignment = footerAlignment(context);
    if (!alignment || alignment.unrecognised) return [];
    const findings: Finding[] = [];
    let highest = -1;
    for (const p of alignment.paragraphs) {
      if (!p.template) continue;
      if (alignment.found.get(p.template)?.[0] !== p) continue;
      if (p.template.index < highest) {
        findings.push(
          Object.assign(firstLine(p.paragraph), {
            message: `Footer out of order: “${excerpt(p.template.text)}” comes earlier in the template.`,
          }),
        );
      } else {
        highest = p.template.index;
      }
    }
    return findings.map(({ start, end, message }) => ({ start, end, message }));
  },
};
