// Which issue a bulletin is: publication, number and date, from the masthead,
// or the date from the file name when the masthead is missing.
import { dateFromFileName } from './dates';
import { publicationInitials } from './masthead';
import type { BulletinDocument, IssueDate } from './types';

export interface IssueIdentity {
  readonly publication?: string;
  /** `RCA` for Reporting Central Asia: how cross-references cite the publication. */
  readonly initials?: string;
  readonly number?: number;
  readonly part?: string;
  readonly date?: IssueDate;
  /** Where the date came from. */
  readonly dateSource?: 'masthead' | 'file name';
}

/** The last path segment of a URI or path, without decoding anything else. */
export function baseName(uri: string): string {
  const clean = uri.replace(/[?#].*$/, '');
  const slash = Math.max(clean.lastIndexOf('/'), clean.lastIndexOf('\\'));
  return decodeURIComponent(clean.slice(slash + 1));
}

export function issueIdentity(doc: BulletinDocument, uri: string): IssueIdentity {
  const masthead = doc.masthead;
  const publication = masthead?.publication?.text;
  const fromName = dateFromFileName(baseName(uri));
  const date = masthead?.date?.value ?? fromName;
  const dateSource: IssueIdentity['dateSource'] = masthead?.date ? 'masthead' : 'file name';
  return {
    ...(publication ? { publication, initials: publicationInitials(publication) } : {}),
    ...(masthead?.number ? { number: masthead.number.value } : {}),
    ...(masthead?.number?.part ? { part: masthead.number.part } : {}),
    ...(date ? { date, dateSource } : {}),
  };
}

export function describeIssue(issue: IssueIdentity): string {
  const parts: string[] = [];
  if (issue.initials) parts.push(issue.initials);
  if (issue.number !== undefined) parts.push(`No. ${issue.number}`);
  return parts.join(' ');
}
