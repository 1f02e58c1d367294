import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDovecot, type Dovecot } from '../../../../support/dovecot';

let dovecot: Dovecot;
const user = { user: 'probe@imap.test', password: 'probe-password-1' };
beforeAll(async () => {
  dovecot = await startDovecot([user]);
});
afterAll(async () => {
  await dovecot?.close();
});

describe('the private Dovecot the IMAP tests run against', () => {
  it('logs in, takes an APPEND and reports the message and its flags', async () => {
    await dovecot.append(user, Buffer.from('From: a@b.test\r\nSubject: hi\r\n\r\nbody\r\n'));
    expect(await dovecot.flags(user)).toEqual([{ uid: 1, seen: false }]);
    const client = await dovecot.client(user);
    expect(client.capabilities.has('IDLE')).toBe(true);
    await client.logout();
  });
});
