import { createHash } from 'node:crypto';
import { APIError, createAuthMiddleware, getIP } from 'better-auth/api';
import type { Db } from '../../platform/db/client';
import { consumeRateLimit, type RateLimitRule } from './consume-rate-limit';

export interface SignInLimits {
  /** One account from one address: stops guessing quickly, spares colleagues on the same NAT. */
  perAddressAndAccount: RateLimitRule;
  /**
   * One account from anywhere. Without a proxy that strips it, X-Forwarded-For is chosen by
   * the client, so every address-keyed limit can be dodged; this one cannot. The cost: a
   * stranger can lock one account out for a window, which beats letting them keep guessing.
   */
  perAccount: RateLimitRule;
}

export const SIGN_IN_LIMITS: SignInLimits = {
  perAddressAndAccount: { windowSeconds: 60, max: 5 },
  perAccount: { windowSeconds: 15 * 60, max: 20 },
};

const SIGN_IN_PATH = '/sign-in/email';

interface ThrottleContext {
  path?: string;
  body?: unknown;
  request?: Request;
  headers?: Headers;
  context: { options: Parameters<typeof getIP>[1] };
}

function throttleKeys(ctx: ThrottleContext): { perAddressAndAccount: string; perAccount: string } {
  const body = ctx.body;
  const email = typeof body === 'object' && body !== null && 'email' in body ? String(body.email) : '';
  const source = ctx.request ?? ctx.headers;
  const ip = (source && getIP(source, ctx.context.options)) || 'unknown';
  // Hashed so the table never lists which addresses strangers tried.
  const account = createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 32);
  return { perAddressAndAccount: `sign-in-account|${ip}|${account}`, perAccount: `sign-in-account|*|${account}` };
}

/**
 * Hooks on email sign-in, on top of better-auth's own `ip|path` limiter (and covering
 * `auth.api.signInEmail`, which bypasses it). Every attempt counts while the window is
 * open; a successful sign-in clears the account's counters, so people who sign in many
 * times a day (and test suites) never hit them.
 */
export function signInThrottle(db: Db, limits: SignInLimits = SIGN_IN_LIMITS) {
  const before = createAuthMiddleware(async (ctx) => {
    if (ctx.path !== SIGN_IN_PATH) return;
    const keys = throttleKeys(ctx);
    const decisions = [
      await consumeRateLimit(db, keys.perAddressAndAccount, limits.perAddressAndAccount),
      await consumeRateLimit(db, keys.perAccount, limits.perAccount),
    ];
    const wait = Math.max(...decisions.map((decision) => (decision.allowed ? 0 : decision.retryAfterSeconds)));
    if (wait === 0) return;
    throw new APIError(
      'TOO_MANY_REQUESTS',
      { code: 'TOO_MANY_ATTEMPTS', message: `Too many sign-in attempts. Try again in ${wait} s.` },
      { 'Retry-After': String(wait), 'X-Retry-After': String(wait) },
    );
  });
  const after = createAuthMiddleware(async (ctx) => {
    if (ctx.path !== SIGN_IN_PATH || !ctx.context.newSession) return;
    const keys = throttleKeys(ctx);
    await db.rateLimit.deleteMany({ where: { key: { in: [keys.perAddressAndAccount, keys.perAccount] } } });
  });
  return { before, after };
}
