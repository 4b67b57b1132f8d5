export declare const ROOT: string;
export declare const CACHE: string;
export declare const NODE24_BIN: string;
export declare const CODE_SERVER: string;
export declare const CHROMIUM: string;
export declare const VSIX: string;
export declare function missingTools(): string[];
export declare function freePort(): Promise<number>;
export declare function prepareProfile(): void;
export declare function sessionLog(name: string): string;
export declare function extensionLog(): string;
export interface CodeServer {
  readonly url: string;
  readonly pid: number | undefined;
  log(): string;
  stop(): Promise<void>;
  readonly exited: Promise<unknown>;
}
export declare function startCodeServer(folder: string, options?: { port?: number }): Promise<CodeServer>;
