// Wires the bulletin language service to an LSP connection: capabilities,
// document sync, diagnostics (pulled or pushed), the workspace index, the
// publication profiles and settings, and the feature handlers. Logic lives
// in features/, checks/ and workspace/.
import {
  CodeActionKind,
  CodeLensRefreshRequest,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  ErrorCodes,
  FileChangeType,
  LSPErrorCodes,
  ParameterStructures,
  RequestType,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CancellationToken,
  Connection,
  Diagnostic,
  DocumentDiagnosticParams,
  DocumentDiagnosticReport,
  InitializeParams,
  InitializeResult,
  Range,
  SemanticTokens,
  SemanticTokensDelta,
  SemanticTokensDeltaParams,
  WorkspaceFolder,
} from 'vscode-languageserver';
import type { Problem, TextEdit } from './checks/check';
import { megabytes } from './checks/document-too-large';
import {
  codeActions,
  FIX_ALL_KIND,
  problemFor,
  regenerateContentsEdit,
  REGENERATE_CONTENTS_KIND,
  REPLACE_FOOTER_KIND,
  replaceFooterEdit,
  safeEdits,
} from './features/codeActions';
import { codeLenses, NO_REFERENCES, resolveCodeLens } from './features/codeLens';
import { completion } from './features/completion';
import { definition } from './features/definition';
import { DiagnosticReports } from './features/diagnosticReports';
import { profileDiagnostics, toDiagnostics } from './features/diagnostics';
import { EDITOR_UNDERLINES, nearestFirst } from './features/diagnosticsOrder';
import { documentLinks } from './features/documentLinks';
import { FoldingMemo, foldingRanges } from './features/folding';
import { formatting } from './features/formatting';
import { hover } from './features/hover';
import { profileActions } from './features/profileActions';
import { toRange } from './features/range';
import { references } from './features/references';
import { prepareRename, rename, RenameError } from './features/rename';
import { selectionRanges } from './features/selectionRanges';
import { SEMANTIC_TOKENS_LEGEND, SemanticTokensResults } from './features/semanticTokens';
import type { SendReport } from './features/sendReport';
import { describeReport, sendReport } from './features/sendReport';
import { OutlineMemo, documentSymbols } from './features/symbols';
import { workspaceSymbols } from './features/workspaceSymbols';
import { append } from './model/arrays';
import { baseName } from './model/issue';
import { LineIndex } from './model/lineIndex';
import { parseBulletin } from './model/parse';
import { parseOptionsFor } from './profile/parseOptions';
import { syncedDocuments } from './protocol/documents';
import { Foreground } from './protocol/foreground';
import { readSettings, sameSettings } from './protocol/settings';
import type { Settings } from './protocol/settings';
import { messageTurns, pauseAfter } from './protocol/turns';
import type { Pause } from './protocol/turns';
import {
  codeActionParams,
  codeLensParams,
  commandParams,
  documentParams,
  positionParams,
  rangeFormattingParams,
  referenceParams,
  renameParams,
  selectionRangeParams,
  semanticTokensDeltaParams,
  uriParams,
  visibleRangeParams,
  workspaceSymbolParams,
} from './protocol/params';
import type { VisibleRangeParams } from './protocol/params';
import { Analyses } from './workspace/analysis';
import { EditLog } from './workspace/editLog';
import type { Analysis } from './workspace/analysis';
import { PROFILE_GLOB, WATCH_GLOB } from './workspace/files';
import type { WorkspaceFiles } from './workspace/files';
import { WorkspaceIndex } from './workspace/index';
import { indexFiles } from './workspace/indexFiles';
import { Profiles } from './workspace/profiles';
import type { FolderProfile } from './workspace/profiles';
import { ReferenceGraph } from './workspace/references';
import { summarize } from './workspace/summary';
import { version } from '../../package.json';

/** Commands the server carries out (the extension's palette commands call them with the active document's URI). */
export const SERVER_COMMANDS = {
  regenerateContents: 'bulletin.server.regenerateContents',
  fixAll: 'bulletin.server.fixAll',
  replaceFooter: 'bulletin.server.replaceFooter',
} as const;

export interface CheckBeforeSendResult extends Omit<SendReport, 'first'> {
  readonly uri: string;
  /** The report in words, for the editor to show as it is. */
  readonly title: string;
  readonly detail: string;
  readonly first?: { readonly range: Range; readonly code: string; readonly message: string };
}

/** `bulletin/checkBeforeSend`: every check on the document, once the archive is indexed, as a summary. */
export const CheckBeforeSendRequest = new RequestType<{ uri: string }, CheckBeforeSendResult, void>(
  'bulletin/checkBeforeSend',
  ParameterStructures.byName,
);

export interface ServerOptions {
  readonly files: WorkspaceFiles;
}

interface ClientSupport {
  pullDiagnostics: boolean;
  diagnosticRefresh: boolean;
  codeLensRefresh: boolean;
  watchedFiles: boolean;
  progress: boolean;
  workspaceFolders: boolean;
  configuration: boolean;
}

/**
 * Milliseconds the checks of a document run before edits and requests that came in meanwhile are read: an edit
 * cancels the checks of the version it replaces. A keystroke in a 1 MB issue is usually checked within one slice.
 */
const ANALYSIS_SLICE_MS = 10;

/**
 * Milliseconds work in the background (the archive's indexing and resolution) runs before edits and requests are
 * read, and open documents checked: an edit made while the archive is indexed waits for one slice at most. One
 * rather than two or four (three runs by turns each, once work gave way for a message's four turns): a definition
 * asked while the archive's references were resolved took 1.2–1.3 ms (median) against 2.3–2.6 and 4.6–5.0, and
 * keystrokes typed while it was indexed got their diagnostics in 6.1–7.3 ms against 7.1–8.2 with two; 2,000 issues
 * indexed as fast, in about 2 s. (Four rather than ten had made those keystrokes 9.7–10.9 ms against 11.3–12.0.)
 */
const BACKGROUND_SLICE_MS = 1;

export function startServer(connection: Connection, options: ServerOptions): void {
  const edits = new EditLog();
  const documents = new TextDocuments(syncedDocuments(edits));
  const index = new WorkspaceIndex();
  const profiles = new Profiles(options.files);
  let settings: Settings = readSettings(undefined);
  const analyses = new Analyses(
    index,
    (uri) => profiles.profileFor(uri),
    () => settings.fullCheckLimit,
    edits,
  );
  const graph = new ReferenceGraph(index);
  const support: ClientSupport = {
    pullDiagnostics: false,
    diagnosticRefresh: false,
    codeLensRefresh: false,
    watchedFiles: false,
    progress: false,
    workspaceFolders: false,
    configuration: false,
  };
  let folders: string[] = [];
  let indexed: Promise<void> = Promise.resolve();
  /** Settles once the workspace folders' profiles have been read for the first time. */
  let profilesRead: () => void = () => undefined;
  const profilesReady = new Promise<void>((resolve) => (profilesRead = resolve));

  const describe = (error: unknown): string => (error instanceof Error ? (error.stack ?? error.message) : String(error));

  /** Documents whose user was told they are too large for the full checks: told once per document. */
  const toldTooLarge = new Set<string>();
  const analyse = (document: TextDocument): Analysis => {
    const analysis = analyses.get(document);
    if (analysis.limited && !toldTooLarge.has(document.uri)) {
      toldTooLarge.add(document.uri);
      void connection.window.showWarningMessage(
        `${baseName(document.uri)} is ${megabytes(analysis.limited.size)}: Bulletin runs only its quick checks, with no outline, to keep typing fast. Raise "bulletin.fullChecks.maxMegabytes" to check it in full.`,
      );
    }
    return analysis;
  };

  const analysisOf = (uri: string): Analysis | undefined => {
    const document = documents.get(uri);
    return document ? analyse(document) : undefined;
  };

  /** The open document, its analysis and check context; undefined for documents the client has not opened. */
  const opened = (uri: string) => {
    const document = documents.get(uri);
    if (!document) return undefined;
    const analysis = analyse(document);
    return { document, analysis, context: analyses.context(analysis) };
  };

  // Diagnostics: edits are coalesced — all notifications already queued are applied before one analysis runs.
  // The connection handles one message per turn of the event loop, so the analysis waits for a turn that
  // brought no new edit; a flood of queued changes then costs one analysis, not one per change.
  const pending = new Set<string>();
  /**
   * Each document's last check asked for (an edit, new settings or profile, other issues' headlines), by its number
   * among all: a check under way stops, unpublished, once a newer one is asked for.
   */
  const latestAsked = new Map<string, number>();
  /** What was last sent to a client that pulls, per document: an equal report is sent as "unchanged". */
  const pulled = new DiagnosticReports();
  /** The semantic tokens last sent for each document: the next are sent as edits to them. */
  const tokens = new SemanticTokensResults();

  /** The middle line of what the editor shows of each document, as our VS Code extension tells, until the next edit. */
  const viewed = new Map<string, number>();
  /** The lines VS Code underlines, of the documents that have more diagnostics than it underlines. */
  const underlined = new Map<string, { readonly first: number; readonly last: number }>();

  /** Where the user is in the document: the lines shown since the last edit, else where the last edit was. */
  const focusLine = (document: TextDocument): number | undefined => {
    const shown = viewed.get(document.uri);
    if (shown !== undefined) return shown;
    const at = edits.lastEditAt(document.uri);
    return at === undefined ? undefined : document.positionAt(at).line;
  };

  /** The document's diagnostics as sent: those nearest to where the user is first. */
  const diagnosticsOf = (problems: readonly Problem[], document: TextDocument): Diagnostic[] => {
    const diagnostics = nearestFirst(toDiagnostics(problems, document, document.uri), focusLine(document));
    if (diagnostics.length <= EDITOR_UNDERLINES) underlined.delete(document.uri);
    else
      underlined.set(document.uri, {
        first: diagnostics[0]!.range.start.line,
        last: diagnostics[EDITOR_UNDERLINES - 1]!.range.start.line,
      });
    return diagnostics;
  };
  let flushScheduled = false;
  let scheduled = 0;
  let flushedAt = 0;
  let publishedHeadlines = index.headlinesVersion;

  /** Documents' checks, which the archive's indexing and resolution give way to. */
  const foreground = new Foreground(messageTurns);

  /** A pause for the checks of one analysis (or `budget` ms of other work): after each slice, edits and requests are read. */
  const turns = (budget = ANALYSIS_SLICE_MS): Pause => pauseAfter(budget, () => performance.now(), messageTurns);

  /** A pause for work in the background: after each slice, edits and requests are read and documents checked first. */
  const backgroundTurns = (): Pause => {
    const pause = turns(BACKGROUND_SLICE_MS);
    return () => pause()?.then(() => foreground.idle());
  };

  /** Checks the document in turns and publishes what they find, unless a newer version arrives meanwhile. */
  const publish = async (uri: string): Promise<void> => {
    const document = documents.get(uri);
    if (!document) return;
    const pause = turns();
    const analysis = analyse(document);
    const asked = latestAsked.get(uri);
    // The newer check publishes; this one, finishing after it, would undo it.
    const stale = (): boolean => latestAsked.get(uri) !== asked;
    const problems = await analyses.problemsInTurns(analysis, stale, pause);
    if (!problems || stale()) return;
    void connection.sendDiagnostics({ uri, version: analysis.version, diagnostics: diagnosticsOf(problems, document) });
  };

  /** What open documents' diagnostics depend on has changed (other files' headlines, the profile): recompute them. */
  const refreshAll = (except: ReadonlySet<string> = new Set()): void => {
    const others = documents.all().filter((document) => !except.has(document.uri));
    if (!support.pullDiagnostics) for (const document of others) schedule(document.uri);
    // A refresh has the client pull every open document again, cancelling pulls under way: none when the only
    // documents open are those the client pulls anyway, after their own edit.
    else if (support.diagnosticRefresh && others.length > 0) void connection.languages.diagnostics.refresh();
  };

  const refreshIfHeadlinesChanged = (except?: ReadonlySet<string>): void => {
    if (index.headlinesVersion === publishedHeadlines) return;
    publishedHeadlines = index.headlinesVersion;
    refreshAll(except);
  };

  /** Ends the foreground work of the flush under way: from the first edit it takes in to its last analysis. */
  let endFlush = (): void => undefined;

  const flush = async (): Promise<void> => {
    if (flushedAt !== scheduled) {
      flushedAt = scheduled;
      setImmediate(startFlush);
      return;
    }
    flushScheduled = false;
    const uris = [...pending];
    pending.clear();
    const end = endFlush;
    try {
      for (const uri of uris) {
        try {
          if (support.pullDiagnostics) analysisOf(uri);
          else await publish(uri);
        } catch (error) {
          connection.console.error(`analysis of ${uri} failed: ${describe(error)}`);
        }
      }
      refreshIfHeadlinesChanged(new Set(uris));
    } finally {
      end();
    }
  };
  const startFlush = (): void => void flush();

  function schedule(uri: string): void {
    pending.add(uri);
    latestAsked.set(uri, ++scheduled);
    if (!flushScheduled) {
      flushScheduled = true;
      endFlush = foreground.begin();
      setImmediate(startFlush);
    }
  }

  let lifecycle: 'starting' | 'running' | 'shut down' = 'starting';

  /**
   * The params of a request the server may answer now, checked; otherwise the error the protocol asks for.
   * Documents edited since the last analysis are parsed first, so that the answer sees every edit received
   * before the request, in any document (the checks wait for the coalesced analysis).
   */
  const admit = <P, Q>(params: P, validate: (params: P) => Q): Q => {
    if (lifecycle === 'starting')
      throw new ResponseError(ErrorCodes.ServerNotInitialized, 'The server is not initialized yet: send initialize first.');
    if (lifecycle === 'shut down')
      throw new ResponseError(ErrorCodes.InvalidRequest, 'The server has been shut down: only exit is accepted now.');
    const valid = validate(params);
    for (const uri of pending) recover(`analysis of ${uri}`, undefined, () => analysisOf(uri));
    return valid;
  };

  /** A handler's failure: logged and answered with the fallback, never fatal; protocol errors are answered as they are. */
  const failed = <R>(name: string, fallback: R, error: unknown): R => {
    if (error instanceof ResponseError) throw error;
    connection.console.error(`${name} failed: ${describe(error)}`);
    return fallback;
  };

  /** Runs a handler's work; a failure is logged and answered with the fallback, never fatal. */
  const recover = <R>(name: string, fallback: R, work: () => R): R => {
    try {
      return work();
    } catch (error) {
      return failed(name, fallback, error);
    }
  };

  const guard =
    <P, R>(name: string, fallback: R, validate: (params: P) => P, handler: (params: P, token: CancellationToken) => R) =>
    (params: P, token: CancellationToken): R => {
      const valid = admit(params, validate);
      return recover(name, fallback, () => handler(valid, token));
    };

  /** As `guard`, for a handler that answers after turns of the event loop. */
  const guardInTurns =
    <P, R>(name: string, fallback: R, validate: (params: P) => P, handler: (params: P, token: CancellationToken) => Promise<R>) =>
    async (params: P, token: CancellationToken): Promise<R> => {
      const valid = admit(params, validate);
      try {
        return await handler(valid, token);
      } catch (error) {
        return failed(name, fallback, error);
      }
    };

  /** The problems of the analysis, unless the request was cancelled first: then the protocol's RequestCancelled. */
  const problemsUnlessCancelled = (analysis: Analysis, token: CancellationToken) => {
    const problems = analyses.problems(analysis, () => token.isCancellationRequested);
    if (!problems) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
    return problems;
  };

  const indexFile = (uri: string, text: string | undefined): void => {
    if (documents.get(uri)) return;
    if (text === undefined) {
      index.remove(uri);
      return;
    }
    const profile = profiles.profileFor(uri);
    const doc = parseBulletin(text, parseOptionsFor(profile));
    index.set(summarize(doc, uri, new LineIndex(text), profile.initials));
  };

  /** `indexFile` where a failure would otherwise go unhandled: it is logged instead. */
  const indexFileOrLog = (uri: string, text: string | undefined): void => recover(`indexing ${uri}`, undefined, () => indexFile(uri, text));

  const indexFolders = async (uris: readonly string[]): Promise<void> => {
    const progress = support.progress ? await connection.window.createWorkDoneProgress() : undefined;
    progress?.begin('Indexing bulletins', 0, 'listing files', true);
    let cancelled = false;
    progress?.token.onCancellationRequested(() => (cancelled = true));
    try {
      const files: string[] = [];
      for (const folder of uris) append(files, await options.files.list(folder, () => cancelled));
      await indexFiles(files, {
        read: (uri) => options.files.read(uri),
        readsAhead: options.files.readsAhead,
        index: indexFile,
        pause: backgroundTurns(),
        foreground,
        isCancelled: () => cancelled,
        report: (done, total) => progress?.report(Math.round((done * 100) / total), `${done} of ${total} files`),
        failed: (uri, error) => failed(`indexing ${uri}`, undefined, error),
      });
    } finally {
      progress?.done();
    }
    publishedHeadlines = index.headlinesVersion;
    refreshAll();
    void afterIndexing();
  };

  /** Code lenses count references across the archive: the client is asked for them again when it changed. */
  const refreshCodeLenses = (): void => {
    if (support.codeLensRefresh) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
  };

  /** The archive's references are resolved in the background, between other work, before code lenses are asked for. */
  const afterIndexing = async (): Promise<void> => {
    await graph.prepare(backgroundTurns(), () => lifecycle === 'shut down');
    refreshCodeLenses();
  };

  const publishProfile = (entry: FolderProfile): void => {
    if (entry.uri === undefined || entry.text === undefined) return;
    void connection.sendDiagnostics({ uri: entry.uri, diagnostics: profileDiagnostics(entry.problems, new LineIndex(entry.text)) });
  };

  const loadProfiles = async (uris: readonly string[]): Promise<void> => {
    for (const folder of uris) {
      try {
        publishProfile(await profiles.load(folder));
      } catch (error) {
        connection.console.error(`reading the profile of ${folder} failed: ${describe(error)}`);
      }
    }
  };

  /** A profile or its template changed: read it again, re-index the folder, check everything again. */
  const reloadProfile = async (folder: string, removedFile?: string): Promise<void> => {
    if (removedFile) void connection.sendDiagnostics({ uri: removedFile, diagnostics: [] });
    await loadProfiles([folder]);
    indexed = indexFolders([folder]);
    await indexed;
    refreshAll();
  };

  /** Reads the user's settings; true when they changed. */
  const loadSettings = async (): Promise<boolean> => {
    if (!support.configuration) return false;
    try {
      const read = readSettings(await connection.workspace.getConfiguration({ section: 'bulletin' }));
      if (sameSettings(read, settings)) return false;
      settings = read;
      profiles.setUserSettings({ checks: settings.checks });
      return true;
    } catch (error) {
      connection.console.error(`reading the settings failed: ${describe(error)}`);
      return false;
    }
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    lifecycle = 'running';
    const capabilities = params.capabilities;
    support.pullDiagnostics = capabilities.textDocument?.diagnostic !== undefined;
    support.diagnosticRefresh = capabilities.workspace?.diagnostics?.refreshSupport === true;
    support.codeLensRefresh = capabilities.workspace?.codeLens?.refreshSupport === true;
    support.watchedFiles = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    support.progress = capabilities.window?.workDoneProgress === true;
    support.workspaceFolders = capabilities.workspace?.workspaceFolders === true;
    support.configuration = capabilities.workspace?.configuration === true;
    folders = params.workspaceFolders?.map((f: WorkspaceFolder) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        documentSymbolProvider: { label: 'Bulletin' },
        foldingRangeProvider: true,
        semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: { delta: true } },
        definitionProvider: true,
        referencesProvider: true,
        codeLensProvider: { resolveProvider: true },
        renameProvider: { prepareProvider: true },
        completionProvider: { triggerCharacters: [' '], resolveProvider: false },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, REGENERATE_CONTENTS_KIND, REPLACE_FOOTER_KIND] },
        documentLinkProvider: { resolveProvider: false },
        workspaceSymbolProvider: true,
        selectionRangeProvider: true,
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
        executeCommandProvider: { commands: Object.values(SERVER_COMMANDS) },
        ...(support.pullDiagnostics
          ? { diagnosticProvider: { identifier: 'bulletin', interFileDependencies: true, workspaceDiagnostics: false } }
          : {}),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'bulletin-language-server', version },
    };
  });

  connection.onShutdown(() => {
    lifecycle = 'shut down';
  });

  connection.onInitialized(async () => {
    if (support.watchedFiles) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: WATCH_GLOB }, { globPattern: PROFILE_GLOB }],
      });
    }
    if (support.configuration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'bulletin' });
    if (support.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(async (event) => {
        for (const removed of event.removed) {
          profiles.forget(removed.uri);
          for (const summary of [...index.all()])
            if (summary.uri.startsWith(removed.uri) && !documents.get(summary.uri)) index.remove(summary.uri);
        }
        folders = folders.filter((f) => !event.removed.some((r) => r.uri === f)).concat(event.added.map((a) => a.uri));
        const added = event.added.map((a) => a.uri);
        await loadProfiles(added);
        indexed = indexFolders(added);
      });
    }
    try {
      await loadSettings();
      await loadProfiles(folders);
    } finally {
      profilesRead();
    }
    // Documents checked before the profiles were read are checked again, where theirs is another.
    const checkedAlike = (uri: string): boolean => {
      const checkedWith = analyses.profileOf(uri);
      return checkedWith === undefined || checkedWith === profiles.profileFor(uri);
    };
    refreshAll(new Set(documents.all().flatMap((d) => (checkedAlike(d.uri) ? [d.uri] : []))));
    indexed = indexFolders(folders);
  });

  connection.onDidChangeConfiguration(async () => {
    if (!(await loadSettings())) return;
    for (const document of documents.all()) schedule(document.uri);
    refreshAll();
  });

  connection.onDidChangeWatchedFiles(async (params) => {
    let archiveChanged = false;
    for (const change of params.changes) {
      const owner = profiles.ownerOf(change.uri);
      if (owner !== undefined) {
        await reloadProfile(owner, change.type === FileChangeType.Deleted ? change.uri : undefined);
        continue;
      }
      if (documents.get(change.uri)) continue;
      if (change.type === FileChangeType.Deleted) index.remove(change.uri);
      else indexFileOrLog(change.uri, await options.files.read(change.uri));
      archiveChanged = true;
    }
    refreshIfHeadlinesChanged();
    if (archiveChanged) refreshCodeLenses();
  });

  documents.onDidOpen((event) => schedule(event.document.uri));
  documents.onDidChangeContent((event) => {
    // The user is where they type now.
    viewed.delete(event.document.uri);
    schedule(event.document.uri);
  });
  documents.onDidClose((event) => {
    const uri = event.document.uri;
    viewed.delete(uri);
    underlined.delete(uri);
    analyses.forget(uri);
    pulled.forget(uri);
    tokens.forget(uri);
    toldTooLarge.delete(uri);
    pending.delete(uri);
    latestAsked.delete(uri);
    if (!support.pullDiagnostics) void connection.sendDiagnostics({ uri, diagnostics: [] });
    // The file on disk (if any) speaks for it again.
    void options.files.read(uri).then((text) => {
      indexFileOrLog(uri, text);
      refreshIfHeadlinesChanged();
    });
  });

  // Our VS Code extension tells which lines the editor shows. Where they lie outside the lines VS Code underlines
  // of a long issue's diagnostics, these are sent again, those nearest to the lines shown first.
  connection.onNotification('bulletin/visibleRange', (params: unknown) => {
    if (lifecycle !== 'running') return;
    let shown: VisibleRangeParams;
    try {
      shown = visibleRangeParams(params);
    } catch (error) {
      connection.console.error(`bulletin/visibleRange ignored: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    const { uri } = shown.textDocument;
    const { start, end } = shown.range;
    if (!documents.get(uri)) return;
    viewed.set(uri, (start.line + end.line) >> 1);
    const lines = underlined.get(uri);
    if (!lines || (start.line >= lines.first && end.line <= lines.last)) return;
    if (!support.pullDiagnostics) schedule(uri);
    else if (support.diagnosticRefresh) void connection.languages.diagnostics.refresh();
  });

  connection.languages.diagnostics.on(
    guardInTurns<DocumentDiagnosticParams, DocumentDiagnosticReport>(
      'diagnostics',
      { kind: DocumentDiagnosticReportKind.Full, items: [] },
      documentParams,
      async (params, token) => {
        const document = documents.get(params.textDocument.uri);
        if (!document) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
        const pause = turns();
        const analysis = analyse(document);
        // The lines shown count too: scrolled elsewhere, the same diagnostics go in another order.
        const shown = viewed.get(document.uri);
        const resultId = `${analyses.resultKey(analysis)}${shown === undefined ? '' : `@${shown}`}`;
        if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
        // Cancelled by the client, or by an edit or another profile that came in while the checks ran: the client
        // pulls again.
        const stale = (): boolean =>
          token.isCancellationRequested || documents.get(document.uri)?.version !== analysis.version || !analyses.isCurrent(analysis);
        const problems = await foreground.run(() => analyses.problemsInTurns(analysis, stale, pause));
        if (!problems || stale()) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
        return pulled.report(document.uri, resultId, params.previousResultId, diagnosticsOf(problems, document));
      },
    ),
  );

  connection.onDocumentSymbol(
    guard('documentSymbol', [], documentParams, (params) => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return [];
      const analysis = analyse(document);
      return documentSymbols(
        analysis.doc,
        document,
        analyses.keptFor(analysis, 'outline', () => new OutlineMemo()),
      );
    }),
  );

  connection.onFoldingRanges(
    guard('foldingRange', [], documentParams, (params) => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return [];
      const analysis = analyse(document);
      return foldingRanges(
        analysis.doc,
        document,
        analyses.keptFor(analysis, 'folding', () => new FoldingMemo()),
      );
    }),
  );

  connection.languages.semanticTokens.on(
    guard('semanticTokens', { data: [] }, documentParams, (params) => {
      const document = documents.get(params.textDocument.uri);
      return document ? tokens.full(document.uri, analyse(document).doc, document) : { data: [] };
    }),
  );

  connection.languages.semanticTokens.onDelta(
    guard<SemanticTokensDeltaParams, SemanticTokens | SemanticTokensDelta>(
      'semanticTokens',
      { data: [] },
      semanticTokensDeltaParams,
      (params) => {
        const document = documents.get(params.textDocument.uri);
        return document ? tokens.delta(document.uri, params.previousResultId, analyse(document).doc, document) : { data: [] };
      },
    ),
  );

  connection.onDefinition(
    guard('definition', [], positionParams, (params) => {
      const o = opened(params.textDocument.uri);
      return o ? definition(o.context, o.document, o.document.offsetAt(params.position)) : [];
    }),
  );

  connection.onReferences(
    guard('references', [], referenceParams, (params) => {
      const o = opened(params.textDocument.uri);
      return o ? references(o.context, graph, o.document.offsetAt(params.position), params.context.includeDeclaration) : [];
    }),
  );

  connection.onCodeLens(
    guard('codeLens', [], documentParams, (params) => {
      const o = opened(params.textDocument.uri);
      return o ? codeLenses(o.context) : [];
    }),
  );

  connection.onCodeLensResolve((raw) => {
    const lens = admit(raw, codeLensParams);
    // Where its issue is no longer open, or the count fails, the lens counts nothing.
    const unresolved = { range: lens.range, command: NO_REFERENCES };
    return recover('codeLensResolve', unresolved, () => {
      const o = opened(lens.data.uri);
      return o ? resolveCodeLens(o.context, graph, lens) : unresolved;
    });
  });

  const renameFailure = (error: unknown): never => {
    if (error instanceof RenameError) throw new ResponseError(LSPErrorCodes.RequestFailed, error.message);
    throw error;
  };

  connection.onPrepareRename(
    guard('prepareRename', null, positionParams, (params) => {
      const o = opened(params.textDocument.uri);
      if (!o) return null;
      try {
        return prepareRename(o.context, o.document, o.document.offsetAt(params.position));
      } catch (error) {
        return renameFailure(error);
      }
    }),
  );

  connection.onRenameRequest(
    guard('rename', null, renameParams, (params) => {
      const o = opened(params.textDocument.uri);
      if (!o) return null;
      try {
        return rename(o.context, graph, o.document.offsetAt(params.position), params.newName);
      } catch (error) {
        return renameFailure(error);
      }
    }),
  );

  connection.onCompletion(
    guard('completion', [], positionParams, (params) => {
      const o = opened(params.textDocument.uri);
      return o ? completion(o.context, o.document, o.document.offsetAt(params.position)) : [];
    }),
  );

  connection.onHover(
    guard('hover', null, positionParams, (params) => {
      const o = opened(params.textDocument.uri);
      return o ? hover(o.context, o.document, o.document.offsetAt(params.position)) : null;
    }),
  );

  connection.onCodeAction(async (raw, token) => {
    const params = admit(raw, codeActionParams);
    // Fixes that edit bulletin.json need to know whether there is one.
    await profilesReady;
    return recover('codeAction', [] as ReturnType<typeof codeActions>, () => {
      const o = opened(params.textDocument.uri);
      if (!o) return [];
      const problems = problemsUnlessCancelled(o.analysis, token);
      const actions = codeActions(o.context, problems, o.document, params.context);
      const folder = profiles.folderOf(o.document.uri);
      if (folder && (!params.context.only || params.context.only.includes(CodeActionKind.QuickFix))) {
        for (const diagnostic of params.context.diagnostics) {
          const problem = problemFor(problems, o.document, diagnostic);
          if (problem) actions.push(...profileActions(problem, diagnostic, folder));
        }
      }
      return actions;
    });
  });

  connection.onDocumentLinks(
    guard('documentLink', [], documentParams, (params) => {
      const o = opened(params.textDocument.uri);
      return o ? documentLinks(o.context, o.document) : [];
    }),
  );

  connection.onWorkspaceSymbol(guard('workspaceSymbol', [], workspaceSymbolParams, (params) => workspaceSymbols(index, params.query)));

  connection.onSelectionRanges(
    guard('selectionRange', [], selectionRangeParams, (params) => {
      const o = opened(params.textDocument.uri);
      return o
        ? selectionRanges(
            o.analysis.doc,
            o.document,
            params.positions.map((p) => o.document.offsetAt(p)),
          )
        : [];
    }),
  );

  connection.onDocumentFormatting(
    guard('formatting', [], documentParams, (params) => {
      const o = opened(params.textDocument.uri);
      return o ? formatting(o.context, o.document, { reflow: settings.reflow }) : [];
    }),
  );

  connection.onDocumentRangeFormatting(
    guard('rangeFormatting', [], rangeFormattingParams, (params) => {
      const o = opened(params.textDocument.uri);
      if (!o) return [];
      const range = { start: o.document.offsetAt(params.range.start), end: o.document.offsetAt(params.range.end) };
      return formatting(o.context, o.document, { reflow: settings.reflow }, range);
    }),
  );

  connection.onRequest(CheckBeforeSendRequest, async (params) => {
    const { uri } = admit(params, uriParams);
    await indexed;
    const o = opened(uri);
    if (!o) throw new ResponseError(LSPErrorCodes.RequestFailed, 'Open a bulletin first: Check Before Send works on the active bulletin.');
    const problems = analyses.problems(o.analysis) ?? [];
    const full = sendReport(o.context, problems);
    const { first, ...report } = full;
    return {
      uri,
      ...report,
      ...describeReport(full),
      ...(first ? { first: { range: toRange(o.document, first), code: first.code, message: first.message } } : {}),
    };
  });

  const commandEdits = (command: string, o: NonNullable<ReturnType<typeof opened>>): TextEdit[] => {
    const present = (edit: TextEdit | undefined): TextEdit[] => (edit ? [edit] : []);
    switch (command) {
      case SERVER_COMMANDS.regenerateContents:
        return present(regenerateContentsEdit(o.context));
      case SERVER_COMMANDS.replaceFooter:
        return present(replaceFooterEdit(o.context));
      case SERVER_COMMANDS.fixAll:
        return safeEdits(analyses.problems(o.analysis) ?? []);
      default:
        throw new ResponseError(ErrorCodes.InvalidParams, `Unknown command ${command}`);
    }
  };

  connection.onExecuteCommand(async (raw) => {
    const params = admit(raw, (p) => commandParams(p, Object.values(SERVER_COMMANDS)));
    const o = opened(params.uri);
    if (!o) throw new ResponseError(LSPErrorCodes.RequestFailed, 'Open a bulletin first: the command works on the active bulletin.');
    const edits = commandEdits(params.command, o);
    if (edits.length === 0) return { applied: false, edits: 0 };
    const result = await connection.workspace.applyEdit({
      label: params.command,
      edit: { changes: { [o.document.uri]: edits.map((e) => ({ range: toRange(o.document, e), newText: e.newText })) } },
    });
    return { applied: result?.applied === true, edits: edits.length };
  });

  documents.listen(connection);
  connection.listen();
}
