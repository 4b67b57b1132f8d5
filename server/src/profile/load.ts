// Reads a publication profile (`bulletin.json`): parses it, checks every
// setting, and says what is wrong where, so the file gets precise diagnostics
// and a broken profile never takes the server down. No I/O of its own: the
// template file is read through the function it is given.
import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode } from 'jsonc-parser';
import type { Node, ParseError } from 'jsonc-parser';
import { URI, Utils } from 'vscode-uri';
import type { Severity } from '../checks/check';
import { CHECKS } from '../checks/registry';
import type { Span } from '../model/types';
import { levenshtein } from '../workspace/levenshtein';
import { backtrackingRisk } from './regexSafety';
import { footerTemplate } from './footerTemplate';
import { DEFAULT_PROFILE } from './profile';
import type { CheckSetting, Profile } from './profile';

export const PROFILE_NAMES = ['bulletin.json', '.bulletin.json'] as const;

export interface ProfileProblem extends Span {
  readonly severity: Extract<Severity, 'error' | 'warning'>;
  readonly message: string;
}

export interface LoadedProfile {
  readonly profile: Profile;
  readonly problems: readonly ProfileProblem[];
  /** The footer template's file, to watch it and to report on it. */
  readonly templateUri?: string;
}

const SEVERITIES: readonly CheckSetting[] = ['error', 'warning', 'information', 'hint', 'off'];

interface Setting {
  readonly description: string;
  readonly check: (node: Node, report: (node: Node, message: string, severity?: ProfileProblem['severity']) => void) => boolean;
}

const isString = (n: Node): boolean => n.type === 'string';
const stringArray = (n: Node): boolean => n.type === 'array' && (n.children ?? []).every(isString);

/** Every setting a profile may hold, with how it is checked. The JSON schema in schemas/ says the same for editors. */
export const PROFILE_SETTINGS: Readonly<Record<string, Setting>> = {
  publication: {
    description: 'The publication’s name.',
    check: (n, report) => isString(n) || (report(n, '“publication” must be a string.'), false),
  },
  initials: {
    description: 'How cross-references cite the publication, e.g. RCA.',
    check: (n, report) =>
      (isString(n) && /^[A-Z]{1,10}$/.test(String(n.value))) || (report(n, '“initials” must be capital letters, e.g. "RCA".'), false),
  },
  mastheadPattern: {
    description: 'A regular expression for the masthead, with named groups publication, number and date (and optionally part).',
    check: (n, report) => {
      if (!isString(n)) return (report(n, '“mastheadPattern” must be a string holding a regular expression.'), false);
      try {
        const pattern = new RegExp(String(n.value));
        const risk = backtrackingRisk(String(n.value));
        if (risk)
          return (
            report(n, `“mastheadPattern” could take exponential time on some lines (${risk}); write it without nested repetition.`),
            false
          );
        const groups = /\(\?<(number|date)>/g;
        const named = String(n.value).match(groups) ?? [];
        if (named.length < 2)
          return (
            report(n, '“mastheadPattern” needs named groups (?<number>…) and (?<date>…); (?<publication>…) and (?<part>…) are optional.'),
            false
          );
        return pattern instanceof RegExp;
      } catch (error) {
        return (
          report(n, `“mastheadPattern” is not a valid regular expression: ${error instanceof Error ? error.message : String(error)}.`),
          false
        );
      }
    },
  },
  footerTemplate: {
    description: 'The expected footer, a text file beside the profile; {{year}} stands for the issue’s year.',
    check: (n, report) => isString(n) || (report(n, '“footerTemplate” must be the path of a text file.'), false),
  },
  requiredFooterBlocks: {
    description: 'First words of the template paragraphs that must be present (all of them when absent).',
    check: (n, report) => stringArray(n) || (report(n, '“requiredFooterBlocks” must be a list of strings.'), false),
  },
  emailWidth: {
    description: 'Columns an email line may take.',
    check: (n, report) =>
      (n.type === 'number' && Number.isInteger(n.value) && Number(n.value) >= 40 && Number(n.value) <= 200) ||
      (report(n, '“emailWidth” must be a whole number of columns between 40 and 200.'), false),
  },
  acceptedVariants: {
    description: 'Groups of spellings of one name that are all accepted, e.g. [["Kazakstan", "Kazakhstan"]].',
    check: (n, report) =>
      (n.type === 'array' && (n.children ?? []).every((g) => stringArray(g) && (g.children?.length ?? 0) >= 2)) ||
      (report(n, '“acceptedVariants” must be a list of lists of two or more spellings.'), false),
  },
  checks: {
    description: 'Per-check severity, or "off".',
    check: (n, report) => {
      if (n.type !== 'object') return (report(n, '“checks” must be an object of check codes and severities.'), false);
      let ok = true;
      for (const property of n.children ?? []) {
        const [key, value] = property.children ?? [];
        if (!key || !value) continue;
        const code = String(key.value);
        if (!CHECKS.some((c) => c.code === code)) {
          const near = CHECKS.map((c) => c.code).sort((a, b) => levenshtein(a, code) - levenshtein(b, code))[0];
          report(key, `Unknown check “${code}”${near ? `; did you mean “${near}”?` : ''}`);
          ok = false;
        }
        if (!SEVERITIES.includes(value.value as CheckSetting)) {
          report(value, `Severity must be one of ${SEVERITIES.map((s) => `"${s}"`).join(', ')}.`);
          ok = false;
        }
      }
      return ok;
    },
  },
  ignoreTitles: {
    description: 'Titles cross-references may name without any article having them.',
    check: (n, report) => stringArray(n) || (report(n, '“ignoreTitles” must be a list of titles.'), false),
  },
  interviewers: {
    description: 'Speaker labels that ask the questions in interviews, e.g. ["IWPR"].',
    check: (n, report) => stringArray(n) || (report(n, '“interviewers” must be a list of labels.'), false),
  },
};

/** The template file named by the profile, resolved beside the profile file. */
export function templateUri(profileUri: string, relative: string): string {
  return Utils.joinPath(Utils.dirname(URI.parse(profileUri)), relative).toString();
}

/** Whether `target` lies in the folder of the profile (or below it): a workspace must not make us read elsewhere. */
function isBeside(profileUri: string, target: string): boolean {
  const folder = Utils.dirname(URI.parse(profileUri)).toString();
  return target.startsWith(folder.endsWith('/') ? folder : `${folder}/`);
}

export async function loadProfile(uri: string, text: string, read: (uri: string) => Promise<string | undefined>): Promise<LoadedProfile> {
  const problems: ProfileProblem[] = [];
  const report = (node: Node, message: string, severity: ProfileProblem['severity'] = 'error'): void => {
    problems.push({ start: node.offset, end: node.offset + node.length, message, severity });
  };
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  for (const error of errors) {
    problems.push({
      start: error.offset,
      end: error.offset + Math.max(1, error.length),
      message: `Not valid JSON: ${syntaxMessage(error)}.`,
      severity: 'error',
    });
  }
  if (!root || root.type !== 'object') {
    if (errors.length === 0)
      problems.push({
        start: 0,
        end: Math.min(1, text.length),
        message: 'bulletin.json must hold one JSON object of settings.',
        severity: 'error',
      });
    return { profile: DEFAULT_PROFILE, problems: problems.sort((a, b) => a.start - b.start) };
  }
  const valid = new Map<string, Node>();
  for (const property of root.children ?? []) {
    const [key, value] = property.children ?? [];
    if (!key || !value) continue;
    const name = String(key.value);
    const setting = PROFILE_SETTINGS[name];
    if (!setting) {
      report(key, `Unknown setting “${name}”. Known settings: ${Object.keys(PROFILE_SETTINGS).join(', ')}.`, 'warning');
      continue;
    }
    if (setting.check(value, report)) valid.set(name, value);
  }
  const value = <T>(name: string): T | undefined => {
    const node = valid.get(name);
    return node ? (getNodeValue(node) as T) : undefined;
  };

  let profile: Profile = { ...DEFAULT_PROFILE };
  const set = <K extends keyof Profile>(key: K, v: Profile[K] | undefined): void => {
    if (v !== undefined) profile = { ...profile, [key]: v };
  };
  set('publication', value<string>('publication'));
  set('initials', value<string>('initials'));
  set('emailWidth', value<number>('emailWidth'));
  set('acceptedVariants', value<string[][]>('acceptedVariants'));
  set('ignoreTitles', value<string[]>('ignoreTitles'));
  set('interviewers', value<string[]>('interviewers'));
  set('checks', value<Record<string, CheckSetting>>('checks'));
  const masthead = value<string>('mastheadPattern');
  if (masthead !== undefined) set('mastheadPattern', new RegExp(masthead));

  let template: string | undefined;
  const templatePath = value<string>('footerTemplate');
  if (templatePath !== undefined) {
    template = templateUri(uri, templatePath);
    const source = isBeside(uri, template) ? await read(template) : undefined;
    if (!isBeside(uri, template))
      report(valid.get('footerTemplate')!, `Footer template “${templatePath}” must be inside the folder of bulletin.json.`);
    else if (source === undefined) report(valid.get('footerTemplate')!, `Footer template “${templatePath}” cannot be read.`);
    else if (source.trim().length === 0) report(valid.get('footerTemplate')!, `Footer template “${templatePath}” is empty.`);
    else set('footerTemplate', source);
  }
  const required = value<string[]>('requiredFooterBlocks');
  if (required !== undefined) {
    const paragraphs = footerTemplate(profile.footerTemplate).paragraphs;
    const node = valid.get('requiredFooterBlocks')!;
    required.forEach((words, i) => {
      if (!paragraphs.some((p) => p.text.toLowerCase().startsWith(words.toLowerCase().trim()))) {
        report(node.children?.[i] ?? node, `No paragraph of the footer template starts with “${words}”.`, 'warning');
      }
    });
    set('requiredFooterBlocks', required);
  }
  problems.sort((a, b) => a.start - b.start);
  return { profile, problems, ...(template ? { templateUri: template } : {}) };
}

const SYNTAX: Partial<Record<string, string>> = {
  PropertyNameExpected: 'a property name in double quotes is expected here',
  ValueExpected: 'a value is expected here',
  ColonExpected: 'a colon is expected after the property name',
  CommaExpected: 'a comma is expected between two entries',
  CloseBraceExpected: 'a closing } is expected',
  CloseBracketExpected: 'a closing ] is expected',
  EndOfFileExpected: 'nothing may follow the closing }',
  UnexpectedEndOfString: 'a string is not closed',
  UnexpectedEndOfComment: 'a comment is not closed',
  InvalidSymbol: 'this character does not belong here',
};

function syntaxMessage(error: ParseError): string {
  const code = printParseErrorCode(error.error);
  return SYNTAX[code] ?? code;
}

/** The JSON path of a setting, for edits that add to a list. */
export function findSetting(text: string, path: (string | number)[]): Node | undefined {
  const root = parseTree(text);
  return root ? findNodeAtLocation(root, path) : undefined;
}
