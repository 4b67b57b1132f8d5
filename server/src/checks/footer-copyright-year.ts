import type { Check, Finding } from './check';

// One run of spaces before the year: `\s*(?:©)?\s*` would split a long run of spaces every way (quadratic).
const COPYRIGHT = /Copyright\s*(?:(?:©|\([cC]\))\s*)?((?:19|20)\d\d)/g;

export const footerCopyrightYear: Check = {
  code: 'footer.copyright-year',
  severity: 'warning',
  description: "The footer's copyright year is not the year of the issue (masthead date, else the date in the file name).",
  heuristic: false,
  run({ doc, text, issue }) {
    const year = issue.date?.year;
    if (!doc.footer || year === undefined) return [];
    const findings: Finding[] = [];
    const part = text.slice(doc.footer.start, doc.footer.end);
    COPYRIGHT.lastIndex = 0;
    for (let m = COPYRIGHT.exec(part); m; m = COPYRIGHT.exec(part)) {
      const found = Number(m[1]);
      if (found === year) continue;
      const start = doc.footer.start + m.index + m[0].length - 4;
      findings.push({
        start,
        end: start + 4,
        message: `Copyright year ${found} is not the issue's year, ${year} (from the ${issue.dateSource}).`,
        fixes: [{ title: `Change the year to ${year}`, edits: [{ start, end: start + 4, newText: String(year) }], safe: true }],
      });
    }
    return findings;
  },
};
