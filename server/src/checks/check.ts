// What a check is and what it finds. Checks are pure: model (and workspace
// lookups) in, findings out, offsets only.
import type { Span } from '../model/types';
import type { CheckContext } from './context';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface TextEdit extends Span {
  readonly newText: string;
}

/** An edit a check offers for what it found. `safe` fixes take part in "fix all". */
export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  readonly safe: boolean;
  /** Edits to other files, keyed by URI. */
  readonly otherFiles?: ReadonlyMap<string, readonly TextEdit[]>;
}

export interface Related extends Span {
  /** Another file; absent for this one. */
  readonly uri?: string;
  /** Line and character in that file, when it is not this one. */
  readonly range?: { readonly start: { line: number; character: number }; readonly end: { line: number; character: number } };
  readonly message: string;
}

export interface Finding extends Span {
  readonly message: string;
  /** The words the finding is about (a title, a name and its common spelling), for fixes that remember them. */
  readonly about?: readonly string[];
  readonly related?: readonly Related[];
  readonly fixes?: readonly Fix[];
}

export interface Check {
  /** Stable identifier, e.g. `byline.missing`: shown to users, used in settings. */
  readonly code: string;
  readonly severity: Severity;
  /** One line for the README's table and the settings' descriptions. */
  readonly description: string;
  /** True when the check judges by likelihood and may be wrong on unusual text. */
  readonly heuristic: boolean;
  /** Reads the raw text in one cheap pass, so it still runs on documents too large for the full checks. */
  readonly quick?: boolean;
  run(context: CheckContext): Finding[];
}

/** A finding with its check's code and the severity in force. */
export interface Problem extends Finding {
  readonly code: string;
  readonly severity: Severity;
}
