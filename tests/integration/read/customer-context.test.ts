import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCustomerContext } from '../../../lib/read/conversation/get-customer-context';
import { createTempDb, type TempDb } from '../../support/temp-db';

let temp: TempDb;

async function conversation(id: string, address: string, status: string, minutesAgo: number) {
  const at = new Date(Date.now() - minutesAgo * 60_000);
  await temp.db.conversation.create({
    data: { id, rootMessageId: `<${id}@x>`, subject: `Subject ${id}`, customerEmail: address, customerAddress: address, customerDomain: address.split('@')[1], status, lastMessageAt: at, lastMessagePreview: '' },
  });
}

beforeAll(async () => {
  temp = await createTempDb();
  await conversation('now', 'ada@acme.example', 'awaiting_approval', 0);
  await conversation('ada-old', 'ada@acme.example', 'sent', 60);
  await conversation('ada-older', 'ada@acme.example', 'rejected', 120);
  await conversation('bob', 'bob@acme.example', 'closed', 30);
  await conversation('stranger', 'eve@other.example', 'sent', 10);
  await conversation('gmail-1', 'carol@gmail.com', 'awaiting_approval', 0);
  await conversation('gmail-2', 'dave@gmail.com', 'sent', 5);
  for (const [version, body, minutesAgo] of [[1, 'First reply', 90], [2, 'Latest reply', 61]] as const) {
    await temp.db.outboundSend.create({
      data: { conversationId: 'ada-old', draftVersion: version, ledgerKey: `k${version}`, messageIdHeader: `<s${version}@x>`, toAddress: 'ada@acme.example', subject: 's', body, status: 'sent', sentAt: new Date(Date.now() - minutesAgo * 60_000) },
    });
  }
});
afterAll(async () => {
  await temp.close();
});

describe('customer context', () => {
  it('lists the customer’s other conversations newest first, with outcomes and the last reply', async () => {
    const context = await getCustomerContext({ id: 'now', customerEmail: 'ada@acme.example', customerAddress: 'ada@acme.example' }, temp.db);
    expect(context.earlier.map((row) => [row.id, row.status, row.lastReply?.body ?? null])).toEqual([
      ['ada-old', 'sent', 'Latest reply'],
      ['ada-older', 'rejected', null],
    ]);
    expect(context.company).toMatchObject({ domain: 'acme.example' });
    expect(context.company?.conversations.map((row) => row.id)).toEqual(['bob']);
  });

  it('never groups people by a free-mail domain', async () => {
    const context = await getCustomerContext({ id: 'gmail-1', customerEmail: 'carol@gmail.com', customerAddress: 'carol@gmail.com' }, temp.db);
    expect(context).toEqual({ earlier: [], company: null });
  });
});
