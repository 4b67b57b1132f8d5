// The outline as indented text, one symbol a line with its line number.
import type { DocumentSymbol } from 'vscode-languageserver-types';

export function formatOutline(symbols: readonly DocumentSymbol[], depth = 0): string {
  let out = '';
  for (const s of symbols) {
    const detail = s.detail ? ` — ${s.detail}` : '';
    out += `${'  '.repeat(depth)}${s.name}${detail}  (line ${s.selectionRange.start.line + 1})\n`;
    if (s.children) out += formatOutline(s.children, depth + 1);
  }
  return out;
}
