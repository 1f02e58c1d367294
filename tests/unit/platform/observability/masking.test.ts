import { describe, expect, it } from 'vitest';
import { createTextMask, maskAttributeValue, redactPii } from '../../../../lib/platform/observability/masking';

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

  it('keeps serialized JSON valid', () => {
    const json = JSON.stringify({ from: 'a@b.example', text: 'call 415-555-0134\nthanks' });
    expect(JSON.parse(redactPii(json))).toEqual({ from: '[email]', text: 'call [phone]\nthanks' });
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
