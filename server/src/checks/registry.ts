// Every check, in the order their findings are listed. The README's table of
// checks and the settings schema are generated from this list.
import { bylineInBody } from './byline-in-body';
import { bylineMalformed } from './byline-malformed';
import { bylineMissing } from './byline-missing';
import type { Check } from './check';
import { documentTooLarge } from './document-too-large';
import { contentsBylineMismatch } from './contents-byline-mismatch';
import { contentsHeadlineMismatch } from './contents-headline-mismatch';
import { contentsMissing } from './contents-missing';
import { contentsMissingEntry } from './contents-missing-entry';
import { contentsOrder } from './contents-order';
import { contentsOrphanEntry } from './contents-orphan-entry';
import { contentsStandfirstMismatch } from './contents-standfirst-mismatch';
import { footerBlockDuplicated } from './footer-block-duplicated';
import { footerBlockMissing } from './footer-block-missing';
import { footerCopyrightYear } from './footer-copyright-year';
import { footerCreditsSplit } from './footer-credits-split';
import { footerIssn } from './footer-issn';
import { footerMissing } from './footer-missing';
import { footerOrder } from './footer-order';
import { footerTrailingText } from './footer-trailing-text';
import { footerUnexpected } from './footer-unexpected';
import { headlineDuplicate } from './headline-duplicate';
import { headlineMissing } from './headline-missing';
import { signoffMismatch } from './signoff-mismatch';
import { styleCutOff } from './style-cut-off';
import { styleDoubledWord } from './style-doubled-word';
import { styleLineLength } from './style-line-length';
import { styleNameVariants } from './style-name-variants';
import { stylePlaceholder } from './style-placeholder';
import { styleTab } from './style-tab';
import { styleTrailingWhitespace } from './style-trailing-whitespace';
import { styleUnbalanced } from './style-unbalanced';
import { xrefCitationDate } from './xref-citation-date';
import { xrefMalformed } from './xref-malformed';
import { xrefUnresolved } from './xref-unresolved';

export const CHECKS: readonly Check[] = [
  documentTooLarge,
  headlineMissing,
  headlineDuplicate,
  bylineMissing,
  bylineMalformed,
  bylineInBody,
  signoffMismatch,
  xrefMalformed,
  xrefUnresolved,
  xrefCitationDate,
  contentsMissing,
  contentsMissingEntry,
  contentsOrphanEntry,
  contentsOrder,
  contentsHeadlineMismatch,
  contentsStandfirstMismatch,
  contentsBylineMismatch,
  footerMissing,
  footerBlockMissing,
  footerBlockDuplicated,
  footerOrder,
  footerCreditsSplit,
  footerCopyrightYear,
  footerIssn,
  footerTrailingText,
  footerUnexpected,
  stylePlaceholder,
  styleCutOff,
  styleNameVariants,
  styleDoubledWord,
  styleUnbalanced,
  styleLineLength,
  styleTrailingWhitespace,
  styleTab,
];

export function checkByCode(code: string): Check | undefined {
  return CHECKS.find((c) => c.code === code);
}
