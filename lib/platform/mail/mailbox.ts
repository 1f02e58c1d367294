import { domainToASCII } from 'node:url';
import libmime from 'libmime';
import addressparser from 'nodemailer/lib/addressparser';
import type { SenderFlag } from '../../core/safety/screen-inbound';

/**
 * Address headers, parsed once at intake with nodemailer's RFC 5322 parser (the one
 * mailparser uses) into structured mailboxes. Replies are addressed from the stored
 * structure, never from a string a mail library would parse again as a list.
 */

export interface Mailbox {
  /** Local part as written, domain lower-case ASCII (IDNs as A-labels). */
  address: string;
  name?: string;
}

export interface ParsedSender {
  /** Exactly one usable mailbox: the only address a reply may go to. Absent otherwise. */
  mailbox?: Mailbox;
  /** What the inbox shows: the mailbox, or the From as received when there is none. */
  display: { address: string; name?: string };
  /** The From header as received, on one line and bounded, for the agent. */
  header: string;
  flags: SenderFlag[];
  /** Why, in words an agent can read. */
  problems: string[];
}

/** RFC 5322's line limit; a longer From is not something any mail client wrote. */
export const MAX_FROM_HEADER = 998;
const MAX_NAME = 200;
const MAX_DISPLAY = 200;
const MAX_LIST = 50;

const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
// Controls other than tab, left after unfolding: CR/LF here means a header was injected.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f]+/g;
const ADDRESS_LIKE = /[^\s<>()[\]"',;:@]+@[^\s<>()[\]"',;:@]+\.[^\s<>()[\]"',;:@]{2,}/gu;

/** The comparison key of an address: mailboxes differing only in case are one person. */
export function mailboxKey(address: string): string {
  return address.trim().toLowerCase();
}

export function sameMailbox(a: string | null | undefined, b: string | null | undefined): boolean {
  return Boolean(a && b && mailboxKey(a) === mailboxKey(b));
}

/** The address in canonical form when it is one we can put in RCPT TO as is, else why not. */
export function usableAddress(address: string): { address: string } | { problem: string } {
  const at = address.lastIndexOf('@');
  if (at <= 0 || at === address.length - 1) return { problem: `"${oneLine(address, 80)}" is not an address` };
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (local.length > 64 || !LOCAL_PART.test(local) || /=\?.*\?=/.test(local)) {
    return { problem: `the local part of ${oneLine(address, 80)} needs quoting or is not plain ASCII; replies only go to plain addresses` };
  }
  const ascii = domain.startsWith('[') ? '' : domainToASCII(domain);
  const labels = ascii.split('.');
  if (!ascii || ascii.length > 253 || labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label))) {
    return { problem: `the domain of ${oneLine(address, 80)} is not a valid host name` };
  }
  return { address: `${local}@${ascii}` };
}

/**
 * The sender of a message from its From header value(s). Exactly one usable mailbox is the
 * only result a reply may use; lists, groups, empty or repeated Froms, injected line
 * breaks and unusable addresses are kept with a reason. A display name holding another
 * address is flagged and not kept as the name.
 */
export function parseSender(values: readonly string[]): ParsedSender {
  const present = values.filter((value) => value.trim() !== '');
  const header = oneLine(present.join(' | '), MAX_FROM_HEADER);
  const refuse = (flag: SenderFlag, problem: string, display = header): ParsedSender => ({
    display: { address: oneLine(display, MAX_DISPLAY) || '(no sender)' },
    header,
    flags: [flag],
    problems: [problem],
  });
  if (present.length === 0) return refuse('sender_not_one_mailbox', 'The message has no From address');
  if (present.length > 1) return refuse('sender_not_one_mailbox', `The message has ${present.length} From headers`);
  const value = unfold(present[0] ?? '');
  if (CONTROL.test(value)) return refuse('sender_header_injection', 'The From header contains line breaks or control characters (an attempt to inject headers)');
  if (value.length > MAX_FROM_HEADER) return refuse('sender_address_unusable', `The From header is longer than ${MAX_FROM_HEADER} characters`, value.slice(0, 80));
  if (unquotedAngleAddresses(value) > 1) return refuse('sender_not_one_mailbox', 'The From header holds more than one <address>');

  const entries = addressparser(value);
  const groups = entries.filter((entry) => 'group' in entry);
  const mailboxes = entries.flatMap((entry) => ('group' in entry ? entry.group : [entry]));
  const withAddress = mailboxes.filter((entry) => entry.address);
  if (groups.length > 0) return refuse('sender_not_one_mailbox', `The From header is a group ("${oneLine(groups[0]?.name ?? '', 60)}:"), not a mailbox`);
  if (withAddress.length !== 1 || mailboxes.length !== 1) {
    const listed = withAddress.map((entry) => entry.address).join(', ');
    return refuse(
      'sender_not_one_mailbox',
      withAddress.length === 0 ? 'The From header holds no address' : `The From header lists ${mailboxes.length} entries (${oneLine(listed, 120)}), not one mailbox`,
      listed || header,
    );
  }
  const entry = withAddress[0]!;
  const usable = usableAddress(entry.address.trim());
  if ('problem' in usable) return refuse('sender_address_unusable', `The sender cannot be replied to: ${usable.problem}`, entry.address);

  const decoded = decodeName(entry.name);
  const flags: SenderFlag[] = [];
  const problems: string[] = [];
  if (CONTROL.test(decoded)) {
    return refuse('sender_header_injection', 'The display name decodes to line breaks or control characters (an attempt to inject headers)', usable.address);
  }
  const name = oneLine(decoded, MAX_NAME) || undefined;
  const claimed = name ? otherAddressesIn(name, usable.address) : [];
  if (claimed.length > 0) {
    flags.push('display_name_spoof');
    problems.push(`The display name "${name}" shows ${claimed.join(', ')}, but the mail came from ${usable.address}`);
  }
  const mailbox: Mailbox = claimed.length > 0 || !name ? { address: usable.address } : { address: usable.address, name };
  return { mailbox, display: { ...mailbox }, header, flags, problems };
}

/** The addresses of a To/Cc header (informational only: replies never go to them). */
export function parseAddressList(values: readonly string[]): string[] {
  const addresses = values.flatMap((value) => addressparser(oneLine(unfold(value), MAX_FROM_HEADER * 4), { flatten: true }));
  const usable = addresses.flatMap((entry) => {
    const result = usableAddress(entry.address.trim());
    return 'address' in result ? [mailboxKey(result.address)] : [];
  });
  return [...new Set(usable)].slice(0, MAX_LIST);
}

function unfold(value: string): string {
  return value.replace(/\r?\n(?=[ \t])/g, '').trim();
}

/** Controls become spaces, runs of space collapse, and the text is cut to `max`. */
function oneLine(value: string, max: number): string {
  return value.replace(CONTROLS, ' ').replace(/\s+/g, ' ').trim().slice(0, max);
}

/** RFC 2047 words in a display name; what cannot be decoded stays as written. */
function decodeName(name: string): string {
  try {
    return libmime.decodeWords(name).trim();
  } catch {
    return name.trim();
  }
}

/** `<` outside quoted strings and comments: two of them is two addresses, whatever a parser makes of it. */
function unquotedAngleAddresses(value: string): number {
  let count = 0;
  let quoted = false;
  let depth = 0;
  for (let index = 0; index < value.length; index += 1) {
    const char = value[index];
    if (char === '\\') index += 1;
    else if (char === '"' && depth === 0) quoted = !quoted;
    else if (quoted) continue;
    else if (char === '(') depth += 1;
    else if (char === ')' && depth > 0) depth -= 1;
    else if (char === '<' && depth === 0) count += 1;
  }
  return count;
}

/** Address-looking text in a display name that is not the real address. */
function otherAddressesIn(name: string, real: string): string[] {
  const found = name.match(ADDRESS_LIKE) ?? [];
  return [
    ...new Set(
      found.filter((candidate) => {
        const usable = usableAddress(candidate);
        return !sameMailbox('address' in usable ? usable.address : candidate, real);
      }),
    ),
  ];
}
