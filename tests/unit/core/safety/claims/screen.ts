import { screenDraftClaims, type ClaimsInput } from '../../../../../lib/core/safety/claims';
import { CUSTOMER, PASSAGES } from './passages';

/** The holds of a draft against the test passages, as [rule, token, sentence]. */
export function holds(draft: string, extra: Partial<ClaimsInput> = {}): [string, string, string][] {
  return screenDraftClaims({ draft, passages: PASSAGES, customer: CUSTOMER, ...extra }).map((hold) => [hold.rule, hold.token, hold.sentence]);
}
