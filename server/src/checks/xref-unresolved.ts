import { describeIssue, baseName } from '../model/issue';
import { titleKey } from '../model/text';
import type { HeadlineEntry } from '../workspace/summary';
import type { Check, Finding, Related } from './check';
import type { CheckContext } from './context';

function where(context: CheckContext, entry: HeadlineEntry): string {
  if (entry.uri === context.uri) return 'in this issue';
  const issue = context.lookup.summary(entry.uri)?.issue;
  const name = issue ? describeIssue(issue) : '';
  return `in ${name ? `${name} (${baseName(entry.uri)})` : baseName(entry.uri)}`;
}

function relatedTo(context: CheckContext, entry: HeadlineEntry, message: string): Related {
  return entry.uri === context.uri
    ? { start: entry.start, end: entry.end, message }
    : { uri: entry.uri, start: entry.start, end: entry.end, range: entry.range, message };
}

export const xrefUnresolved: Check = {
  code: 'xref.unresolved',
  severity: 'warning',
  description:
    'A cross-reference names no headline of this issue or of the other bulletins in the workspace (or not in the issue it cites).',
  heuristic: false,
  run(context) {
    const ignored = new Set(context.profile.ignoreTitles.map(titleKey));
    const untitled = context.lookup.summary(context.uri)?.untitled ?? 0;
    const findings: Finding[] = [];
    for (const resolution of context.resolutions()) {
      for (const title of resolution.titles) {
        if (ignored.size > 0 && ignored.has(titleKey(title.text))) continue;
        const cited = resolution.reference.citation;
        const citedName = cited ? `${cited.publication} No. ${cited.number}` : '';
        let message: string;
        const related: Related[] = [];
        const fixes: NonNullable<Finding['fixes']>[number][] = [];
        if (title.problem === 'not-found') {
          message = `Unresolved cross-reference: no article headlined “${title.text}” in this issue or in the workspace.`;
          const suggestion = context.lookup.closest(title.text);
          if (suggestion) {
            message += ` Did you mean “${suggestion.text}” (${where(context, suggestion)})?`;
            related.push(relatedTo(context, suggestion, 'Closest headline'));
            fixes.push({
              title: `Change to “${suggestion.text}”`,
              edits: [{ start: title.start, end: title.end, newText: suggestion.text }],
              safe: false,
            });
          } else if (untitled > 0) {
            message += ` (${untitled === 1 ? 'One article' : `${untitled} articles`} of this issue ${untitled === 1 ? 'has' : 'have'} no headline.)`;
          }
        } else if (title.problem === 'not-in-cited-issue') {
          message = `Unresolved cross-reference: ${citedName} has no article headlined “${title.text}”.`;
          const elsewhere = title.targets[0];
          if (elsewhere) {
            message += ` It is ${where(context, elsewhere)}.`;
            related.push(relatedTo(context, elsewhere, 'The headline'));
          }
        } else if (title.problem === 'cited-issue-missing') {
          const elsewhere = title.targets[0]!;
          message = `Unresolved cross-reference: ${citedName} is not in the workspace; “${title.text}” is ${where(context, elsewhere)}.`;
          related.push(relatedTo(context, elsewhere, 'The headline'));
        } else {
          continue;
        }
        findings.push({
          start: title.start,
          end: title.end,
          message,
          about: [title.text],
          ...(related.length > 0 ? { related } : {}),
          ...(fixes.length > 0 ? { fixes } : {}),
        });
      }
    }
    return findings;
  },
};
