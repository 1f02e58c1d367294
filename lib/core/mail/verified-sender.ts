/**
 * What "verified sender" means, everywhere it is used (the inbox list, the conversation page,
 * the REST API, threading, auto-send screening, LangFuse): the From is one usable mailbox and
 * either its domain passed DMARC (DMARC's own domain is the From's, so a pass is aligned) or
 * an operator's explicit allow rule (VERIFIED_SENDER_ALLOW) names it. An allow rule speaks
 * only where DMARC had nothing to say (no policy, a lookup error, mail that came without its
 * raw bytes): a DMARC failure is evidence of forgery and no rule overrides it.
 *
 * Decided once, at intake, and stored with the message (Message.senderVerified and the
 * verdict's code); the conversation keeps its first message's answer.
 */
export interface SenderEvidence {
  /** The From's single usable mailbox, or null (a list, a group, unparseable). */
  senderAddress: string | null;
  /**
   * DMARC as checked on the raw bytes; absent when nothing could be checked. `domain` is the
   * organizational domain whose policy applied, `fromDomain` the From domain it judged.
   */
  dmarc?: { result: string; domain?: string; fromDomain?: string };
}

export type SenderVerification =
  | 'dmarc_pass'
  | 'allow_rule'
  | 'no_single_mailbox'
  | 'dmarc_fail'
  /** DMARC passed for another domain than the From we read: two parsers disagree, never trusted. */
  | 'dmarc_other_domain'
  | 'no_dmarc_pass';

export interface SenderVerdict {
  verified: boolean;
  verification: SenderVerification;
}

/**
 * Allow rules, as an operator writes them: `*` (every sender whose DMARC did not fail: the
 * permissive mode for a relay that checks senders itself), `example.com` (that domain
 * exactly), or `ana@example.com` (that address). Compared without regard to case.
 */
export function verifySender(evidence: SenderEvidence, allowRules: readonly string[]): SenderVerdict {
  const verdict = (verification: SenderVerification): SenderVerdict => ({ verified: verification === 'dmarc_pass' || verification === 'allow_rule', verification });
  if (!evidence.senderAddress) return verdict('no_single_mailbox');
  const address = evidence.senderAddress.toLowerCase();
  const domain = address.slice(address.lastIndexOf('@') + 1);
  const dmarc = evidence.dmarc;
  if (dmarc?.result === 'fail') return verdict('dmarc_fail');
  if (dmarc?.result === 'pass') return verdict(passedFor(dmarc, domain) ? 'dmarc_pass' : 'dmarc_other_domain');
  const allowed = allowRules.some((rule) => {
    const entry = rule.trim().toLowerCase();
    return entry === '*' || entry === address || entry === domain;
  });
  return verdict(allowed ? 'allow_rule' : 'no_dmarc_pass');
}

/**
 * Whether the DMARC pass was for the From we show: its own domain when the checker recorded
 * it, else (older records) the organizational domain or one below it.
 */
function passedFor(dmarc: NonNullable<SenderEvidence['dmarc']>, domain: string): boolean {
  const bare = (name: string | undefined) => name?.toLowerCase().replace(/\.$/, '');
  if (dmarc.fromDomain !== undefined) return bare(dmarc.fromDomain) === domain;
  const organizational = bare(dmarc.domain);
  return organizational !== undefined && organizational !== '' && (domain === organizational || domain.endsWith(`.${organizational}`));
}

/** What an agent reads beside the sender. */
export const SENDER_VERIFICATION_TEXT: Record<SenderVerification, string> = {
  dmarc_pass: "Verified sender: the From domain passed DMARC",
  allow_rule: 'Verified sender: allowed by a rule your administrator set; DMARC did not vouch for it',
  no_single_mailbox: 'Unverified sender: the From is not exactly one usable mailbox',
  dmarc_fail: "Unverified sender: the From domain's DMARC check failed, so the From may be forged",
  dmarc_other_domain: 'Unverified sender: DMARC passed for a different domain than the From shown (an ambiguous From)',
  no_dmarc_pass: 'Unverified sender: the From domain did not pass DMARC (no policy, a lookup failure, or no original message to check)',
};

/** The stored code read back (a row, a JSON payload): anything unknown is unverified. */
export function senderVerificationText(code: string | null | undefined): string {
  return (SENDER_VERIFICATION_TEXT as Record<string, string>)[code ?? ''] ?? SENDER_VERIFICATION_TEXT.no_dmarc_pass;
}
