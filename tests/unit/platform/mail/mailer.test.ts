import nodemailer from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { toNodemailerMessage, UnsafeRecipientError, type OutgoingMail } from '../../../../lib/platform/mail/mailer';

/** What nodemailer would put on the wire: the SMTP envelope and the message's headers. */
async function compose(mail: OutgoingMail): Promise<{ envelope: { to: string[] }; headers: string }> {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true });
  const info = await transport.sendMail(toNodemailerMessage(mail));
  const raw = (info.message as Buffer).toString('utf8');
  return { envelope: info.envelope, headers: raw.slice(0, raw.indexOf('\r\n\r\n')) };
}

const base: OutgoingMail = {
  from: 'Countersign Support <support@countersign.local>',
  to: { address: 'maria@a.example', name: 'Maria' },
  subject: 'Re: Order',
  text: 'Hello',
  messageId: '<conv-1.v1@countersign.local>',
};

describe('an outgoing reply', () => {
  it('has one recipient, in the envelope and the To header, whatever the name holds', async () => {
    const { envelope, headers } = await compose({ ...base, to: { address: 'maria@a.example', name: 'Lopez, Maria <x@evil.example>\r\nBcc: x@evil.example' } });
    expect(envelope.to).toEqual(['maria@a.example']);
    const to = headers.split('\r\n').filter((line) => /^to:/i.test(line));
    expect(to).toHaveLength(1);
    expect(to[0]).toMatch(/<maria@a\.example>$/);
    expect(headers).not.toMatch(/^bcc:/im);
    expect(headers).not.toMatch(/^cc:/im);
  });

  it('refuses an address that is not one plain mailbox instead of letting the library split it', () => {
    for (const address of ['victim@a.example, attacker@b.example', 'a@b.example\r\nBcc: x@evil.example', '"a b"@example.com', 'nobody']) {
      expect(() => toNodemailerMessage({ ...base, to: { address } }), address).toThrow(UnsafeRecipientError);
    }
  });

  it('echoes only valid, bounded Message-IDs into its threading headers', async () => {
    const huge = `<${'x'.repeat(200_000)}@evil.example>`;
    const { headers } = await compose({ ...base, inReplyTo: huge, references: ['<root@a.example>', huge, '<junk\r\nBcc: evil>'] });
    expect(headers).not.toContain('xxxxxxxxxx');
    expect(headers).toMatch(/^References: <root@a\.example>$/m);
    expect(headers).not.toMatch(/^In-Reply-To:/m);
    expect(headers.length).toBeLessThan(2_000);
  });
});
