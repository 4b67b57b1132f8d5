// Quick fixes that teach the publication profile: a title to ignore when
// resolving, a name's accepted spellings, a check turned off. They edit
// bulletin.json in place (or create it), keeping its formatting.
import { applyEdits, modify } from 'jsonc-parser';
import type { EditResult } from 'jsonc-parser';
import { CodeActionKind } from 'vscode-languageserver-types';
import type { CodeAction, Diagnostic, WorkspaceEdit } from 'vscode-languageserver-types';
import { URI, Utils } from 'vscode-uri';
import type { Problem } from '../checks/check';
import { LineIndex } from '../model/lineIndex';
import type { FolderProfile } from '../workspace/profiles';

const FORMAT = { formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' } };

function jsonEdit(profile: FolderProfile, change: (text: string) => EditResult): WorkspaceEdit {
  if (profile.uri !== undefined && profile.text !== undefined) {
    const positions = new LineIndex(profile.text);
    const edits = change(profile.text).map((e) => ({
      range: { start: positions.positionAt(e.offset), end: positions.positionAt(e.offset + e.length) },
      newText: e.content,
    }));
    return { changes: { [profile.uri]: edits } };
  }
  const uri = Utils.joinPath(URI.parse(profile.folder), 'bulletin.json').toString();
  const text = `${applyEdits('{}', change('{}'))}\n`;
  return {
    documentChanges: [
      { kind: 'create', uri, options: { ignoreIfExists: true } },
      {
        textDocument: { uri, version: null },
        edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: text }],
      },
    ],
  };
}

/** Adds `value` to the list at `key`, unless it is there already. */
function addToList(key: string, value: unknown): (text: string) => EditResult {
  return (text) => modify(text, [key, -1], value, Object.assign({}, FORMAT, { isArrayInsertion: true }));
}

export function profileActions(problem: Problem, diagnostic: Diagnostic, profile: FolderProfile): CodeAction[] {
  const name = profile.uri ? profile.uri.slice(profile.uri.lastIndexOf('/') + 1) : 'bulletin.json';
  const actions: CodeAction[] = [];
  const add = (title: string, edit: WorkspaceEdit): void => {
    actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit });
  };
  const [subject, other] = problem.about ?? [];
  if (problem.code === 'xref.unresolved' && subject) {
    add(`Ignore “${subject}” when resolving cross-references (${name})`, jsonEdit(profile, addToList('ignoreTitles', subject)));
  }
  if (problem.code === 'style.name-variants' && subject && other) {
    add(`Accept “${subject}” as a spelling of “${other}” (${name})`, jsonEdit(profile, addToList('acceptedVariants', [other, subject])));
  }
  add(
    `Turn off ${problem.code} for this publication (${name})`,
    jsonEdit(profile, (t) => modify(t, ['checks', problem.code], 'off', FORMAT)),
  );
  return actions;
}
