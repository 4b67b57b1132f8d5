import type { Check, Finding } from './check';

export const styleTrailingWhitespace: Check = {
  code: 'style.trailing-whitespace',
  severity: 'hint',
  description: 'Spaces or tabs at the end of a line (invisible, but they go out with the email).',
  heuristic: false,
  run({ text }) {
    const findings: Finding[] = [];
    // Every line, `****` lines included; blank lines are blank. Backwards from each line end: linear on any input.
    let lineStart = 0;
    while (lineStart <= text.length && findings.length < 5000) {
      let lineEnd = lineStart;
      while (lineEnd < text.length && text.charCodeAt(lineEnd) !== 10 && text.charCodeAt(lineEnd) !== 13) lineEnd++;
      let start = lineEnd;
      while (start > lineStart && (text.charCodeAt(start - 1) === 32 || text.charCodeAt(start - 1) === 9)) start--;
      if (start < lineEnd && start > lineStart) {
        findings.push({
          start,
          end: lineEnd,
          message: 'Trailing whitespace.',
          fixes: [{ title: 'Remove the trailing whitespace', edits: [{ start, end: lineEnd, newText: '' }], safe: true }],
        });
      }
      if (lineEnd >= text.length) break;
      lineStart = text.charCodeAt(lineEnd) === 13 && text.charCodeAt(lineEnd + 1) === 10 ? lineEnd + 2 : lineEnd + 1;
    }
    return findings;
  },
};
