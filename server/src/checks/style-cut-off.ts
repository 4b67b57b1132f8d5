import { characterStart, endsWithClosingPunctuation } from '../model/text';
import { lastLine } from '../model/lines';
import type { Check, Finding } from './check';
import type { Paragraph } from '../model/types';
import { perParagraphProse } from './facts/prose';

const URL_AT_END = /(?:https?:\/\/|www\.|mailto:)\S+$/;

/** The last words of a paragraph, for the message: its own, never the paragraph's before it. */
function tail(text: string, paragraph: Paragraph): string {
  const words = text
    .slice(characterStart(text, Math.max(paragraph.start, paragraph.end - 80)), paragraph.end)
    .trim()
    .split(/\s+/);
  return words.slice(-4).join(' ');
}

export const styleCutOff: Check = {
  code: 'style.cut-off',
  severity: 'warning',
  description: 'A paragraph of prose stops without closing punctuation: it was probably cut off by a bad paste.',
  heuristic: true,
  run(context) {
    return perParagraphProse(context, 'style.cut-off', (text, paragraph) => cutOff(text, [paragraph]));
  },
};

function cutOff(text: string, prose: readonly Paragraph[]): Finding[] {
  const findings: Finding[] = [];
  for (const paragraph of prose) {
    const content = text.slice(Math.max(paragraph.start, paragraph.end - 200), paragraph.end).trimEnd();
    if (endsWithClosingPunctuation(content) || URL_AT_END.test(content)) continue;
    const line = lastLine(paragraph);
    findings.push({
      start: line.start,
      end: line.end,
      message: `Paragraph stops without closing punctuation after “…${tail(text, paragraph)}”: was it cut off?`,
    });
  }
  return findings;
}
