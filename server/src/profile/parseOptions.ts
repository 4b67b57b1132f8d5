import type { ParseOptions } from '../model/parse';
import { footerTemplate } from './footerTemplate';
import type { Profile } from './profile';

const cache = new WeakMap<Profile, ParseOptions>();

/** What the parser needs to know of the profile. */
export function parseOptionsFor(profile: Profile): ParseOptions {
  let options = cache.get(profile);
  if (!options) {
    options = {
      interviewers: profile.interviewers,
      footerSignatures: footerTemplate(profile.footerTemplate).signatures,
      ...(profile.mastheadPattern ? { mastheadPattern: profile.mastheadPattern } : {}),
    };
    cache.set(profile, options);
  }
  return options;
}
