// Hover: on a cross-reference, the article it names; on a byline, the
// author's other articles in the workspace.
import { MarkupKind } from 'vscode-languageserver-types';
import type { Hover } from 'vscode-languageserver-types';
import type { CheckContext } from '../checks/context';
import { samePerson } from '../checks/signoff-mismatch';
import { formatDate } from '../model/dates';
import { baseName, describeIssue } from '../model/issue';
import type { Positions } from '../model/lineIndex';
import type { HeadlineEntry } from '../workspace/summary';
import { locate } from './locate';
import { toRange } from './range';

const MAX_ARTICLES = 12;

function issueLine(context: CheckContext, uri: string): string {
  if (uri === context.uri) return 'this issue';
  const issue = context.lookup.summary(uri)?.issue;
  const parts = [issue ? describeIssue(issue) : '', issue?.date ? formatDate(issue.date) : '', baseName(uri)].filter((p) => p.length > 0);
  return parts.join(', ');
}

function headlineCard(context: CheckContext, target: HeadlineEntry): string {
  const lines = [`**${target.text}**`];
  if (target.standfirst) lines.push(target.standfirst);
  const by = target.authors.length > 0 ? `By ${target.authors.join(' and ')} — ` : '';
  lines.push(`_${by}${issueLine(context, target.uri)}_`);
  return lines.join('\n\n');
}

export function hover(context: CheckContext, positions: Positions, offset: number): Hover | null {
  const found = locate(context, offset);
  if (found?.kind === 'reference-title') {
    const target = found.title.targets[0];
    const value = target
      ? headlineCard(context, target) +
        (found.title.targets.length > 1 ? `\n\nAlso in ${found.title.targets.length - 1} other issue(s).` : '')
      : `No article headlined “${found.title.text}” in this issue or the workspace.`;
    return { contents: { kind: MarkupKind.Markdown, value }, range: toRange(positions, found.title) };
  }
  if (found?.kind === 'byline') {
    const names = found.author ? [found.author.name] : found.byline.authors.map((a) => a.name);
    if (names.length === 0) return null;
    const sections = names.map((name) => {
      const articles = [...context.lookup.all()].flatMap((s) => s.articles.filter((a) => a.authors.some((n) => samePerson(n, name))));
      const items = articles.slice(0, MAX_ARTICLES).map((a) => `- ${a.title} — ${issueLine(context, a.uri)}`);
      const more = articles.length > MAX_ARTICLES ? [`- … and ${articles.length - MAX_ARTICLES} more`] : [];
      return [
        `**${name}**: ${articles.length === 1 ? '1 article' : `${articles.length} articles`} in the workspace`,
        ...items,
        ...more,
      ].join('\n');
    });
    return {
      contents: { kind: MarkupKind.Markdown, value: sections.join('\n\n') },
      range: toRange(positions, found.author ?? found.byline),
    };
  }
  return null;
}
