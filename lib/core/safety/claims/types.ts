/** The vocabulary of draft claims screening, defined once. */

export const CLAIM_RULES = [
  'amount',
  'percentage',
  'code',
  'phone',
  'url',
  'email',
  'street_address',
  'date',
  'person',
  'completed_action',
  'promised_action',
] as const;

export type ClaimRule = (typeof CLAIM_RULES)[number];

export interface ClaimsInput {
  /** The reply text that would be sent. */
  draft: string;
  /** The knowledge passages the drafter was given. */
  passages: { id: string; text: string }[];
  /** identifiers: the customer's own non-sensitive ids found in THEIR mail by code (order numbers), never from a model. */
  customer: { address: string | null; name?: string | null; identifiers?: string[] };
  /** Our own addresses (they may appear in a reply). */
  mailboxAddresses?: string[];
  /** Our own people (they may sign a reply). */
  agentNames?: string[];
}

/** One reason to hold a draft: the token, the sentence it sits in, and a sentence for an agent. */
export interface ClaimHold {
  rule: ClaimRule;
  token: string;
  sentence: string;
  reason: string;
}

/** A concrete token found in the draft, with the key it is compared by. */
export interface DraftToken {
  rule: Exclude<ClaimRule, 'completed_action' | 'promised_action'>;
  /** The text as written in the draft. */
  token: string;
  /** Normalised keys: the token is supported when any key is in the evidence for its rule. */
  keys: string[];
  /** Offset in the draft, to find its sentence. */
  index: number;
}
