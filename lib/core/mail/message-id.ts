/**
 * The one normalisation of Message-IDs, used by every store, lookup and outbound header.
 *
 * A Message-ID is an opaque token (RFC 5322 3.6.4: `<id-left@id-right>`). Its canonical form
 * here is the token exactly as the sender spelled it, angle brackets added and folding
 * whitespace removed; case is kept, because the local part is case-sensitive in principle
 * and every compliant client echoes the id back unchanged. Anything that is not one such
 * token of printable ASCII, or is longer than MAX_MESSAGE_ID_LENGTH, is not an id at all:
 * it is never stored as one and never echoed into an outbound header.
 */

export const MAX_MESSAGE_ID_LENGTH = 250;
/** How many ancestors a References list keeps (the newest ones): enough to thread, bounded. */
export const MAX_REFERENCES = 20;

// atext plus "." for dot-atoms; the right side may also be a [no-fold-literal].
const ID_LEFT = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+$/;
const ID_RIGHT = /^([A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+|\[[!-Z^-~]*\])$/;

/** `<left@right>`, or undefined when the value is not exactly one valid, bounded id. */
export function canonicalMessageId(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const unfolded = value.replace(/\r?\n[ \t]+/g, ' ').trim();
  const bracketed = /^<([^<>]*)>$/.exec(unfolded);
  const inner = (bracketed ? bracketed[1] : unfolded)?.trim() ?? '';
  if (inner.length === 0 || inner.length > MAX_MESSAGE_ID_LENGTH - 2) return undefined;
  const at = inner.lastIndexOf('@');
  if (at <= 0 || at === inner.length - 1) return undefined;
  const left = inner.slice(0, at);
  const right = inner.slice(at + 1);
  if (!ID_LEFT.test(left) || !ID_RIGHT.test(right)) return undefined;
  return `<${inner}>`;
}

export interface MessageIdList {
  /** Canonical ids in the order given, duplicates removed, at most MAX_REFERENCES (the newest). */
  ids: string[];
  /** Tokens that were not valid ids (or beyond the limit) and were left out. */
  dropped: number;
}

/** The ids of a References / In-Reply-To header (or a JSON array of ids). */
export function messageIdList(value: string | readonly string[] | null | undefined): MessageIdList {
  if (!value) return { ids: [], dropped: 0 };
  const tokens = (typeof value === 'string' ? [value] : value).flatMap(idTokens);
  const ids: string[] = [];
  let dropped = 0;
  for (const token of tokens) {
    const id = canonicalMessageId(token);
    if (!id) dropped += 1;
    else if (!ids.includes(id)) ids.push(id);
  }
  const kept = ids.slice(-MAX_REFERENCES);
  return { ids: kept, dropped: dropped + (ids.length - kept.length) };
}

/**
 * Bracketed ids when there are any (whatever lies between them is comments or junk);
 * otherwise whitespace- or comma-separated bare ids, as some relays write them.
 */
function idTokens(raw: string): string[] {
  if (!raw.includes('<')) return raw.split(/[\s,]+/).filter(Boolean);
  const bracketed = raw.match(/<[^<>]*>/g) ?? [];
  return bracketed.length > 0 ? bracketed : [raw];
}
