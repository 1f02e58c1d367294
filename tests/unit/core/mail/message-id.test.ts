import { describe, expect, it } from 'vitest';
import { canonicalMessageId, MAX_REFERENCES, messageIdList } from '../../../../lib/core/mail/message-id';

describe('canonicalMessageId', () => {
  it('brackets bare ids, unfolds and trims, and keeps case exactly', () => {
    expect(canonicalMessageId('abc@x.example')).toBe('<abc@x.example>');
    expect(canonicalMessageId(' <AbC@X.example> ')).toBe('<AbC@X.example>');
    expect(canonicalMessageId('\r\n <abc@x.example>')).toBe('<abc@x.example>');
    // One form everywhere: ids that differ in case are different ids.
    expect(canonicalMessageId('<ABC@x.example>')).not.toBe(canonicalMessageId('<abc@x.example>'));
  });

  it('refuses what is not one bounded id', () => {
    for (const bad of ['', 'no-at-sign', '<a@b> <c@d>', '<a b@c>', '<a@b@c>', '<@b>', '<a@>', `<${'x'.repeat(300)}@y>`, '<a\r\nBcc: x@y>', '<"q"@x>']) {
      expect(canonicalMessageId(bad), bad).toBeUndefined();
    }
    expect(canonicalMessageId('<a@[127.0.0.1]>')).toBe('<a@[127.0.0.1]>');
  });
});

describe('messageIdList', () => {
  it('reads References, drops junk, dedupes and keeps the newest ones', () => {
    expect(messageIdList('<a@x> junk <b@y>\r\n <c@z> <a@x>')).toEqual({ ids: ['<a@x>', '<b@y>', '<c@z>'], dropped: 0 });
    expect(messageIdList(['a@x', '<b@y>'])).toEqual({ ids: ['<a@x>', '<b@y>'], dropped: 0 });
    expect(messageIdList(`<${'x'.repeat(300)}@y> <ok@y>`)).toEqual({ ids: ['<ok@y>'], dropped: 1 });
    const many = Array.from({ length: 30 }, (_, index) => `<m${index}@x>`).join(' ');
    const list = messageIdList(many);
    expect(list.ids).toHaveLength(MAX_REFERENCES);
    expect(list.ids.at(-1)).toBe('<m29@x>');
  });
});
