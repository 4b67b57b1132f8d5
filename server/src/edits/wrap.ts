// Wraps prose at a width, the way bulletins are hard-wrapped.

/**
 * Words joined by single spaces, broken into lines of at most `width`
 * characters (a longer word stands alone). `firstIndent` is how many columns
 * the first line already uses. Runs of two spaces (between a contents entry's
 * headline, standfirst and byline) are kept where no line break falls.
 */
export function wrap(text: string, width: number, eol: string, firstIndent = 0): string {
  const tokens = text.trim().split(/( {2,}|\s)/);
  let out = '';
  let column = firstIndent;
  let pendingGap = '';
  for (const token of tokens) {
    if (token.length === 0) continue;
    if (/^\s+$/.test(token)) {
      pendingGap = / {2}/.test(token) ? '  ' : ' ';
      continue;
    }
    if (out.length > 0 || firstIndent > 0) {
      if (column + pendingGap.length + token.length > width && column > 0) {
        out += eol;
        column = 0;
      } else {
        out += pendingGap;
        column += pendingGap.length;
      }
    }
    out += token;
    column += token.length;
    pendingGap = '';
  }
  return out;
}
