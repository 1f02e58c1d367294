import { afterEach, describe, expect, it } from 'vitest';
import { catcherFixture, transportFor } from './mail-catcher-fixture';
import type { CaughtMessage, CaughtMessageSummary, MailCatcher } from '../../../devstack/mail-catcher/server';

const fixture = catcherFixture();
afterEach(() => fixture.cleanup());

async function send(catcher: MailCatcher, subject: string): Promise<void> {
  await transportFor(catcher).sendMail({
    from: 'support@acme.test',
    to: 'alice@example.com',
    subject,
    messageId: `<${subject.replace(/\W/g, '')}@acme.test>`,
    text: `Body of ${subject}`,
  });
}

describe('mail catcher HTTP API', () => {
  it('lists newest first, returns full and raw messages, and reports health', async () => {
    const catcher = await fixture.start();
    await send(catcher, 'first');
    await send(catcher, 'second');

    const listResponse = await fetch(`${catcher.httpUrl}/api/messages`);
    expect(listResponse.status).toBe(200);
    const { messages } = (await listResponse.json()) as { messages: CaughtMessageSummary[] };
    expect(messages.map((m) => m.subject)).toEqual(['second', 'first']);

    const id = messages[1]!.id;
    const full = (await (await fetch(`${catcher.httpUrl}/api/messages/${id}`)).json()) as CaughtMessage;
    expect(full).toMatchObject({ id, subject: 'first', text: 'Body of first', messageId: '<first@acme.test>' });

    const raw = await fetch(`${catcher.httpUrl}/api/messages/${id}/raw`);
    expect(raw.headers.get('content-type')).toBe('message/rfc822');
    expect(await raw.text()).toMatch(/^Subject: first\r?$/m);

    expect(await (await fetch(`${catcher.httpUrl}/health`)).json()).toEqual({ ok: true, count: 2 });
    const page = await fetch(`${catcher.httpUrl}/`);
    expect(await page.text()).toContain(`/messages/${id}`);
  });

  it('answers 404 for unknown ids and 400 for ids that are not ids (no path traversal)', async () => {
    const catcher = await fixture.start();
    await send(catcher, 'only');

    const unknown = await fetch(`${catcher.httpUrl}/api/messages/1700000000000-deadbeef`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: 'not_found' });

    for (const id of ['..%2F..%2Fetc%2Fpasswd', '..%2Fx', '1700000000000-deadbeef.json', '%E0%A4%A']) {
      for (const suffix of ['', '/raw']) {
        const response = await fetch(`${catcher.httpUrl}/api/messages/${id}${suffix}`);
        expect(response.status, `${id}${suffix}`).toBe(400);
        await response.body?.cancel();
      }
    }
    expect((await fetch(`${catcher.httpUrl}/api/nope`)).status).toBe(404);
  });

  it('DELETE /api/messages clears everything; other methods get 405', async () => {
    const catcher = await fixture.start();
    await send(catcher, 'to be cleared');

    const put = await fetch(`${catcher.httpUrl}/api/messages`, { method: 'PUT' });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, DELETE');

    const cleared = await fetch(`${catcher.httpUrl}/api/messages`, { method: 'DELETE' });
    expect(await cleared.json()).toEqual({ ok: true });
    expect(await catcher.count()).toBe(0);
  });
});
