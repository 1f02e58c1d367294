// The conversation workflow's patch ids, each with what it changed. Kept apart from
// patches.ts so the replay tests that swap that module (tests/workflow/without-patch) share
// the very same ids.
/**
 * Model failures land with a person ("Needs a person") instead of failing the workflow, and
 * agents may send their own reply or a confirmed resend at any time. Runs that started before
 * this replay their recorded histories without it.
 */
export const NEEDS_PERSON_PATCH = 'claude-edges-needs-person';

/**
 * Earned autonomy: before routing, the category's auto-send state is read live and a second,
 * independent model check reads the draft. Runs that routed before this replay without it.
 */
export const EARNED_AUTONOMY_PATCH = 'earned-autonomy';

/**
 * Database reads and mirror writes run as local activities, and a hold of zero seconds starts
 * no timer: one email takes a handful of workflow tasks instead of a round trip per write.
 * Runs that started before this replay their scheduled activities and timers unchanged.
 */
export const LOCAL_MIRROR_PATCH = 'local-mirror-writes';

/**
 * One send decision (lib/core/policy/send-decision.ts) fed by one live read, with the claims
 * screening of the draft and the check that never reads the email; it decides at routing and
 * again when the hold runs out. Runs that routed before this replay the older layers.
 */
export const SEND_DECISION_PATCH = 'one-send-decision';

/**
 * Lifecycle: people close, reopen, snooze (until a time or the customer's reply) and mark a
 * conversation waiting on the customer; the idle wait honours it. Runs that started before
 * this wait as they did and refuse the lifecycle updates.
 */
export const LIFECYCLE_PATCH = 'lifecycle';

/**
 * Undo for people: an agent's send (approve, edit and approve, own reply) waits the policy's
 * undo window in the same cancellable hold as an automatic reply. Runs that started before
 * this send at once, as they did.
 */
export const UNDO_PATCH = 'undo-agent-sends';

/**
 * Live A/B of drafts: in a category with an enabled A/B test, two variants are drafted in
 * parallel and an agent picks one (draft-variants.ts). Read where a draft is written, so runs
 * that drafted before this replay the single draft they recorded.
 */
export const AB_DRAFTS_PATCH = 'ab-drafts';

/**
 * Search attributes (lib/core/conversation/search-attributes.ts): every status change upserts
 * status, category, priority, mailbox, owner and deadline; an assignment signal the owner.
 * Runs that started before this make no upserts (they are commands).
 */
export const SEARCH_ATTRIBUTES_PATCH = 'search-attributes';

/**
 * Histories hold ids, not text: the send decision is taken and stored by an activity
 * (decideSendStored) and the route recorded from the stored row, so no claim, quote or model
 * check reason passes through the workflow. Read when the run starts; runs that started before
 * this replay the decision in the workflow.
 */
export const IDS_NOT_TEXT_PATCH = 'ids-not-text';

/**
 * Continue-as-new is decided in a workflow task of its own (continue-as-new.ts): after a 1 ms
 * timer, with every handler finished and the queue checked again. Before this, a message
 * signalled as the run continued as new could be dropped (the retried task replayed the
 * decision ahead of the signal). Read when the run starts; runs that started before this
 * continue as new as they did.
 */
export const CONTINUE_AS_NEW_PATCH = 'continue-as-new-own-task';

/**
 * Fewer round trips per email (issue 26): the send decision at routing is stored with the
 * draft's route in one local activity (decideSendStored with `route`), with no stored decision
 * before the model checks and no recordRoutingById after; the classification's write moves the
 * status to drafting. Read when the run starts; runs that started before this replay their
 * separate writes.
 */
export const FOLDED_WRITES_PATCH = 'folded-writes';

/**
 * The policy's own auto-send records its decision and mirrors the status `sending` in one
 * local activity (recordDecision with `sending`), in place of a mirror write of its own. Read
 * when the run starts; runs that started before this never ask for it and write it apart. (A
 * replay follows the recorded answer: one without the status's facts writes it apart too.)
 */
export const FOLDED_SENDING_PATCH = 'folded-sending-status';
