import { createHmac } from 'node:crypto';

/**
 * The customer as LangFuse sees them: a stable pseudonymous key, an HMAC of the lower-cased
 * address under a secret that never leaves this deployment (LANGFUSE_CUSTOMER_KEY_SECRET), so
 * a manager can follow one customer's traces while LangFuse cannot recover the address, nor
 * test a guess without the secret.
 */
export function customerKey(secret: string, address: string): string {
  const normalized = address.trim().toLowerCase();
  return `cust_${createHmac('sha256', secret).update(normalized, 'utf8').digest('hex').slice(0, 24)}`;
}

/** The address's domain (example.com), or undefined when it has none. */
export function customerDomain(address: string): string | undefined {
  const at = address.lastIndexOf('@');
  const domain = at < 0 ? '' : address.slice(at + 1).trim().toLowerCase();
  return /^[a-z0-9.-]+\.[a-z]{2,}$/.test(domain) ? domain : undefined;
}
