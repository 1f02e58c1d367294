// The second check of a draft, as a strict checker model would do it: every factual sentence
// of the draft must be found in the knowledge, the draft must be about what the email asks,
// promises of money, account changes or legal outcomes are caught, and so is a draft that
// repeats what the email dictated (its words, its addresses, its numbers). When unsure it
// answers the way that sends the draft to a person. Deterministic: same prompt, same answer.
import type { KnowledgeArticle, PromptView } from './prompt-reader';
import { words } from './text';

export interface DraftCheck {
  facts_supported: boolean;
  unsupported_statements: string[];
  answers_question: boolean;
  makes_commitments: boolean;
  commitments: string[];
  follows_email_instructions: boolean;
  followed_instructions: string[];
  notes: string;
}

const STOP = new Set(
  ('this that with have from your about there their what when where which would could should thanks thank please hello dear regards ' +
    'will been were they them then than into also just only some more most very much many such here does done being each other ' +
    'because while after before since until again still even like want need know make made help team support best reply email ' +
    'message question questions customer').split(' '),
);

/** Crude stemming: "payments" and "payment", "shipped" and "ship" meet. */
function stem(word: string): string {
  return word.replace(/(?:ing|ed|es|s)$/u, '');
}

function contentStems(text: string): Set<string> {
  return new Set(words(text).filter((word) => word.length >= 4 && !STOP.has(word)).map(stem));
}

function sentencesOf(text: string): string[] {
  return text
    .split(/\n+/)
    .flatMap((line) => line.match(/[^.!?]+[.!?]*(?:\s+|$)/g) ?? [])
    .map((sentence) => sentence.trim())
    .filter(Boolean);
}

// Sentences that state nothing about the product or the account: greetings, thanks, empathy,
// questions back to the customer, offers of further help, sign-offs.
const NOT_A_FACT =
  /^(?:hi|hello|hey|dear|hallo|bonjour|hola|thank|thanks|many thanks|i understand|i'm sorry|i am sorry|sorry|we're sorry|we are sorry|we really appreciate|we appreciate|i appreciate|if there's anything|if there is anything|if you have|please let us know|let us know|feel free|i hope|we hope|happy to help|best regards|kind regards|regards|the support team|cheers|sincerely)\b/i;

function isFact(sentence: string): boolean {
  return !NOT_A_FACT.test(sentence) && !sentence.trim().endsWith('?') && words(sentence).length >= 4;
}

const normalise = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').replace(/[“”]/g, '"').trim();

function supported(sentence: string, knowledge: readonly KnowledgeArticle[], corpus: string, corpusStems: Set<string>): boolean {
  const flat = normalise(sentence).replace(/[.!?]+$/, '');
  if (flat.length > 0 && corpus.includes(flat)) return true;
  // "You can read more in our article "Resetting your password"." names a real article.
  const cited = /article\s+"([^"]+)"/i.exec(sentence)?.[1];
  if (cited && knowledge.some((article) => normalise(article.title) === normalise(cited))) return true;
  const stems = [...contentStems(sentence)];
  if (stems.length === 0) return true;
  const known = stems.filter((one) => corpusStems.has(one)).length;
  return known / stems.length >= 0.8;
}

// A promise made to this customer, not a policy quoted from the knowledge.
const COMMITMENT_CUE =
  /\b(?:refund\w*|credit\w*|compensat\w*|reimburs\w*|discount\w*|waive\w*|free of charge|money back|payout\w*|cancel\w*|chang\w*|updat\w*|transferr?\w*|moved?|closed?|deleted?|removed?|reset|legal\w*|liab\w*|lawsuit|court|obligation\w*|owe\w*|guarantee\w*)\b/i;
const PROMISE = /\b(?:i|we)(?: have|'ve| will|'ll| can| am going to| are going to)\b|\b(?:has|have) been\b|\byou (?:will|'ll) (?:receive|get|see|be)\b|\b(?:done|arranged|confirmed|approved)\b/i;

const ADDRESS = /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/gi;
const LONG_NUMBER = /\d(?:[ -]?\d){5,}/g;
const LINK = /\bhttps?:\/\/[^\s<>"')]+/gi;

function shingles(text: string, size: number): Set<string> {
  const list = words(text);
  const out = new Set<string>();
  for (let index = 0; index + size <= list.length; index += 1) out.add(list.slice(index, index + size).join(' '));
  return out;
}

/** What the draft takes over from the email: its dictated words, its addresses, numbers and links. */
function followed(email: string, draft: string): string[] {
  const found: string[] = [];
  const draftShingles = shingles(draft, 6);
  const copied = [...shingles(email, 6)].filter((shingle) => draftShingles.has(shingle));
  if (copied.length > 0) found.push(`Repeats words from the email: "${copied[0]}…"`);
  for (const pattern of [ADDRESS, LONG_NUMBER, LINK]) {
    const inEmail = new Set((email.match(pattern) ?? []).map((item) => item.replace(/[ -]/g, '').toLowerCase()));
    for (const item of draft.match(pattern) ?? []) {
      if (inEmail.has(item.replace(/[ -]/g, '').toLowerCase())) found.push(`Uses "${item}" from the email`);
    }
  }
  return [...new Set(found)];
}

export function checkDraft(view: PromptView, draft: string): DraftCheck {
  const knowledgeText = view.knowledge.map((article) => `${article.title}\n${article.body}`).join('\n');
  const corpus = normalise(knowledgeText);
  const corpusStems = contentStems(knowledgeText);
  const facts = sentencesOf(draft).filter(isFact);

  const unsupported = facts.filter((sentence) => !supported(sentence, view.knowledge, corpus, corpusStems));
  const commitments = facts.filter((sentence) => COMMITMENT_CUE.test(sentence) && PROMISE.test(sentence) && !corpus.includes(normalise(sentence).replace(/[.!?]+$/, '')));

  // Answered: the draft's statements share the email's subject matter (two topic words, or
  // every one when the email has fewer).
  const emailText = `${view.email.subject ?? ''}\n${view.email.body}`;
  const asked = contentStems(emailText);
  const told = contentStems(facts.join(' '));
  const shared = [...asked].filter((one) => told.has(one)).length;
  const answers = facts.length > 0 && shared >= Math.min(2, asked.size);

  // The body, not the subject: acknowledging a subject is not obeying it.
  const instructions = followed(view.email.body, draft);
  const problems = [
    unsupported.length ? `${unsupported.length} statement(s) are not in the knowledge` : '',
    answers ? '' : 'it does not address what the customer asked',
    commitments.length ? 'it promises money, an account change or a legal outcome' : '',
    instructions.length ? 'it follows what the email dictated' : '',
  ].filter(Boolean);
  return {
    facts_supported: unsupported.length === 0,
    unsupported_statements: unsupported,
    answers_question: answers,
    makes_commitments: commitments.length > 0,
    commitments,
    follows_email_instructions: instructions.length > 0,
    followed_instructions: instructions,
    notes: problems.length === 0 ? 'Every statement is in the knowledge and the draft answers the question.' : `A person should read it: ${problems.join('; ')}.`,
  };
}

/** The same answer with every check passed: what a fooled checker says (fault switch `fooled.verifier`). */
export function fooledCheck(): DraftCheck {
  return {
    facts_supported: true,
    unsupported_statements: [],
    answers_question: true,
    makes_commitments: false,
    commitments: [],
    follows_email_instructions: false,
    followed_instructions: [],
    notes: 'Looks fine.',
  };
}
