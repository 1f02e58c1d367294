import { END, LETTER, START } from './boundaries';
import { NUMBER_WORD_PATTERN, numberValue } from './numbers';
import type { DraftToken } from './types';

/**
 * Dates, days and deadlines. Calendar dates ("12 March", "14. Mai", "21 de junio", "17 апреля",
 * "11月20日", "12.03.2025"), weekdays and clock times are keyed by what they name; a duration
 * ("30 days", "30 Tage", "zwei Werktage", "семи дней", "60分間") is keyed by its number and its
 * unit, so the same deadline in another language is the same claim.
 */

const MONTHS: string[][] = [
  ['january', 'jan', 'januar', 'jänner', 'janvier', 'enero', 'gennaio', 'janeiro', 'januari', 'января', 'январь'],
  ['february', 'feb', 'februar', 'février', 'febrero', 'febbraio', 'fevereiro', 'februari', 'февраля', 'февраль'],
  ['march', 'mar', 'märz', 'mars', 'marzo', 'março', 'maart', 'марта', 'март'],
  ['april', 'apr', 'avril', 'abril', 'aprile', 'апреля', 'апрель'],
  ['may', 'mai', 'mayo', 'maggio', 'maio', 'mei', 'мая', 'май'],
  ['june', 'jun', 'juni', 'juin', 'junio', 'giugno', 'junho', 'июня', 'июнь'],
  ['july', 'jul', 'juli', 'juillet', 'julio', 'luglio', 'julho', 'июля', 'июль'],
  ['august', 'aug', 'août', 'agosto', 'augustus', 'августа', 'август'],
  ['september', 'sep', 'sept', 'septembre', 'septiembre', 'settembre', 'setembro', 'сентября', 'сентябрь'],
  ['october', 'oct', 'oktober', 'octobre', 'octubre', 'ottobre', 'outubro', 'октября', 'октябрь'],
  ['november', 'nov', 'novembre', 'noviembre', 'novembro', 'ноября', 'ноябрь'],
  ['december', 'dec', 'dezember', 'décembre', 'diciembre', 'dicembre', 'dezembro', 'декабря', 'декабрь'],
];
const MONTH_NUMBER = new Map(MONTHS.flatMap((names, index) => names.map((name) => [name, index + 1] as const)));
const MONTH = [...MONTH_NUMBER.keys()].sort((a, b) => b.length - a.length).join('|');

const WEEKDAYS =
  'monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|' +
  'lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo|' +
  'lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica|segunda-feira|terça-feira|quarta-feira|quinta-feira|sexta-feira|' +
  'maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|понедельник\\p{L}*|вторник\\p{L}*|сред[аеуы]|четверг\\p{L}*|пятниц\\p{L}+|суббот\\p{L}+|воскресень\\p{L}+';

const B = START;
const E = END;
const DAY_MONTH = new RegExp(`${B}(\\d{1,2})(?:\\.|º|er|st|nd|rd|th)?\\s*(?:de\\s+|of\\s+)?(${MONTH})\\.?${E}(?:\\s*(?:de\\s+)?(\\d{4}))?`, 'giu');
const MONTH_DAY = new RegExp(`${B}(${MONTH})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?${E}(?:,?\\s*(\\d{4}))?`, 'giu');
const NUMERIC_DATE = /(?<![\p{N}./-])(?:(\d{4})-(\d{1,2})-(\d{1,2})|(\d{1,2})[./](\d{1,2})[./](\d{2,4}))(?![\p{N}])/gu;
const JAPANESE_DATE = /(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日(?:[（(][月火水木金土日][）)])?/gu;
const WEEKDAY = new RegExp(`${B}(?:${WEEKDAYS})${E}|[（(][月火水木金土日][）)]|[月火水木金土日]曜日?`, 'giu');
const CLOCK = /(?<![\p{N}:])(\d{1,2}):(\d{2})(?![\p{N}])|(?<![\p{L}\p{N}])(\d{1,2})\s?(?:am|pm|a\.m\.|p\.m\.|uhr|h)(?![\p{L}\p{N}])|(\d{1,2})時(?:(\d{1,2})分)?/giu;

const UNITS: [unit: string, pattern: string][] = [
  ['minute', 'minutes?|mins?|minuten?|minutos?|minuti|минут[аы]?|分間?'],
  ['hour', 'hours?|hrs?|stunden?|heures?|horas?|or[ae]|uur|час(?:а|ов)?|時間'],
  ['day', 'days?|tage?n?|werktage?n?|arbeitstage?n?|jours?|días?|dias?|giorn[oi]|dag(?:en)?|werkdag(?:en)?|д(?:ень|ня|ней|н\\.)|営業日|日間?'],
  ['week', 'weeks?|wochen?|semaines?|semanas?|settiman[ae]|weken?|недел[яиью]'],
  ['month', 'months?|monate?n?|mois|mes(?:es)?|mes[ei]|maand(?:en)?|месяц(?:а|ев)?|か月|ヶ月|カ月'],
  ['year', 'years?|jahre?n?|ans?|années?|años?|ann[oi]|anos?|jaar|jaren|год(?:а|у)?|лет|年間?'],
];
const UNIT = UNITS.map(([, pattern]) => pattern).join('|');
const NUM = `\\d+(?:[.,]\\d+)?|[一二三四五六七八九十]+|${NUMBER_WORD_PATTERN}`;
const RANGE = '\\s*(?:-|–|—|~|〜|～|to|bis|à|a|al|tot|до|and|und|et|y|e|en)\\s*';
// One qualifier may sit between the number and the unit: "business", "рабочих", "ouvrés" sits after.
const QUALIFIER = '(?:\\s+(?:business|working|calendar|full|рабочих|календарных|полных))?';
const DURATION = new RegExp(`${B}(?:(?:entre|between|tra|zwischen|tussen|от|de|from|van)\\s+)?(${NUM})(?:${RANGE}(${NUM}))?${QUALIFIER}\\s*(${UNIT})(?!${LETTER})`, 'giu');

function unitOf(written: string): string {
  const lower = written.toLowerCase();
  return UNITS.find(([, pattern]) => new RegExp(`^(?:${pattern})$`, 'iu').test(lower))?.[0] ?? lower;
}

const monthOf = (name: string) => MONTH_NUMBER.get(name.toLowerCase()) ?? 0;
const calendarKey = (month: number, day: number) => `date:${month}-${day}`;

export function findDates(text: string): DraftToken[] {
  const found: DraftToken[] = [];
  // A full stop after the month ends the sentence unless the month is abbreviated ("Feb."); it is not part of the date.
  const add = (match: RegExpMatchArray, keys: string[]) =>
    found.push({ rule: 'date', token: match[0].trim().replace(/(\p{L}{3,})\.$/u, '$1'), keys, index: match.index ?? 0 });
  for (const match of text.matchAll(DAY_MONTH)) add(match, [calendarKey(monthOf(match[2] ?? ''), Number(match[1]))]);
  for (const match of text.matchAll(MONTH_DAY)) add(match, [calendarKey(monthOf(match[1] ?? ''), Number(match[2]))]);
  for (const match of text.matchAll(NUMERIC_DATE)) {
    const [month, day] = match[1] ? [Number(match[2]), Number(match[3])] : [Number(match[5]), Number(match[4])];
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) add(match, [calendarKey(month, day)]);
  }
  for (const match of text.matchAll(JAPANESE_DATE)) add(match, [calendarKey(Number(match[2]), Number(match[3]))]);
  return found;
}

export function findWeekdaysAndTimes(text: string): DraftToken[] {
  return [
    ...[...text.matchAll(WEEKDAY)].map((match) => ({ rule: 'date' as const, token: match[0], keys: [`weekday:${match[0].toLowerCase()}`], index: match.index })),
    ...[...text.matchAll(CLOCK)].map((match) => ({ rule: 'date' as const, token: match[0], keys: [`time:${match[0].toLowerCase().replace(/\s/g, '')}`], index: match.index })),
  ];
}

export function findDurations(text: string): DraftToken[] {
  return [...text.matchAll(DURATION)].flatMap((match) => {
    const unit = unitOf(match[3] ?? '');
    const values = [match[1], match[2]].filter((written): written is string => Boolean(written)).map(numberValue);
    if (values.some((value) => value === null)) return [];
    return [{ rule: 'date' as const, token: match[0].trim(), keys: values.map((value) => `${unit}:${value}`), index: match.index }];
  });
}
