/**
 * Words nearly every support email carries whatever it asks (greetings, sign-offs, politeness,
 * urgency, the word "support" itself). Searched, they pick articles that merely contain them
 * ("Supported files", a "quick start"), so retrieval leaves them out of the question. Kept to
 * words that say nothing about a topic: "team", "account" or "help pages" stay.
 */
const MAIL_FILLER = new Set([
  'hi', 'hello', 'hey', 'dear', 'thanks', 'thank', 'thx', 'cheers', 'regards', 'sincerely',
  'please', 'kindly', 'urgent', 'urgently', 'asap', 'quick', 'support',
]);

/** The text with filler words blanked out; everything else (and every other script) as it was. */
export function withoutMailFiller(text: string): string {
  return text.replace(/\p{L}+/gu, (word) => (MAIL_FILLER.has(word.toLowerCase()) ? ' ' : word));
}
