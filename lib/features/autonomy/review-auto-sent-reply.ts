import { getDb, type Db } from '../../platform/db';
import type { LlmObserver } from '../../platform/llm/observer';
import { recordAutoSendReviewScore } from '../../platform/observability/auto-send-review';
import { getObserver } from '../../platform/observability/process-observer';
import type { Actor } from '../../core/contract';
import type { AutoSentReviewInput } from '../../core/policy/autonomy-schemas';
import type { TrustThresholds } from '../../core/policy/trust';
import { recordAudit } from '../audit/record-audit';
import { appendEvent } from '../timeline/append-event';
import { AutonomyError } from './autonomy-error';
import type { DemotionRecord } from './category-state';
import { withNotifyConfigFromEnv } from './notify-config';
import { reassessCategory, type NotifyConfig } from './reassess-category';

export interface ReviewOptions {
  thresholds?: TrustThresholds;
  now?: Date;
  /** How managers are told about a demotion; default SMTP and addresses from the environment. */
  notify?: NotifyConfig;
  /** Where the review is reported as a score (LangFuse); default this process's observer. */
  observer?: LlmObserver;
}

/**
 * An agent's verdict on a reply that went out automatically: fine, or "should not have gone
 * out" with a reason. Stored once per reply with the audit entry and a timeline event; it is
 * trust evidence for the category, so a run of such marks switches auto-send off by itself.
 * Returns the demotion this review caused, if any.
 */
export async function reviewAutoSentReply(actor: Actor, input: AutoSentReviewInput, options: ReviewOptions = {}, db: Db = getDb()): Promise<{ demotion: DemotionRecord | null }> {
  const now = options.now ?? new Date();
  const reviewed = await db.$transaction(async (tx) => {
    const key = { conversationId_draftVersion: { conversationId: input.conversationId, draftVersion: input.draftVersion } };
    const shadow = await tx.draftShadow.findUnique({ where: key });
    if (!shadow || shadow.outcome !== 'auto_sent') throw new AutonomyError('not_auto_sent', 'This reply was not sent automatically.');
    if (shadow.review !== 'pending') throw new AutonomyError('already_reviewed', 'This automatic reply has been reviewed already.');
    await tx.draftShadow.update({
      where: { id: shadow.id },
      data: { review: input.verdict, reviewReason: input.reason, reviewedBy: actor.id, reviewedAt: now, evidenceAt: now },
    });
    const stillPending = await tx.draftShadow.count({ where: { conversationId: input.conversationId, outcome: 'auto_sent', review: 'pending' } });
    await tx.conversation.update({ where: { id: input.conversationId }, data: { autoSentReview: stillPending > 0 ? 'pending' : input.verdict } });
    await recordAudit(
      {
        actorId: actor.id,
        action: 'autonomy.auto_sent.review',
        target: `${input.conversationId}#v${input.draftVersion}`,
        before: { review: 'pending', category: shadow.category },
        after: { review: input.verdict, reason: input.reason ?? null },
      },
      tx,
    );
    await appendEvent(
      {
        conversationId: input.conversationId,
        key: `auto_sent_reviewed:v${input.draftVersion}`,
        type: 'auto_sent_reviewed',
        data: { draftVersion: input.draftVersion, verdict: input.verdict, reason: input.reason },
        actorId: actor.id,
        at: now,
      },
      tx,
    );
    const draft = await tx.draft.findUnique({
      where: { conversationId_version: { conversationId: input.conversationId, version: input.draftVersion } },
      select: { basedOnMessageId: true },
    });
    return { category: shadow.category, messageId: draft?.basedOnMessageId };
  });
  // The review is also a score on the message's trace (a draft always names its message).
  if (reviewed.messageId) {
    const observer = options.observer ?? getObserver();
    recordAutoSendReviewScore(observer, {
      conversationId: input.conversationId,
      messageId: reviewed.messageId,
      draftVersion: input.draftVersion,
      verdict: input.verdict === 'ok' ? 'ok' : 'should_not_have_sent',
      comment: input.reason,
      reviewerId: actor.id,
    });
    await observer.flush();
  }
  const { category } = reviewed;
  const reassess = (notify: NotifyConfig) => reassessCategory({ category, thresholds: options.thresholds, now }, notify, db);
  const demotion = options.notify ? await reassess(options.notify) : await withNotifyConfigFromEnv(reassess);
  return { demotion };
}
