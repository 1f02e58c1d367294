import { describe, expect, it } from 'vitest';
import { MAX_BODY_CHARS, normalizeJson } from '../../../../lib/features/intake/normalize';
import { parseRawEmail } from '../../../../lib/features/intake/parse-raw';
import { CHARSET_MAIL } from '../../../fixtures/legacy-charset-mail';

const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

const RAW = [
  'From: "Maria Lopez" <Maria.Lopez@Example.com>',
  'To: support@countersign.local',
  'Subject: Re: Password reset',
  'Message-ID: <reply-2@example.com>',
  'In-Reply-To: <root-1@example.com>',
  'References: <root-1@example.com>',
  '  <ours-1@countersign.local>',
  'Date: Tue, 17 Nov 2026 10:00:00 +0000',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Still no email, sorry!',
].join('\r\n');

describe('inbound parsing', () => {
  it('parses raw RFC 822 mail with threading headers, keeping the bytes', async () => {
    const raw = bytes(RAW);
    const email = await parseRawEmail(raw);
    expect(email).toMatchObject({
      sender: { mailbox: { address: 'Maria.Lopez@example.com', name: 'Maria Lopez' }, flags: [] },
      subject: 'Re: Password reset',
      messageId: '<reply-2@example.com>',
      inReplyTo: '<root-1@example.com>',
      references: ['<root-1@example.com>', '<ours-1@countersign.local>'],
      parseProblems: [],
    });
    expect(email.text).toContain('Still no email');
    expect(Buffer.from(email.rawMime ?? []).equals(Buffer.from(raw))).toBe(true);
  });

  it.each(CHARSET_MAIL)('decodes $key bodies and headers, keeping the raw bytes intact', async (mail) => {
    const raw = mail.bytes('<charset@example.com>');
    const email = await parseRawEmail(raw);
    expect(email.text.trim()).toBe(mail.expectedText);
    expect(email.subject).toBe(mail.subject);
    if (mail.expectedName) expect(email.sender.mailbox?.name).toBe(mail.expectedName);
    expect(email.text).not.toContain('\uFFFD');
    expect(Buffer.from(email.rawMime ?? []).equals(Buffer.from(raw))).toBe(true);
  });

  it('keeps mail it cannot parse, flagged, with an id derived from its bytes', async () => {
    const email = await parseRawEmail(bytes('this is not an email at all'));
    expect(email.parseProblems).toEqual(expect.arrayContaining(['malformed', 'invalid_message_id']));
    expect(email.sender.flags).toEqual(['sender_not_one_mailbox']);
    expect(email.messageId).toMatch(/^<missing-[0-9a-f]{32}@countersign\.invalid>$/);
    expect((await parseRawEmail(bytes('another broken one'))).messageId).not.toBe(email.messageId);
  });

  it('never keeps a 200 KB Message-ID or reference: it is replaced and flagged', async () => {
    const huge = `<${'a'.repeat(200_000)}@example.com>`;
    const raw = bytes(`From: a@b.example\r\nMessage-ID: ${huge}\r\nReferences: ${huge} <ok@example.com>\r\n\r\nHi`);
    const email = await parseRawEmail(raw);
    expect(email.parseProblems).toContain('invalid_message_id');
    expect(email.messageId.length).toBeLessThan(100);
    expect(email.references).toEqual(['<ok@example.com>']);
  });

  it('reads two From headers as no single sender', async () => {
    const email = await parseRawEmail(bytes('From: a@b.example\r\nFrom: c@d.example\r\nMessage-ID: <x@y.example>\r\n\r\nHi'));
    expect(email.sender.mailbox).toBeUndefined();
    expect(email.sender.problems.join()).toContain('2 From headers');
  });

  it('truncates oversized bodies and flags them instead of refusing', () => {
    const email = normalizeJson({ from: 'a@b.example', subject: 's', text: 'x'.repeat(MAX_BODY_CHARS + 10), messageId: 'm@x' }, 1);
    expect(email.text).toHaveLength(MAX_BODY_CHARS);
    expect(email.parseProblems).toEqual(['oversized']);
  });

  it('derives text from HTML when no text part is sent', () => {
    const email = normalizeJson({ from: 'a@b.example', subject: '', html: '<p>Hello <b>there</b></p><script>alert(1)</script>', messageId: 'm@x' }, 1);
    expect(email.text).toBe('Hello there');
    expect(email.subject).toBe('(no subject)');
  });

  it('keeps a JSON email without a Message-ID or From, flagged rather than refused', () => {
    const email = normalizeJson({ subject: 'Help\r\nBcc: x@evil.example', text: 'Hi' }, 1);
    expect(email.parseProblems).toEqual(['invalid_message_id']);
    expect(email.sender.flags).toEqual(['sender_not_one_mailbox']);
    expect(email.subject).toBe('Help Bcc: x@evil.example');
  });
});
