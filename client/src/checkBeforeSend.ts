// Check Before Send: every check on the active bulletin (and its
// cross-references into the archive), summed up, with the way to the first problem.
import { commands, ProgressLocation, Range, Selection, TextEditorRevealType, window } from 'vscode';
import type { TextEditor } from 'vscode';
import { RequestType } from 'vscode-languageclient';
import type { LanguageClient } from 'vscode-languageclient/node';

interface Report {
  readonly errors: number;
  readonly warnings: number;
  readonly title: string;
  readonly detail: string;
  readonly first?: {
    readonly range: { start: { line: number; character: number }; end: { line: number; character: number } };
    readonly code: string;
    readonly message: string;
  };
}

const CheckBeforeSendRequest = new RequestType<{ uri: string }, Report, void>('bulletin/checkBeforeSend');

export async function checkBeforeSend(client: LanguageClient): Promise<void> {
  const editor: TextEditor | undefined = window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'bulletin') {
    void window.showInformationMessage('Open a bulletin first: Check Before Send works on the active bulletin.');
    return;
  }
  const report = await window.withProgress({ location: ProgressLocation.Window, title: 'Bulletin: checking before send' }, () =>
    client.sendRequest(CheckBeforeSendRequest, { uri: editor.document.uri.toString() }),
  );
  const { title, detail } = report;
  const goFirst = 'Go to First Problem';
  const showAll = 'Show All Problems';
  const show =
    report.errors > 0 ? window.showErrorMessage : report.warnings > 0 ? window.showWarningMessage : window.showInformationMessage;
  const choice = await show(title, { modal: true, detail }, ...(report.first ? [goFirst, showAll] : []));
  if (choice === goFirst && report.first) {
    const { start, end } = report.first.range;
    const range = new Range(start.line, start.character, end.line, end.character);
    editor.selection = new Selection(range.start, range.end);
    editor.revealRange(range, TextEditorRevealType.InCenter);
    await window.showTextDocument(editor.document, editor.viewColumn);
  } else if (choice === showAll) {
    await commands.executeCommand('workbench.actions.view.problems');
  }
}
