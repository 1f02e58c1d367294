import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TRUST_THRESHOLDS } from '../../../../lib/core/policy/trust';
import { findCustomerIdentifiers, screenDraftClaims } from '../../../../lib/core/safety/claims';
import { describeCategoryAutoSend, getCategoryState } from '../../../../lib/features/autonomy/category-state';
import { getDraftPassages } from '../../../../lib/features/knowledge/get-draft-passages';
import { seedKnowledge } from '../../../../lib/features/knowledge/seed-knowledge';
import { getAutomationPolicy } from '../../../../lib/features/settings/automation-policy';
import { readSendFacts, readSendFactsWithStored } from '../../../../lib/features/sending-gate/read-send-facts';
import { PROJECT_ROOT } from '../../../support/project-root';
import { createTempDb, type TempDb } from '../../../support/temp-db';
import { seedConversation } from '../../read/support/seed';

/**
 * The send gate's one-statement live read must give what the reads it replaced give: the policy
 * (getAutomationPolicy), the category (getCategoryState), the hourly sends, and the claims
 * screening over the draft's passages (getDraftPassages), the mailboxes, active people and the
 * customer's own identifiers.
 */
let store: TempDb;
const HOUR = 3_600_000;
const thresholds = { ...DEFAULT_TRUST_THRESHOLDS, minDecisions: 2, minRecentDecisions: 1 };
const options = { thresholds, caps: { global: 50, perSender: 3 }, ownAddresses: ['Support <support@countersign.local>'] };
let conversationId: string;

beforeAll(async () => {
  store = await createTempDb();
  const { db } = store;
  await seedKnowledge(path.join(PROJECT_ROOT, 'docs/knowledge'), db);
  await db.setting.create({ data: { key: 'automation_policy', value: { autoSendCategories: ['billing'], holdSeconds: 7 } } });
  await db.mailbox.create({ data: { address: 'orders@acme.example', displayName: 'Orders', inboundChannel: 'api' } });
  await db.user.create({ data: { email: 'ada@acme.example', name: 'Ada Lovelace' } });
  await db.user.create({ data: { email: 'gone@acme.example', name: 'Gone Person', disabledAt: new Date() } });

  conversationId = await seedConversation(db, { customerEmail: 'maria@customer.test', customerAddress: 'maria@customer.test', customerName: 'Maria Lopez' });
  const inbound = await db.message.create({
    data: {
      conversationId,
      direction: 'inbound',
      messageIdHeader: '<m1@customer.test>',
      dedupeKey: 'k:m1',
      fromAddress: 'maria@customer.test',
      subject: 'Order AB-55120',
      textBody: 'Where is order AB-55120? Call me on +34 600 123 456.',
      sentAt: new Date(),
    },
  });
  const draft = await db.draft.create({
    data: {
      conversationId,
      version: 1,
      status: 'pending',
      aiBody: 'Hello Maria, order AB-55120 ships today. We refunded €41.50 under reference ZX-99812. Ada Lovelace, orders@acme.example, call +1 555 0100. Gone Person',
      model: 'm',
      basedOnMessageId: inbound.id,
      stopReason: 'end_turn',
      staleReason: 'An article it cites changed',
      checkProblems: ['invented_link'],
    },
  });
  const passages = await db.passage.findMany({ take: 3, orderBy: { id: 'asc' } });
  await db.draftPassage.createMany({ data: passages.map((passage, index) => ({ draftId: draft.id, passageId: passage.id, rank: passages.length - index })) });
  await db.draftShadow.create({ data: { conversationId, draftVersion: 1, groundingStatus: 'failed', grounding: { status: 'failed', reasons: ['Invented'] }, verification: { status: 'passed' } } });

  // Trust: "orders" enabled and earned, "technical" demoted, evidence in and out of the window.
  await db.categoryAutonomy.create({ data: { category: 'orders', enabled: true, enabledBy: 'mgr', enabledAt: new Date(Date.now() - 5 * HOUR), evidenceSince: new Date(Date.now() - 48 * HOUR) } });
  await db.categoryAutonomy.create({
    data: { category: 'technical', enabled: false, demotedAt: new Date(), demotion: { at: new Date().toISOString(), summary: 'Auto-send for "technical" was switched off.', figures: {}, threshold: 0.8 } },
  });
  const other = await seedConversation(db, { customerEmail: 'maria@customer.test' });
  const stranger = await seedConversation(db, { customerEmail: 'zed@elsewhere.test' });
  for (const [index, at] of [1, 2, 3, 40, 24 * 40].entries()) {
    await db.draftShadow.create({
      data: { conversationId: other, draftVersion: index + 1, category: 'orders', wouldAutoSend: true, outcome: index === 2 ? 'edited' : 'sent_unchanged', evidenceAt: new Date(Date.now() - at * HOUR) },
    });
  }
  const decision = (id: string, n: number, hoursAgo: number, kind = 'auto_send') =>
    db.decision.create({ data: { conversationId: id, draftVersion: n, kind, actorType: 'system', idempotencyKey: `${id}:${n}:${kind}`, createdAt: new Date(Date.now() - hoursAgo * HOUR) } });
  await decision(other, 1, 0.1);
  await decision(other, 2, 0.5);
  await decision(other, 3, 2);
  await decision(other, 4, 0.2, 'approve');
  await decision(stranger, 1, 0.3);
});
afterAll(async () => {
  await store?.close();
});

describe('readSendFacts', () => {
  it.each(['orders', 'billing', 'technical', 'account', undefined])('reads what the separate reads read (category %s)', async (category) => {
    const { db } = store;
    const input = { conversationId, draftVersion: 1, ...(category ? { category } : {}) };
    const { live, stored } = await readSendFactsWithStored(input, options, db);

    const policy = await getAutomationPolicy({}, db);
    expect(live.policy).toEqual(policy);
    expect(live.policy.holdSeconds).toBe(7);
    expect(live.category).toEqual(category ? describeCategoryAutoSend(await getCategoryState(category, { thresholds, policy }, db)) : null);
    expect(live.caps).toEqual({ global: 3, perSender: 2, capGlobal: 50, capPerSender: 3 });
    expect(live.draft).toEqual({ origin: 'model', status: 'pending', stopReason: 'end_turn', staleReason: 'An article it cites changed' });
    const passages = (await getDraftPassages(input, db)).map((passage) => ({ id: passage.id, text: `${passage.heading}\n${passage.text}` }));
    expect(passages).toHaveLength(3);
    const draft = await db.draft.findFirstOrThrow({ where: { conversationId } });
    const expectedClaims = screenDraftClaims({
      draft: draft.aiBody,
      passages,
      customer: { address: 'maria@customer.test', name: 'Maria Lopez', identifiers: findCustomerIdentifiers('Order AB-55120\nWhere is order AB-55120? Call me on +34 600 123 456.') },
      mailboxAddresses: ['orders@acme.example', 'support@countersign.local'],
      agentNames: ['Ada Lovelace'],
    });
    expect(expectedClaims.length).toBeGreaterThan(0);
    expect(live.claims).toEqual(expectedClaims);
    expect(stored).toEqual({ checkProblems: ['invented_link'], shadow: { grounding: { status: 'failed', reasons: ['Invented'] }, verification: { status: 'passed' } } });
    expect(await readSendFacts(input, options, db)).toEqual(live);
  });

  it('names what is missing', async () => {
    await expect(readSendFacts({ conversationId: 'no-such', draftVersion: 1 }, options, store.db)).rejects.toThrow(/does not exist/);
    await expect(readSendFacts({ conversationId, draftVersion: 9 }, options, store.db)).rejects.toThrow(/does not exist/);
  });
});
