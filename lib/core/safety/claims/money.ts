import { END, START } from './boundaries';
import { numberValue } from './numbers';
import type { DraftToken } from './types';

/**
 * Money and shares of it: an amount is a number next to a currency, before or after it
 * ("€15", "15 EUR", "15,00 €", "R$ 1.290,00", "5,000円", "40 евро"); its key is the currency and
 * the value, so every way of writing the same sum is the same claim. A percentage is a number
 * with a percent sign or word.
 */

const CURRENCIES: [code: string, pattern: string][] = [
  ['EUR', '€|eur|euros?|евро'],
  ['USD', 'us\\$|\\$|usd|dollars?|dólares|dollari|долларов|доллара?'],
  ['GBP', '£|gbp|pounds?(?: sterling)?'],
  ['BRL', 'r\\$|brl|reais'],
  ['JPY', '¥|円|jpy|yen'],
  ['RUB', '₽|rub|руб\\.|рубл(?:ей|я|ь)'],
  ['CHF', 'chf|fr\\.|franken|francs?'],
];
const CURRENCY = CURRENCIES.map(([, pattern]) => pattern).join('|');
const NUMBER = '\\d[\\d\\s.,\'’]*\\d|\\d';
const AMOUNT = new RegExp(
  `${START}(?:(${CURRENCY})\\s?(${NUMBER})|(${NUMBER})\\s?(${CURRENCY}))${END}`,
  'giu',
);
const PERCENT = /(?<![\p{Script=Latin}\p{Script=Cyrillic}\p{N}.,])(\d+(?:[.,]\d+)?)\s?(?:%|％|percent\b|per cent\b|prozent\b|pour ?cent\b|por ?ciento\b|per ?cento\b|por ?cento\b|procent\b|процент\w*|パーセント)/giu;

function currencyCode(written: string): string {
  const lower = written.toLowerCase();
  return CURRENCIES.find(([, pattern]) => new RegExp(`^(?:${pattern})$`, 'iu').test(lower))?.[0] ?? lower;
}

export function findAmounts(text: string): DraftToken[] {
  return [...text.matchAll(AMOUNT)].flatMap((match) => {
    const currency = match[1] ?? match[4] ?? '';
    const value = numberValue((match[2] ?? match[3] ?? '').trim());
    if (value === null) return [];
    return [{ rule: 'amount' as const, token: match[0].trim(), keys: [`${currencyCode(currency)}:${value}`], index: match.index }];
  });
}

export function findPercentages(text: string): DraftToken[] {
  return [...text.matchAll(PERCENT)].flatMap((match) => {
    const value = numberValue(match[1] ?? '');
    return value === null ? [] : [{ rule: 'percentage' as const, token: match[0], keys: [String(value)], index: match.index }];
  });
}
