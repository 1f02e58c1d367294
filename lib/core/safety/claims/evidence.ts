import { codeKey } from './codes';
import { phoneKey } from './contacts';
import { extractTokens } from './extract-tokens';
import type { ClaimsInput, ClaimRule, DraftToken } from './types';

/**
 * What a draft may state: the tokens of the knowledge passages it was given (read with the
 * same finders, so "two business days" in a passage supports "zwei Werktage" in a draft), the
 * customer's own address, name and identifiers, our mailbox addresses and our agents' names.
 */
export interface Evidence {
  keys: ReadonlySet<string>;
  /** Every word of the passages, lowercased: capitalised words there are not people. */
  passageWords: ReadonlySet<string>;
  /** Name words of the customer and our agents, lowercased. */
  knownNames: readonly string[];
  /** Every passage and identifier as one lowercased text, for addresses quoted verbatim. */
  text: string;
}

const keyOf = (rule: ClaimRule, key: string) => `${rule}|${key}`;

export function buildEvidence(input: ClaimsInput): Evidence {
  const passageText = input.passages.map((passage) => passage.text).join('\n');
  const passageWords = new Set(passageText.toLowerCase().match(/\p{L}+/gu) ?? []);
  const keys = new Set<string>();
  const add = (token: DraftToken) => token.keys.forEach((key) => keys.add(keyOf(token.rule, key)));
  extractTokens(passageText).forEach(add);

  const ownAddresses = [input.customer.address, ...(input.mailboxAddresses ?? [])].filter((address): address is string => Boolean(address));
  ownAddresses.forEach((address) => keys.add(keyOf('email', address.trim().toLowerCase())));
  for (const identifier of input.customer.identifiers ?? []) {
    // An identifier supports itself however the draft writes it: as a code, a number or a phone-like run.
    keys.add(keyOf('code', codeKey(identifier)));
    keys.add(keyOf('phone', phoneKey(identifier)));
    extractTokens(identifier).forEach(add);
  }
  // The labels of the customer's own mail domain name their company ("hollis-supply.com": "Dear Hollis Supply team").
  const domainWords = (input.customer.address?.split('@')[1] ?? '').split('.').slice(0, -1).join(' ').replace(/-/g, ' ');
  const knownNames = [input.customer.name ?? '', domainWords, ...(input.agentNames ?? [])]
    .flatMap((name) => name.toLowerCase().split(/[\s,.]+/u))
    .filter((word) => word.length > 0);
  return { keys, passageWords, knownNames, text: [passageText, ...(input.customer.identifiers ?? [])].join('\n').toLowerCase() };
}

// "Müller", "Mueller" and "Muller" are one name as people type it.
const spellings = (name: string) => [
  name,
  name.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss'),
  name.normalize('NFD').replace(/\p{M}/gu, ''),
];

// Names inflect ("Наталья"/"Натальи", "Ruben"/"Rubens"): the same stem is the same name.
function sameName(word: string, known: string): boolean {
  return spellings(word).some((one) => spellings(known).some((other) => sameStem(one, other)));
}

function sameStem(word: string, known: string): boolean {
  if (word === known) return true;
  const shorter = Math.min(word.length, known.length);
  if (shorter < 3) return false;
  let common = 0;
  while (common < shorter && word[common] === known[common]) common += 1;
  return common >= Math.max(3, shorter - 2);
}

export function supported(token: DraftToken, evidence: Evidence): boolean {
  if (token.rule === 'person') {
    return token.keys.every((key) => {
      const word = key.replace(/^name:/, '');
      return evidence.passageWords.has(word) || evidence.knownNames.some((known) => sameName(word, known));
    });
  }
  if (token.rule === 'street_address' && evidence.text.includes(token.keys[0] ?? '\u0000')) return true;
  return token.keys.every((key) => evidence.keys.has(keyOf(token.rule, key)));
}
