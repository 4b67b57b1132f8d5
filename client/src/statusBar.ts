// The active bulletin's errors and warnings in the status bar; a click runs Check Before Send.
import { DiagnosticSeverity, languages, StatusBarAlignment, window, workspace } from 'vscode';
import type { Disposable, StatusBarItem } from 'vscode';

export function statusBar(): Disposable {
  const item: StatusBarItem = window.createStatusBarItem('bulletin.status', StatusBarAlignment.Left, 100);
  item.name = 'Bulletin';
  item.command = 'bulletin.checkBeforeSend';
  const update = (): void => {
    const document = window.activeTextEditor?.document;
    const enabled = workspace.getConfiguration('bulletin').get<boolean>('statusBar.enabled', true);
    if (!enabled || !document || document.languageId !== 'bulletin') {
      item.hide();
      return;
    }
    const diagnostics = languages.getDiagnostics(document.uri).filter((d) => d.source === 'bulletin');
    const errors = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error).length;
    const warnings = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Warning).length;
    item.text = errors + warnings === 0 ? '$(check) Bulletin: ready' : `$(error) ${errors} $(warning) ${warnings} Bulletin`;
    item.tooltip = `Bulletin: ${errors} error(s), ${warnings} warning(s) in this issue. Click to Check Before Send.`;
    item.show();
  };
  const subscriptions = [
    item,
    window.onDidChangeActiveTextEditor(update),
    languages.onDidChangeDiagnostics(update),
    workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('bulletin.statusBar')) update();
    }),
  ];
  update();
  return {
    dispose: (): void => {
      for (const s of subscriptions) s.dispose();
    },
  };
}
