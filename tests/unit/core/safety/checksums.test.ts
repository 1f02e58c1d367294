import { describe, expect, it } from 'vitest';
import { isValidAbaRouting, isValidIban, passesLuhn } from '../../../../lib/core/safety/checksums';

describe('checksums of payment numbers', () => {
  it('validates IBANs by mod 97, with or without spaces', () => {
    expect(isValidIban('DE89 3704 0044 0532 0130 00')).toBe(true);
    expect(isValidIban('GB82WEST12345698765432')).toBe(true);
    expect(isValidIban('DE89 3704 0044 0532 0130 01')).toBe(false);
    expect(isValidIban('ORDER1234567890123')).toBe(false);
  });

  it('validates card numbers by Luhn and ignores repeated digits', () => {
    expect(passesLuhn('4539 1488 0343 6467')).toBe(true);
    expect(passesLuhn('4539 1488 0343 6468')).toBe(false);
    expect(passesLuhn('0000000000000000')).toBe(false);
    expect(passesLuhn('123456')).toBe(false);
  });

  it('validates ABA routing numbers', () => {
    expect(isValidAbaRouting('021000021')).toBe(true);
    expect(isValidAbaRouting('021000022')).toBe(false);
    expect(isValidAbaRouting('000000000')).toBe(false);
  });
});
