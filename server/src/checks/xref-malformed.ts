import type { CrossReference, CrossReferenceProblem } from '../model/types';
import type { Check, Finding, Fix } from './check';

const MESSAGES: Record<CrossReferenceProblem, string> = {
  'comma-without-issue':
    'it ends in a comma but names no issue — the citation was lost. Write “(See Title.)”, or add the issue: “(See Title, RCA No. 574, 24-Apr-09.)”',
  'missing-close-paren': 'the closing “)” is missing',
  'missing-full-stop': 'the full stop is missing inside the parenthesis: “(See Title.)”',
  'full-stop-outside': 'the full stop belongs inside the parenthesis: “(See Title.)”',
};

function fixFor(text: string, ref: CrossReference, problem: CrossReferenceProblem): Fix | undefined {
  switch (problem) {
    case 'comma-without-issue': {
      const comma = text.lastIndexOf(',', ref.end - 1);
      return comma > ref.target.end - 1
        ? { title: 'Replace the comma with a full stop', edits: [{ start: comma, end: comma + 1, newText: '.' }], safe: true }
        : undefined;
    }
    case 'missing-close-paren': {
      const end = text.charAt(ref.end - 1) === '.' ? ref.end : -1;
      return end > 0
        ? { title: 'Close the parenthesis after the full stop', edits: [{ start: end, end, newText: ')' }], safe: false }
        : undefined;
    }
    case 'missing-full-stop':
      return {
        title: 'Add the full stop inside the parenthesis',
        edits: [{ start: ref.end - 1, end: ref.end - 1, newText: '.' }],
        safe: true,
      };
    case 'full-stop-outside':
      return {
        title: 'Move the full stop inside the parenthesis',
        edits: [{ start: ref.end - 2, end: ref.end, newText: '.)' }],
        safe: true,
      };
  }
}

export const xrefMalformed: Check = {
  code: 'xref.malformed',
  severity: 'error',
  description: 'A cross-reference is not `(See Title.)`: a comma and no issue, a missing `)` or full stop.',
  heuristic: false,
  run({ doc, text }) {
    // Loops, not nested flatMap: nearly every reference is well formed, and an array for each cost a 1 MB
    // issue's keystroke 90 µs.
    const findings: Finding[] = [];
    for (const article of doc.articles)
      for (const ref of article.crossReferences)
        for (const problem of ref.problems) {
          const fix = fixFor(text, ref, problem);
          const finding: Finding = { start: ref.start, end: ref.end, message: `Malformed cross-reference: ${MESSAGES[problem]}.` };
          findings.push(fix ? Object.assign(finding, { fixes: [fix] }) : finding);
        }
    return findings;
  },
};
