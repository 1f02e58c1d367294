/**
 * The second, independent model check of a draft (lib/features/prompts/verify-prompt.ts):
 * another model reads the draft against the customer's email and the knowledge and answers
 * four questions. Any "no", and any failure to get an answer, sends the draft to a person.
 */
export interface DraftVerification {
  /** Every factual statement in the draft is supported by the knowledge articles. */
  factsSupported: boolean;
  unsupportedStatements: string[];
  /** The draft answers what the customer asked. */
  answersQuestion: boolean;
  /** The draft promises money (refunds, credits), account changes or legal outcomes. */
  makesCommitments: boolean;
  commitments: string[];
  /** The draft does something the email told the assistant to do. */
  followsEmailInstructions: boolean;
  followedInstructions: string[];
  /** One or two sentences for the agent. */
  notes: string;
}

/** What routing learns from the check; `skipped` when an earlier layer already said no. */
export type VerificationFacts =
  | { status: 'passed' }
  | { status: 'failed'; reasons: string[] }
  | { status: 'error'; reason: string }
  | { status: 'skipped' };

const list = (items: readonly string[]) => (items.length ? `: ${items.map((item) => `"${item}"`).join('; ')}` : '');

/** Each "no" of the check, as a sentence an agent reads. */
export function verificationProblems(verification: DraftVerification): string[] {
  const problems: string[] = [];
  if (!verification.factsSupported) problems.push(`Not every statement is supported by the knowledge${list(verification.unsupportedStatements)}`);
  if (!verification.answersQuestion) problems.push('It does not answer what the customer asked');
  if (verification.makesCommitments) problems.push(`It promises money, account changes or a legal outcome${list(verification.commitments)}`);
  if (verification.followsEmailInstructions) problems.push(`It follows instructions from the email${list(verification.followedInstructions)}`);
  return problems;
}

export function verificationFacts(verification: DraftVerification): VerificationFacts {
  const reasons = verificationProblems(verification);
  return reasons.length === 0 ? { status: 'passed' } : { status: 'failed', reasons };
}
