import type { DraftToken } from './types';

/**
 * Street addresses: a street word with a house number, in the order each language writes
 * them ("14 Orchard Lane", "Gartenstraße 17a", "Calle de Toledo 45", "Via Roma 112", "Rua das
 * Flores, 238", "Keizersgracht 221", "ул. Ленина, д. 25"), and Japanese block numbers
 * ("北沢2-14-7", "203号室"). Keyed by the lowercased text: an address is supported only when
 * a passage names it.
 */

const SUFFIXED = '\\p{Lu}[\\p{L}-]*(?:straße|strasse|str\\.|gasse|weg|allee|platz|ring|damm|ufer|gracht|straat|laan|kade|plein|singel|dijk|steeg)';
// English street words follow a capitalised name ("14 Orchard Lane"), never "48213 is on its way".
const anyCase = (word: string) => `[${word[0]?.toUpperCase()}${word[0]}]${word.slice(1)}`;
const STREET_AFTER = `(?:${'street|st\\.|road|rd\\.?|lane|ln\\.?|avenue|ave\\.?|drive|dr\\.|way|close|court|place|crescent|terrace|boulevard|blvd\\.?'.split('|').map(anyCase).join('|')})`;
const CAPITALISED = "\\p{Lu}[\\p{L}'’.-]*";
const STREET_BEFORE =
  '(?:rue|avenue|av\\.|boulevard|bd|chemin|allée|impasse|quai|place|calle|c/|avenida|avda\\.?|plaza|paseo|camino|carrer|via|viale|piazza|corso|vicolo|largo|rua|travessa|praça|alameda|estrada|улица|ул\\.|проспект|пр-т|пр\\.|переулок|пер\\.|шоссе|бульвар|площадь)';
const NAME = "[\\p{Lu}\\p{Ll}][\\p{L}'’.-]*";
// A house number, not the start of a range or a decimal ("3-5 werkdagen").
const HOUSE = '\\d{1,5}\\s?[a-zA-Z]?(?![\\p{L}\\p{N}])(?![-–/.,]?\\d)';

const PATTERNS: RegExp[] = [
  new RegExp(`(?<![\\p{L}])${SUFFIXED}\\s*,?\\s*${HOUSE}`, 'gu'),
  new RegExp(`(?<![\\p{L}\\p{N}])\\d{1,5}[a-z]?,?\\s+(?:${CAPITALISED}\\s+){1,3}${STREET_AFTER}(?![\\p{L}])`, 'gu'),
  new RegExp(`(?<![\\p{L}])${STREET_BEFORE}\\s+(?:(?:de|del|della|dei|das|dos|da|do|des|du|la|le|di)\\s+)?(?:${NAME}\\s*){1,3},?\\s*(?:д\\.\\s*|nº\\s*|n\\.\\s*|no\\.\\s*)?${HOUSE}`, 'giu'),
  /[\p{Script=Han}]{1,6}\d{1,4}(?:[-－‐]\d{1,4}){1,3}|\d{1,4}号室?|\d{1,4}丁目/gu,
];

export function findStreetAddresses(text: string): DraftToken[] {
  return PATTERNS.flatMap((pattern) =>
    [...text.matchAll(pattern)].map((match) => ({ rule: 'street_address' as const, token: match[0].trim(), keys: [match[0].toLowerCase().replace(/\s+/g, ' ').trim()], index: match.index })),
  );
}
