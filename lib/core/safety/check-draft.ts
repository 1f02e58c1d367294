/**
 * Deterministic checks of a draft before it may go out without a person (OWASP LLM06):
 * a reply that links or mentions addresses outside the allow-list, grows too long, or
 * quotes our own instructions is routed to review instead.
 */

export interface DraftCheckInput {
  body: string;
  /** Hostnames that replies may link to (the company's own domains). */
  allowedLinkHosts: readonly string[];
  /** Email addresses a reply may mention: the customer's and the support address. */
  allowedAddresses: readonly string[];
  maxLength?: number;
}

const URL_PATTERN = /\bhttps?:\/\/([^\s/?#<>"')]+)/gi;
const EMAIL_PATTERN = /[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}/gi;
const INTERNAL_MARKERS = [
  /untrusted_email/i,
  /revision_instructions/i,
  /<\/?knowledge>/i,
  /\btriage notes\b/i,
  /\b(system prompt|my instructions|i was instructed)\b/i,
  /\brisk[_ ]score\b/i,
];

function hostAllowed(host: string, allowed: readonly string[]): boolean {
  const bare = host.toLowerCase().replace(/:\d+$/, '');
  return allowed.some((domain) => bare === domain || bare.endsWith(`.${domain}`));
}

export function checkDraft(input: DraftCheckInput): string[] {
  const problems: string[] = [];
  const maxLength = input.maxLength ?? 4_000;
  if (input.body.trim().length === 0) problems.push('The draft is empty');
  if (input.body.length > maxLength) problems.push(`The draft is longer than ${maxLength} characters`);
  for (const match of input.body.matchAll(URL_PATTERN)) {
    const host = match[1] ?? '';
    if (!hostAllowed(host, input.allowedLinkHosts)) problems.push(`The draft links to ${host}, which is not allow-listed`);
  }
  const allowedAddresses = new Set(input.allowedAddresses.map((address) => address.toLowerCase()));
  for (const match of input.body.matchAll(EMAIL_PATTERN)) {
    if (!allowedAddresses.has(match[0].toLowerCase())) problems.push(`The draft mentions ${match[0]}`);
  }
  if (INTERNAL_MARKERS.some((pattern) => pattern.test(input.body))) {
    problems.push('The draft quotes internal instructions');
  }
  return [...new Set(problems)];
}
