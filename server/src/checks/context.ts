// Everything a check may read: the model, the issue's identity, the workspace
// lookups and the profile. Facts several checks share are computed once.
import { issueIdentity } from '../model/issue';
import type { IssueIdentity } from '../model/issue';
import { lineBreakOf } from '../model/text';
import type { BulletinDocument } from '../model/types';
import { measuredWidth } from '../model/width';
import { footerTemplate } from '../profile/footerTemplate';
import type { FooterTemplate } from '../profile/footerTemplate';
import type { Profile } from '../profile/profile';
import type { HeadlineLookup } from '../workspace/index';
import { resolveReference } from '../workspace/resolve';
import type { ReferenceResolution } from '../workspace/resolve';

export interface CheckContext {
  readonly uri: string;
  readonly text: string;
  readonly doc: BulletinDocument;
  readonly issue: IssueIdentity;
  readonly lookup: HeadlineLookup;
  readonly profile: Profile;
  readonly footer: FooterTemplate;
  /** The email width: the profile's, else the one the issue keeps to. */
  readonly width: number;
  /** The document's line break. */
  readonly eol: string;
  /** Every cross-reference of the document, resolved (running text only where it names a headline). */
  resolutions(): readonly ReferenceResolution[];
  /** Computes a shared fact once per context. */
  memo<T>(key: string, compute: () => T): T;
}

/** The profile's initials win over those read off the masthead. */
function withProfileInitials(issue: IssueIdentity, profile: Profile): IssueIdentity {
  return profile.initials ? { ...issue, initials: profile.initials } : issue;
}

export function createCheckContext(doc: BulletinDocument, uri: string, lookup: HeadlineLookup, profile: Profile): CheckContext {
  const memos = new Map<string, unknown>();
  const memo = <T>(key: string, compute: () => T): T => {
    if (!memos.has(key)) memos.set(key, compute());
    return memos.get(key) as T;
  };
  let width: number | undefined;
  return {
    uri,
    get width(): number {
      return (width ??= profile.emailWidth ?? measuredWidth(doc));
    },
    eol: lineBreakOf(doc.text),
    text: doc.text,
    doc,
    issue: withProfileInitials(issueIdentity(doc, uri), profile),
    lookup,
    profile,
    footer: footerTemplate(profile.footerTemplate),
    memo,
    resolutions: () =>
      memo('resolutions', () => {
        const out: ReferenceResolution[] = [];
        for (const article of doc.articles) {
          for (const reference of article.crossReferences) {
            const resolution = resolveReference(reference, reference.target.text, lookup, uri);
            if (resolution) out.push(resolution);
          }
        }
        return out;
      }),
  };
}
