// Tells the language server which lines of a bulletin the editor shows. VS Code underlines only a file's first
// 500 diagnostics, in the order the server sends them: told where the user looks, the server sends those nearest
// first, so that a long issue is squiggled wherever it is scrolled to, not only where it was last typed in.
import { window } from 'vscode';
import type { Disposable, TextEditor } from 'vscode';
import { NotificationType, State } from 'vscode-languageclient';
import type { LanguageClient } from 'vscode-languageclient/node';

interface VisibleRangeParams {
  readonly textDocument: { readonly uri: string };
  readonly range: { readonly start: { line: number; character: number }; readonly end: { line: number; character: number } };
}

const VisibleRangeNotification = new NotificationType<VisibleRangeParams>('bulletin/visibleRange');

/** Scrolling sends one notification once it pauses, not one per frame. */
const SETTLE_MS = 100;

/** The first and last lines shown of a bulletin's editor, or undefined for another editor. */
function shownLines(editor: Pick<TextEditor, 'document' | 'visibleRanges'> | undefined): { first: number; last: number } | undefined {
  if (!editor || editor.document.languageId !== 'bulletin' || editor.visibleRanges.length === 0) return undefined;
  const ranges = editor.visibleRanges;
  return { first: ranges[0]!.start.line, last: ranges[ranges.length - 1]!.end.line };
}

export function visibleLines(client: LanguageClient): Disposable {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const shown = (editor: TextEditor | undefined): void => {
    if (!shownLines(editor)) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      const lines = shownLines(editor);
      if (!editor || !lines || client.state !== State.Running) return;
      void client.sendNotification(VisibleRangeNotification, {
        textDocument: { uri: client.code2ProtocolConverter.asUri(editor.document.uri) },
        range: { start: { line: lines.first, character: 0 }, end: { line: lines.last, character: 0 } },
      });
    }, SETTLE_MS);
  };
  const subscriptions = [
    window.onDidChangeTextEditorVisibleRanges((event) => shown(event.textEditor)),
    window.onDidChangeActiveTextEditor(shown),
  ];
  return {
    dispose: () => {
      clearTimeout(timer);
      for (const subscription of subscriptions) subscription.dispose();
    },
  };
}
