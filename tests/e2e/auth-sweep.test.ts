import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverAppRoutes } from './support/app-routes';
import { startStack, type RunningStack } from './support/running-stack';

/**
 * Every page and route handler under app/ must turn an anonymous visitor away: pages with
 * a redirect to /sign-in, route handlers with 401. New routes join the sweep by existing;
 * a route that is public on purpose must be listed here, with its reason.
 */
const PUBLIC = new Map<string, string>([
  ['/sign-in', 'the sign-in page itself'],
  ['/api/health', 'probed by load balancers and npm start'],
  ['/api/metrics', 'Prometheus: a bearer METRICS_TOKEN instead of a session, 404 while unset (tests/unit/web/metrics-response.test.ts)'],
  ['/api/auth/sweep', 'better-auth endpoints (sign-in, sign-out, get-session)'],
]);

const routes = discoverAppRoutes(path.resolve(import.meta.dirname, '../../app')).filter((route) => !PUBLIC.has(route.path));
const pages = routes.filter((route) => route.kind === 'page');
const handlers = routes.filter((route) => route.kind === 'route');
const FORGED_COOKIE = 'countersign.session_token=forged.value';
let stack: RunningStack;

beforeAll(async () => {
  stack = await startStack();
});

afterAll(async () => {
  await stack?.stop();
});

describe('anonymous access sweep', () => {
  it('finds the pages it is meant to guard', () => {
    expect(pages.map((page) => page.path)).toEqual(expect.arrayContaining(['/admin/users', '/admin/tokens', '/settings', '/settings/history']));
  });

  it.each(pages.map((page) => [page.path, page.file]))('page %s (%s) redirects to /sign-in', async (pagePath) => {
    for (const cookie of [undefined, FORGED_COOKIE]) {
      const response = await fetch(`${stack.baseUrl}${pagePath}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });
      expect([302, 303, 307, 308], `${pagePath} with ${cookie ?? 'no cookie'}`).toContain(response.status);
      const location = new URL(response.headers.get('location') ?? '', stack.baseUrl);
      expect(location.pathname).toBe('/sign-in');
      expect(location.searchParams.get('next')).toBe(pagePath);
    }
  });

  it.each(handlers.map((handler) => [handler.path, handler.file]))('route %s (%s) answers 401', async (routePath) => {
    const statuses: number[] = [];
    for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
      const variants: Record<string, string>[] = [{}, { cookie: FORGED_COOKIE }, { authorization: 'Bearer cs_not-a-real-token' }];
      for (const headers of variants) {
        const response = await fetch(`${stack.baseUrl}${routePath}`, { method, redirect: 'manual', headers });
        statuses.push(response.status);
        // Anything but "who are you?" or "no such method" would leak or act anonymously.
        expect([401, 405], `${method} ${routePath} ${JSON.stringify(headers)}`).toContain(response.status);
      }
    }
    expect(statuses).toContain(401);
  });
});

describe('roles and API tokens', () => {
  async function openStackDb() {
    const { createDb } = await import('../../lib/platform/db/client');
    return createDb(stack.databaseUrl);
  }

  async function signInAs(email: string, password: string): Promise<string> {
    const response = await fetch(`${stack.baseUrl}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: stack.baseUrl },
      body: JSON.stringify({ email, password }),
    });
    expect(response.status).toBe(200);
    return response.headers
      .getSetCookie()
      .map((cookie) => cookie.split(';')[0])
      .join('; ');
  }

  it('keeps an agent out of admin pages and manager settings, but lets them work the inbox', async () => {
    const { createUser } = await import('../../lib/features/users/create-user');
    const db = await openStackDb();
    const password = 'agent-password-for-sweep-1';
    await createUser({ email: 'sweep.agent@countersign.local', name: 'Sweep Agent', role: 'agent', password, actorId: null }, db);
    await db.$disconnect();
    const cookie = await signInAs('sweep.agent@countersign.local', password);
    for (const page of ['/admin/users', '/admin/tokens', '/settings', '/settings/history', '/overview', '/saved-replies']) {
      const response = await fetch(`${stack.baseUrl}${page}`, { redirect: 'manual', headers: { cookie } });
      expect(response.status, page).toBe(403);
    }
    expect((await fetch(`${stack.baseUrl}/`, { redirect: 'manual', headers: { cookie } })).status).toBe(200);
  });

  it('accepts a valid API token on the REST API and refuses it once revoked', async () => {
    const { createApiToken } = await import('../../lib/features/api-tokens/create-api-token');
    const { revokeApiToken } = await import('../../lib/features/api-tokens/revoke-api-token');
    const db = await openStackDb();
    const admin = await db.user.findFirstOrThrow({ where: { role: 'admin' } });
    const created = await createApiToken({ name: 'sweep', userId: admin.id, actorId: admin.id }, db);
    const call = (url: string, init: RequestInit = {}) =>
      fetch(`${stack.baseUrl}${url}`, { ...init, headers: { authorization: `Bearer ${created.token}`, 'content-type': 'application/json' } });

    const list = await call('/api/v1/conversations?queue=all');
    expect(list.status).toBe(200);
    expect(await list.json()).toMatchObject({ rows: expect.any(Array) });
    expect((await call('/api/v1/conversations/conv-does-not-exist')).status).toBe(404);
    const bad = await call('/api/v1/conversations/conv-does-not-exist/decisions', { method: 'POST', body: JSON.stringify({ action: 'approve' }) });
    expect(bad.status).toBe(400);

    await revokeApiToken({ id: created.id, actorId: admin.id }, db);
    await db.$disconnect();
    expect((await call('/api/v1/conversations?queue=all')).status).toBe(401);
  });
});
