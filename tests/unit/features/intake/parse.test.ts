import { describe, expect, it } from 'vitest';
import { normalizeJson, normalizeMessageId, parseIdList, MAX_BODY_CHARS } from '../../../../lib/features/intake/normalize';
import { parseRawEmail } from '../../../../lib/features/intake/parse-raw';

const RAW = [
  'From: "Maria Lopez" <Maria.Lopez@Example.com>',
  'To: support@countersign.local',
  'Subject: Re: Password reset',
  'Message-ID: <reply-2@example.com>',
  'In-Reply-To: <root-1@example.com>',
  'References: <root-1@example.com> <ours-1@countersign.local>',
  'Date: Tue, 17 Nov 2026 10:00:00 +0000',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Still no email, sorry!',
].join('\r\n');

describe('inbound parsing', () => {
  it('normalises Message-IDs and reference lists', () => {
    expect(normalizeMessageId('abc@x')).toBe('<abc@x>');
    expect(normalizeMessageId(' <abc@x> ')).toBe('<abc@x>');
    expect(parseIdList('<a@x> <b@y>\r\n <c@z>')).toEqual(['<a@x>', '<b@y>', '<c@z>']);
    expect(parseIdList(['a@x', '<b@y>'])).toEqual(['<a@x>', '<b@y>']);
  });

  it('parses raw RFC 822 mail with threading headers', async () => {
    const email = await parseRawEmail(RAW, RAW.length);
    expect(email).toMatchObject({
      fromAddress: 'maria.lopez@example.com',
      fromName: 'Maria Lopez',
      subject: 'Re: Password reset',
      messageId: '<reply-2@example.com>',
      inReplyTo: '<root-1@example.com>',
      references: ['<root-1@example.com>', '<ours-1@countersign.local>'],
      parseProblems: [],
    });
    expect(email.text).toContain('Still no email');
    expect(email.rawMime).toBe(RAW);
  });

  it('keeps mail it cannot fully parse, flagged as malformed', async () => {
    const email = await parseRawEmail('this is not an email at all', 27);
    expect(email.parseProblems).toContain('malformed');
    expect(email.messageId).toMatch(/^<missing-[0-9a-f]{32}@countersign\.invalid>$/);
    expect((await parseRawEmail('another broken one', 18)).messageId).not.toBe(email.messageId);
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
});
