// The profile in force for each document: its workspace folder's
// bulletin.json (if any) with the user's own check settings on top.
// Loaded through WorkspaceFiles; reloaded when the file or its template changes.
import { URI, Utils } from 'vscode-uri';
import { loadProfile, PROFILE_NAMES } from '../profile/load';
import type { ProfileProblem } from '../profile/load';
import { DEFAULT_PROFILE } from '../profile/profile';
import type { CheckSetting, Profile } from '../profile/profile';
import type { WorkspaceFiles } from './files';

export interface FolderProfile {
  readonly folder: string;
  /** The profile file, when the folder has one. */
  readonly uri?: string;
  readonly text?: string;
  readonly templateUri?: string;
  readonly problems: readonly ProfileProblem[];
  /** The profile with the user's settings applied; the same object until something changes. */
  readonly profile: Profile;
}

export interface UserSettings {
  readonly checks: Readonly<Record<string, CheckSetting>>;
}

function withUser(profile: Profile, user: UserSettings): Profile {
  return Object.keys(user.checks).length === 0 ? profile : Object.assign({}, profile, { checks: { ...profile.checks, ...user.checks } });
}

interface Stored {
  readonly entry: FolderProfile;
  /** The profile as the file says it, before the user's settings. */
  readonly base: Profile;
}

export class Profiles {
  private readonly folders = new Map<string, Stored>();
  private user: UserSettings = { checks: {} };
  private outside: Profile = DEFAULT_PROFILE;

  constructor(private readonly files: WorkspaceFiles) {}

  /** Reads the folder's bulletin.json (or .bulletin.json). */
  async load(folder: string): Promise<FolderProfile> {
    for (const name of PROFILE_NAMES) {
      const uri = Utils.joinPath(URI.parse(folder), name).toString();
      const text = await this.files.readText(uri);
      if (text === undefined) continue;
      const loaded = await loadProfile(uri, text, (u) => this.files.readText(u));
      const entry: FolderProfile = {
        folder,
        uri,
        text,
        problems: loaded.problems,
        profile: withUser(loaded.profile, this.user),
        ...(loaded.templateUri ? { templateUri: loaded.templateUri } : {}),
      };
      this.folders.set(folder, { entry, base: loaded.profile });
      return entry;
    }
    // The very profile of files outside any folder: documents opened before their folder's was read keep theirs.
    const entry: FolderProfile = { folder, problems: [], profile: this.outside };
    this.folders.set(folder, { entry, base: DEFAULT_PROFILE });
    return entry;
  }

  forget(folder: string): void {
    this.folders.delete(folder);
  }

  setUserSettings(user: UserSettings): void {
    this.user = user;
    this.outside = withUser(DEFAULT_PROFILE, user);
    for (const [folder, { entry, base }] of this.folders) {
      const profile = base === DEFAULT_PROFILE ? this.outside : withUser(base, user);
      this.folders.set(folder, { entry: Object.assign({}, entry, { profile }), base });
    }
  }

  /** The folder a document belongs to: the longest folder URI it starts with. */
  folderOf(uri: string): FolderProfile | undefined {
    let best: FolderProfile | undefined;
    for (const { entry } of this.folders.values()) {
      const prefix = entry.folder.endsWith('/') ? entry.folder : `${entry.folder}/`;
      if (uri.startsWith(prefix) && (!best || entry.folder.length > best.folder.length)) best = entry;
    }
    return best;
  }

  profileFor(uri: string): Profile {
    return this.folderOf(uri)?.profile ?? this.outside;
  }

  /** The folder whose profile or footer template this file is, if any. */
  ownerOf(uri: string): string | undefined {
    for (const { entry } of this.folders.values()) {
      if (entry.uri === uri || entry.templateUri === uri) return entry.folder;
    }
    const name = uri.slice(uri.lastIndexOf('/') + 1);
    if (!(PROFILE_NAMES as readonly string[]).includes(name)) return undefined;
    const folder = uri.slice(0, uri.lastIndexOf('/'));
    return this.folders.has(folder) ? folder : undefined;
  }

  all(): FolderProfile[] {
    return [...this.folders.values()].map((s) => s.entry);
  }
}
