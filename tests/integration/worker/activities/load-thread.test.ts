// The prompt's thread in one query (thread-sql.ts): the newest 20 customer-visible messages up
// to the one being answered, oldest first, each cut at 8,000 UTF-16 units as before, with its
// attachments' names in the order they were stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadThread } from '../../../../worker/activities/load-thread';
import { countQueries } from '../../../support/query-counter';
import { createTempDb, type TempDb } from '../../../support/temp-db';

let temp: TempDb;
const ids: string[] = [];
const T0 = Date.UTC(2026, 11, 1, 9, 0, 0, 123);

beforeAll(async () => {
  temp = await createTempDb();
  await temp.db.conversation.create({
    data: { id: 'conv-thread', rootMessageId: '<m0@example.com>', subject: 'Help', customerEmail: 'a@example.com', customerAddress: 'a@example.com', status: 'received', lastMessageAt: new Date(T0), lastMessagePreview: '' },
  });
  // 24 messages a minute apart; every fifth is from us; the 7th is an automated bounce.
  for (let index = 0; index < 24; index += 1) {
    const message = await temp.db.message.create({
      data: {
        conversationId: 'conv-thread',
        direction: index % 5 === 4 ? 'outbound' : 'inbound',
        messageIdHeader: `<m${index}@example.com>`,
        dedupeKey: `k${index}`,
        fromAddress: index % 5 === 4 ? 'support@ours.example' : 'a@example.com',
        subject: `Message ${index}`,
        // An astral character straddling the cut: the UTF-16 cut keeps half of it, as slice() always did.
        textBody: index === 20 ? `${'x'.repeat(7_999)}😀tail` : index === 21 ? null : `text ${index}`,
        sentAt: new Date(T0 + index * 60_000),
        automated: index === 6,
      },
    });
    ids.push(message.id);
  }
  for (const [name, at] of [['second.pdf', 2], ['first.png', 1]] as const) {
    await temp.db.attachment.create({
      data: { conversationId: 'conv-thread', messageId: ids[20], sha256: name, filename: name, contentType: 'application/octet-stream', sizeBytes: at * 100, createdAt: new Date(T0 + at) },
    });
  }
});
afterAll(async () => {
  await temp?.close();
});

describe('loadThread', () => {
  it('reads the newest messages up to the one answered, oldest first, in one query', async () => {
    const { result: thread, statements } = await countQueries(() => loadThread(temp.db, 'conv-thread', ids[21]));
    expect(statements).toHaveLength(1);
    // Messages 0..21 less the automated one: 21, of which the newest 20 (1..21 without 6).
    expect(thread.map((entry) => entry.subject)).toEqual([1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21].map((index) => `Message ${index}`));
    expect(thread[3]).toMatchObject({ direction: 'outbound', from: 'support@ours.example', text: 'text 4', attachments: [] });
    expect(thread[0]?.sentAt).toBe(new Date(T0 + 60_000).toISOString());
    const long = thread.at(-2);
    expect(long?.text).toBe(`${'x'.repeat(7_999)}${'😀'.slice(0, 1)}`);
    expect(long?.attachments).toEqual([
      { filename: 'first.png', contentType: 'application/octet-stream', sizeBytes: 100 },
      { filename: 'second.pdf', contentType: 'application/octet-stream', sizeBytes: 200 },
    ]);
    expect(thread.at(-1)).toMatchObject({ subject: 'Message 21', text: '' });
  });

  it('reads the whole thread without a message to stop at, and fails on an unknown one', async () => {
    const thread = await loadThread(temp.db, 'conv-thread');
    expect(thread.at(-1)?.subject).toBe('Message 23');
    expect(thread).toHaveLength(20);
    await expect(loadThread(temp.db, 'conv-thread', 'no-such-message')).rejects.toMatchObject({ code: 'P2025' });
  });
});
