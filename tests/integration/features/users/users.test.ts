import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../../../lib/features/users/create-user';
import { DEMO_AGENT_EMAIL, DEMO_CREDENTIALS_FILE, ensureDemoAgent } from '../../../../lib/features/users/ensure-demo-agent';
import { ensureBootstrapAdmin } from '../../../../lib/features/users/ensure-bootstrap-admin';
import { UserError } from '../../../../lib/features/users/user-error';
import { createTempDb, type TempDb } from '../../../support/temp-db';
import { PROJECT_ROOT } from '../../../support/project-root';
import { signIn, testAuth } from '../../web/auth/support/auth-fixture';
import { runCli } from '../../../support/run-cli';

const run = promisify(execFile);
const ROOT = PROJECT_ROOT;
const PASSWORD = 'correct horse battery staple';
let temp: TempDb;
let dataDir: string;

beforeAll(async () => {
  temp = await createTempDb();
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'countersign-demo-'));
});

afterAll(async () => {
  await temp.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('ensureBootstrapAdmin', () => {
  const config = { ADMIN_EMAIL: 'root@example.com', ADMIN_PASSWORD: PASSWORD, ADMIN_NAME: 'Root' };

  it('does nothing without ADMIN_EMAIL / ADMIN_PASSWORD', async () => {
    expect(await ensureBootstrapAdmin({ ...config, ADMIN_PASSWORD: undefined }, temp.db)).toEqual({ created: false, reason: 'not_configured' });
    expect(await temp.db.user.count()).toBe(0);
  });

  it('creates the admin on an empty table, once, and that admin can sign in', async () => {
    expect(await ensureBootstrapAdmin(config, temp.db)).toEqual({ created: true, email: 'root@example.com' });
    expect(await ensureBootstrapAdmin({ ...config, ADMIN_EMAIL: 'other@example.com' }, temp.db)).toEqual({ created: false, reason: 'users_exist' });
    expect(await temp.db.user.findMany({ select: { email: true, role: true } })).toEqual([{ email: 'root@example.com', role: 'admin' }]);
    expect((await signIn(testAuth(temp.db), 'root@example.com', PASSWORD, { ip: '198.51.100.40' })).status).toBe(200);
  });
});

describe('ensureBootstrapAdmin on several nodes at once', () => {
  it('makes exactly one admin however many entries start together, even with different ADMIN_EMAILs', async () => {
    const race = await createTempDb();
    try {
      const nodes = Array.from({ length: 6 }, (_, index) =>
        ensureBootstrapAdmin({ ADMIN_EMAIL: `node${index % 2}@example.com`, ADMIN_PASSWORD: PASSWORD, ADMIN_NAME: 'Root' }, race.db),
      );
      const results = await Promise.all(nodes);
      expect(results.filter((result) => result.created)).toHaveLength(1);
      expect(results.filter((result) => !result.created && result.reason === 'users_exist')).toHaveLength(5);
      expect(await race.db.user.count()).toBe(1);
    } finally {
      await race.close();
    }
  });
});

describe('the first run from the command line', () => {
  it('npm run db:migrate creates the admin ADMIN_EMAIL / ADMIN_PASSWORD name on an empty database, once', async () => {
    const fresh = await createTempDb();
    try {
      const first = { DATABASE_URL: fresh.url, ADMIN_EMAIL: 'ops@example.com', ADMIN_PASSWORD: PASSWORD };
      const run = await runCli('scripts/db-migrate.ts', first);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain('created the first admin ops@example.com');
      const again = await runCli('scripts/db-migrate.ts', { ...first, ADMIN_EMAIL: 'someone-else@example.com' });
      expect(again.code, again.stderr).toBe(0);
      expect(await fresh.db.user.findMany({ select: { email: true, role: true } })).toEqual([{ email: 'ops@example.com', role: 'admin' }]);
      expect((await signIn(testAuth(fresh.db), 'ops@example.com', PASSWORD, { ip: '198.51.100.41' })).status).toBe(200);
    } finally {
      await fresh.close();
    }
  });

  it('without the variables says how to make the first admin', async () => {
    const fresh = await createTempDb();
    try {
      const run = await runCli('scripts/db-migrate.ts', { DATABASE_URL: fresh.url, ADMIN_EMAIL: '', ADMIN_PASSWORD: '' });
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain('no users yet: set ADMIN_EMAIL and ADMIN_PASSWORD');
      expect(await fresh.db.user.count()).toBe(0);
    } finally {
      await fresh.close();
    }
  });
});

describe('createUser', () => {
  it('refuses a second user with the same email in any case', async () => {
    await expect(createUser({ email: 'ROOT@example.com', name: 'Dup', role: 'agent', password: PASSWORD, actorId: null }, temp.db)).rejects.toEqual(
      new UserError('email_taken'),
    );
  });
});

describe('ensureDemoAgent', () => {
  it('creates a demo agent with a random password kept privately in the data dir', async () => {
    const first = await ensureDemoAgent({ dataDir }, temp.db);
    expect(first.email).toBe(DEMO_AGENT_EMAIL);
    expect(first.password.length).toBeGreaterThanOrEqual(12);
    expect(statSync(path.join(dataDir, DEMO_CREDENTIALS_FILE)).mode & 0o077).toBe(0);
    expect(await ensureDemoAgent({ dataDir }, temp.db)).toEqual(first);
    expect((await signIn(testAuth(temp.db), first.email, first.password, { ip: '198.51.100.41' })).status).toBe(200);
  });

  it('resets the password when the credentials file was lost', async () => {
    const other = mkdtempSync(path.join(os.tmpdir(), 'countersign-demo-'));
    try {
      const fresh = await ensureDemoAgent({ dataDir: other }, temp.db);
      expect((await signIn(testAuth(temp.db), fresh.email, fresh.password, { ip: '198.51.100.42' })).status).toBe(200);
      expect(await temp.db.user.count({ where: { email: DEMO_AGENT_EMAIL } })).toBe(1);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});

describe('npm run user:create', () => {
  const cli = (args: string[], input?: string) => {
    const child = run('npx', ['tsx', 'scripts/create-user.ts', ...args], { cwd: ROOT, env: { ...process.env, DATABASE_URL: temp.url } });
    if (input !== undefined) {
      child.child.stdin?.end(input);
    }
    return child;
  };

  it('creates a user that can sign in, reading the password from stdin', async () => {
    const { stdout } = await cli(['--email', 'Cli@Example.com', '--name', 'From CLI', '--role', 'manager'], `${PASSWORD}\n`);
    expect(stdout).toContain('Created manager cli@example.com');
    expect(stdout).not.toContain(PASSWORD);
    expect((await signIn(testAuth(temp.db), 'cli@example.com', PASSWORD, { ip: '198.51.100.43' })).status).toBe(200);
  });

  it('explains a bad role or short password and exits non-zero', async () => {
    const failure = await cli(['--email', 'x@example.com', '--name', 'X', '--role', 'owner', '--password', 'short']).catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr).toMatch(/--role/);
    expect((failure as { stderr: string }).stderr).toMatch(/--password: Use at least 12 characters/);
  });
});
