// A minimal LSP client for tests: spawns the built server over stdio and
// speaks JSON-RPC exactly as an editor does.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import { createMessageConnection, Message, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { DataCallback, Disposable, MessageConnection, ResponseMessage } from 'vscode-jsonrpc/node';
import type {
  ClientCapabilities,
  Diagnostic,
  InitializeResult,
  PublishDiagnosticsParams,
  TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';
import { SERVER_NODE_FLAGS } from '../../client/src/serverFlags';

export const SERVER = path.resolve(__dirname, '../../dist/server.js');

export interface ClientOptions {
  /** Workspace folder on disk. */
  readonly folder?: string;
  /** Ask for pull diagnostics (VS Code) or rely on published ones (Neovim 0.7). */
  readonly pull?: boolean;
  readonly capabilities?: ClientCapabilities;
}

/** A message written as is, bypassing the connection's own checks (for tests that send what no client should). */
export interface RawMessage {
  readonly method: string;
  /** Left out of the message when undefined; `null` is sent as `null`. */
  readonly params?: unknown;
}

/** Hands responses to raw requests to the test instead of the connection, which knows nothing of their ids. */
class TappedReader extends StreamMessageReader {
  constructor(
    readable: NodeJS.ReadableStream,
    private readonly tap: (message: Message) => boolean,
  ) {
    super(readable);
  }

  override listen(callback: DataCallback): Disposable {
    return super.listen((message) => {
      if (!this.tap(message)) callback(message);
    });
  }
}

export class TestClient {
  readonly process: ChildProcessWithoutNullStreams;
  readonly connection: MessageConnection;
  /** Settles with the server's exit code (null when killed by a signal). */
  readonly exited: Promise<number | null>;
  readonly published = new Map<string, PublishDiagnosticsParams[]>();
  readonly notifications: { method: string; params: unknown }[] = [];
  readonly requests: { method: string; params: unknown }[] = [];
  stderr = '';
  /** What the client answers to workspace/configuration for the section `bulletin`. */
  settings: unknown = {};
  /** When set, workspace/configuration is answered only once it settles: a client slow to give its settings. */
  configurationGate?: Promise<void>;
  private waiters: (() => void)[] = [];
  private versions = new Map<string, number>();
  private readonly writer: StreamMessageWriter;
  private readonly rawPending = new Map<string, (response: ResponseMessage) => void>();
  private rawIds = 0;

  constructor() {
    this.process = spawn(process.execPath, [...SERVER_NODE_FLAGS, SERVER, '--stdio'], { stdio: 'pipe' });
    this.exited = new Promise((resolve) => this.process.once('exit', (code) => resolve(code)));
    this.process.stderr.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.writer = new StreamMessageWriter(this.process.stdin);
    const reader = new TappedReader(this.process.stdout, (message) => {
      if (!Message.isResponse(message) || typeof message.id !== 'string') return false;
      const resolve = this.rawPending.get(message.id);
      if (!resolve) return false;
      this.rawPending.delete(message.id);
      resolve(message);
      return true;
    });
    this.connection = createMessageConnection(reader, this.writer);
    this.connection.onNotification((method, params) => {
      this.notifications.push({ method, params });
      if (method === 'textDocument/publishDiagnostics') {
        const p = params as PublishDiagnosticsParams;
        this.published.set(p.uri, [...(this.published.get(p.uri) ?? []), p]);
      }
      this.wake();
    });
    // vscode-jsonrpc hands $/progress to progress handlers only, never to the catch-all above.
    this.connection.onUnhandledProgress((params) => {
      this.notifications.push({ method: '$/progress', params });
      this.wake();
    });
    this.connection.onRequest((method, params) => {
      this.requests.push({ method, params });
      // Answer as an editor that accepts every edit it is asked to apply and has the settings given.
      if (method === 'workspace/applyEdit') return { applied: true };
      if (method === 'workspace/configuration') {
        const answer = (): unknown[] => (params as { items: unknown[] }).items.map(() => this.settings);
        return this.configurationGate ? this.configurationGate.then(answer) : answer();
      }
      return null;
    });
    this.connection.listen();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  static async start(options: ClientOptions = {}): Promise<TestClient> {
    const client = new TestClient();
    await client.initialize(options);
    return client;
  }

  async initialize(options: ClientOptions): Promise<InitializeResult> {
    const folder = options.folder ? URI.file(options.folder).toString() : null;
    const capabilities: ClientCapabilities = options.capabilities ?? {
      textDocument: {
        ...(options.pull ? { diagnostic: { dynamicRegistration: false } } : {}),
        publishDiagnostics: { relatedInformation: true, versionSupport: true },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        synchronization: { didSave: true },
      },
      workspace: {
        workspaceFolders: true,
        configuration: true,
        didChangeConfiguration: { dynamicRegistration: true },
        diagnostics: { refreshSupport: true },
        didChangeWatchedFiles: { dynamicRegistration: true },
        workspaceEdit: { documentChanges: true, resourceOperations: ['create'] },
      },
      window: { workDoneProgress: true },
    };
    const result = await this.connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: folder,
      capabilities,
      workspaceFolders: folder ? [{ uri: folder, name: path.basename(options.folder!) }] : null,
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  open(uri: string, text: string, languageId = 'bulletin'): void {
    this.versions.set(uri, 1);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  change(uri: string, changes: TextDocumentContentChangeEvent[]): number {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  close(uri: string): void {
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest<R>(method, params);
  }

  /** The server's process id. */
  get pid(): number {
    return this.process.pid!;
  }

  /** Sends a request exactly as given and resolves with the server's response message. */
  rawRequest(message: RawMessage): Promise<ResponseMessage> {
    const id = `raw-${++this.rawIds}`;
    const response = new Promise<ResponseMessage>((resolve) => this.rawPending.set(id, resolve));
    void this.writer.write({ jsonrpc: '2.0', id, method: message.method, params: message.params } as Message);
    return response;
  }

  /** Sends a notification exactly as given. */
  rawNotify(message: RawMessage): Promise<void> {
    return this.writer.write({ jsonrpc: '2.0', method: message.method, params: message.params } as Message);
  }

  /** The CPU time the server has used, in clock ticks (user and system); undefined without Linux's /proc. */
  private cpuTicks(): number | undefined {
    const stat = `/proc/${this.pid}/stat`;
    if (!existsSync(stat)) return undefined;
    // The fields after the command's name (in parentheses, which may hold spaces): state first, utime the 12th.
    const line = readFileSync(stat, 'utf8');
    const fields = line.slice(line.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  }

  /**
   * Resolves once the server has used no CPU for `quietMs`: what it had in hand (checks running in turns, which
   * send nothing until they end) is over. Without /proc, after ten times `quietMs`.
   */
  async quiet(quietMs = 300, timeoutMs = 30000): Promise<void> {
    const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
    if (this.cpuTicks() === undefined) return sleep(quietMs * 10);
    const deadline = Date.now() + timeoutMs;
    let ticks = this.cpuTicks();
    let since = Date.now();
    while (Date.now() - since < quietMs) {
      if (Date.now() > deadline) throw new Error(`the server was still busy after ${timeoutMs} ms; stderr: ${this.stderr}`);
      await sleep(50);
      const now = this.cpuTicks();
      if (now !== ticks) [ticks, since] = [now, Date.now()];
    }
  }

  /** Resolves when a notification satisfying the predicate has arrived (now or later). */
  async waitFor(predicate: () => boolean, timeoutMs = 10000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting; stderr: ${this.stderr}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  /**
   * Resolves once the server has indexed the workspace (none, or its folder) and ended its progress; the refresh
   * it then asks for is written before its answer to any later request.
   */
  indexed(): Promise<void> {
    return this.waitFor(() =>
      this.notifications.some((n) => n.method === '$/progress' && (n.params as { value?: { kind?: string } }).value?.kind === 'end'),
    );
  }

  /** The latest published diagnostics for a document version. */
  async diagnosticsFor(uri: string, version?: number): Promise<Diagnostic[]> {
    const latest = (): PublishDiagnosticsParams | undefined => {
      const all = this.published.get(uri) ?? [];
      return [...all].reverse().find((p) => version === undefined || p.version === version);
    };
    await this.waitFor(() => latest() !== undefined);
    return latest()!.diagnostics;
  }

  async stop(): Promise<void> {
    if (this.process.exitCode === null && this.process.signalCode === null) {
      try {
        await this.connection.sendRequest('shutdown');
        await this.connection.sendNotification('exit');
      } catch {
        // Already gone.
      }
    }
    await new Promise<void>((resolve) => {
      if (this.process.exitCode !== null) resolve();
      else {
        const timer = setTimeout(() => {
          this.process.kill();
          resolve();
        }, 3000);
        this.process.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      }
    });
    this.connection.dispose();
  }
}
