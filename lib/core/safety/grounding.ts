/**
 * The check that never reads the email (context minimisation): another model sees only the
 * draft, the knowledge passages the drafter was given and what our own systems know, and
 * answers one question: is every statement of the draft supported? It cannot be fooled by the
 * email because it never sees it. Any unsupported statement, and any claim that something was
 * done, sends the draft to a person.
 */
export interface GroundingAnswer {
  /** Every statement of the draft is supported by the passages or the known facts. */
  allSupported: boolean;
  unsupportedStatements: string[];
  /** The draft says something was done (changed, refunded, upgraded, sent, reset...). */
  claimsCompletedActions: boolean;
  actionClaims: string[];
  /** Passage ids the draft relies on, as the checker read it. */
  passageIds: string[];
  /** One or two sentences for the agent. */
  notes: string;
}

/** What the send decision learns from a model check: passed, held (with what), or could not run. */
export type ModelCheckFacts =
  | { status: 'passed' }
  | { status: 'failed'; reasons: string[] }
  | { status: 'error'; reason: string }
  | { status: 'skipped' };

const quoted = (items: readonly string[]) => (items.length ? `: ${items.map((item) => `"${item}"`).join('; ')}` : '');

/** Each "no" of the check, as a sentence an agent reads. */
export function groundingProblems(answer: GroundingAnswer): string[] {
  const problems: string[] = [];
  if (!answer.allSupported || answer.unsupportedStatements.length > 0) {
    problems.push(`Not supported by the knowledge given${quoted(answer.unsupportedStatements)}`);
  }
  if (answer.claimsCompletedActions || answer.actionClaims.length > 0) {
    problems.push(`Claims something was done, which the pipeline never does${quoted(answer.actionClaims)}`);
  }
  return problems;
}

export function groundingFacts(answer: GroundingAnswer): ModelCheckFacts {
  const reasons = groundingProblems(answer);
  return reasons.length === 0 ? { status: 'passed' } : { status: 'failed', reasons };
}
