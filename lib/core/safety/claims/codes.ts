import type { DraftToken } from './types';

/**
 * Codes and one-time numbers: anything a reader would copy rather than read. Bank account
 * numbers in groups ("FR76 3000 6000 …"), identifiers that mix letters and digits ("TREUE25",
 * "INV-7781", "Kx7-Lm29-Qp"), runs of four or more digits ("482913", "739 104", "20-45-77"),
 * and long capitalised words ("AGRIFRPP"). Keyed by their letters and digits, uppercased, so
 * "RE-2291" and "re 2291" are the same code.
 */

const GROUPED_ACCOUNT = /(?<![\p{L}\p{N}])[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{2,4}){3,8}(?![\p{L}\p{N}])/gu;
// Codes are written in Latin or Cyrillic letters and digits; a Japanese sentence around them is not part of them.
const CODE_CHAR = '[\\p{Script=Latin}\\p{Script=Cyrillic}\\p{N}]';
const MIXED = new RegExp(`(?<![\\p{Script=Latin}\\p{Script=Cyrillic}\\p{N}_-])${CODE_CHAR}+(?:[-_/.]${CODE_CHAR}+)*(?![\\p{Script=Latin}\\p{Script=Cyrillic}\\p{N}_-])`, 'gu');
const DIGIT_GROUPS = /(?<![\p{Script=Latin}\p{Script=Cyrillic}\p{N}.,])\d{2,}(?:[ -]\d{2,})*(?![\p{Script=Latin}\p{Script=Cyrillic}\p{N}]|[.,]\d)/gu;
const CAPITALS = /(?<![\p{L}\p{N}])\p{Lu}{6,}(?![\p{L}\p{N}])/gu;

export const codeKey = (code: string) => code.normalize('NFKC').replace(/[^\p{L}\p{N}]/gu, '').toUpperCase();

function token(match: RegExpMatchArray): DraftToken {
  return { rule: 'code', token: match[0], keys: [codeKey(match[0])], index: match.index ?? 0 };
}

/** Grouped account numbers: first, so their groups are not read as separate numbers. */
export function findAccountNumbers(text: string): DraftToken[] {
  return [...text.matchAll(GROUPED_ACCOUNT)].filter((match) => /\d{4}/.test(match[0].replace(/\s/g, ''))).map(token);
}

export function findCodes(text: string): DraftToken[] {
  const mixed = [...text.matchAll(MIXED)].filter((match) => {
    const word = match[0];
    return /\p{L}/u.test(word) && /\p{N}/u.test(word) && word.replace(/[^\p{L}\p{N}]/gu, '').length >= 4 && !/^\d+(?:st|nd|rd|th|er|e|º|ª)$/iu.test(word);
  });
  const digits = [...text.matchAll(DIGIT_GROUPS)].filter((match) => {
    const count = match[0].replace(/\D/g, '').length;
    // A lone year is not a code; four digits or more otherwise are.
    return count >= 4 && !/^(?:19|20)\d{2}$/.test(match[0]);
  });
  const capitals = [...text.matchAll(CAPITALS)];
  // A digit run inside a mixed code ("Tulp-8841-x") is that code, not a second one.
  const inside = (match: RegExpMatchArray) =>
    mixed.some((code) => (match.index ?? 0) >= (code.index ?? 0) && (match.index ?? 0) < (code.index ?? 0) + code[0].length);
  return [...mixed, ...digits.filter((match) => !inside(match)), ...capitals.filter((match) => !inside(match))].map(token);
}
