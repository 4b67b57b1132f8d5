import { personKey } from '../model/byline';
import type { Check } from './check';

/** Same person: equal names, or one name's words all in the other (`Tokbaeva` in `Dina Tokbaeva`). */
export function samePerson(a: string, b: string): boolean {
  const ka = personKey(a);
  const kb = personKey(b);
  if (ka === kb) return true;
  const wa = ka.split(' ');
  const wb = kb.split(' ');
  const [short, long] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
  return short.every((w) => long.includes(w)) && short[short.length - 1] === long[long.length - 1];
}

export const signoffMismatch: Check = {
  code: 'signoff.mismatch',
  severity: 'warning',
  description: 'The sign-off (or "Interview conducted by") names someone other than the byline.',
  heuristic: true,
  run({ doc }) {
    return doc.articles.flatMap((article) => {
      const signOff = article.signOff;
      const authors = article.byline?.authors ?? [];
      if (!signOff || authors.length === 0) return [];
      if (authors.some((a) => samePerson(a.name, signOff.person.text))) return [];
      const names = authors.map((a) => a.name).join(' and ');
      const what = signOff.kind === 'interview' ? '“Interview conducted by” names' : 'The sign-off names';
      return [
        {
          start: signOff.person.start,
          end: signOff.person.end,
          message: `${what} ${signOff.person.text}, but the byline says ${names}.`,
          related: [{ start: article.byline!.start, end: article.byline!.end, message: 'The byline' }],
        },
      ];
    });
  },
};
