import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideDraft } from '../../../../lib/features/conversations/decide-draft';
import { sendAgentReply } from '../../../../lib/features/conversations/send-agent-reply';
import { storeAgentText } from '../../../../lib/features/conversations/agent-text/store-agent-text';
import { deliverEmail, waitForStatus } from '../../support/deliver-email';
import { textsOf } from '../../support/history-text';
import { startSystem, type System } from '../../support/system';

/**
 * What people write and what the send gate finds stays in the database: the workflow history
 * carries ids, codes and counts. Through the real system (Temporal dev server, worker process,
 * PostgreSQL, mail catcher; the Claude simulator with a fooled drafter writing the drafts below)
 * every path that once put text into a history runs with its own marker: a draft the claims
 * screening holds (its sentence quoted), a draft the check without the email refuses (its
 * statement quoted), an edited approval, a reject reason, revise instructions and an agent's
 * own reply. Each marker is shown to be in the store (so the scan can fail), and then no
 * marker, customer address or email text is anywhere in any history.
 */

const CATEGORIES = ['account', 'billing', 'technical', 'orders', 'feedback', 'other'];
const M = {
  emailA: 'Xylophrax',
  emailB: 'Grumblewick',
  emailC: 'Mordrazzle',
  claim: 'KRAMPLEX-8841',
  checkSentence: 'snorkelwhip',
  edit: 'Vorpalquill',
  reject: 'Blunderbusk',
  revise: 'Quagmirette',
  compose: 'Tintinnabulox',
};
const ADDRESSES = ['ada.xylo.4471@history-test.example', 'bo.grumble.5582@history-test.example', 'cy.mordra.6693@history-test.example'];

const EMAILS = [
  { from: `Ada <${ADDRESSES[0]}>`, subject: 'Refund for my order', text: `Hello, my order ${M.emailA} arrived broken. Please refund me. Ada` },
  { from: `Bo <${ADDRESSES[1]}>`, subject: 'Password reset', text: `Hi, I cannot reset my password for ${M.emailB}. How do I reset it? Bo` },
  { from: `Cy <${ADDRESSES[2]}>`, subject: 'Refund please', text: `Hello, order ${M.emailC} is wrong, please refund me. Cy` },
];
const DRAFTS = [
  // The claims screening (code) holds an amount and a code that are in no passage.
  { match: M.emailA, draft: `Hello Ada,\n\nWe have credited €417.93 to your account under reference ${M.claim}.\n\nBest regards` },
  // Passes every deterministic layer; the check without the email says no and quotes it.
  { match: M.emailB, draft: `Hello Bo,\n\nOur ${M.checkSentence} gnomes polish moonbeams with lavender jam every week.\n\nBest regards` },
  { match: M.emailC, draft: `Hello Cy, we have refunded €88.12 under reference ${M.claim}. Best regards` },
];

type Delivered = Awaited<ReturnType<typeof deliverEmail>>;
let system: System;
let actor: { id: string; role: 'agent' };

beforeAll(async () => {
  system = await startSystem({ holdSeconds: 0, autoSendCategories: CATEGORIES }, { AUTO_SEND_HOURLY_CAP_GLOBAL: '1000' });
  system.simulator.configure({ fooled: { classifier: true, drafter: true } });
  const registered = await fetch(`${system.simulator.url}/__simulator/fooled-drafts`, { method: 'POST', body: JSON.stringify({ drafts: DRAFTS }) });
  expect(registered.status).toBe(200);
  await system.startWorker();
  actor = { id: (await system.store.db.user.create({ data: { email: 'agent@countersign.local', name: 'Agent', role: 'agent' } })).id, role: 'agent' };
});
afterAll(async () => {
  await system?.stop();
});

// The web's own functions, with the test's Temporal client and database.
const client = () => ({ client: system.temporal.client, storeText: (input: Parameters<typeof storeAgentText>[0]) => storeAgentText(input, system.store.db) });
const openVersion = async (conversationId: string) =>
  (await system.store.db.draft.findFirstOrThrow({ where: { conversationId, status: 'pending' }, orderBy: { version: 'desc' } })).version;

async function historyText(conversationId: string): Promise<string> {
  const history = await system.temporal.client.workflow.getHandle(conversationId).fetchHistory();
  return textsOf(history.events ?? []).join('\n').toLowerCase();
}

describe('workflow histories', () => {
  it('hold no mail text, customer address, agent text or send-gate finding', async () => {
    const { db } = system.store;
    const [a, b, c] = (await Promise.all(EMAILS.map((email) => deliverEmail(system, email)))) as [Delivered, Delivered, Delivered];
    const ids = [a, b, c].map((one) => one.conversationId);
    await Promise.all(ids.map((id) => waitForStatus(system, id, 'awaiting_approval', 90_000)));

    // The findings are in the store, and read the same there as before.
    const routedA = await db.conversationEvent.findFirstOrThrow({ where: { conversationId: a.conversationId, type: 'routed' } });
    expect(JSON.stringify(routedA.data)).toContain(M.claim);
    const shadowB = await db.draftShadow.findFirstOrThrow({ where: { conversationId: b.conversationId } });
    expect(shadowB.groundingStatus).toBe('failed');
    expect(JSON.stringify(shadowB.grounding)).toContain(M.checkSentence);
    expect((await db.conversation.findUniqueOrThrow({ where: { id: b.conversationId } })).statusReason).toContain(M.checkSentence);

    // A: edit and approve; B: reject; C: revise, then the agent's own reply instead.
    const editedBody = `Hello Ada, ${M.edit} here: a replacement is on its way.`;
    expect(await decideDraft({ action: 'approve', conversationId: a.conversationId, draftVersion: await openVersion(a.conversationId), requestId: randomUUID(), editedBody, actor }, client())).toMatchObject({ ok: true });
    const reason = `The ${M.reject} statement is made up`;
    expect(await decideDraft({ action: 'reject', conversationId: b.conversationId, draftVersion: await openVersion(b.conversationId), requestId: randomUUID(), reason, actor }, client())).toMatchObject({ ok: true });
    const instructions = `Say ${M.revise} and drop the amount`;
    const first = await openVersion(c.conversationId);
    expect(await decideDraft({ action: 'revise', conversationId: c.conversationId, draftVersion: first, requestId: randomUUID(), instructions, actor }, client())).toMatchObject({ ok: true });
    await expect.poll(() => openVersion(c.conversationId).catch(() => first), { timeout: 60_000 }).toBeGreaterThan(first);
    const body = `Hello Cy, ${M.compose} speaking: your refund is being looked at.`;
    expect(await sendAgentReply({ action: 'compose', conversationId: c.conversationId, requestId: randomUUID(), body, actor, attachmentIds: [] }, client())).toMatchObject({ ok: true });
    await Promise.all([waitForStatus(system, a.conversationId, 'sent', 60_000), waitForStatus(system, b.conversationId, 'rejected', 60_000), waitForStatus(system, c.conversationId, 'sent', 60_000)]);

    // What people wrote is in the store.
    expect((await db.outboundSend.findFirstOrThrow({ where: { conversationId: a.conversationId } })).body).toContain(M.edit);
    expect((await db.outboundSend.findFirstOrThrow({ where: { conversationId: c.conversationId } })).body).toContain(M.compose);
    expect(JSON.stringify(await db.auditLog.findMany())).toContain(M.reject);
    expect((await db.draft.findFirstOrThrow({ where: { conversationId: c.conversationId, version: first + 1 } })).revisionInstructions).toContain(M.revise);

    // And none of it, nor the mail or its senders, is in any history.
    const needles = [...Object.values(M), ...ADDRESSES, ...EMAILS.map((email) => email.subject), 'moonbeams', '417.93', 'replacement is on its way'];
    const found: Record<string, string[]> = {};
    for (const [index, id] of ids.entries()) {
      const text = await historyText(id);
      expect(text.length).toBeGreaterThan(1000);
      found[`conversation ${'ABC'[index]}`] = needles.filter((needle) => text.includes(needle.toLowerCase()));
    }
    expect(found).toEqual({ 'conversation A': [], 'conversation B': [], 'conversation C': [] });
  });
});
