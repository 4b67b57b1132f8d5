// Where the end-to-end tools live: everything under the project's ignored .e2e/ folder.
import * as path from 'node:path';
import { CACHE, CHROMIUM, missingTools, ROOT } from '../../../scripts/code-server.mjs';

export { CACHE, CHROMIUM, ROOT };
export const ARTIFACTS = path.join(ROOT, 'test/e2e/artifacts');
export const FIXTURES = path.join(ROOT, 'test/fixtures');

/** Fails with the command that fixes it, instead of hanging on a missing tool. */
export function requireTools(): void {
  const missing = missingTools();
  if (missing.length > 0) throw new Error(`missing ${missing.join(', ')}`);
}
