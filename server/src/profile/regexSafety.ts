// Whether a pattern from a workspace's bulletin.json is safe to run on every
// keystroke. A group that repeats something which itself repeats ("(a+)+",
// "(\w+\s?)*") can take exponential time on a line that almost matches, and a
// profile comes from a workspace we may not trust. Backreferences can too.

/** Why the pattern could backtrack catastrophically, or undefined when it cannot in these ways. */
export function backtrackingRisk(source: string): string | undefined {
  // For each open group: does it contain a quantifier (directly or in a nested group)?
  const groups: boolean[] = [];
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      if (!inClass && /[1-9k]/.test(source[i + 1] ?? '')) return 'it uses a backreference';
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') groups.push(false);
    else if (c === ')') {
      const repeatsInside = groups.pop() ?? false;
      const next = source[i + 1];
      const repeated = next === '*' || next === '+' || (next === '{' && /^\{\d+,\d*\}/.test(source.slice(i + 1)));
      if (repeatsInside && repeated) return 'a repeated group repeats something inside it, as in “(a+)+”';
      if (groups.length > 0 && (repeatsInside || repeated)) groups[groups.length - 1] = true;
    } else if ((c === '*' || c === '+' || (c === '{' && /^\{\d+,\d*\}/.test(source.slice(i)))) && groups.length > 0) {
      groups[groups.length - 1] = true;
    }
  }
  return undefined;
}
