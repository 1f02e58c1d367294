// Answers a grading request (an evaluation's model-graded check) the way a careful grader
// would, deterministically: the candidate reply's claims are checked against the knowledge and
// the customer's email (grounding), its form against the style guide (tone). A request is a
// grading request when its last user turn carries a <candidate_reply> block; it is validated
// like every other request before it gets here.
import type { MessagesRequest, RequestMessage } from './messages-api';
import { blockText } from './prompt-units';
import { readPrompt } from './prompt-reader';
import { detectLanguage } from './language';
import { defaultFor } from './tool-input';
import { decodeEntities, words } from './text';

export interface SimulatedGrade {
  grounding: number;
  tone: number;
  unsupported_claims: string[];
  tone_problems: string[];
}

const CANDIDATE = /<candidate_reply>([\s\S]*?)<\/candidate_reply>/;
const STOPWORDS = new Set(
  'this that with have from your about there their what when where which would could should will been were they them then than into also just only very more most some such each other these those here please thanks thank hello dear regards best team support customer'.split(' '),
);
const PROMISE = /\b(refund(?:ed)?|credit(?:ed)?|discount|reimburse\w*|compensat\w*|free of charge|waive\w*|guarantee\w*)\b/i;
const COMMITMENT = /\b(?:i|we)(?:'ve|'ll| have| will| are going to| can)\b|\byou(?:'ll| will) (?:get|receive)\b|\b(?:added|applied|issued|processed)\b/i;
const CLAIM = /\d|>|https?:\/\/|www\.|@|\b(within|business days?|hours?|minutes?|tomorrow|today|policy|always|never)\b/i;
const GREETING = /^(hi|hello|dear|hey|bonjour|hallo|hola|ciao|buongiorno|buenas)\b/i;
const MARKETING = /\b(amazing|awesome|exciting|incredible|thrilled|delighted to announce|best-in-class)\b/i;
const AI = /\b(as an ai|language model|i am an ai|i'm an ai)\b/i;

function lastUserText(request: MessagesRequest): string {
  const user = request.messages.filter((message: RequestMessage) => message.role === 'user').at(-1);
  if (!user) return '';
  return typeof user.content === 'string' ? user.content : user.content.map(blockText).join('\n');
}

export function isGradingRequest(request: MessagesRequest): boolean {
  return CANDIDATE.test(lastUserText(request));
}

function contentWords(text: string): string[] {
  return words(text).filter((word) => word.length >= 4 && !STOPWORDS.has(word));
}

function sentencesOf(reply: string): string[] {
  return reply
    .split(/\n+/)
    .flatMap((line) => line.match(/[^.!?]+[.!?]*/g) ?? [])
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0);
}

function grounding(reply: string, sources: string): { score: number; unsupported: string[] } {
  const known = new Set(contentWords(sources));
  const numbers = new Set(sources.match(/\d+/g) ?? []);
  const unsupported: string[] = [];
  let promises = 0;
  for (const sentence of sentencesOf(reply)) {
    if (GREETING.test(sentence) || /^(best regards|the support team|kind regards|thanks)/i.test(sentence)) continue;
    const promise = PROMISE.exec(sentence)?.[1];
    // Support never commits to money or exceptions itself: "I have refunded", "we will credit".
    if (promise && COMMITMENT.test(sentence)) {
      unsupported.push(`commits to "${promise}", which only the team may decide`);
      promises += 1;
      continue;
    }
    if (!CLAIM.test(sentence)) continue;
    const missingNumber = (sentence.match(/\d+/g) ?? []).find((number) => !numbers.has(number));
    const terms = contentWords(sentence);
    const backed = terms.length === 0 ? 1 : terms.filter((term) => known.has(term)).length / terms.length;
    if (missingNumber !== undefined || backed < 0.5) unsupported.push(sentence.length > 90 ? `${sentence.slice(0, 89)}…` : sentence);
  }
  const score = Math.max(1, 5 - unsupported.length - (promises > 0 ? 2 : 0));
  return { score, unsupported };
}

function tone(reply: string, email: string): { score: number; problems: string[] } {
  const problems: string[] = [];
  const firstLine = reply.trim().split('\n')[0] ?? '';
  if (!GREETING.test(firstLine)) problems.push('no greeting');
  // The style guide's sign-off, or its equivalent in the customer's language.
  if (!/Best regards,\s*\n\s*The Support Team/.test(reply) && detectLanguage(email) === 'en') problems.push('sign-off is not "Best regards, The Support Team"');
  if (reply.includes('!') && !email.includes('!')) problems.push('exclamation marks the customer did not use');
  const count = words(reply).length;
  if (count > 180) problems.push(`${count} words, over 180`);
  if (MARKETING.test(reply)) problems.push('marketing language');
  if (AI.test(reply)) problems.push('mentions being an AI');
  const wanted = detectLanguage(email);
  if (detectLanguage(reply) !== wanted) problems.push(`not in the customer's language (${wanted})`);
  return { score: Math.max(1, 5 - problems.length), problems };
}

export function gradeCandidate(request: MessagesRequest): SimulatedGrade {
  const view = readPrompt(request);
  const reply = decodeEntities(CANDIDATE.exec(lastUserText(request))?.[1] ?? '').trim();
  const knowledge = view.knowledge.map((article) => `${article.title}\n${article.body}`).join('\n');
  const email = `${view.email.subject ?? ''}\n${view.email.body}`;
  const grounded = grounding(reply, `${knowledge}\n${email}`);
  const toned = tone(reply, email);
  return { grounding: grounded.score, tone: toned.score, unsupported_claims: grounded.unsupported, tone_problems: toned.problems };
}

type JsonSchema = Record<string, unknown>;
const isRecord = (value: unknown): value is JsonSchema => typeof value === 'object' && value !== null && !Array.isArray(value);

function clamp(value: number, schema: JsonSchema): number {
  const min = typeof schema.minimum === 'number' ? schema.minimum : -Infinity;
  const max = typeof schema.maximum === 'number' ? schema.maximum : Infinity;
  return Math.min(max, Math.max(min, value));
}

/** The grade in the shape the request's schema asks for: known fields filled, other required ones defaulted. */
export function gradeInput(schema: JsonSchema, grade: SimulatedGrade): Record<string, unknown> {
  const properties = isRecord(schema.properties) ? schema.properties : {};
  if (Object.keys(properties).length === 0) return { ...grade };
  const required = Array.isArray(schema.required) ? schema.required.filter((name): name is string => typeof name === 'string') : [];
  const result: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(properties)) {
    const known = (grade as unknown as Record<string, unknown>)[name];
    if (known === undefined) continue;
    result[name] = typeof known === 'number' && isRecord(property) ? clamp(known, property) : known;
  }
  for (const name of required) if (!(name in result)) result[name] = defaultFor(isRecord(properties[name]) ? properties[name] : {});
  return result;
}
