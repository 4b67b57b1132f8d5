// The footer written from the profile's template, for the year.
import type { TextEdit } from '../checks/check';
import type { BulletinDocument } from '../model/types';

export function footerText(template: string, year: number | undefined, eol: string): string {
  const filled = template.replace(/\{\{year\}\}/g, year === undefined ? String(new Date().getUTCFullYear()) : String(year));
  const lines = filled.replace(/\r\n|\r|\n/g, eol);
  // Trailing line breaks dropped by a loop: `(\n)+$` is quadratic on a long run of them inside the template.
  let end = lines.length;
  while (eol.length > 0 && end > 0 && lines.startsWith(eol, end - eol.length)) end -= eol.length;
  return lines.slice(0, end);
}

/** Replaces the footer (or appends one) with the template's. */
export function replaceFooter(doc: BulletinDocument, template: string, year: number | undefined, eol: string): TextEdit | undefined {
  const text = footerText(template, year, eol);
  if (doc.footer)
    return doc.text.slice(doc.footer.start, doc.footer.end) === text
      ? undefined
      : { start: doc.footer.start, end: doc.footer.end, newText: text };
  const last = doc.articles[doc.articles.length - 1];
  if (!last) return undefined;
  return { start: last.end, end: last.end, newText: `${eol}${eol}${text}` };
}
