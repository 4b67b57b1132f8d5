// A workspace folder for an end-to-end run: the sample (as a .bulletin), the
// clean bulletin and the two earlier issues the sample cites.
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import * as path from 'node:path';
import { CACHE, FIXTURES } from './paths';

export const SAMPLE = 'rca-2011-12-janaozen.bulletin';
export const CLEAN = 'clean.bulletin';
export const NO574 = 'rca-2009-04-574.bulletin';
export const NO632 = 'rca-2011-12-632.bulletin';

export function makeWorkspace(): string {
  mkdirSync(path.join(CACHE, 'work'), { recursive: true });
  const dir = mkdtempSync(path.join(CACHE, 'work', 'ws-'));
  copyFileSync(path.join(FIXTURES, 'rca-2011-12-janaozen.txt'), path.join(dir, SAMPLE));
  copyFileSync(path.join(FIXTURES, 'clean.bulletin'), path.join(dir, CLEAN));
  copyFileSync(path.join(FIXTURES, 'archive', NO574), path.join(dir, NO574));
  copyFileSync(path.join(FIXTURES, 'archive', NO632), path.join(dir, NO632));
  return dir;
}
