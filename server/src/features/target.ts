// The headline a position is about: the one under the cursor, the one a
// cross-reference names, or the one a contents entry lists.
import type { CheckContext } from '../checks/context';
import type { ArticleEntry, HeadlineEntry } from '../workspace/summary';
import type { Located } from './locate';

export function headlineOf(context: CheckContext, found: Located | undefined): HeadlineEntry | undefined {
  if (!found) return undefined;
  if (found.kind === 'reference-title') return found.title.targets[0];
  const index = found.kind === 'headline' ? found.index : found.kind === 'contents-entry' ? found.articleIndex : undefined;
  if (index === undefined) return undefined;
  return context.lookup.summary(context.uri)?.headlines.find((h) => h.article === index);
}

export function articleEntryOf(context: CheckContext, headline: HeadlineEntry): ArticleEntry | undefined {
  return context.lookup.summary(headline.uri)?.articles[headline.article];
}
