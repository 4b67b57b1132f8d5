// Code lenses are listed without their counts and resolved as the editor shows them: the headline found again by
// its key, nearest the lens's line, however the issue changed in between.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { expect, test } from 'vitest';
import { createCheckContext } from '../../server/src/checks/context';
import { codeLenses, NO_REFERENCES, resolveCodeLens, SHOW_REFERENCES_COMMAND } from '../../server/src/features/codeLens';
import { LineIndex } from '../../server/src/model/lineIndex';
import { parseBulletin } from '../../server/src/model/parse';
import { DEFAULT_PROFILE } from '../../server/src/profile/profile';
import { WorkspaceIndex } from '../../server/src/workspace/index';
import { ReferenceGraph } from '../../server/src/workspace/references';
import { summarize } from '../../server/src/workspace/summary';
import { FIXTURES } from '../support/fixture';

const NO574 = 'file:///ws/rca-2009-04-574.bulletin';
const NO632 = 'file:///ws/rca-2011-12-632.bulletin';
const read = (name: string): string => readFileSync(path.join(FIXTURES, 'archive', name), 'utf8');

function workspace(text574: string) {
  const index = new WorkspaceIndex();
  const text632 = read('rca-2011-12-632.bulletin');
  index.set(summarize(parseBulletin(text632), NO632, new LineIndex(text632)));
  const doc = parseBulletin(text574);
  index.set(summarize(doc, NO574, new LineIndex(text574)));
  return { context: createCheckContext(doc, NO574, index, DEFAULT_PROFILE), graph: new ReferenceGraph(index) };
}

test('listed with no count; resolved, each counts the places that name its headline', () => {
  const text = read('rca-2009-04-574.bulletin');
  const { context, graph } = workspace(text);
  const listed = codeLenses(context);
  const lines = text.split('\n');
  expect(listed.map((l) => [l.range.start.line, l.data.uri])).toEqual([
    [lines.indexOf("KAZAKSTAN'S UNHAPPY OIL WORKERS"), NO574],
    [lines.indexOf('REPRISALS MERELY ANGER PROTESTING KAZAK OIL WORKERS'), NO574],
  ]);
  expect(listed.some((l) => 'command' in l)).toBe(false);
  const resolved = listed.map((l) => resolveCodeLens(context, graph, l));
  expect(resolved.map((l) => l.command?.title)).toEqual(['2 references', '1 reference']);
  expect(resolved[0]!.command!.command).toBe(SHOW_REFERENCES_COMMAND);
  const places = resolved[0]!.command!.arguments![2] as { uri: string }[];
  expect(places.map((p) => p.uri).sort()).toEqual([NO574, NO632]);
});

test('a lens listed before an edit resolves to its headline where it is now, and to nothing once it is gone', () => {
  const text = read('rca-2009-04-574.bulletin');
  const [lens] = codeLenses(workspace(text).context);
  // Three lines typed above: the lens's line is stale, its key is not.
  const moved = workspace(`A note.\n\n\n${text}`);
  const resolved = resolveCodeLens(moved.context, moved.graph, lens!);
  expect(resolved.command?.title).toBe('2 references');
  expect(resolved.command?.arguments?.[1]).toEqual({ line: lens!.range.start.line + 3, character: 0 });
  // The headline renamed: nothing of it is left to count.
  const renamed = workspace(text.split("KAZAKSTAN'S UNHAPPY OIL WORKERS").join('KAZAKSTAN: OIL WORKERS STRIKE ON'));
  expect(resolveCodeLens(renamed.context, renamed.graph, lens!)).toEqual({ range: lens!.range, command: NO_REFERENCES });
});
