import { firstLine, lastLine } from '../model/lines';
import { lineBreakOf } from '../model/text';
import { excerpt } from '../profile/footerTemplate';
import type { Check, Finding } from './check';
import { footerAlignment } from './facts/footerAlignment';

export const footerBlockMissing: Check = {
  code: 'footer.block-missing',
  severity: 'warning',
  description: 'A paragraph or divider of the footer template is missing from the footer.',
  heuristic: false,
  run(context) {
    const alignment = footerAlignment(context);
    const footer = context.doc.footer;
    if (!alignment || !footer || alignment.unrecognised) return [];
    const eol = lineBreakOf(context.text);
    const findings: Finding[] = [];
    // Where a missing paragraph belongs: after the document paragraph standing for the template paragraph before it.
    let anchor: { end: number; line: { start: number; end: number } } | undefined;
    const required = context.profile.requiredFooterBlocks?.map((w) => w.toLowerCase().trim());
    const isRequired = (text: string): boolean => !required || required.some((w) => text.toLowerCase().startsWith(w));
    for (const t of context.footer.paragraphs) {
      const present = alignment.found.get(t)?.[0];
      if (present) {
        if (t.dividerBefore !== undefined && !present.dividerBefore && present.index > 0) {
          const line = firstLine(present.paragraph);
          findings.push({
            start: line.start,
            end: line.end,
            message: `Footer divider missing before ${`“${excerpt(t.text)}”`}.`,
            fixes: [
              {
                title: 'Insert the divider',
                edits: [{ start: line.start, end: line.start, newText: `${t.dividerBefore}${eol}${eol}` }],
                safe: true,
              },
            ],
          });
        }
        anchor = { end: present.paragraph.end, line: lastLine(present.paragraph) };
        continue;
      }
      if (!isRequired(t.text)) continue;
      const at = anchor ?? { end: footer.start, line: { start: footer.start, end: footer.start } };
      const insertion = `${eol}${eol}${t.dividerBefore !== undefined ? `${t.dividerBefore}${eol}${eol}` : ''}${t.source.replace(/\r\n|\r|\n/g, eol)}`;
      findings.push({
        start: at.line.start,
        end: at.line.end,
        message: `Footer paragraph missing${anchor ? ' after this one' : ''}: “${excerpt(t.text, 8)}”.`,
        fixes: [{ title: 'Insert it from the footer template', edits: [{ start: at.end, end: at.end, newText: insertion }], safe: false }],
      });
    }
    return findings;
  },
};
