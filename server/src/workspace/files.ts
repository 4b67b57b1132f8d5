// The one door through which the server reaches files it has not been sent:
// the Node server implements it with `fs`; a browser worker would ask the client.

export interface WorkspaceFiles {
  /** URIs of the bulletin files under a workspace folder. */
  list(folderUri: string, isCancelled?: () => boolean): Promise<string[]>;
  /** The bulletin's text, or undefined when it cannot be read or is not a bulletin. */
  read(uri: string): Promise<string | undefined>;
  /** Any small text file (a profile, a footer template), or undefined. */
  readText(uri: string): Promise<string | undefined>;
  /**
   * How many bulletins the archive's indexing reads at once, ahead of the one it parses: more than one only where
   * `read` works apart from the parser (a browser's file system, say), else the texts read ahead only wait.
   */
  readonly readsAhead: number;
}

/** File names a bulletin may have; `.txt` files are bulletins only when they look like one. */
export const BULLETIN_EXTENSIONS = ['.bulletin', '.bltn'] as const;
export const SNIFFED_EXTENSIONS = ['.txt'] as const;
export const WATCH_GLOB = '**/*.{bulletin,bltn,txt}';
export const PROFILE_GLOB = '**/{bulletin.json,.bulletin.json}';

/** A plain-text file that has a standalone `By Name` line and a `****` divider is treated as a bulletin. */
export function looksLikeBulletin(text: string): boolean {
  return /^By [A-Z]/m.test(text) && /^\*{4}/m.test(text);
}

export function isBulletinName(name: string): boolean {
  const lower = name.toLowerCase();
  return BULLETIN_EXTENSIONS.some((e) => lower.endsWith(e));
}

export function isSniffedName(name: string): boolean {
  const lower = name.toLowerCase();
  return SNIFFED_EXTENSIONS.some((e) => lower.endsWith(e));
}
