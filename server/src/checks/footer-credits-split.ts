import { afterLineBreak, firstLine as firstLineOf, lastLine as lastLineOf } from '../model/lines';
import type { Check, Finding } from './check';
import { footerAlignment } from './facts/footerAlignment';

export const footerCreditsSplit: Check = {
  code: 'footer.credits-split',
  severity: 'warning',
  description: 'The credits paragraph (`Role: Name;` pairs) is broken by a stray blank line.',
  heuristic: true,
  run(context) {
    const alignment = footerAlignment(context);
    if (!alignment) return [];
    const findings: Finding[] = [];
    for (const continuation of alignment.creditsContinuations) {
      const before = alignment.paragraphs[continuation.index - 1]!.paragraph;
      const lastLine = lastLineOf(before);
      const firstLine = firstLineOf(continuation.paragraph);
      const tail = context.text.slice(lastLine.start, lastLine.end).trim().split(/\s+/).slice(-3).join(' ');
      const head = context.text.slice(firstLine.start, firstLine.end).trim().split(/\s+/).slice(0, 3).join(' ');
      findings.push({
        start: lastLine.start,
        end: firstLine.end,
        message: `Credits broken by a stray blank line: “…${tail}” continues in “${head}…”. Check no line is missing here.`,
        fixes: [
          {
            title: 'Remove the blank line',
            edits: [
              {
                start: lastLine.end,
                end: firstLine.start,
                newText: context.text.slice(lastLine.end, afterLineBreak(context.text, lastLine.end)),
              },
            ],
            safe: true,
          },
        ],
      });
    }
    return findings;
  },
};
