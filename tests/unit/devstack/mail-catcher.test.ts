import { afterEach, describe, expect, it } from 'vitest';
import { catcherFixture, transportFor } from './mail-catcher-fixture';
import type { MailCatcher } from '../../../devstack/mail-catcher/server';

const fixture = catcherFixture();
afterEach(() => fixture.cleanup());

function reply(catcher: MailCatcher, overrides: Record<string, unknown> = {}) {
  return transportFor(catcher).sendMail({
    from: 'Acme Support <support@acme.test>',
    to: 'Alice Customer <alice@example.com>',
    subject: 'Re: My order #1234',
    messageId: '<reply-1@acme.test>',
    inReplyTo: '<question-1@example.com>',
    references: ['<thread-0@example.com>', '<question-1@example.com>'],
    text: 'Hi Alice,\n\nYour order has shipped.\n\nAcme',
    html: '<p>Hi Alice,</p><p>Your order has <b>shipped</b>.</p>',
    ...overrides,
  });
}

describe('mail catcher over SMTP', () => {
  it('stores a sent message once with threading headers and bodies intact', async () => {
    const catcher = await fixture.start();
    const info = await reply(catcher);
    expect(info.accepted).toEqual(['alice@example.com']);

    const list = await catcher.list();
    expect(list).toHaveLength(1);
    const summary = list[0]!;
    expect(summary).toMatchObject({
      subject: 'Re: My order #1234',
      from: 'support@acme.test',
      to: ['alice@example.com'],
      messageId: '<reply-1@acme.test>',
      inReplyTo: '<question-1@example.com>',
      references: ['<thread-0@example.com>', '<question-1@example.com>'],
      envelope: { from: 'support@acme.test', to: ['alice@example.com'] },
      preview: 'Hi Alice, Your order has shipped. Acme',
    });
    expect(summary).not.toHaveProperty('text');

    const full = await catcher.get(summary.id);
    expect(full?.text).toBe('Hi Alice,\n\nYour order has shipped.\n\nAcme');
    expect(full?.html).toBe('<p>Hi Alice,</p><p>Your order has <b>shipped</b>.</p>');
    expect(full?.headers['in-reply-to']).toBe('<question-1@example.com>');
    expect(full?.headers.from).toBe('Acme Support <support@acme.test>');
    expect(full?.sizeBytes).toBeGreaterThan(100);
  });

  it('counts exactly one per send, newest first', async () => {
    const catcher = await fixture.start();
    for (const n of [1, 2, 3]) {
      await reply(catcher, { subject: `Reply ${n}`, messageId: `<reply-${n}@acme.test>` });
      expect(await catcher.count()).toBe(n);
    }
    expect((await catcher.list()).map((m) => m.subject)).toEqual(['Reply 3', 'Reply 2', 'Reply 1']);
    await catcher.clear();
    expect(await catcher.count()).toBe(0);
  });

  it('keeps messages across a restart on the same folder', async () => {
    const storageDir = await fixture.tempDir();
    const first = await fixture.start({ storageDir });
    await reply(first);
    const [before] = await first.list();
    await first.close();

    const second = await fixture.start({ storageDir });
    expect(await second.list()).toEqual([before]);
    expect((await second.get(before!.id))?.text).toContain('Your order has shipped.');
  });

  it('refuses reject-* recipients with a permanent 550 and stores nothing', async () => {
    const catcher = await fixture.start();
    await expect(reply(catcher, { to: 'reject-permanent@example.com' })).rejects.toMatchObject({
      responseCode: 550,
    });
    expect(await catcher.count()).toBe(0);
  });

  it('refuses tempfail-* recipients with a temporary 451', async () => {
    const catcher = await fixture.start();
    await expect(reply(catcher, { to: 'tempfail-busy@example.com' })).rejects.toMatchObject({
      responseCode: 451,
    });
    expect(await catcher.count()).toBe(0);
  });

  it('rejects a message over the size limit', async () => {
    const catcher = await fixture.start({ maxMessageBytes: 10_000 });
    await expect(reply(catcher, { text: 'x'.repeat(20_000), html: undefined })).rejects.toMatchObject({
      responseCode: 552,
    });
    expect(await catcher.count()).toBe(0);
    await reply(catcher, { text: 'small' });
    expect(await catcher.count()).toBe(1);
  });

  it('waitFor resolves with an already caught or a later matching message, and times out otherwise', async () => {
    const catcher = await fixture.start();
    await reply(catcher, { subject: 'early' });
    await expect(catcher.waitFor((m) => m.subject === 'early', 1_000)).resolves.toMatchObject({ subject: 'early' });

    const waiting = catcher.waitFor((m) => m.to.includes('bob@example.com'), 5_000);
    await reply(catcher, { subject: 'not for bob' });
    await reply(catcher, { subject: 'for bob', to: 'bob@example.com' });
    await expect(waiting).resolves.toMatchObject({ subject: 'for bob' });

    await expect(catcher.waitFor((m) => m.subject === 'never', 200)).rejects.toThrow(/no matching message/);
  });
});
