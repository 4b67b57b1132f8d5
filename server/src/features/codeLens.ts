// A lens over each headline: how many cross-references and contents entries name it.
import type { CodeLens } from 'vscode-languageserver-types';
import type { CheckContext } from '../checks/context';
import type { ReferenceGraph } from '../workspace/references';
import { referencesTo } from './references';

export const SHOW_REFERENCES_COMMAND = 'bulletin.showReferences';

export function codeLenses(context: CheckContext, graph: ReferenceGraph): CodeLens[] {
  const summary = context.lookup.summary(context.uri);
  if (!summary) return [];
  return summary.headlines.map((headline) => {
    const locations = referencesTo(context, graph, headline, false);
    const n = locations.length;
    return {
      range: headline.range,
      command: {
        title: n === 1 ? '1 reference' : `${n} references`,
        command: n > 0 ? SHOW_REFERENCES_COMMAND : '',
        arguments: [headline.uri, headline.range.start, locations],
      },
    };
  });
}
