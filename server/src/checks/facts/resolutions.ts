// Every cross-reference of the document resolved, article by article: while
// the workspace's headlines are as they were, an unchanged article's
// resolutions are kept, and a keystroke resolves the edited article's alone.
// What is kept names each headline by its issue and its place among that
// issue's headlines, which the headlines' version keeps fixed, not by the
// entry itself: an edit replaces the entries of its issue.
import type { Article } from '../../model/types';
import type { HeadlineLookup } from '../../workspace/index';
import { resolveReference } from '../../workspace/resolve';
import type { ReferenceResolution, TitleProblem, TitleResolution } from '../../workspace/resolve';
import type { HeadlineEntry } from '../../workspace/summary';

interface KeptTitle {
  /** Where the title stands, from the article's start. */
  readonly from: number;
  readonly to: number;
  readonly text: string;
  /** Each target's issue and index among its headlines. */
  readonly targets: readonly (readonly [uri: string, index: number])[];
  readonly problem?: TitleProblem;
  readonly cited?: string;
}

/** Per cross-reference of the article, in order: its titles, or undefined where it is no reference. */
type KeptResolutions = readonly (readonly KeptTitle[] | undefined)[];

/** `keep` returns what an earlier version kept for the article under the same headlines' version, or computes it. */
export type KeepForArticle = (article: Article, compute: () => KeptResolutions | undefined) => KeptResolutions | undefined;

/** The resolutions of the article's cross-references (running text only where it names a headline). */
export function articleResolutions(article: Article, uri: string, lookup: HeadlineLookup, keep: KeepForArticle): ReferenceResolution[] {
  let fresh: (ReferenceResolution | undefined)[] | undefined;
  const resolve = (): (ReferenceResolution | undefined)[] =>
    article.crossReferences.map((reference) => resolveReference(reference, reference.target.text, lookup, uri));
  const kept = keep(article, () => toKept(article, (fresh = resolve()), lookup));
  if (fresh) return defined(fresh);
  return (kept && revived(article, kept, lookup)) ?? defined(resolve());
}

function defined(resolutions: readonly (ReferenceResolution | undefined)[]): ReferenceResolution[] {
  return resolutions.filter((r): r is ReferenceResolution => r !== undefined);
}

/** What to keep of the resolutions; undefined when a target is not among its issue's headlines. */
function toKept(
  article: Article,
  resolutions: readonly (ReferenceResolution | undefined)[],
  lookup: HeadlineLookup,
): KeptResolutions | undefined {
  const out: (KeptTitle[] | undefined)[] = [];
  for (const resolution of resolutions) {
    if (!resolution) {
      out.push(undefined);
      continue;
    }
    const titles: KeptTitle[] = [];
    for (const title of resolution.titles) {
      const targets: (readonly [string, number])[] = [];
      for (const target of title.targets) {
        const index = lookup.summary(target.uri)?.headlines.indexOf(target) ?? -1;
        if (index < 0) return undefined;
        targets.push([target.uri, index]);
      }
      titles.push({
        from: title.start - article.start,
        to: title.end - article.start,
        text: title.text,
        targets,
        ...(title.problem ? { problem: title.problem } : {}),
        ...(title.citedIssue ? { cited: title.citedIssue.uri } : {}),
      });
    }
    out.push(titles);
  }
  return out;
}

/** The kept resolutions with the headlines and issues as they are now; undefined when one is gone. */
function revived(article: Article, kept: KeptResolutions, lookup: HeadlineLookup): ReferenceResolution[] | undefined {
  if (kept.length !== article.crossReferences.length) return undefined;
  const out: ReferenceResolution[] = [];
  for (let i = 0; i < kept.length; i++) {
    const titles = kept[i];
    if (!titles) continue;
    const revivedTitles: TitleResolution[] = [];
    for (const title of titles) {
      const targets: HeadlineEntry[] = [];
      for (const [uri, index] of title.targets) {
        const target = lookup.summary(uri)?.headlines[index];
        if (!target) return undefined;
        targets.push(target);
      }
      const citedIssue = title.cited === undefined ? undefined : lookup.summary(title.cited);
      if (title.cited !== undefined && !citedIssue) return undefined;
      revivedTitles.push({
        start: article.start + title.from,
        end: article.start + title.to,
        text: title.text,
        targets,
        ...(title.problem ? { problem: title.problem } : {}),
        ...(citedIssue ? { citedIssue } : {}),
      });
    }
    out.push({ reference: article.crossReferences[i]!, titles: revivedTitles });
  }
  return out;
}
