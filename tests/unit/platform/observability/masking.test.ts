import { describe, expect, it } from 'vitest';
import { maskPatternsJsonSchema } from '../../../../lib/platform/observability/mask-patterns';
import { createTextMask, maskAttributeValue, maskValue, redactPii } from '../../../../lib/platform/observability/masking';

describe('redactPii', () => {
  it.each([
    ['mail anna.k+support@mail.example.co.uk today', 'mail [email] today'],
    ['call +1 (415) 555-0134 now', 'call [phone] now'],
    ['call 415-555-0134', 'call [phone]'],
    ['ring +44 20 7946 0958.', 'ring [phone].'],
    ['mobile 0151 23456789', 'mobile [phone]'],
    ['raw 4155550134', 'raw [phone]'],
  ])('redacts %j', (input, expected) => {
    expect(redactPii(input)).toBe(expected);
  });

  it.each([
    'order #48213 shipped',
    'invoice 2025-11-21 for $4,800.00',
    'on 21.11.2025 at 10:30',
    'server 192.168.100.200 is down',
    'ticket 1234567',
    'version 4.1.12',
  ])('leaves %j alone', (input) => {
    expect(redactPii(input)).toBe(input);
  });

});

describe('maskValue: masking on the structure, before serialization', () => {
  const mask = createTextMask({ maskPii: true });
  // A prompt as the worker records it: text blocks, a thread with values at line starts,
  // nested arrays, and a tool call whose input carries the customer's details.
  const prompt = {
    system: [{ type: 'text', text: 'You triage email.' }],
    messages: [
      {
        role: 'user',
        content: '<untrusted_email from="jane.doe@example.com">\n+1 (415) 555-0134\njane.doe@example.com\n"quoted" \\ back\\slash</untrusted_email>',
      },
      {
        role: 'assistant',
        content: [{ type: 'tool_use', id: 'toolu_1', name: 'record_classification', input: { contact: { email: 'jane.doe@example.com', phones: [['415-555-0134'], '+44 20 7946 0958'] }, order: '#48213' } }],
      },
    ],
  };

  it('masks values at the start of a line, the case a pattern over serialized JSON missed', () => {
    const masked = maskValue(mask, { text: 'Hi,\n415-555-0134\nbob@corp.example\r\n+49 30 1234567' }) as { text: string };
    expect(masked.text).toBe('Hi,\n[phone]\n[email]\r\n[phone]');
  });

  it('keeps every masked prompt valid JSON with no personal data left, in nested arrays and tool inputs', () => {
    const serialized = JSON.stringify(maskValue(mask, prompt));
    const parsed = JSON.parse(serialized) as typeof prompt;
    for (const leak of ['jane.doe', '555-0134', '7946']) expect(serialized).not.toContain(leak);
    expect(parsed.messages[0]?.content).toBe('<untrusted_email from="[email]">\n[phone]\n[email]\n"quoted" \\ back\\slash</untrusted_email>');
    expect(parsed.messages[1]?.content).toEqual([
      { type: 'tool_use', id: 'toolu_1', name: 'record_classification', input: { contact: { email: '[email]', phones: [['[phone]'], '[phone]'] }, order: '#48213' } },
    ]);
    // What masking must not touch stays byte for byte the same.
    expect(parsed.system).toEqual(prompt.system);
  });

  it('masks object keys, turns dates into strings and survives cycles', () => {
    const cyclic: Record<string, unknown> = { at: new Date('2026-01-02T03:04:05.000Z'), 'x@y.example': 1 };
    cyclic.self = cyclic;
    const masked = maskValue(mask, cyclic);
    expect(masked).toEqual({ at: '2026-01-02T03:04:05.000Z', '[email]': 1, self: '[circular]' });
    expect(() => JSON.stringify(masked)).not.toThrow();
  });

  it('leaves non-string values and the shape alone when nothing is personal', () => {
    const value = { n: 1, b: false, nothing: null, list: [1, 'order #48213', { deep: ['v4.1.12'] }] };
    expect(maskValue(mask, value)).toEqual(value);
  });

  it('gives the span processor’s hook valid JSON back, whatever the text', () => {
    const attribute = JSON.stringify({ text: 'call\n415-555-0134 or mail\njane@example.com' });
    const hooked = maskAttributeValue(mask, attribute);
    expect(JSON.parse(String(hooked))).toEqual({ text: 'call\n[phone] or mail\n[email]' });
    expect(maskAttributeValue(mask, 'plain jane@example.com')).toBe('plain [email]');
    expect(maskAttributeValue(mask, '{not json jane@example.com')).toBe('{not json [email]');
  });
});

describe('configurable patterns (LANGFUSE_MASK_PATTERNS)', () => {
  it('masks the operator’s own patterns under their labels, even with PII masking off', () => {
    const patterns = maskPatternsJsonSchema.parse('{"customer_number":"\\\\bCN-\\\\d{6}\\\\b","iban":"\\\\bDE\\\\d{20}\\\\b"}');
    const mask = createTextMask({ maskPii: false, patterns });
    expect(maskValue(mask, { notes: ['CN-123456 pays from DE89370400440532013000', 'CN-12345 stays'] })).toEqual({
      notes: ['[customer_number] pays from [iban]', 'CN-12345 stays'],
    });
  });

  it('refuses patterns that are not regular expressions, match nothing at all, or carry a bad label', () => {
    expect(maskPatternsJsonSchema.safeParse('{"x":"(unclosed"}').success).toBe(false);
    expect(maskPatternsJsonSchema.safeParse('{"empty":"a*"}').success).toBe(false);
    expect(maskPatternsJsonSchema.safeParse('{"bad label":"x"}').success).toBe(false);
    expect(maskPatternsJsonSchema.safeParse('["x"]').success).toBe(false);
  });
});

describe('createTextMask', () => {
  it('always redacts API keys and configured secrets, masking PII only when asked', () => {
    const text = 'key sk-ant-api03-AbCdEf0123456789 lf pk-lf-0a1b2c3d4e5f, custom s3cr3t-value-xyz, mail x@y.example';
    const secretsOnly = createTextMask({ maskPii: false, secrets: ['s3cr3t-value-xyz', 'short', undefined] });
    expect(secretsOnly(text)).toBe('key [redacted] lf [redacted], custom [redacted], mail x@y.example');
    const withPii = createTextMask({ maskPii: true });
    expect(withPii(text)).toContain('mail [email]');
  });

  it('redacts credentials copied from an Authorization header but keeps the scheme', () => {
    const mask = createTextMask({ maskPii: false });
    expect(mask('Authorization: Basic cGstbGYtMTIzOnNrLWxmLTQ1Ng==')).toBe('Authorization: Basic [redacted]');
    expect(mask('Bearer abcdefghijklmnopqrstuvwxyz')).toBe('Bearer [redacted]');
  });

  it('masks string attribute values and arrays of them, leaving numbers alone', () => {
    const mask = createTextMask({ maskPii: true });
    expect(maskAttributeValue(mask, 'x@y.example')).toBe('[email]');
    expect(maskAttributeValue(mask, ['x@y.example', 3])).toEqual(['[email]', 3]);
    expect(maskAttributeValue(mask, 42)).toBe(42);
  });
});
