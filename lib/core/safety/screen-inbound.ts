import { addressesMachine, asksForCredentials, changesBankDetails, overridesInstructions } from './languages';

/**
 * Deterministic screening of inbound mail (OWASP LLM01): whatever the model says, an email
 * that trips one of these goes to a person. Cheap regexes over the text and the raw HTML,
 * so hidden text and HTML comments are seen too. English patterns here; the other languages
 * customers write in (de, fr, es, it, pt, nl, ru, ja) are in ./languages.
 */

export type ScreeningFlag =
  | 'instruction_like_text'
  | 'hidden_text'
  | 'active_html'
  | 'credential_request'
  | 'payment_details_change'
  | 'other_customer_data'
  | 'contains_links'
  | 'has_attachments'
  | 'oversized'
  | 'malformed'
  | 'sender_mismatch'
  | SenderFlag
  | 'claims_other_thread'
  | 'invalid_message_id'
  | 'dmarc_fail'
  | 'unverified_sender'
  | 'unstorable_text'
  | 'refused_attachment';

/** Flags intake sets while parsing the From header (lib/platform/mail/mailbox.ts). */
export type SenderFlag = 'sender_not_one_mailbox' | 'sender_header_injection' | 'sender_address_unusable' | 'display_name_spoof';

export interface ScreeningInput {
  text: string;
  html?: string | null;
  attachmentCount?: number;
}

const INSTRUCTION_PATTERNS = [
  /\b(ignore|disregard|forget|override)\b.{0,40}\b(previous|prior|above|earlier|all|your)\b.{0,30}\b(instructions?|rules?|prompts?|guidelines?)/i,
  /\b(system|developer)\s*(prompt|message|mode)\b/i,
  /\byou are now\b|\bact as\b|\bpretend (to be|you are)\b|\bnew instructions?\b/i,
  /\b(as an ai|language model|assistant)\b.{0,40}\b(must|should|will)\b/i,
  /\b(respond|reply|answer)\s+only\s+with\b/i,
  /<\s*\/?\s*(system|instructions?|untrusted_email)\b/i,
];
const CREDENTIAL_PATTERNS = [
  /\b(send|give|tell|share|reveal|forward)\b.{0,40}\b(password|passcode|api[ -]?key|token|2fa|one[- ]time code|otp|credentials?|admin)\b/i,
  /\b(disable|turn off|remove)\b.{0,30}\b(2fa|two[- ]factor|mfa)\b/i,
];
const PAYMENT_PATTERNS = [
  /\b(change|update|new|switch)\b.{0,40}\b(bank|iban|account number|routing number|payout|wire|payment) ?(details|account|information|info)?\b/i,
  /\b(iban|swift|bic)\b/i,
];
const OTHER_CUSTOMER_PATTERNS = [
  /\b(all|other|every)\b.{0,20}\b(customers?|users?|accounts?)\b.{0,40}\b(emails?|addresses|data|list|details)\b/i,
  /\b(emails?|addresses|data|details|records|list|names)\b.{0,40}\b(of|for|from|about)\b.{0,15}\b(all|other|every|another)\b.{0,15}\b(customers?|users?|accounts?|people)\b/i,
  /\b(forward|send|export)\b.{0,30}\b(all|every)\b.{0,20}\b(emails?|messages|records)\b/i,
];
const HIDDEN_TEXT_PATTERNS = [
  /display\s*:\s*none/i,
  /visibility\s*:\s*hidden/i,
  /font-size\s*:\s*0(px|pt|em)?\b/i,
  /color\s*:\s*(#fff(fff)?|white)\b[^>]*background(-color)?\s*:\s*(#fff(fff)?|white)/i,
  /<!--[\s\S]*?(ignore|instruction|assistant|system|prompt)[\s\S]*?-->/i,
];
// Mail clients never run these; mail that carries them is probing for a renderer that does.
const ACTIVE_HTML_PATTERN = /<\s*(script|iframe|object|embed|form)\b|\son[a-z]+\s*=|javascript:/i;
const LINK_PATTERN = /\bhttps?:\/\/|\bwww\.[a-z0-9-]+\./i;

function matchesAny(patterns: readonly RegExp[], value: string): boolean {
  return patterns.some((pattern) => pattern.test(value));
}

export function screenInbound(input: ScreeningInput): ScreeningFlag[] {
  const html = input.html ?? '';
  const everything = `${input.text}\n${html}`;
  const flags = new Set<ScreeningFlag>();
  if (matchesAny(INSTRUCTION_PATTERNS, everything) || overridesInstructions(everything) || addressesMachine(everything)) flags.add('instruction_like_text');
  if (html && matchesAny(HIDDEN_TEXT_PATTERNS, html)) flags.add('hidden_text');
  if (html && ACTIVE_HTML_PATTERN.test(html)) flags.add('active_html');
  if (matchesAny(CREDENTIAL_PATTERNS, everything) || asksForCredentials(everything)) flags.add('credential_request');
  if (matchesAny(PAYMENT_PATTERNS, everything) || changesBankDetails(everything)) flags.add('payment_details_change');
  if (matchesAny(OTHER_CUSTOMER_PATTERNS, everything)) flags.add('other_customer_data');
  if (LINK_PATTERN.test(everything)) flags.add('contains_links');
  if ((input.attachmentCount ?? 0) > 0) flags.add('has_attachments');
  return [...flags].sort();
}

/** Every flag sends the message to a person; this is what the agent reads. */
export const SCREENING_LABELS: Record<ScreeningFlag, string> = {
  instruction_like_text: 'The email contains instruction-like text aimed at the assistant',
  hidden_text: 'The email HTML hides text or carries instructions in comments',
  active_html: 'The email HTML carries scripts, event handlers or forms',
  credential_request: 'The email asks for credentials or to weaken account security',
  payment_details_change: 'The email asks to change payment or bank details',
  other_customer_data: "The email asks for other customers' data",
  contains_links: 'The email contains links',
  has_attachments: 'The email has attachments',
  oversized: 'The email was larger than the intake limit and was truncated',
  malformed: 'The email could not be parsed completely',
  sender_mismatch: 'The sender is not the verified customer of this conversation',
  sender_not_one_mailbox: 'The From header is not exactly one mailbox (a list, a group or empty): no reply can be sent to it',
  sender_header_injection: 'The From header carries line breaks or control characters (header injection): no reply can be sent to it',
  sender_address_unusable: 'The sender address cannot be replied to safely (quoted, malformed or oversized)',
  display_name_spoof: 'The display name shows a different address than the one the mail came from',
  claims_other_thread: "The email claims to reply to another customer's conversation; it was kept apart",
  invalid_message_id: 'The Message-ID was missing, malformed or oversized; Countersign assigned its own',
  dmarc_fail: "The sender's domain says this mail is not from it (DMARC failed): the From may be forged",
  unverified_sender: 'The sender is not verified (its domain did not pass DMARC and no operator rule vouches for it): the From may not be who wrote this',
  unstorable_text: 'The email carried bytes that cannot be stored as text (a NUL byte or broken Unicode); they show as \uFFFD here, and the original message keeps them as they came',
  refused_attachment: 'An attachment is a program or script; it is kept in the raw message but never served or sent',
};
