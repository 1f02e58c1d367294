import { describe, expect, it } from 'vitest';
import { getOutboxMessage, listOutbox } from '../../../../lib/read/outbox/list-outbox';

const summary = {
  id: '1732170000000-0a1b2c3d',
  receivedAt: '2026-11-21T06:00:00.000Z',
  envelope: { from: 'support@countersign.local', to: ['jane@customer.test'] },
  messageId: '<conv-1.v1@countersign.local>',
  inReplyTo: '<in@customer.test>',
  references: [],
  from: 'support@countersign.local',
  to: ['jane@customer.test'],
  subject: 'Re: Help',
  date: null,
  sizeBytes: 812,
  preview: 'Hi Jane',
};

function fakeFetch(respond: (url: string) => Response | Promise<Response>): typeof fetch {
  return async (input) => respond(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
}

describe('listOutbox', () => {
  it('is disabled without a mail catcher URL (a real SMTP relay is configured)', async () => {
    expect(await listOutbox({ baseUrl: '', fetch: fakeFetch(() => Response.json({})) })).toEqual({ kind: 'disabled' });
  });

  it('lists what the catcher caught, parsed at the boundary', async () => {
    let asked = '';
    const result = await listOutbox({
      baseUrl: 'http://127.0.0.1:1080/',
      fetch: fakeFetch((url) => {
        asked = url;
        return Response.json({ messages: [summary] });
      }),
    });
    expect(asked).toBe('http://127.0.0.1:1080/api/messages');
    expect(result).toMatchObject({ kind: 'ok', value: [{ id: summary.id, subject: 'Re: Help', to: ['jane@customer.test'] }] });
  });

  it('reports an unreachable catcher or an unexpected answer instead of throwing', async () => {
    const down = await listOutbox({ baseUrl: 'http://127.0.0.1:1', fetch: fakeFetch(() => Promise.reject(new TypeError('fetch failed'))) });
    expect(down).toMatchObject({ kind: 'unreachable', message: expect.stringContaining('fetch failed') as string });
    const skewed = await listOutbox({ baseUrl: 'http://x', fetch: fakeFetch(() => Response.json({ items: [] })) });
    expect(skewed.kind).toBe('unreachable');
  });
});

describe('getOutboxMessage', () => {
  it('refuses ids that are not a single safe path segment without asking the catcher', async () => {
    let called = false;
    const result = await getOutboxMessage('../../etc/passwd', { baseUrl: 'http://x', fetch: fakeFetch(() => ((called = true), Response.json({}))) });
    expect(result).toEqual({ kind: 'not_found' });
    expect(called).toBe(false);
  });

  it('passes a 404 through as not_found', async () => {
    expect(await getOutboxMessage(summary.id, { baseUrl: 'http://x', fetch: fakeFetch(() => new Response('', { status: 404 })) })).toEqual({ kind: 'not_found' });
  });
});
