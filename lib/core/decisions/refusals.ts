/**
 * Why a conversation's workflow refused a decision. The update validators throw an
 * ApplicationFailure with one of these types; the web app maps the type (never the
 * message) to what the agent is told.
 */
export const DECISION_REFUSALS = {
  /** The acting user is not on the workflow's support roster. */
  actorNotAllowed: 'DecisionActorNotAllowed',
  /** A newer customer message replaced the draft. */
  superseded: 'DraftSuperseded',
  /** Someone (or the same click) already decided this draft. */
  alreadyDecided: 'DraftAlreadyDecided',
  /** The draft is not the current one, or is not waiting for this kind of decision. */
  notCurrent: 'DraftNotCurrent',
  /** The decision's own text is empty or too long. */
  invalidInput: 'DecisionInputInvalid',
  /** A manual reply cannot be taken now: a reply is being sent, or another one is queued. */
  replyBusy: 'ReplyBusy',
  /** The conversation's workflow predates manual replies and resends (it runs older code). */
  replyUnsupported: 'ReplyUnsupported',
  /** No failed or uncertain send of that version is waiting for a resend. */
  nothingToResend: 'NothingToResend',
  /** A resend must carry the agent's explicit confirmation that they checked the outbox. */
  resendNotConfirmed: 'ResendNotConfirmed',
  /** Close, reopen, snooze or waiting-on-customer cannot apply in the conversation's state. */
  lifecycleNotAllowed: 'LifecycleNotAllowed',
  /** The undo window of that send is over (or there is none): the reply is on its way. */
  undoTooLate: 'UndoTooLate',
} as const;

export type DecisionRefusalType = (typeof DECISION_REFUSALS)[keyof typeof DECISION_REFUSALS];

export interface DecisionRefusal {
  type: DecisionRefusalType;
  message: string;
}
