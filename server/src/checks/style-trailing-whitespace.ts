import type { Check, Finding } from './check';

export const styleTrailingWhitespace: Check = {
  code: 'style.trailing-whitespace',
  severity: 'hint',
  description: 'Spaces or tabs at the end of a line (invisible, but they go out with the email).',
  heuristic: false,
  quick: true,
  run({ text }) {
    const findings: Finding[] = [];
    // Every line, `****` lines included; blank lines are blank. Backwards from each line end: linear on any input.
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
      if (findings.length >= 5000) break;
    }
    return findings;
  },
};

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
