// The publication profile: what a workspace says about its bulletins. The
// defaults are the reference's (IWPR's Reporting Central Asia).
import type { Severity } from '../checks/check';
import { REFERENCE_FOOTER } from '../model/referenceFooter';

export type CheckSetting = Severity | 'off';

export interface Profile {
  readonly publication?: string;
  /** How cross-references cite the publication (`RCA`); else the masthead's initials. */
  readonly initials?: string;
  /** The masthead, with named groups publication, number, date (and part). */
  readonly mastheadPattern?: RegExp;
  /** First words of the template paragraphs that must be present; all of them when absent. */
  readonly requiredFooterBlocks?: readonly string[];
  /** Columns an email line may take; absent: the width the issue itself keeps to. */
  readonly emailWidth?: number;
  /** The expected footer, `{{year}}` standing for the year. */
  readonly footerTemplate: string;
  /** Speaker labels that ask the questions in interviews. */
  readonly interviewers: readonly string[];
  /** Titles cross-references may name without any article having them. */
  readonly ignoreTitles: readonly string[];
  /** Groups of spellings of one name that are all accepted. */
  readonly acceptedVariants: readonly (readonly string[])[];
  /** Per-check severity, or off. */
  readonly checks: Readonly<Record<string, CheckSetting>>;
}

export const DEFAULT_PROFILE: Profile = {
  footerTemplate: REFERENCE_FOOTER,
  interviewers: ['IWPR'],
  ignoreTitles: [],
  acceptedVariants: [],
  checks: {},
};
