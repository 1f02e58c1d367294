/**
 * Numbers as people write them in the supported languages: digits with either decimal
 * convention ("1,188", "1.290,00", "19,50"), number words ("seven", "sieben", "sept",
 * "семи"), and kanji numerals ("三"). A claim and a passage carry the same number when these
 * read to the same value.
 */

const WORDS: Record<number, string[]> = {
  1: ['one', 'eins', 'ein', 'eine', 'einem', 'einen', 'uno', 'um', 'één', 'один', 'одна', 'одного', 'одной', 'одну', 'одни'],
  2: ['two', 'zwei', 'deux', 'dos', 'due', 'dois', 'duas', 'twee', 'два', 'две', 'двух', 'двум', 'двумя'],
  3: ['three', 'drei', 'trois', 'tres', 'tre', 'três', 'drie', 'три', 'трёх', 'трех', 'трём', 'трем', 'тремя'],
  4: ['four', 'vier', 'quatre', 'cuatro', 'quattro', 'quatro', 'четыре', 'четырёх', 'четырех'],
  5: ['five', 'fünf', 'cinq', 'cinco', 'cinque', 'vijf', 'пять', 'пяти'],
  6: ['six', 'sechs', 'seis', 'sei', 'zes', 'шесть', 'шести'],
  7: ['seven', 'sieben', 'sept', 'siete', 'sette', 'sete', 'zeven', 'семь', 'семи'],
  8: ['eight', 'acht', 'huit', 'ocho', 'otto', 'oito', 'восемь', 'восьми'],
  9: ['nine', 'neun', 'neuf', 'nueve', 'nove', 'negen', 'девять', 'девяти'],
  10: ['ten', 'zehn', 'dix', 'diez', 'dieci', 'dez', 'tien', 'десять', 'десяти'],
  12: ['twelve', 'zwölf', 'douze', 'doce', 'dodici', 'doze', 'twaalf', 'двенадцать', 'двенадцати'],
  14: ['fourteen', 'vierzehn', 'quatorze', 'catorce', 'quattordici', 'catorze', 'veertien', 'четырнадцать', 'четырнадцати'],
  15: ['fifteen', 'fünfzehn', 'quinze', 'quince', 'quindici', 'vijftien', 'пятнадцать', 'пятнадцати'],
  20: ['twenty', 'zwanzig', 'vingt', 'veinte', 'venti', 'vinte', 'twintig', 'двадцать', 'двадцати'],
  30: ['thirty', 'dreißig', 'dreissig', 'trente', 'treinta', 'trenta', 'trinta', 'dertig', 'тридцать', 'тридцати'],
  60: ['sixty', 'sechzig', 'soixante', 'sesenta', 'sessanta', 'sessenta', 'zestig', 'шестьдесят', 'шестидесяти'],
};

const BY_WORD = new Map<string, number>(Object.entries(WORDS).flatMap(([value, words]) => words.map((word) => [word, Number(value)])));

/** Alternation of every number word, longest first, for use inside a regex. */
export const NUMBER_WORD_PATTERN = [...BY_WORD.keys()].sort((a, b) => b.length - a.length).join('|');

const KANJI: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

function kanjiValue(text: string): number | null {
  if (!/^[一二三四五六七八九十]+$/.test(text)) return null;
  const [tens, ones] = text.includes('十') ? text.split('十') : ['', text];
  const ten = text.includes('十') ? (tens ? (KANJI[tens] ?? 0) : 1) * 10 : 0;
  return ten + (ones ? (KANJI[ones] ?? 0) : 0);
}

/** A written number (digits in either convention, a number word or kanji) as its value, or null. */
export function numberValue(written: string): number | null {
  const text = written.trim().toLowerCase().normalize('NFKC');
  const word = BY_WORD.get(text);
  if (word !== undefined) return word;
  const kanji = kanjiValue(text);
  if (kanji !== null) return kanji;
  if (!/^\d[\d\s.,'’]*$/.test(text)) return null;
  const compact = text.replace(/[\s'’]/g, '');
  const lastComma = compact.lastIndexOf(',');
  const lastDot = compact.lastIndexOf('.');
  let decimal = '';
  if (lastComma >= 0 && lastDot >= 0) decimal = lastComma > lastDot ? ',' : '.';
  else if (lastComma >= 0 || lastDot >= 0) {
    const mark = lastComma >= 0 ? ',' : '.';
    const tail = compact.slice(compact.lastIndexOf(mark) + 1);
    // One mark before exactly three digits groups thousands ("1,188", "5.000"); otherwise it is the decimal.
    decimal = tail.length === 3 && compact.split(mark).length >= 2 ? '' : mark;
  }
  const normalised = decimal
    ? compact.replace(decimal === ',' ? /\./g : /,/g, '').replace(decimal, '.')
    : compact.replace(/[.,]/g, '');
  const value = Number(normalised);
  return Number.isFinite(value) ? value : null;
}
