// Everything a check may read: the model, the issue's identity, the workspace
// lookups and the profile. Facts several checks share are computed once.
import type { Article, Paragraph } from '../model/types';
import { append } from '../model/arrays';
import { issueIdentity } from '../model/issue';
import type { IssueIdentity } from '../model/issue';
import { lineBreakOf } from '../model/text';
import type { BulletinDocument } from '../model/types';
import { measuredWidth } from '../model/width';
import { footerTemplate } from '../profile/footerTemplate';
import type { FooterTemplate } from '../profile/footerTemplate';
import type { Profile } from '../profile/profile';
import type { HeadlineLookup } from '../workspace/index';
import type { ReferenceResolution } from '../workspace/resolve';
import { ArticleResults } from './articleResults';
import { articleResolutions } from './facts/resolutions';
import type { KeepForArticle } from './facts/resolutions';

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
  /**
   * Computes what `name` derives from one article alone, reusing the result of an earlier version of the
   * document where the article is unchanged. Offsets in the result must be fields named `start` and `end`;
   * a result that holds none (`positioned` false) is reused as it is, not copied to where the article moved.
   */
  perArticle<T>(name: string, article: Article, compute: () => T, positioned?: boolean): T;
  /**
   * What `name` keeps of the whole document between versions, brought up to date by `update` from the last
   * version's (undefined at first); it must hold no slice of the text.
   */
  acrossVersions<T>(name: string, update: (previous: T | undefined) => T): T;
  /**
   * What `compute` gives, kept for the next version under `name` and `key`, which names all it is computed from
   * (a paragraph's text, say); reused from the last version that asked for the same key. It must hold no offset.
   */
  remembered<T>(name: string, key: string, compute: () => T): T;
  /**
   * What `compute` reads from one of the document's paragraphs (`doc.paragraphs`, not a copy the article holds),
   * kept under `name` while the parse keeps that paragraph, which it does only while its text is unchanged. It
   * must hold no offset.
   */
  ofParagraph<T>(name: string, paragraph: Paragraph, compute: () => T): T;
  /**
   * Called once every check has run on this context: what no check asked for of the last version's results is
   * then dropped. A round given up midway (a newer version came) drops nothing.
   */
  endRound(): void;
  /** True for a document's first version (or the first since the width or line break changed): nothing is kept yet. */
  readonly firstVersion: boolean;
  /** Set when the document is too large for the full checks: only the quick ones run, with a notice. */
  readonly limited?: SizeLimit;
}

export interface SizeLimit {
  /** The document's length and the limit, in UTF-16 code units (characters, near enough). */
  readonly size: number;
  readonly limit: number;
}

export interface ContextOptions {
  /** What earlier versions of the same document (with the same profile) found per article. */
  readonly results?: ArticleResults;
  readonly limited?: SizeLimit;
}

/** The profile's initials win over those read off the masthead. */
function withProfileInitials(issue: IssueIdentity, profile: Profile): IssueIdentity {
  return profile.initials ? Object.assign({}, issue, { initials: profile.initials }) : issue;
}

/**
 * The context for checking `doc`. Given the `results` kept from earlier versions of the same document (and the
 * same profile), unchanged articles are not checked again.
 */
export function createCheckContext(
  doc: BulletinDocument,
  uri: string,
  lookup: HeadlineLookup,
  profile: Profile,
  { results = new ArticleResults(), limited }: ContextOptions = {},
): CheckContext {
  const memos = new Map<string, unknown>();
  const memo = <T>(key: string, compute: () => T): T => {
    if (!memos.has(key)) memos.set(key, compute());
    return memos.get(key) as T;
  };
  const width = profile.emailWidth ?? measuredWidth(doc);
  const eol = lineBreakOf(doc.text);
  results.nextRound(`${width}\u0000${eol}`, doc.articles);
  return {
    uri,
    width,
    eol,
    perArticle: (name, article, compute, positioned) => results.get(name, article, compute, positioned),
    acrossVersions: (name, update) => results.acrossVersions(name, update),
    remembered: (name, key, compute) => results.remembered(name, key, compute),
    ofParagraph: (name, paragraph, compute) => results.ofParagraph(name, paragraph, compute),
    endRound: () => results.endRound(),
    firstVersion: results.first,
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
        // Kept while the titles are as they were: revived, they name the headlines' entries as they are now.
        const keep: KeepForArticle = (article, compute) => results.get('resolutions', article, compute, false, lookup.titlesVersion);
        for (const article of doc.articles) append(out, articleResolutions(article, uri, lookup, keep));
        return out;
      }),
    ...(limited ? { limited } : {}),
  };
}
