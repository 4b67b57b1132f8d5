import type { Check, Finding } from './check';
import { scanByArticle } from './facts/regions';

/** Findings shown at most: a file of trailing spaces is one problem, not a million. */
const MAX_FINDINGS = 5000;

export const styleTrailingWhitespace: Check = {
  code: 'style.trailing-whitespace',
  severity: 'hint',
  description: 'Spaces or tabs at the end of a line (invisible, but they go out with the email).',
  heuristic: false,
  quick: true,
  run(context) {
    return scanByArticle(context, 'style.trailing-whitespace', trailingWhitespace, MAX_FINDINGS);
  },
};

/** Trailing whitespace on every line, `****` lines included; blank lines are blank. */
export function trailingWhitespace(text: string, max: number): Finding[] {
  const findings: Finding[] = [];
  // Each line end (the text's end included) found with `indexOf`, much faster than a loop over characters; then
  // backwards from it: linear on any input. A loop, not a generator: a yield per line cost most of the scan.
  let lf = text.indexOf('\n');
  let cr = text.indexOf('\r');
  for (;;) {
    let lineEnd: number;
    if (cr >= 0 && (lf < 0 || cr < lf)) {
      lineEnd = cr;
      // The LF of a CRLF ends nothing more.
      if (lf === cr + 1) lf = text.indexOf('\n', lf + 1);
      cr = text.indexOf('\r', cr + 1);
    } else if (lf >= 0) {
      lineEnd = lf;
      lf = text.indexOf('\n', lf + 1);
    } else lineEnd = text.length;
    let start = lineEnd;
    while (start > 0 && isSpaceOrTab(text.charCodeAt(start - 1))) start--;
    const blank = start === 0 || text.charCodeAt(start - 1) === 10 || text.charCodeAt(start - 1) === 13;
    if (start !== lineEnd && !blank) {
      findings.push({
        start,
        end: lineEnd,
        message: 'Trailing whitespace.',
        fixes: [{ title: 'Remove the trailing whitespace', edits: [{ start, end: lineEnd, newText: '' }], safe: true }],
      });
      if (findings.length >= max) break;
    }
    if (lineEnd === text.length) break;
  }
  return findings;
}

const isSpaceOrTab = (c: number): boolean => c === 32 || c === 9;
