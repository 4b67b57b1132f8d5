// The VS Code extension: starts the bulletin language server over stdio and
// adds the commands that need the editor (the active bulletin, the references view).
import * as path from 'node:path';
import { commands, Position, Uri, window } from 'vscode';
import type { ExtensionContext } from 'vscode';
import { CloseAction, ErrorAction, LanguageClient, TransportKind } from 'vscode-languageclient/node';
import type { LanguageClientOptions, Location as LspLocation, Position as LspPosition, ServerOptions } from 'vscode-languageclient/node';
import { readyMessage } from './activationLog';
import { checkBeforeSend } from './checkBeforeSend';
import { CrashPolicy } from './crashPolicy';
import { SERVER_NODE_FLAGS } from './serverFlags';
import { statusBar } from './statusBar';
import { visibleLines } from './visibleLines';

let client: LanguageClient | undefined;

/** Commands of the palette → the server command that does the work on the active bulletin. */
const EDITOR_COMMANDS: Record<string, string> = {
  'bulletin.regenerateContents': 'bulletin.server.regenerateContents',
  'bulletin.fixAll': 'bulletin.server.fixAll',
  'bulletin.replaceFooter': 'bulletin.server.replaceFooter',
};

export async function activate(context: ExtensionContext): Promise<void> {
  const activated = performance.now();
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  // Over stdio, as the protocol tests and the bench talk to it, and where the server keeps the bytes of the
  // diagnostics it sent before (over IPC Node serializes every message itself).
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.stdio, options: { execArgv: [...SERVER_NODE_FLAGS] } },
    debug: { module, transport: TransportKind.stdio, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6019'] } },
  };
  const crashes = new CrashPolicy();
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'bulletin' }],
    errorHandler: {
      error: (error, _message, count) =>
        crashes.connectionError(error, count) === 'continue'
          ? { action: ErrorAction.Continue, handled: true }
          : { action: ErrorAction.Shutdown },
      closed: () => {
        const decision = crashes.closed();
        if (decision.message && decision.severity === 'error') void window.showErrorMessage(decision.message);
        else if (decision.message) void window.showWarningMessage(decision.message);
        return { action: decision.restart ? CloseAction.Restart : CloseAction.DoNotRestart, handled: true };
      },
    },
  };
  const languageClient = new LanguageClient('bulletin', 'Bulletin', serverOptions, clientOptions);
  client = languageClient;

  for (const [command, serverCommand] of Object.entries(EDITOR_COMMANDS)) {
    context.subscriptions.push(
      commands.registerCommand(command, async () => {
        const editor = window.activeTextEditor;
        if (!editor || editor.document.languageId !== 'bulletin') {
          void window.showInformationMessage('Open a bulletin first: this command works on the active bulletin.');
          return;
        }
        await commands.executeCommand(serverCommand, editor.document.uri.toString());
      }),
    );
  }
  // The server's "N references" lenses carry plain JSON; the references view wants VS Code objects.
  context.subscriptions.push(
    commands.registerCommand('bulletin.showReferences', async (uri: string, position: LspPosition, locations: LspLocation[]) => {
      const converter = languageClient.protocol2CodeConverter;
      await commands.executeCommand(
        'editor.action.showReferences',
        Uri.parse(uri),
        new Position(position.line, position.character),
        locations.map((l) => converter.asLocation(l)),
      );
    }),
  );
  context.subscriptions.push(
    commands.registerCommand('bulletin.checkBeforeSend', () => checkBeforeSend(languageClient)),
    commands.registerCommand('bulletin.restartServer', async () => {
      crashes.reset();
      await languageClient.restart();
      void window.showInformationMessage('Bulletin language server restarted.');
    }),
    statusBar(),
    visibleLines(languageClient),
  );
  await languageClient.start();
  languageClient.info(readyMessage(performance.now() - activated), undefined, false);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
