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
  // Backwards from each line end: linear on any input.
  for (const lineEnd of lineEnds(text)) {
    let start = lineEnd;
    while (start > 0 && isSpaceOrTab(text.charCodeAt(start - 1))) start--;
    const blank = start === 0 || text.charCodeAt(start - 1) === 10 || text.charCodeAt(start - 1) === 13;
    if (start === lineEnd || blank) continue;
    findings.push({
      start,
      end: lineEnd,
      message: 'Trailing whitespace.',
      fixes: [{ title: 'Remove the trailing whitespace', edits: [{ start, end: lineEnd, newText: '' }], safe: true }],
    });
    if (findings.length >= max) break;
  }
  return findings;
}

const isSpaceOrTab = (c: number): boolean => c === 32 || c === 9;

/** Where each line ends, the text's end included; found with `indexOf`, which is much faster than a loop over characters. */
function* lineEnds(text: string): Generator<number> {
  let lf = text.indexOf('\n');
  let cr = text.indexOf('\r');
  while (lf >= 0 || cr >= 0) {
    if (cr >= 0 && (lf < 0 || cr < lf)) {
      yield cr;
      // The LF of a CRLF ends nothing more.
      if (lf === cr + 1) lf = text.indexOf('\n', lf + 1);
      cr = text.indexOf('\r', cr + 1);
    } else {
      yield lf;
      lf = text.indexOf('\n', lf + 1);
    }
  }
  yield text.length;
}
