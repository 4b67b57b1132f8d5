// Completion: headlines inside `(See `, authors after `By `, roles in the
// footer's credits.
import { CompletionItemKind, InsertTextFormat } from 'vscode-languageserver-types';
import type { CompletionItem } from 'vscode-languageserver-types';
import type { CheckContext } from '../checks/context';
import { describeIssue, baseName } from '../model/issue';
import type { Positions } from '../model/lineIndex';
import { isCredits } from '../profile/footerTemplate';
import type { HeadlineEntry } from '../workspace/summary';
import { toRange } from './range';
import { titleCase, withoutCountry } from './retitle';

const MAX_ITEMS = 500;

function lineBefore(text: string, offset: number): string {
  let start = offset;
  while (start > 0 && text.charCodeAt(start - 1) !== 10 && text.charCodeAt(start - 1) !== 13 && offset - start < 400) start--;
  return text.slice(start, offset);
}

/** Text before the cursor within its paragraph (a reference may wrap), at most a few lines. */
function paragraphBefore(text: string, offset: number): string {
  const parts = text.slice(Math.max(0, offset - 400), offset).split(/(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)/);
  return parts[parts.length - 1]!;
}

function dateValue(context: CheckContext, entry: HeadlineEntry): number {
  const d = context.lookup.summary(entry.uri)?.issue.date;
  return d ? d.year * 10000 + d.month * 100 + (d.day ?? 0) : 0;
}

function headlineItems(context: CheckContext, positions: Positions, offset: number, typed: string): CompletionItem[] {
  const { text } = context;
  const after = text.slice(offset, offset + 2);
  const closing = after.startsWith('.)') ? '' : after.startsWith(')') ? '.' : '.)';
  const range = toRange(positions, { start: offset - typed.length, end: offset });
  const entries = [...context.lookup.all()].flatMap((s) => s.headlines);
  entries.sort(
    (a, b) =>
      Number(b.uri === context.uri) - Number(a.uri === context.uri) || dateValue(context, b) - dateValue(context, a) || a.start - b.start,
  );
  return entries.slice(0, MAX_ITEMS).map((entry, i) => {
    const title = titleCase(withoutCountry(entry.text));
    const issue = context.lookup.summary(entry.uri)?.issue;
    const where = entry.uri === context.uri ? 'this issue' : `${issue ? describeIssue(issue) || baseName(entry.uri) : baseName(entry.uri)}`;
    return {
      label: title,
      kind: CompletionItemKind.Reference,
      detail: `${entry.text} — ${where}`,
      sortText: String(i).padStart(5, '0'),
      filterText: `${title} ${entry.text}`,
      insertTextFormat: InsertTextFormat.PlainText,
      textEdit: { range, newText: `${title}${closing}` },
      ...(entry.standfirst
        ? { documentation: `${entry.standfirst}${entry.authors.length > 0 ? `\n\nBy ${entry.authors.join(' and ')}` : ''}` }
        : {}),
    };
  });
}

function authorItems(context: CheckContext, positions: Positions, offset: number, typed: string): CompletionItem[] {
  const counts = new Map<string, number>();
  for (const summary of context.lookup.all())
    for (const article of summary.articles) for (const name of article.authors) counts.set(name, (counts.get(name) ?? 0) + 1);
  const range = toRange(positions, { start: offset - typed.length, end: offset });
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, MAX_ITEMS)
    .map(([name, count], i) => ({
      label: name,
      kind: CompletionItemKind.Value,
      detail: count === 1 ? '1 article in the workspace' : `${count} articles in the workspace`,
      sortText: String(i).padStart(5, '0'),
      textEdit: { range, newText: name },
    }));
}

/** Roles of `Role: Name;` credits, from the footer template and this issue's footer. */
function knownRoles(context: CheckContext): string[] {
  const roles = new Set<string>();
  const paragraphs = [...context.footer.paragraphs.map((p) => p.text)];
  for (const element of context.doc.footer?.elements ?? [])
    if (element.type === 'paragraph') paragraphs.push(context.text.slice(element.paragraph.start, element.paragraph.end));
  for (const paragraph of paragraphs) {
    if (!isCredits(paragraph)) continue;
    for (const m of paragraph.replace(/\s+/g, ' ').matchAll(/(?:^|;\s*|:\s*)([A-Z][A-Za-z -]{2,60}?):\s*[^:;]+(?=;|\.?$)/g))
      roles.add(m[1]!.trim());
  }
  return [...roles];
}

function roleItems(context: CheckContext, positions: Positions, offset: number, typed: string): CompletionItem[] {
  const range = toRange(positions, { start: offset - typed.length, end: offset });
  return knownRoles(context).map((role) => ({
    label: role,
    kind: CompletionItemKind.Property,
    detail: 'Credits role',
    textEdit: { range, newText: `${role}: ` },
  }));
}

function inCredits(context: CheckContext, offset: number): boolean {
  for (const element of context.doc.footer?.elements ?? []) {
    if (element.type !== 'paragraph') continue;
    const p = element.paragraph;
    if (offset >= p.start && offset <= p.end) return isCredits(context.text.slice(p.start, p.end));
  }
  return false;
}

export function completion(context: CheckContext, positions: Positions, offset: number): CompletionItem[] {
  const { text } = context;
  const reference = /\(See\s+([^()]*)$/.exec(paragraphBefore(text, offset));
  if (reference && !/[.)]\s*$/.test(reference[1]!)) return headlineItems(context, positions, offset, reference[1]!);
  const line = lineBefore(text, offset);
  const byline = /(?:^|\s{2}|[.!?]\s+)By\s+([\p{L}\p{M}’'. -]*)$/u.exec(line);
  if (byline) return authorItems(context, positions, offset, byline[1]!);
  if (inCredits(context, offset)) {
    const role = /(?:^|;\s*|:\s+)([A-Za-z -]*)$/.exec(line);
    if (role) return roleItems(context, positions, offset, role[1]!);
  }
  return [];
}
