import { describe, expect, it } from 'vitest';
import { parseAddressList, parseSender, sameMailbox } from '../../../../lib/platform/mail/mailbox';

const word = (text: string, charset = 'utf-8') => `=?${charset}?B?${Buffer.from(text).toString('base64')}?=`;

describe('parseSender: exactly one mailbox or a reason', () => {
  it.each([
    ['Maria Lopez <maria@a.example>', 'maria@a.example', 'Maria Lopez'],
    ['"Lopez, Maria" <maria@a.example>', 'maria@a.example', 'Lopez, Maria'],
    ['maria@a.example', 'maria@a.example', undefined],
    ['<Maria.Lopez@A.Example>', 'Maria.Lopez@a.example', undefined],
    ['"maria"@a.example', 'maria@a.example', undefined],
    ['user@münchen.example', 'user@xn--mnchen-3ya.example', undefined],
    [`${word('Zoë, from sales')} <zoe@a.example>`, 'zoe@a.example', 'Zoë, from sales'],
    ['maria@a.example (Maria)', 'maria@a.example', 'Maria'],
    ['MARIA@A.EXAMPLE <maria@a.example>', 'maria@a.example', 'MARIA@A.EXAMPLE'],
  ])('%s is the one mailbox %s', (from, address, name) => {
    const sender = parseSender([from]);
    expect(sender.flags).toEqual([]);
    expect(sender.mailbox).toEqual(name ? { address, name } : { address });
  });

  it.each([
    ['victim@a.example, attacker@b.example', 'sender_not_one_mailbox'],
    ['victim@a.example; attacker@b.example', 'sender_not_one_mailbox'],
    ['team: a@b.example, c@d.example;', 'sender_not_one_mailbox'],
    ['undisclosed-recipients:;', 'sender_not_one_mailbox'],
    ['Maria <maria@a.example> <x@b.example>', 'sender_not_one_mailbox'],
    ['just a name', 'sender_not_one_mailbox'],
    ['', 'sender_not_one_mailbox'],
    ['victim@a.example\r\nbcc: x@b.example', 'sender_header_injection'],
    ['victim@a.example\nBcc: x@b.example', 'sender_header_injection'],
    ['victim@a.example\u0000x@b.example', 'sender_header_injection'],
    [`${word('Bob\r\nBcc: x@b.example')} <bob@a.example>`, 'sender_header_injection'],
    ['"a b"@example.com', 'sender_address_unusable'],
    ['"john..doe"@example.com', 'sender_address_unusable'],
    ['"a,b"@example.com', 'sender_address_unusable'],
    ['a@[127.0.0.1]', 'sender_address_unusable'],
    ['a@localhost', 'sender_address_unusable'],
    [`${word('a')}@b.example`, 'sender_address_unusable'],
    [`${'x'.repeat(2_000)}@a.example`, 'sender_address_unusable'],
  ])('%j has no mailbox to reply to (%s)', (from, flag) => {
    const sender = parseSender([from]);
    expect(sender.mailbox).toBeUndefined();
    expect(sender.flags).toEqual([flag]);
    expect(sender.problems.join(' ')).toMatch(/\w/);
    expect(sender.display.address).not.toMatch(/[\r\n]/);
  });

  it.each([
    ['"Maria <maria@a.example>" <x@b.example>', 'x@b.example', 'maria@a.example'],
    ['maria@a.example <x@b.example>', 'x@b.example', 'maria@a.example'],
    [`${word('Eve, <ceo@a.example>')} <eve@b.example>`, 'eve@b.example', 'ceo@a.example'],
    ['"Support (support@countersign.local)" <x@b.example>', 'x@b.example', 'support@countersign.local'],
  ])('%s: a display name showing another address is flagged and dropped', (from, real, shown) => {
    const sender = parseSender([from]);
    expect(sender.flags).toEqual(['display_name_spoof']);
    expect(sender.mailbox).toEqual({ address: real });
    expect(sender.display.name).toBeUndefined();
    expect(sender.problems[0]).toContain(shown);
  });

  it('refuses two From headers', () => {
    expect(parseSender(['a@b.example', 'c@d.example']).mailbox).toBeUndefined();
  });
});

describe('addresses', () => {
  it('compares mailboxes without case and lists To addresses', () => {
    expect(sameMailbox('Maria@A.example', 'maria@a.example')).toBe(true);
    expect(sameMailbox('maria@a.example', null)).toBe(false);
    expect(parseAddressList(['Support <support@countersign.local>, "x" <X@y.example>', 'bad'])).toEqual(['support@countersign.local', 'x@y.example']);
  });
});
