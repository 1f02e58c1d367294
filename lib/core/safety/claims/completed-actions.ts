import { ACTION_GRAMMARS, DONE, type ActionGrammar } from './action-lexicon';

/**
 * Claims that an account or money action has been done ("we have refunded", "Ihr Konto wurde
 * umgestellt", "hemos reembolsado", "переведён", "返金いたしました"). The pipeline performs no
 * actions, so such a sentence is untrue whatever the email said. Not claims: a condition ("if
 * tracking has not changed"), a negation ("are not refunded"), a question, or what the customer
 * did ("you have changed").
 */

export interface ActionClaim {
  /** The words that make the claim: auxiliary to participle, or the complete form. */
  phrase: string;
}

interface Found {
  text: string;
  index: number;
}

const MAX_GAP_WORDS = 12;
const CLAUSE_BREAK = /[,;:()«»"“”]|\s[-–—]\s/g;

function all(pattern: RegExp, text: string): Found[] {
  return [...text.matchAll(new RegExp(pattern.source, pattern.flags))].map((match) => ({ text: match[0], index: match.index }));
}

const wordsIn = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** The clause around [start, end): from the last clause break before start to the first after end. */
function clauseBefore(sentence: string, start: number): string {
  let from = 0;
  for (const match of sentence.slice(0, start).matchAll(CLAUSE_BREAK)) from = match.index + match[0].length;
  return sentence.slice(from, start);
}

function describes(sentence: string, start: number, end: number, grammar: ActionGrammar): boolean {
  const span = sentence.slice(start, end);
  const lead = sentence.slice(Math.max(0, start - 16), start);
  if (new RegExp(grammar.negation.source, 'iu').test(`${lead} ${span}`)) return true;
  if (new RegExp(grammar.condition.source, 'iu').test(clauseBefore(sentence, start))) return true;
  return /[?？]\s*$/.test(sentence);
}

function secondPerson(sentence: string, auxiliary: Found, grammar: ActionGrammar): boolean {
  const before = sentence.slice(0, auxiliary.index).trim().split(/\s+/).pop() ?? '';
  const after = sentence.slice(auxiliary.index + auxiliary.text.length).trim().split(/\s+/)[0] ?? '';
  const pronoun = new RegExp(`^(?:${grammar.secondPerson.source})$`, 'iu');
  return pronoun.test(before.replace(/[^\p{L}']/gu, '')) || pronoun.test(after.replace(/[^\p{L}']/gu, ''));
}

function perfectClaims(sentence: string, grammar: ActionGrammar): ActionClaim[] {
  if (!grammar.auxiliary || !grammar.participle) return [];
  const auxiliaries = all(grammar.auxiliary, sentence);
  return all(grammar.participle, sentence).flatMap((participle) => {
    // The nearest auxiliary is the one that belongs to this participle.
    const nearest = [...auxiliaries].sort((a, b) => Math.abs(a.index - participle.index) - Math.abs(b.index - participle.index));
    const partner = nearest.find((auxiliary) => {
      if (auxiliary.index === participle.index) return false;
      const before = auxiliary.index < participle.index;
      if (!before && !grammar.auxiliaryAfter) return false;
      const gap = before
        ? sentence.slice(auxiliary.index + auxiliary.text.length, participle.index)
        : sentence.slice(participle.index + participle.text.length, auxiliary.index);
      // An auxiliary in another clause belongs to another verb ("die entstanden sind, werden … erstattet").
      return wordsIn(gap) <= (before ? MAX_GAP_WORDS : 2) && !/[.!?。](?:\s|$)|[,;:]\s|[。、]/.test(gap);
    });
    if (!partner || secondPerson(sentence, partner, grammar)) return [];
    // Chained auxiliaries belong to the claim: "has been cancelled", "ist … worden".
    let start = Math.min(partner.index, participle.index);
    for (const auxiliary of [...auxiliaries].reverse()) {
      if (auxiliary.index < start && /^\s+$/.test(sentence.slice(auxiliary.index + auxiliary.text.length, start))) start = auxiliary.index;
    }
    const end = Math.max(partner.index + partner.text.length, participle.index + participle.text.length);
    return describes(sentence, start, end, grammar) ? [] : [{ phrase: sentence.slice(start, end) }];
  });
}

function completeClaims(sentence: string, grammar: ActionGrammar): ActionClaim[] {
  if (!grammar.complete) return [];
  return all(grammar.complete, sentence)
    .filter((form) => !describes(sentence, form.index, form.index + form.text.length, grammar))
    .filter((form) => !new RegExp(`(?:${grammar.secondPerson.source})\\s*$`, 'iu').test(sentence.slice(0, form.index)))
    .map((form) => ({ phrase: form.text }));
}

/** Every claim of a completed action in one sentence. */
export function findActionClaims(sentence: string): ActionClaim[] {
  const claims = ACTION_GRAMMARS.flatMap((grammar) => [...perfectClaims(sentence, grammar), ...completeClaims(sentence, grammar)]);
  const done = DONE.exec(sentence.trim());
  if (done && claims.length === 0) claims.push({ phrase: done[0].replace(/[\s:!.,]+$/, '') });
  return claims.filter((claim, index) => claims.findIndex((other) => other.phrase === claim.phrase) === index);
}
