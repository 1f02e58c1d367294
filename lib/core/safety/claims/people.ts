import type { DraftToken } from './types';

/**
 * People named in a draft: a title or a relation before a name ("Frau Yilmaz", "la signora
 * Esposito", "Sr. Carvalho", "dott.ssa Marino", "鈴木様"), and a first and last name written
 * together ("Sarah Whitfield", "Ирины Морозовой"). Capitalised words that open a greeting or a
 * sign-off, or that the passages use, are not names. Keyed by each name word, lowercased: the
 * customer, our agents and names in the passages are known people.
 */

const TITLES =
  "mr|mrs|ms|miss|dr|herr|herrn|frau|hr|fr|monsieur|madame|mademoiselle|maître|m|mme|mlle|señor|señora|señorita|sr|sra|srta|don|doña|" +
  "signor|signore|signora|signorina|sig|sig\\.ra|dott|dott\\.ssa|dottor|dottoressa|avv|ing|senhor|senhora|dona|dhr|mevr|meneer|mevrouw|" +
  'господин|госпожа|г-н|г-жа|neighbou?r|colleague|nachbar(?:in)?|kollege|kollegin|voisin(?:e)?|collègue|vecin[oa]|compañer[oa]|vicin[oa]|collega|vizinh[oa]|colega|buurman|buurvrouw|collega|сосед(?:ка|ки|ке|а|у)?|коллег[аиу]';
// Titles match capitalised or not, names only capitalised: the name pattern cannot take the i flag.
const anyCase = (word: string) => (/^\p{L}/u.test(word) ? `[${word[0]?.toUpperCase()}${word[0]}]${word.slice(1)}` : word);
const TITLE_PATTERN = TITLES.split('|').map(anyCase).join('|');
const NAME_WORD = "\\p{Lu}\\p{Ll}+(?:[-'’]\\p{Lu}?\\p{Ll}+)?";
const TITLED = new RegExp(`(?<![\\p{L}])(?:(?:${TITLE_PATTERN})\\.?\\s+)+(${NAME_WORD}(?:\\s+${NAME_WORD})?)`, 'gu');
const PAIR = new RegExp(`(?<![\\p{L}])(${NAME_WORD})[ \\u00A0](${NAME_WORD})(?![\\p{L}])`, 'gu');
const QUOTED = /["“„«‹][^"“”„«»‹›\n]{1,160}["”“»›]/gu;
const TITLE_WORD = new RegExp(`^(?:${TITLE_PATTERN})$`, 'u');
const JAPANESE = /([\p{Script=Han}\p{Script=Katakana}]{1,4})(?:様|さん|氏|殿)/gu;

// Capitalised words that are not names: greetings, sign-offs, formal pronouns, articles, days.
const NOT_NAMES = new Set(
  (
    'hi hello dear hey good morning afternoon evening kind best regards many thanks thank you the your our we i ' +
    'hallo guten tag morgen abend liebe lieber viele grüße grüßen beste sehr geehrte geehrter ihr ihre ihrem ihren ihrer ihres ihnen euch sie du dein deine dir dich wir die der das den dem ein eine mit freundlichen ' +
    'bonjour bonsoir cher chère madame monsieur bien cordialement merci belle journée le la les nous vous votre vos ' +
    'hola buenos buenas días tardes estimado estimada saludos un saludo el los las su sus ' +
    'buongiorno buonasera ciao salve gentile caro cara cordiali saluti il lo gli i ' +
    'olá oi bom boa dia tarde noite prezado prezada atenciosamente cumprimentos abraço o os a as ' +
    'hoi goedemorgen goedemiddag goedenavond beste geachte groet groeten met vriendelijke het de een je jullie u uw ' +
    'здравствуйте добрый день уважаемый уважаемая спасибо служба с уважением ' +
    'support team settings billing security account orders invoices starter business'
  ).split(' '),
);

function sentenceStart(text: string, index: number): boolean {
  return /(?:^|[.!?。！？\n]\s*|^\s*)$/u.test(text.slice(Math.max(0, index - 3), index)) || /[.!?\n]\s*$/u.test(text.slice(0, index)) || text.slice(0, index).trim() === '';
}

function known(word: string, passageWords: ReadonlySet<string>): boolean {
  const lower = word.toLowerCase();
  return NOT_NAMES.has(lower) || passageWords.has(lower);
}

export function findPeople(text: string, passageWords: ReadonlySet<string>): DraftToken[] {
  const found: DraftToken[] = [];
  for (const match of text.matchAll(TITLED)) {
    const name = match[1] ?? '';
    const words = name.split(/\s+/).filter((word) => !known(word, passageWords));
    if (words.length > 0) found.push({ rule: 'person', token: match[0], keys: words.map((word) => `name:${word.toLowerCase()}`), index: match.index });
  }
  // A titled name is one person: its words are not read again as a pair.
  const untitled = [...text.matchAll(TITLED)].reduce((rest, match) => rest.slice(0, match.index) + ' '.repeat(match[0].length) + rest.slice(match.index + match[0].length), text);
  // A quoted title or subject ("about "Kündigung Monatsabo"") names a topic, and German
  // capitalises its nouns: capitalised pairs inside quotes are not read as people.
  const unquoted = untitled.replace(QUOTED, (quote) => ' '.repeat(quote.length));
  for (const match of unquoted.matchAll(PAIR)) {
    const words = [match[1] ?? '', match[2] ?? ''];
    // The first word of a sentence is capitalised by spelling, not because it is a name.
    if (sentenceStart(text, match.index) || words.some((word) => known(word, passageWords) || TITLE_WORD.test(word))) continue;
    found.push({ rule: 'person', token: match[0], keys: words.map((word) => `name:${word.toLowerCase()}`), index: match.index });
  }
  for (const match of text.matchAll(JAPANESE)) {
    const name = match[1] ?? '';
    if (/^(?:客|皆|各位|お客)$/u.test(name) || name.endsWith('客')) continue;
    found.push({ rule: 'person', token: match[0], keys: [`name:${name}`], index: match.index });
  }
  return found;
}
