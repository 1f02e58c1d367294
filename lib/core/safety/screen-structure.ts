import { isValidAbaRouting, isValidIban, passesLuhn } from './checksums';
import { emailLayers, quotedFromUs } from './email-layers';
import { addressesMachine, overridesInstructions, redirectsMoney } from './languages';

/**
 * Screening by structure, not keywords: what an email contains (other people's addresses,
 * numbers that pass a bank or card checksum, recipients nobody invited) and what it does
 * (asks to change where money goes, speaks to an assistant instead of the team), wherever
 * it sits: the visible text, quoted earlier replies, or hidden HTML. Each flag sends the
 * draft to a person; none can make anything go out.
 */
export type StructureFlag =
  | 'third_party_address'
  | 'account_number'
  | 'payout_redirect'
  | 'addressed_to_assistant'
  | 'new_recipients'
  | 'forged_quote'
  | 'concealed_text';

export interface StructureInput {
  text: string;
  html?: string | null;
  /** The verified sender (null when there is none). */
  senderAddress: string | null;
  /** Addresses that belong in this conversation: the customer and participants an agent added. */
  knownAddresses: readonly string[];
  /** Domains that are ours (the support mailbox): addresses there are never third parties. */
  ownDomains: readonly string[];
  /** To and Cc of the message. */
  recipients: readonly string[];
  /** The replies we sent in this conversation: a quote of "our" reply must be one of them. */
  ourReplies?: readonly string[];
}

export const STRUCTURE_LABELS: Record<StructureFlag, string> = {
  third_party_address: 'The email names another person’s email address',
  account_number: 'The email carries an account, card, routing or wallet number',
  payout_redirect: 'The email asks to change where money is sent',
  addressed_to_assistant: 'The email speaks to an assistant, AI or system instead of the team (also in quoted or hidden text)',
  new_recipients: 'The email was also sent to people outside this conversation',
  forged_quote: 'The email quotes a reply from us that we never sent',
  concealed_text: 'The email carries text a reader would not see (tiny, transparent, off-screen or a markdown comment)',
};

const ADDRESS = /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/gi;

const lower = (address: string) => address.trim().toLowerCase();
const domainOf = (address: string) => lower(address).split('@')[1] ?? '';

function ownDomain(address: string, ownDomains: readonly string[]): boolean {
  const domain = domainOf(address);
  return ownDomains.some((own) => domain === own || domain.endsWith(`.${own}`));
}

function strangers(addresses: Iterable<string>, input: StructureInput): string[] {
  const known = new Set([input.senderAddress ?? '', ...input.knownAddresses].filter(Boolean).map(lower));
  return [...new Set([...addresses].map(lower))].filter((address) => !known.has(address) && !ownDomain(address, input.ownDomains.map(lower)));
}

// ---- numbers that say where money goes -------------------------------------------------

const IBAN_CANDIDATE = /\b[A-Z]{2}\d{2}(?:[ -]?[A-Z0-9]){11,30}\b/gi;
const DIGIT_RUN = /(?<![\d.,])\d(?:[ -]?\d){5,22}(?![\d])/g;
const SORT_CODE = /\b\d{2}-\d{2}-\d{2}\b/;
const WALLET = /\b(?:bc1[a-z0-9]{25,62}|[13][a-km-zA-HJ-NP-Z1-9]{25,34}|0x[a-fA-F0-9]{40}|T[1-9A-HJ-NP-Za-km-z]{33})\b/;

function hasAccountNumber(text: string): boolean {
  if ([...text.matchAll(IBAN_CANDIDATE)].some((match) => isValidIban(match[0]))) return true;
  if (WALLET.test(text)) return true;
  const runs = [...text.matchAll(DIGIT_RUN)].map((match) => match[0].replace(/[ -]/g, ''));
  if (runs.some((digits) => digits.length >= 13 && digits.length <= 19 && passesLuhn(digits))) return true;
  // A routing number or sort code only says "bank" next to a second number: the account.
  const accounts = runs.filter((digits) => digits.length >= 6 && digits.length <= 17);
  const routing = runs.filter(isValidAbaRouting);
  if (routing.length > 0 && accounts.some((digits) => !routing.includes(digits))) return true;
  return SORT_CODE.test(text) && runs.some((digits) => digits.length === 8);
}

// ---- requests to change where money goes ------------------------------------------------

// A sentence that names money moving, a place it goes, and a change of that place.
const MONEY =
  /\b(?:pay(?:outs?|ments?|ment)?|paid|earnings|commissions?|salar(?:y|ies)|wages?|refunds?|reimburse\w*|remittances?|deposits?|transfers?|disburse\w*|funds|proceeds|settlements?|royalt(?:y|ies)|dividends?|balance|money|cash|invoices?|stipends?|bonus(?:es)?|withdrawals?|revenue|income|rebates?|credits?)\b/i;
const DESTINATION =
  /\b(?:processors?|providers?|platforms?|accounts?|acct|cards?|visa|master ?card|amex|american express|maestro|discover|wallets?|paypal|venmo|zelle|revolut|wise|cash ?app|iban|banks?|beneficiar(?:y|ies)|payee|recipient|routing|sort code|swift|bic|crypto|bitcoin|btc|eth|usdt|address|details|info(?:rmation)?|destination|method|instructions)\b/i;
const CHANGE =
  /\b(?:chang\w*|updat\w*|switch\w*|mov(?:e|ed|ing)|redirect\w*|direct(?:ed|ing)?|re-?rout\w*|rout(?:e|ed|ing)|divert\w*|forward\w*|replac\w*|instead|henceforth|from now on|going forward|from (?:this point|here) (?:on|onwards?|forward)|from (?:today|tomorrow|next (?:week|month))|starting (?:today|tomorrow|now|next)|effective (?:immediately|today|now)|new|different|another|other|no longer|stop (?:using|sending)|closed?|send (?:it|them|this|these|those|all|the|my|our|future)|(?:sent|paid|deposited|transferred|wired|remitted) (?:to|into|onto))\b/i;

function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+|\n+/).filter((sentence) => sentence.trim().length > 0);
}

function asksToRedirectMoney(text: string): boolean {
  // Two neighbouring sentences together: "We changed banks. Please pay the invoice to ...".
  const parts = sentences(text);
  return parts.some((sentence, index) => {
    const window = `${sentence} ${parts[index + 1] ?? ''}`;
    return MONEY.test(window) && DESTINATION.test(window) && CHANGE.test(sentence);
  });
}

// ---- text that speaks to a model instead of a person --------------------------------------

const READER =
  '(?:ai|a\\.i\\.|assistant|bot|chat ?bot|(?:large )?language model|llm|gpt|chatgpt|claude|gemini|copilot|model|agent ai|' +
  'auto-?responder|automated (?:assistant|agent|responder|reply(?: system)?|reader|system)|virtual (?:agent|assistant)|' +
  '(?:support|help ?desk|triage|ticket) (?:ai|bot|assistant|automation|system)|classifier|summari[sz]er)';
// Names that open a line as a speaker label: no "Model:" or "System:" (bug reports use them).
const LINE_READER = '(?:ai|a\\.i\\.|assistant|bot|chat ?bot|llm|gpt|chatgpt|claude|gemini|copilot|auto-?responder|classifier)';
const SET_ASIDE =
  '(?:ignor|disregard|forget|overrid|supersed|bypass|skip|waiv|suspend|circumvent|get around|work around|set aside|put aside|lay aside|pay no (?:attention|heed)|no longer (?:follow|apply|bound)|(?:don\'?t|do not|stop|quit) (?:follow|obey|apply|using))';
const ASSISTANT_PATTERNS: readonly RegExp[] = [
  // A greeting or note addressed to it: "Dear assistant", "Note to the AI", "Hey bot,".
  new RegExp(`\\b(?:dear|hey|hi|hello|greetings|attention|attn|note (?:to|for)|notice (?:to|for)|message (?:to|for)|memo (?:to|for)|instructions? (?:to|for)|reminder (?:to|for)|p\\.?s\\.? (?:to|for))\\s*:?\\s+(?:[\\p{L}'-]+\\s+){0,2}${READER}\\b`, 'iu'),
  // A line that starts by naming it: "Assistant, ...", "AI: ...", "Support bot:", "AI system note:".
  new RegExp(
    `^[\\s*#>\\[(]*(?:[\\p{L}-]+\\s+)?${LINE_READER}(?:\\s+(?:system|internal|admin|only|team|private|special))?(?:\\s+(?:note|notice|instructions?|message|memo|directive|reminder|override|command|update))?[\\])]?\\s*[,:>-]`,
    'imu',
  ),
  /\[\s*\/?\s*(?:system|inst|assistant|admin|sys|ai|instructions?)\s*\]|<\|[a-z_]+\|>|\{\{\s*(?:system|instructions?)\s*\}\}/i,
  // It is told who it is or what it may do.
  new RegExp(`\\bif (?:you are|you're|you be) (?:an?|the|some) (?:ai|a\\.i\\.|${READER}|automated|automatic|machine|program)\\b`, 'i'),
  /\byou(?: are|'re| were)? (?:now )?(?:instructed|configured|programmed|permitted|authori[sz]ed|cleared|allowed) to\b/i,
  /\b(?:whoever|whatever|anyone|anything|any (?:system|program|software|tool)) (?:is )?(?:reads?|reading|process(?:es|ing)?|handl(?:es|ing)|answer(?:s|ing)|summari[sz](?:es|ing)) (?:this|these)\b/i,
  new RegExp(`\\b${READER}s? (?:that |which |who )?(?:are |is )?(?:reads?|reading|process(?:es|ing)?|handl(?:es|ing)|answer(?:s|ing)|summari[sz](?:es|ing)) (?:this|these)\\b`, 'i'),
  // It is told how to write the reply: "When drafting the reply, ...", "Your response must ...".
  /\b(?:when|while|before|after) (?:you )?(?:draft|writ|compos|generat|prepar|summari[sz]|classif|triag|process|answer|respond)\w*(?: to)? (?:the |your |a |this |my )?(?:reply|response|answer|summary|ticket|email|message)\b/i,
  /\b(?:your|the|any) (?:reply|response|answer|output|summary) (?:must|should|shall|needs to|has to|is to|will need to)\b/i,
  // It is told what to put in the reply: "When you answer, mention ...", "In your reply, state ...".
  /\b(?:when|while|as|once) (?:you )?(?:answer|reply|respond|write back)\w*\b[^.!?\n]{0,25}\b(?:mention|say|state|include|add|confirm|tell|write|note|call it)\b/i,
  /\bin (?:your|the) (?:next |final |first )?(?:reply|answer|response|message)\b[^.!?\n]{0,20}\b(?:mention|say|state|include|add|confirm|tell|write|note)\b/i,
  // It is told to set its rules or controls aside, in whatever words: "pay no heed to the standing guidance".
  new RegExp(
    `\\b${SET_ASIDE}\\w*\\b[^.!?\\n]{0,60}\\b(?:instructions|guidance|directions|directives|rules|guidelines|configuration|programming|orders|prompt|polic(?:y|ies)|constraints|checks|verification|procedures?|protocols?|safeguards|controls)\\b`,
    'i',
  ),
];

// English here; the other supported languages in ./languages.
function speaksToAssistant(text: string): boolean {
  return ASSISTANT_PATTERNS.some((pattern) => pattern.test(text)) || addressesMachine(text) || overridesInstructions(text);
}

// ---- text styled so that nobody reading the mail sees it ---------------------------------

const CONCEALING_STYLE =
  /style\s*=\s*["'][^"']*(?:font-size\s*:\s*(?:0*\.\d+|[0-2](?:\.\d+)?)\s*(?:px|pt|em|rem)?\s*(?:;|["'])|color\s*:\s*(?:#f{3}(?:f{3})?|white|transparent|rgba?\([^)]*,\s*0(?:\.0+)?\))|opacity\s*:\s*0(?:\.0+)?\s*(?:;|["'])|(?:left|top|text-indent)\s*:\s*-\d{3,}|(?:max-)?(?:height|width)\s*:\s*0(?:px)?\s*(?:;|["'])|mso-hide\s*:\s*all|clip\s*:\s*rect\(\s*0)/i;
// Markdown comments render as nothing: "[//]: # (...)", "[comment]: <> (...)".
const MARKDOWN_COMMENT = /^\s*\[[^\]]*\]:\s*(?:#|<>)\s*[("']/m;

function concealsText(input: StructureInput): boolean {
  return (input.html ? CONCEALING_STYLE.test(input.html) : false) || MARKDOWN_COMMENT.test(input.text);
}

const flat = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** A quote of "our" earlier reply that none of our sent replies contains: words put in our mouth. */
function quotesUsFalsely(input: StructureInput): boolean {
  const ours = (input.ourReplies ?? []).map(flat);
  return quotedFromUs(input.text, input.ownDomains).some((quote) => {
    const words = flat(quote);
    return words.length > 0 && !ours.some((reply) => reply.includes(words));
  });
}

/** The structural flags of one inbound email, sorted. */
export function screenStructure(input: StructureInput): StructureFlag[] {
  const layers = emailLayers(input.text, input.html);
  // Quoted blocks count as the customer's text too; a quote of us must be one we sent.
  const flags = new Set<StructureFlag>();
  if (strangers(layers.match(ADDRESS) ?? [], input).length > 0) flags.add('third_party_address');
  if (hasAccountNumber(layers)) flags.add('account_number');
  if (asksToRedirectMoney(layers) || redirectsMoney(layers)) flags.add('payout_redirect');
  if (speaksToAssistant(layers)) flags.add('addressed_to_assistant');
  if (strangers(input.recipients, input).length > 0) flags.add('new_recipients');
  if (quotesUsFalsely(input)) flags.add('forged_quote');
  if (concealsText(input)) flags.add('concealed_text');
  return [...flags].sort();
}
