// Code actions: the fixes the checks offer for their diagnostics, "fix all"
// for the safe ones, and source actions that rewrite the contents or the
// footer from the articles and the template.
import { append } from '../model/arrays';
import { CodeActionKind } from 'vscode-languageserver-types';
import type { CodeAction, CodeActionContext, Diagnostic, TextEdit as LspTextEdit } from 'vscode-languageserver-types';
import type { Fix, Problem, TextEdit } from '../checks/check';
import type { CheckContext } from '../checks/context';
import { regenerateContents } from '../edits/contents';
import { replaceFooter } from '../edits/footer';
import type { Positions } from '../model/lineIndex';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { toRange } from './range';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.bulletin`;
export const REGENERATE_CONTENTS_KIND = `${CodeActionKind.Source}.bulletin.regenerateContents`;
export const REPLACE_FOOTER_KIND = `${CodeActionKind.Source}.bulletin.replaceFooter`;

function lspEdits(positions: Positions, edits: readonly TextEdit[]): LspTextEdit[] {
  return edits.map((e) => ({ range: toRange(positions, e), newText: e.newText }));
}

/** The problem a diagnostic the client sends back stands for. */
export function problemFor(problems: readonly Problem[], positions: Positions, diagnostic: Diagnostic): Problem | undefined {
  return problems.find((p) => p.code === diagnostic.code && sameRange(positions, p, diagnostic));
}

function sameRange(positions: Positions, problem: Problem, diagnostic: Diagnostic): boolean {
  const range = toRange(positions, problem);
  return (
    range.start.line === diagnostic.range.start.line &&
    range.start.character === diagnostic.range.start.character &&
    range.end.line === diagnostic.range.end.line &&
    range.end.character === diagnostic.range.end.character
  );
}

/** Every safe fix of the file, leaving out any that would overlap one already taken. */
export function safeEdits(problems: readonly Problem[]): TextEdit[] {
  const taken: TextEdit[] = [];
  const overlaps = (e: TextEdit): boolean =>
    taken.some((t) => (e.start < t.end && t.start < e.end) || (e.start === e.end && e.start === t.start));
  for (const problem of problems) {
    for (const fix of problem.fixes ?? []) {
      if (!fix.safe || fix.edits.some(overlaps)) continue;
      append(taken, fix.edits);
      break;
    }
  }
  return taken.sort((a, b) => a.start - b.start);
}

export function regenerateContentsEdit(context: CheckContext): TextEdit | undefined {
  return regenerateContents(context.doc, context.width, context.eol);
}

export function replaceFooterEdit(context: CheckContext): TextEdit | undefined {
  return replaceFooter(context.doc, context.profile.footerTemplate, context.issue.date?.year, context.eol);
}

function wanted(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

export function codeActions(
  context: CheckContext,
  problems: readonly Problem[],
  positions: Positions,
  actionContext: CodeActionContext,
): CodeAction[] {
  const { uri } = context;
  const only = actionContext.only;
  const actions: CodeAction[] = [];
  const action = (title: string, kind: string, edits: readonly TextEdit[], extra: Partial<CodeAction> = {}): CodeAction => ({
    title,
    kind,
    edit: { changes: { [uri]: lspEdits(positions, edits) } },
    ...extra,
  });

  if (wanted(only, CodeActionKind.QuickFix)) {
    for (const diagnostic of actionContext.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      const problem = problemFor(problems, positions, diagnostic);
      if (!problem) continue;
      const fixes: Fix[] = [...(problem.fixes ?? [])];
      if (problem.code.startsWith('contents.')) {
        const edit = regenerateContentsEdit(context);
        if (edit) fixes.push({ title: 'Regenerate the contents from the articles', edits: [edit], safe: false });
      }
      if (problem.code.startsWith('footer.')) {
        const edit = replaceFooterEdit(context);
        if (edit) fixes.push({ title: 'Replace the footer with the template', edits: [edit], safe: false });
      }
      fixes.forEach((fix, i) => {
        actions.push(
          action(fix.title, CodeActionKind.QuickFix, fix.edits, {
            diagnostics: [diagnostic],
            ...(fix.safe && i === 0 ? { isPreferred: true } : {}),
          }),
        );
      });
    }
  }
  // Source actions only when asked for: the light bulb shows quick fixes.
  if (only && wanted(only, FIX_ALL_KIND)) {
    const edits = safeEdits(problems);
    if (edits.length > 0) actions.push(action('Fix all safe problems in this bulletin', FIX_ALL_KIND, edits));
  }
  if (only && wanted(only, REGENERATE_CONTENTS_KIND)) {
    const edit = regenerateContentsEdit(context);
    if (edit) actions.push(action('Regenerate the contents from the articles', REGENERATE_CONTENTS_KIND, [edit]));
  }
  if (only && wanted(only, REPLACE_FOOTER_KIND)) {
    const edit = replaceFooterEdit(context);
    if (edit) actions.push(action('Replace the footer with the template', REPLACE_FOOTER_KIND, [edit]));
  }
  return actions;
}
