import { createHash } from 'node:crypto';

/**
 * What the audit keeps of an erased customer: the SHA-256 of the lower-cased address. It lets an
 * auditor check that a given address was erased (hash it and compare), never read one back.
 */
export function subjectHash(address: string): string {
  return createHash('sha256').update(address.trim().toLowerCase()).digest('hex');
}
