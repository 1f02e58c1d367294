import { domainToASCII } from 'node:url';
import { authenticate } from 'mailauth';
import { hostnameProblem } from '../../../core/mail/hostname';
import { guardedResolver, type DnsResolve } from '../../../platform/dns/resolver';
import { dkimSignatureNames } from './dkim-signature-names';
import type { SenderAuthResults } from './sender-auth-results';

export interface SenderAuthContext {
  /** The connecting client's IP, when we saw the SMTP session (or the provider told us). */
  ip?: string;
  helo?: string;
  /** MAIL FROM. */
  sender?: string;
}

export interface SenderAuthChecker {
  check(raw: Uint8Array, context: SenderAuthContext): Promise<SenderAuthResults>;
}

const MAX_COMMENT = 200;
const clip = (value: unknown) => (typeof value === 'string' && value ? value.slice(0, MAX_COMMENT) : undefined);

/**
 * SPF, DKIM and DMARC with mailauth 4.13 (Node 20; 5.x needs Node 22). Without the SMTP
 * client's IP (mail read over IMAP or posted by a provider without it) the newest Received
 * header, written by the receiving provider, supplies it (`trustReceived`). A lookup that
 * hangs ends as `temperror` after `timeoutMs`; nothing here ever stops a message being stored.
 */
export function createSenderAuthChecker(options: { resolver: DnsResolve; timeoutMs: number; mta?: string }): SenderAuthChecker {
  return {
    async check(raw, context) {
      const run = authenticate(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength), {
        ip: context.ip,
        helo: context.helo,
        sender: context.sender,
        trustReceived: !context.ip,
        mta: options.mta ?? 'countersign',
        // Whatever resolver is given, no name reaches it unchecked.
        resolver: guardedResolver(options.resolver),
        disableArc: true,
        disableBimi: true,
      });
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), options.timeoutMs);
      });
      try {
        const result = await Promise.race([run, timeout]);
        if (result === 'timeout') return temperror(`DNS lookups did not finish within ${options.timeoutMs} ms`);
        const spfStatus = result.spf ? result.spf.status : undefined;
        const dmarc = result.dmarc || undefined;
        return {
          checked: true,
          spf: { result: spfStatus?.result ?? 'none', domain: clip(result.spf ? result.spf.domain : undefined), comment: clip(spfStatus?.comment) },
          dkim: dkimEntries(raw, result.dkim?.results ?? []),
          dmarc: {
            result: dmarc?.status.result ?? 'none',
            domain: clip(dmarc?.domain),
            fromDomain: clip(evaluatedFromDomain(result.dkim?.headerFrom)),
            policy: clip(dmarc?.policy),
            comment: clip(dmarc?.status.comment),
          },
          header: result.headers?.slice(0, 2000),
        };
      } catch (error) {
        return temperror((error as Error).message);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

function temperror(comment: string): SenderAuthResults {
  const entry = { result: 'temperror', comment: comment.slice(0, MAX_COMMENT) };
  return { checked: true, spf: entry, dkim: [], dmarc: entry };
}

/**
 * The From domain DMARC was evaluated for, as mailauth read it (one From address, the part
 * after its first @, in ASCII). mailauth reports the organizational domain beside the result;
 * this says which From that was, so "verified" can demand it is the mailbox we show.
 */
function evaluatedFromDomain(headerFrom: unknown): string | undefined {
  const addresses: unknown[] = Array.isArray(headerFrom) ? headerFrom : [headerFrom];
  const address = addresses[0];
  if (addresses.length !== 1 || typeof address !== 'string' || !address.includes('@')) return undefined;
  const domain = address.slice(address.indexOf('@') + 1).trim().toLowerCase();
  return domainToASCII(domain) || domain;
}

interface MailauthSignature {
  signingDomain?: string;
  selector?: string;
  status: { result: unknown; aligned?: unknown; comment?: unknown };
}

/**
 * Every DKIM signature, as mailauth judged it, plus any it dropped because a name did not
 * parse: those are failures too, and the "message not signed" entry goes when they exist.
 */
function dkimEntries(raw: Uint8Array, signatures: MailauthSignature[]) {
  const judged = signatures.map(dkimEntry);
  const dropped = dkimSignatureNames(raw)
    .filter((names) => !judged.some((entry) => entry.domain === clip(names.domain) && entry.selector === clip(names.selector)))
    .flatMap((names) => {
      const invalid = invalidSignatureName({ signingDomain: names.domain, selector: names.selector, status: { result: 'fail' } });
      return invalid ? [{ result: 'fail', domain: clip(names.domain), selector: clip(names.selector), aligned: false, comment: clip(invalid) }] : [];
    });
  const kept = dropped.length > 0 ? judged.filter((entry) => entry.result !== 'none') : judged;
  return [...kept, ...dropped].slice(0, 5);
}

/**
 * One DKIM signature as recorded. A d= or s= that is not a host name is a forgery attempt
 * (espoofer A3/A4), never a lookup problem: the signature fails, and the record says why.
 */
function dkimEntry(signature: MailauthSignature) {
  const entry = {
    result: String(signature.status.result),
    domain: clip(signature.signingDomain),
    selector: clip(signature.selector),
    aligned: Boolean(signature.status.aligned),
    comment: clip(signature.status.comment),
  };
  // `none` is mailauth's entry for a message without any signature: nothing to judge.
  const invalid = entry.result === 'none' ? undefined : invalidSignatureName(signature);
  return invalid ? { ...entry, result: 'fail', aligned: false, comment: clip(invalid) } : entry;
}

function invalidSignatureName(signature: MailauthSignature): string | undefined {
  const domain = signature.signingDomain ?? '';
  const selector = signature.selector ?? '';
  const domainProblem = hostnameProblem(domain) ?? (domain.endsWith('.') ? 'ends with a dot' : undefined);
  if (domainProblem) return `invalid d= (it ${domainProblem}): signature not checked`;
  const selectorProblem = hostnameProblem(selector) ?? (selector.endsWith('.') ? 'ends with a dot' : undefined) ?? hostnameProblem(`${selector}._domainkey.${domain}`);
  if (selectorProblem) return `invalid s= (it ${selectorProblem}): signature not checked`;
  return undefined;
}
