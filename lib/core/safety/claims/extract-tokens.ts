import { findAccountNumbers, findCodes } from './codes';
import { findEmails, findPhones, findUrls } from './contacts';
import { findDates, findDurations, findWeekdaysAndTimes } from './dates';
import { findAmounts, findPercentages } from './money';
import { findPeople } from './people';
import { findStreetAddresses } from './street-addresses';
import type { DraftToken } from './types';

/**
 * Every concrete token of a text. Finders run from the most specific to the most general and
 * each one blanks what it found, so the digits of a link, a date or an amount are not read
 * again as a code, and a phone number is not read as three numbers.
 */
const FINDERS: ((text: string) => DraftToken[])[] = [
  findEmails,
  findUrls,
  findAccountNumbers,
  findStreetAddresses,
  findDates,
  findAmounts,
  findPercentages,
  findWeekdaysAndTimes,
  findPhones,
  findDurations,
  findCodes,
];

function blank(text: string, tokens: readonly DraftToken[]): string {
  let result = text;
  for (const token of tokens) {
    const end = token.index + token.token.length;
    result = result.slice(0, token.index) + ' '.repeat(token.token.length) + result.slice(end);
  }
  return result;
}

export function extractTokens(text: string, passageWords: ReadonlySet<string> = new Set()): DraftToken[] {
  const tokens: DraftToken[] = [];
  let remaining = text;
  for (const find of FINDERS) {
    // A token must be found where it was written: finders report trimmed text at its offset.
    const found = find(remaining).filter((token) => remaining.startsWith(token.token, token.index));
    tokens.push(...found);
    remaining = blank(remaining, found);
  }
  tokens.push(...findPeople(remaining, passageWords));
  return tokens.sort((a, b) => a.index - b.index);
}
