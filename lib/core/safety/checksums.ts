/**
 * Checksums of the numbers that say where money goes. A number that passes one is almost
 * certainly what it looks like (a random digit string passes Luhn one time in ten, mod-97
 * one time in ninety-seven), so the screening can flag it without any words around it.
 */

/** IBAN (ISO 13616): country code, two check digits, up to 30 letters or digits; mod 97 = 1. */
export function isValidIban(candidate: string): boolean {
  const iban = candidate.replace(/[\s-]/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const value = char >= 'A' && char <= 'Z' ? String(char.charCodeAt(0) - 55) : char;
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

/** Payment card numbers (13-19 digits) carry a Luhn check digit. */
export function passesLuhn(candidate: string): boolean {
  const digits = candidate.replace(/[\s-]/g, '');
  if (!/^\d{13,19}$/.test(digits) || /^(\d)\1+$/.test(digits)) return false;
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** US ABA routing numbers: 9 digits, weights 3-7-1 summing to a multiple of 10. */
export function isValidAbaRouting(candidate: string): boolean {
  if (!/^\d{9}$/.test(candidate) || /^0+$/.test(candidate)) return false;
  const d = (index: number) => Number(candidate[index]);
  const sum = 3 * (d(0) + d(3) + d(6)) + 7 * (d(1) + d(4) + d(7)) + (d(2) + d(5) + d(8));
  return sum % 10 === 0;
}
