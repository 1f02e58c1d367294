import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempDb, type TempDb } from '../support/temp-db';
import { ensureWebBuild } from './support/ensure-web-build';
import { startWebNode, type WebNode } from './support/web-node';

/**
 * A real deployment's first hour: the database migrated (`npm run db:migrate`, a release step),
 * then web nodes started with `npm run web` and the first-run variables, and nothing else.
 * The admin those variables name signs in on either node: no `npm start`, no `user:create`.
 */
const AUTH_SECRET = 'first-run-auth-secret-'.padEnd(48, 'x');
const ADMIN = { email: 'owner@first-run.example', password: 'first-run-admin-password' };
let fresh: TempDb;
let unconfigured: TempDb;
const nodes: WebNode[] = [];

async function signIn(node: WebNode, email: string, password: string): Promise<{ status: number; cookie: string }> {
  const response = await fetch(`${node.url}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: node.url },
    body: JSON.stringify({ email, password }),
  });
  await response.arrayBuffer();
  return { status: response.status, cookie: response.headers.getSetCookie().map((entry) => entry.split(';')[0]).join('; ') };
}

beforeAll(async () => {
  await ensureWebBuild();
  // Copies of the migrated template: what `npm run db:migrate` leaves, with no users.
  [fresh, unconfigured] = await Promise.all([createTempDb(), createTempDb()]);
});

afterAll(async () => {
  await Promise.all(nodes.map((node) => node.stop()));
  await Promise.all([fresh?.close(), unconfigured?.close()]);
});

describe('npm run web on a fresh database', () => {
  it('creates the admin from ADMIN_EMAIL / ADMIN_PASSWORD once, with two nodes starting at once, and the admin signs in on both', async () => {
    expect(await fresh.db.user.count()).toBe(0);
    const env = { DATABASE_URL: fresh.url, AUTH_SECRET, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, ADMIN_NAME: 'Owner' };
    const started = await Promise.all([startWebNode(env), startWebNode(env)]);
    nodes.push(...started);
    expect(await fresh.db.user.findMany({ select: { email: true, role: true } })).toEqual([{ email: ADMIN.email, role: 'admin' }]);
    expect(started.map((node) => node.output()).join('\n')).toContain(`created the first admin ${ADMIN.email}`);
    for (const node of started) {
      const session = await signIn(node, ADMIN.email, ADMIN.password);
      expect(session.status).toBe(200);
      // The session works: the inbox answers instead of sending the admin back to sign in.
      const inbox = await fetch(`${node.url}/`, { headers: { cookie: session.cookie } });
      await inbox.arrayBuffer();
      expect(inbox.status).toBe(200);
      expect(inbox.url).not.toContain('/sign-in');
    }
    expect((await signIn(started[0], ADMIN.email, 'not-the-password-at-all')).status).toBe(401);
  });

  it('without the variables creates nobody and says how to make the first admin', async () => {
    const node = await startWebNode({ DATABASE_URL: unconfigured.url, AUTH_SECRET });
    nodes.push(node);
    expect(await unconfigured.db.user.count()).toBe(0);
    expect(node.output()).toContain('no users yet: set ADMIN_EMAIL and ADMIN_PASSWORD');
    expect((await signIn(node, ADMIN.email, ADMIN.password)).status).toBe(401);
  });
});
