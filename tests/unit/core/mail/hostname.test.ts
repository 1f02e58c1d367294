import { describe, expect, it } from 'vitest';
import { hostnameProblem } from '../../../../lib/core/mail/hostname';

describe('hostnameProblem: what may be asked of DNS', () => {
  it.each([
    'example.com',
    'example.com.',
    '_dmarc.mail.example.co.uk',
    'selector1._domainkey.contoso.com',
    's2048-2026_a._domainkey.xn--mnchen-3ya.example',
    `${'a'.repeat(63)}.example`,
  ])('accepts %j', (name) => {
    expect(hostnameProblem(name)).toBeUndefined();
  });

  it.each([
    ['selector._domainkey.attack.example.\u0000.any._domainkey.victim.example', /NUL/],
    ['victim.example\r\nX-Injected: 1', /control/],
    ["legitimate.example'a.attack.example", /character/],
    ['legitimate.example(a.attack.example', /character/],
    ['exa mple.com', /character/],
    ['münchen.example', /character/],
    ['-bad.example', /character/],
    ['a..example', /empty label/],
    ['.example', /empty label/],
    ['', /empty/],
    [`${'a'.repeat(64)}.example`, /63/],
    [`${'abcdefghi.'.repeat(26)}example`, /253/],
  ])('refuses %j', (name, why) => {
    expect(hostnameProblem(name)).toMatch(why);
  });
});
