import { describe, expect, it } from 'vitest';
import { storable, storableText } from '../../../../lib/core/text/storable-text';

const NUL = String.fromCharCode(0);

describe('storable: what PostgreSQL text and jsonb can hold', () => {
  it('replaces NUL and lone surrogates with U+FFFD and keeps proper pairs', () => {
    expect(storableText(`a${NUL}b`)).toBe('a\uFFFDb');
    expect(storableText('x\uD800y\uDC00z')).toBe('x\uFFFDy\uFFFDz');
    expect(storableText('smile \uD83D\uDE00')).toBe('smile \uD83D\uDE00');
  });

  it('walks every string of a nested value, keys included, and says whether it changed anything', () => {
    const raw = new Uint8Array([0, 1, 2]);
    const sentAt = new Date('2026-11-20T10:00:00Z');
    const input = {
      authResults: { dkim: [{ selector: `selector._domainkey.attack.example.${NUL}.any`, result: 'fail' }] },
      envelope: { mailFrom: `a${NUL}@b.example`, rcptTo: ['support@victim.example'] },
      headers: { [`x-${NUL}`]: 'v' },
      rawMime: raw,
      sentAt,
      count: 3,
    };
    const { value, replaced } = storable(input);
    expect(replaced).toBe(true);
    expect(JSON.stringify(value)).not.toContain('\\u0000');
    expect(value.authResults.dkim[0]?.selector).toBe('selector._domainkey.attack.example.\uFFFD.any');
    expect(value.envelope.mailFrom).toBe('a\uFFFD@b.example');
    expect(Object.keys(value.headers)).toEqual(['x-\uFFFD']);
    // Bytes and dates are not text: they pass through as they are.
    expect(value.rawMime).toBe(raw);
    expect(value.sentAt).toBe(sentAt);
    expect(value.count).toBe(3);
  });

  it('reports nothing replaced for ordinary mail', () => {
    expect(storable({ subject: 'Grüße, ¿qué tal? 你好', to: ['a@b.example'] }).replaced).toBe(false);
  });
});
