// Documents generated from the code's own registries, so they cannot drift:
// the README's table of checks, the VS Code settings and the JSON schema of
// bulletin.json. `npm run docs` writes them; a test compares.
import type { Check } from '../checks/check';
import { CHECKS } from '../checks/registry';
import { PROFILE_SETTINGS } from '../profile/load';

export function checksTable(checks: readonly Check[] = CHECKS): string {
  const rows = checks.map(
    (c) => `| \`${c.code}\` | ${c.severity} | ${c.description.replace(/\|/g, '\\|')} | ${c.heuristic ? 'yes' : 'no'} |`,
  );
  return ['| Code | Default severity | What it finds | Heuristic |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

const SEVERITY_VALUES = ['error', 'warning', 'information', 'hint', 'off'];

function checkProperties(): Record<string, unknown> {
  return Object.fromEntries(
    CHECKS.map((c) => [
      c.code,
      { type: 'string', enum: SEVERITY_VALUES, markdownDescription: `${c.description} Default: \`${c.severity}\`.` },
    ]),
  );
}

/** `contributes.configuration` of the extension's manifest. */
export function settingsSchema(): Record<string, unknown> {
  return {
    title: 'Bulletin',
    properties: {
      'bulletin.checks': {
        type: 'object',
        scope: 'resource',
        default: {},
        additionalProperties: false,
        properties: checkProperties(),
        markdownDescription:
          "Your own severity for any check, or `off`. A publication's `bulletin.json` sets the house defaults; these settings win over it.",
      },
      'bulletin.format.reflow': {
        type: 'string',
        scope: 'resource',
        enum: ['overlong', 'all'],
        enumDescriptions: [
          'Rewrap only paragraphs that have a line longer than the email width.',
          'Rewrap every paragraph of prose to fill the email width.',
        ],
        default: 'overlong',
        markdownDescription: 'What **Format Document** rewraps.',
      },
      'bulletin.fullChecks.maxMegabytes': {
        type: 'number',
        scope: 'resource',
        default: 5,
        minimum: 0.1,
        markdownDescription:
          'Documents larger than this (in megabytes of text) get only the quick checks (tabs, trailing whitespace) and no outline, so typing stays fast; a notice says so.',
      },
      'bulletin.statusBar.enabled': {
        type: 'boolean',
        default: true,
        markdownDescription: "Show the active bulletin's errors and warnings in the status bar (a click runs **Check Before Send**).",
      },
      'bulletin.trace.server': {
        type: 'string',
        scope: 'window',
        enum: ['off', 'messages', 'verbose'],
        default: 'off',
        markdownDescription: 'Trace the messages between VS Code and the bulletin language server, in the Output panel.',
      },
    },
  };
}

/** The JSON schema of bulletin.json, for editors that validate and complete it. */
export function profileSchema(): Record<string, unknown> {
  const types: Record<string, unknown> = {
    publication: { type: 'string' },
    initials: { type: 'string', pattern: '^[A-Z]{1,10}$' },
    mastheadPattern: { type: 'string', format: 'regex' },
    footerTemplate: { type: 'string' },
    requiredFooterBlocks: { type: 'array', items: { type: 'string' } },
    emailWidth: { type: 'integer', minimum: 40, maximum: 200 },
    acceptedVariants: { type: 'array', items: { type: 'array', items: { type: 'string' }, minItems: 2 } },
    checks: { type: 'object', additionalProperties: false, properties: checkProperties() },
    ignoreTitles: { type: 'array', items: { type: 'string' } },
    interviewers: { type: 'array', items: { type: 'string' } },
  };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Bulletin publication profile (bulletin.json)',
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(
      Object.entries(PROFILE_SETTINGS).map(([name, s]) => [name, { ...(types[name] as object), description: s.description }]),
    ),
  };
}
