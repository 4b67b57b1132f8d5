import { characterStart, endsWithClosingPunctuation } from '../model/text';
import { lastLine } from '../model/lines';
import type { Check, Finding } from './check';
import type { Paragraph } from '../model/types';
import { perArticleProse } from './facts/prose';

const URL_AT_END = /(?:https?:\/\/|www\.|mailto:)\S+$/;

/** The last words of a paragraph, for the message. */
function tail(text: string, end: number): string {
  const words = text
    .slice(characterStart(text, Math.max(0, end - 80)), end)
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
    return perArticleProse(context, 'style.cut-off', cutOff);
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
      message: `Paragraph stops without closing punctuation after “…${tail(text, paragraph.end)}”: was it cut off?`,
    });
  }
  return findings;
}
