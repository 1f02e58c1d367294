import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Thread } from '../../../app/conversations/[id]/_components/thread';
import { ConversationHeader } from '../../../app/conversations/[id]/_components/conversation-header';
import { handleInboundRequest } from '../../../lib/features/intake/channels/api/handle-inbound-request';
import { signInboundBody } from '../../../lib/features/intake/channels/api/verify-sender-system';
import { getConversationDetailOrThrow } from '../../../lib/read/conversation/get-conversation-detail';
import { CHARSET_MAIL } from '../../fixtures/legacy-charset-mail';
import { createTempDb, type TempDb } from '../../support/temp-db';

/**
 * What an agent reads: mail posted to the intake (raw bytes, signed and unsigned) and
 * rendered by the conversation page's own components from the dashboard query.
 */
const SECRET = 'inbound-secret-for-tests-0123456789';
let store: TempDb;

beforeAll(async () => {
  store = await createTempDb();
});
afterAll(async () => {
  await store?.close();
});

async function post(body: Uint8Array<ArrayBuffer> | string, headers: Record<string, string>): Promise<string> {
  const response = await handleInboundRequest(new Request('http://localhost/api/inbound', { method: 'POST', body, headers }), {
    db: store.db,
    config: { INBOUND_SECRET: SECRET, INBOUND_MAX_BYTES: 1024 * 1024, TEMPORAL_TASK_QUEUE: 'render-test' },
    // Temporal is not needed to read mail: intake stores first and queues the delivery.
    getClient: () => Promise.reject(new Error('Temporal is not running in this test')),
  });
  expect(response.status).toBe(202);
  return ((await response.json()) as { conversationId: string }).conversationId;
}

async function renderConversation(id: string): Promise<string> {
  const detail = await getConversationDetailOrThrow(id, store.db);
  return renderToStaticMarkup(
    createElement('div', null, [
      createElement(ConversationHeader, { key: 'h', conversation: detail.conversation, inboxHref: '/', serverNow: new Date().toISOString(), riskLimit: 30 }),
      createElement(Thread, { key: 't', messages: detail.messages }),
    ]),
  );
}

const decodeEntities = (html: string) => html.replaceAll('&quot;', '"').replaceAll('&#x27;', "'").replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>');

describe('the conversation page', () => {
  it.each(CHARSET_MAIL.flatMap((mail) => [{ mail, signed: true }, { mail, signed: false }]))(
    'shows $mail.key mail as the customer wrote it (signed: $signed)',
    async ({ mail, signed }) => {
      const raw = mail.bytes(`<render-${mail.key}-${signed}@example.com>`);
      const auth = signed ? signInboundBody(raw, SECRET) : { authorization: `Bearer ${SECRET}` };
      const id = await post(raw, { 'content-type': 'message/rfc822', ...auth });
      const html = decodeEntities(await renderConversation(id));
      expect(html).toContain(mail.expectedText);
      if (mail.expectedName) expect(html).toContain(mail.expectedName);
      expect(html).not.toContain('\uFFFD');
    },
  );

  it('never shows a spoofing display name as the sender, and says why', async () => {
    const id = await post(JSON.stringify({ from: '"Maria Lopez <maria@a.example>" <mallory@evil.example>', subject: 'Refund', text: 'Hi', messageId: '<spoof@evil.example>' }), {
      'content-type': 'application/json',
      authorization: `Bearer ${SECRET}`,
    });
    const html = decodeEntities(await renderConversation(id));
    expect(html).toContain('mallory@evil.example');
    expect(html).toContain('Display name impersonates another address');
    expect(html).not.toMatch(/Maria Lopez <maria@a\.example> <mallory/);
    const detail = await getConversationDetailOrThrow(id, store.db);
    expect(detail.conversation.customerName).toBeNull();
  });

  it('shows a From that is not one mailbox as received, with the reason and no way to reply', async () => {
    const id = await post(JSON.stringify({ from: 'victim@a.example, attacker@b.example', subject: 'Help', text: 'Hi', messageId: '<list@b.example>' }), {
      'content-type': 'application/json',
      authorization: `Bearer ${SECRET}`,
    });
    const html = decodeEntities(await renderConversation(id));
    expect(html).toContain('victim@a.example, attacker@b.example');
    expect(html).toContain('Unverified sender: no reply can go out');
    expect(html).toContain('The From header lists 2 entries');
    expect(html).toContain('no reply can be sent from this conversation');
  });
});
