import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TrustThresholds } from '../../../../lib/core/policy/trust';
import { AutonomyError } from '../../../../lib/features/autonomy/autonomy-error';
import { getCategoryState } from '../../../../lib/features/autonomy/category-state';
import { demoteIfBelowThreshold } from '../../../../lib/features/autonomy/demote-category';
import { notifyDemotion } from '../../../../lib/features/autonomy/notify-demotion';
import { recordShadowOutcome, recordShadowRouting } from '../../../../lib/features/autonomy/record-shadow';
import { reviewAutoSentReply } from '../../../../lib/features/autonomy/review-auto-sent-reply';
import { disableCategoryAutoSend, enableCategoryAutoSend } from '../../../../lib/features/autonomy/set-category-auto-send';
import { getAutomationPolicy } from '../../../../lib/features/settings/automation-policy';
import { noopObserver, type LlmObserver, type ScoreRecord } from '../../../../lib/platform/llm/observer';
import type { Mailer, OutgoingMail } from '../../../../lib/platform/mail/mailer';
import { readAutonomyOverview } from '../../../../lib/read/overview/autonomy-stats';
import { createTempDb, type TempDb } from '../../../support/temp-db';
import { seedConversation } from '../../read/support/seed';

const THRESHOLDS: TrustThresholds = { windowDays: 30, halfLifeDays: 14, minDecisions: 5, promoteAt: 0.9, demoteBelow: 0.8, recentDecisions: 10, minRecentDecisions: 4 };
const CATEGORIES = ['account', 'billing', 'orders'];
const options = { thresholds: THRESHOLDS, categories: CATEGORIES };
const manager = { id: 'manager-1', role: 'manager' as const };
const agent = { id: 'agent-1', role: 'agent' as const };

let temp: TempDb;
const sent: OutgoingMail[] = [];
const mailer: Mailer = {
  async send(mail) {
    sent.push(mail);
    return { accepted: [mail.to.address], rejected: [], response: '250' };
  },
  close() {},
};
const notify = { mailer, mailFrom: 'Support <support@countersign.local>', to: 'managers@countersign.local' };

beforeAll(async () => {
  temp = await createTempDb();
});
afterAll(async () => {
  await temp.close();
});
beforeEach(async () => {
  sent.length = 0;
  await temp.db.$executeRawUnsafe('TRUNCATE "Conversation", "CategoryAutonomy", "AuditLog", "Setting" CASCADE');
});

/** A routed draft of the category with the given outcome, as the workflow's writes leave it. */
async function decided(category: string, outcome: 'sent_unchanged' | 'rejected' | 'auto_sent', wouldAutoSend = true): Promise<string> {
  const id = await seedConversation(temp.db, { category });
  await temp.db.draftShadow.create({ data: { conversationId: id, draftVersion: 1, category, wouldAutoSend, route: outcome === 'auto_sent' ? 'auto_send' : 'review', routedAt: new Date() } });
  await recordShadowOutcome({ conversationId: id, draftVersion: 1, outcome }, temp.db);
  return id;
}

describe('enabling a category', () => {
  it('is for managers, for known categories, and only once it has earned it', async () => {
    await expect(enableCategoryAutoSend(agent, 'orders', options, temp.db)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(enableCategoryAutoSend(manager, 'refunds', options, temp.db)).rejects.toMatchObject({ code: 'unknown_category' });
    for (let i = 0; i < 4; i += 1) await decided('orders', 'sent_unchanged');
    await expect(enableCategoryAutoSend(manager, 'orders', options, temp.db)).rejects.toThrow('"orders" has not earned auto-send yet: 4 of 5 decisions needed');
    await decided('orders', 'sent_unchanged');
    const state = await enableCategoryAutoSend(manager, 'orders', options, temp.db);
    expect(state).toMatchObject({ active: true, enabled: true, enabledBy: 'manager-1' });
    await expect(enableCategoryAutoSend(manager, 'orders', options, temp.db)).rejects.toMatchObject({ code: 'already_on' });
    const audit = await temp.db.auditLog.findFirstOrThrow({ where: { action: 'autonomy.category.enable' } });
    expect(audit).toMatchObject({ actorId: 'manager-1', target: 'category:orders' });
    expect(audit.before).toMatchObject({ active: false, decisions: 5, agreement: 1, eligible: true });
  });

  it('never counts drafts the policy would not have sent, nor a reject hiding among them', async () => {
    for (let i = 0; i < 6; i += 1) await decided('billing', 'sent_unchanged', false);
    expect((await getCategoryState('billing', { thresholds: THRESHOLDS }, temp.db)).figures.decisions).toBe(0);
    for (let i = 0; i < 9; i += 1) await decided('billing', 'sent_unchanged');
    await decided('billing', 'rejected');
    await expect(enableCategoryAutoSend(manager, 'billing', options, temp.db)).rejects.toThrow('1 draft(s) it would have sent were rejected');
  });

  it('can be turned off again by a manager (audited), but an explicit setting only in Settings', async () => {
    for (let i = 0; i < 5; i += 1) await decided('orders', 'sent_unchanged');
    await enableCategoryAutoSend(manager, 'orders', options, temp.db);
    expect(await disableCategoryAutoSend(manager, 'orders', options, temp.db)).toMatchObject({ active: false, enabled: false });
    expect(await temp.db.auditLog.count({ where: { action: 'autonomy.category.disable' } })).toBe(1);
    await temp.db.setting.create({ data: { key: 'automation_policy', value: { autoSendCategories: ['account'] } } });
    await expect(disableCategoryAutoSend(manager, 'account', options, temp.db)).rejects.toMatchObject({ code: 'explicit' });
  });
});

describe('demotion', () => {
  it('switches off an explicitly listed category too, taking it off the saved policy and keeping the rest of it', async () => {
    await temp.db.setting.create({ data: { key: 'automation_policy', value: { autoSendCategories: ['orders', 'account'], holdSeconds: 30 } } });
    for (let i = 0; i < 6; i += 1) await decided('orders', 'sent_unchanged');
    expect(await demoteIfBelowThreshold({ category: 'orders', thresholds: THRESHOLDS }, temp.db)).toBeNull();
    for (let i = 0; i < 3; i += 1) await decided('orders', 'rejected');
    const demotion = await demoteIfBelowThreshold({ category: 'orders', thresholds: THRESHOLDS }, temp.db);
    expect(demotion?.summary).toBe(
      'Auto-send for "orders" was switched off: agents agreed with 66.7% of its 9 most recent decisions (weighted), below the 80% threshold (3 rejected).',
    );
    const policy = await getAutomationPolicy({}, temp.db);
    expect(policy.autoSendCategories).toEqual(['account']);
    expect(policy.holdSeconds).toBe(30);
    expect(await getCategoryState('orders', { thresholds: THRESHOLDS }, temp.db)).toMatchObject({ active: false, explicit: false, demoted: true });
    // Evidence starts afresh: the six agreements from before no longer count towards eligibility.
    expect((await getCategoryState('orders', { thresholds: THRESHOLDS }, temp.db)).figures.decisions).toBe(0);
    const audit = await temp.db.auditLog.findFirstOrThrow({ where: { action: 'autonomy.category.demote' } });
    expect(audit).toMatchObject({ actorId: null, target: 'category:orders' });
    expect(audit.before).toEqual({ active: true, explicit: true, enabled: false });
    // A second evaluation finds it off already: one demotion, one audit entry.
    expect(await demoteIfBelowThreshold({ category: 'orders', thresholds: THRESHOLDS }, temp.db)).toBeNull();
    expect(await temp.db.auditLog.count({ where: { action: 'autonomy.category.demote' } })).toBe(1);
  });

  it('tells managers by email when an address is configured, and records it when the email fails', async () => {
    await temp.db.categoryAutonomy.create({ data: { category: 'orders', demotedAt: new Date() } });
    const demotion = { at: new Date().toISOString(), summary: 'Auto-send for "orders" was switched off.', figures: { decisions: 0, agreement: null, counts: {} as never, recent: {} as never }, threshold: 0.8 };
    await notifyDemotion({ category: 'orders', demotion, to: 'managers@countersign.local', mailFrom: notify.mailFrom }, mailer, temp.db);
    expect(sent[0]).toMatchObject({ to: { address: 'managers@countersign.local' }, subject: '[Countersign] Auto-send switched off for "orders"' });
    expect((await temp.db.categoryAutonomy.findUniqueOrThrow({ where: { category: 'orders' } })).noticeEmailedTo).toBe('managers@countersign.local');
    const broken: Mailer = { send: async () => Promise.reject(new Error('421 try later')), close() {} };
    await notifyDemotion({ category: 'orders', demotion, to: 'managers@countersign.local', mailFrom: notify.mailFrom }, broken, temp.db);
    expect((await temp.db.categoryAutonomy.findUniqueOrThrow({ where: { category: 'orders' } })).noticeError).toBe('421 try later');
  });
});

describe('reviewing automatic replies', () => {
  it('takes one review per automatic reply, audited and on the timeline, and leaves the queue when none is pending', async () => {
    const id = await decided('orders', 'auto_sent');
    const answered = await temp.db.message.create({
      data: { conversationId: id, direction: 'inbound', messageIdHeader: '<auto@x>', dedupeKey: `seed:${id}`, fromAddress: 'a@b.c', subject: 's', sentAt: new Date() },
    });
    await temp.db.draft.create({ data: { conversationId: id, version: 1, status: 'sent', aiBody: 'x', model: 'm', basedOnMessageId: answered.id } });
    expect((await temp.db.conversation.findUniqueOrThrow({ where: { id } })).autoSentReview).toBe('pending');
    const notAuto = await decided('orders', 'sent_unchanged');
    await expect(reviewAutoSentReply(agent, { conversationId: notAuto, draftVersion: 1, verdict: 'ok' }, { thresholds: THRESHOLDS, notify }, temp.db)).rejects.toBeInstanceOf(AutonomyError);
    const scores: ScoreRecord[] = [];
    const observer: LlmObserver = { ...noopObserver, recordScore: (score) => void scores.push(score) };
    await reviewAutoSentReply(agent, { conversationId: id, draftVersion: 1, verdict: 'should_not_have_gone_out', reason: 'Wrong plan name' }, { thresholds: THRESHOLDS, notify, observer }, temp.db);
    // The review is a score on the message's LangFuse trace too: 0 = should not have gone out.
    expect(scores).toEqual([expect.objectContaining({ name: 'auto_send_ok', value: 0, dataType: 'BOOLEAN', comment: 'Wrong plan name' })]);
    expect((await temp.db.conversation.findUniqueOrThrow({ where: { id } })).autoSentReview).toBe('should_not_have_gone_out');
    expect(await temp.db.draftShadow.findFirstOrThrow({ where: { conversationId: id } })).toMatchObject({ review: 'should_not_have_gone_out', reviewReason: 'Wrong plan name', reviewedBy: 'agent-1' });
    expect(await temp.db.conversationEvent.findFirstOrThrow({ where: { conversationId: id, type: 'auto_sent_reviewed' } })).toMatchObject({ actorId: 'agent-1' });
    expect(await temp.db.auditLog.findFirstOrThrow({ where: { action: 'autonomy.auto_sent.review' } })).toMatchObject({ actorId: 'agent-1', target: `${id}#v1` });
    await expect(reviewAutoSentReply(agent, { conversationId: id, draftVersion: 1, verdict: 'ok' }, { thresholds: THRESHOLDS, notify }, temp.db)).rejects.toMatchObject({ code: 'already_reviewed' });
  });

  it('keeps the first outcome of a draft: a later superseding or decision does not rewrite it', async () => {
    const id = await decided('orders', 'rejected');
    await recordShadowOutcome({ conversationId: id, draftVersion: 1, outcome: 'superseded' }, temp.db);
    expect((await temp.db.draftShadow.findFirstOrThrow({ where: { conversationId: id } })).outcome).toBe('rejected');
  });
});

describe('the overview', () => {
  it('shows per category what the policy would have sent and how often agents agreed, beside its trust', async () => {
    for (let i = 0; i < 3; i += 1) await decided('orders', 'sent_unchanged');
    await decided('orders', 'rejected');
    await decided('orders', 'sent_unchanged', false);
    const routed = await seedConversation(temp.db, { category: 'orders' });
    const message = await temp.db.message.create({
      data: { conversationId: routed, direction: 'inbound', messageIdHeader: '<r@x>', dedupeKey: `seed:${routed}`, fromAddress: 'a@b.c', subject: 's', sentAt: new Date() },
    });
    await temp.db.classification.create({ data: { conversationId: routed, messageId: message.id, ok: true, category: 'orders', model: 'm' } });
    await temp.db.draft.create({ data: { conversationId: routed, version: 1, status: 'pending', aiBody: 'x', model: 'm', basedOnMessageId: message.id } });
    await recordShadowRouting({ conversationId: routed, draftVersion: 1, route: 'review', shadow: { wouldAutoSend: true, reasons: ['Would auto-send'] } }, temp.db);
    const overview = await readAutonomyOverview({ since: new Date(Date.now() - 86_400_000), now: new Date() }, { thresholds: THRESHOLDS }, temp.db);
    const orders = overview.rows.find((row) => row.category === 'orders');
    expect(orders?.shadow).toMatchObject({ drafts: 6, wouldSend: 5, decided: 4, agreed: 3, overruled: 1 });
    expect(orders?.trust.figures).toMatchObject({ decisions: 4, eligible: false });
  });
});
