import { excerpt } from '../profile/footerTemplate';
import type { Check, Finding } from './check';
import { footerAlignment } from './facts/footerAlignment';

export const footerBlockDuplicated: Check = {
  code: 'footer.block-duplicated',
  severity: 'warning',
  description: 'A paragraph of the footer stands twice.',
  heuristic: false,
  run(context) {
    const alignment = footerAlignment(context);
    if (!alignment) return [];
    const findings: Finding[] = [];
    for (const [template, copies] of alignment.found) {
      const first = copies[0]!;
      for (const copy of copies.slice(1)) {
        const same =
          context.text.slice(copy.paragraph.start, copy.paragraph.end) === context.text.slice(first.paragraph.start, first.paragraph.end);
        // Remove the copy together with the blank lines before it.
        const previous = alignment.paragraphs[copy.index - 1];
        const from = copy.dividerBefore ? copy.paragraph.start : previous ? previous.paragraph.end : copy.paragraph.start;
        findings.push({
          start: copy.paragraph.start,
          end: copy.paragraph.end,
          message: `Footer paragraph “${excerpt(template.text)}” stands twice.`,
          related: [{ start: first.paragraph.start, end: first.paragraph.end, message: 'First copy' }],
          fixes: [{ title: 'Delete this copy', edits: [{ start: from, end: copy.paragraph.end, newText: '' }], safe: same }],
        });
      }
    }
    return findings;
  },
};
