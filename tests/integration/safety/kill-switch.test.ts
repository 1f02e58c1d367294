import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EMAILS } from '../../../devstack/demo-emails';
import { updateAutomationPolicy } from '../../../lib/features/settings/automation-policy';
import { deliverEmail, waitUntilSettled } from '../support/deliver-email';
import { startSystem, type System } from '../support/system';

let system: System;
beforeAll(async () => {
  system = await startSystem({ holdSeconds: 8, autoSendCategories: ['account', 'orders', 'feedback'] });
  await system.startWorker();
});
afterAll(async () => {
  await system?.stop();
});

async function statusOf(id: string): Promise<string | undefined> {
  return (await system.store.db.conversation.findUnique({ where: { id } }))?.status;
}

describe('the kill switch', () => {
  it('stops auto-sends of conversations already on hold', async () => {
    const email = DEMO_EMAILS.find((candidate) => candidate.key === 'password-reset');
    if (!email) throw new Error('demo email missing');
    const { conversationId } = await deliverEmail(system, email);
    const deadline = Date.now() + 60_000;
    while ((await statusOf(conversationId)) !== 'auto_send_hold') {
      if (Date.now() > deadline) throw new Error(`never held: ${await statusOf(conversationId)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // A manager flips the switch while the reply is on hold.
    await updateAutomationPolicy({ id: 'manager-1', role: 'manager' }, { autoSendEnabled: false }, {}, system.store.db);

    const statuses = await waitUntilSettled(system, [conversationId], 60_000);
    expect(statuses.get(conversationId)).toBe('awaiting_approval');
    const row = await system.store.db.conversation.findUniqueOrThrow({ where: { id: conversationId } });
    expect(row.statusReason).toContain('kill switch');
    expect(await system.mail.list()).toHaveLength(0);
    const audit = await system.store.db.auditLog.findFirstOrThrow({ where: { actorId: 'manager-1' } });
    expect(audit.before).toMatchObject({ autoSendEnabled: true });
    expect(audit.after).toMatchObject({ autoSendEnabled: false });
  });
});
