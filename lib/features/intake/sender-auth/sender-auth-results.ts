import { z } from 'zod';

/**
 * SPF, DKIM and DMARC for one inbound message, as stored on Message.authResults and shown to
 * the agent. `checked: false` says why nothing could be checked (no raw message).
 */
export const senderAuthResultsSchema = z.union([
  z.object({
    checked: z.literal(true),
    spf: z.object({ result: z.string(), domain: z.string().optional(), comment: z.string().optional() }),
    dkim: z.array(z.object({ result: z.string(), domain: z.string().optional(), selector: z.string().optional(), aligned: z.boolean(), comment: z.string().optional() })),
    /** `domain` is the organizational domain whose policy applied; `fromDomain` the From's own. */
    dmarc: z.object({ result: z.string(), domain: z.string().optional(), fromDomain: z.string().optional(), policy: z.string().optional(), comment: z.string().optional() }),
    /** The Authentication-Results header mailauth wrote, for the record. */
    header: z.string().optional(),
  }),
  z.object({ checked: z.literal(false), reason: z.string() }),
]);

export type SenderAuthResults = z.infer<typeof senderAuthResultsSchema>;

/** Only an explicit DMARC failure counts: `none` (no policy) and `temperror` say nothing about forgery. */
export function dmarcFailed(results: SenderAuthResults | null | undefined): boolean {
  return results?.checked === true && results.dmarc.result === 'fail';
}
