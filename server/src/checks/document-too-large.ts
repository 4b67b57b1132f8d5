import type { Check } from './check';

/** A size in characters as the notices say it: `50.3 MB`. */
export const megabytes = (chars: number): string => `${(chars / 1e6).toFixed(1)} MB`;

export const documentTooLarge: Check = {
  code: 'document.too-large',
  severity: 'information',
  description:
    'The document is larger than `bulletin.fullChecks.maxMegabytes`: only the quick checks run on it, and it has no outline or folding.',
  heuristic: false,
  quick: true,
  run({ limited, text }) {
    if (!limited) return [];
    const firstLineEnd = /[\r\n]/.exec(text.slice(0, 1000))?.index ?? Math.min(text.length, 1000);
    return [
      {
        start: 0,
        end: firstLineEnd,
        message: `This document is ${megabytes(limited.size)}, more than the ${megabytes(limited.limit)} of bulletin.fullChecks.maxMegabytes: only the quick checks (tabs, trailing whitespace) run, and it has no outline. Raise the setting to check it in full.`,
      },
    ];
  },
};
