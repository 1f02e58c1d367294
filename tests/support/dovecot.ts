import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ImapFlow } from 'imapflow';
import { acceptsConnections, pickFreePort } from '../../devstack/ports';

const CANDIDATES = ['/usr/sbin/dovecot', '/usr/local/sbin/dovecot'];

export class DovecotMissingError extends Error {
  override name = 'DovecotMissingError';
}

/** The Dovecot binary, or a clear failure: tests that need a real IMAP server never skip. */
export function findDovecot(): string {
  const found = CANDIDATES.find((candidate) => existsSync(candidate));
  if (!found) {
    throw new DovecotMissingError(
      'Dovecot is not installed, and the IMAP tests need a real IMAP server: ' +
        'apt-get install -y --no-install-recommends dovecot-imapd (.ci/run installs it when missing).',
    );
  }
  return found;
}

export interface ImapUser {
  user: string;
  password: string;
}

export interface DovecotOptions {
  /**
   * OAuth only: XOAUTH2 (as Gmail and Microsoft 365 offer it) checked by Dovecot's oauth2 passdb against this RFC 7662
   * introspection URL (POST token=...), no passwords accepted. The test's own client then logs in
   * with `harnessToken(user)`.
   */
  oauth?: { introspectionUrl: string; harnessToken: (user: string) => Promise<string> };
}

export interface Dovecot {
  host: string;
  port: number;
  /** Stops the server (connections drop) and starts it again on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** A test client logged in as `user` (for appending mail and reading flags). */
  client(user: ImapUser): Promise<ImapFlow>;
  append(user: ImapUser, raw: Buffer, folder?: string): Promise<void>;
  /** UIDs of the folder's messages with their \Seen flag. */
  flags(user: ImapUser, folder?: string): Promise<{ uid: number; seen: boolean }[]>;
  log(): string;
  close(): Promise<void>;
}

/**
 * A private Dovecot (Debian's dovecot-imapd) from one config file in a temporary folder,
 * plain IMAP on a loopback port, users from a passwd-file, Maildir homes. As root it drops to
 * `dovenull` like a packaged install.
 */
export async function startDovecot(users: ImapUser[], options: DovecotOptions = {}): Promise<Dovecot> {
  const binary = findDovecot();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'countersign-dovecot-'));
  const port = await pickFreePort();
  const root = process.getuid?.() === 0;
  const owner = root ? idsOf('dovenull') : { uid: process.getuid?.() ?? 0, gid: process.getgid?.() ?? 0, name: os.userInfo().username };
  // Dovecot's auth and mail processes run as the unprivileged user: they must reach the files.
  chmodSync(dir, 0o755);
  const homes = path.join(dir, 'home');
  mkdirSync(homes, { recursive: true });
  const lines = users.map((entry) => {
    const home = path.join(homes, entry.user.replace(/[^a-z0-9.@-]/gi, '_'));
    mkdirSync(home, { recursive: true });
    if (root) chownSync(home, owner.uid, owner.gid);
    return `${entry.user}:{PLAIN}${entry.password}:${owner.uid}:${owner.gid}::${home}::`;
  });
  writeFileSync(path.join(dir, 'users'), `${lines.join('\n')}\n`, { mode: 0o644 });
  const config = path.join(dir, 'dovecot.conf');
  if (options.oauth) {
    writeFileSync(
      path.join(dir, 'oauth2.conf.ext'),
      `introspection_mode = post
introspection_url = ${options.oauth.introspectionUrl}
force_introspection = yes
username_attribute = email
active_attribute = active
active_value = true
`,
      { mode: 0o644 },
    );
  }
  const passdb = options.oauth
    ? `auth_mechanisms = xoauth2
passdb {
  driver = oauth2
  mechanisms = xoauth2
  args = ${dir}/oauth2.conf.ext
}`
    : `auth_mechanisms = plain login
passdb {
  driver = passwd-file
  args = ${dir}/users
}`;
  writeFileSync(
    config,
    `protocols = imap
listen = 127.0.0.1
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
info_log_path = ${dir}/dovecot.log
ssl = no
disable_plaintext_auth = no
mail_location = maildir:~/Maildir
first_valid_uid = 1
default_login_user = ${owner.name}
default_internal_user = ${owner.name}
${passdb}
userdb {
  driver = passwd-file
  args = ${dir}/users
}
service anvil {
  chroot =
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
`,
  );
  let child: ChildProcess | undefined;
  const logFile = path.join(dir, 'dovecot.log');
  const log = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '');

  const start = async () => {
    child = spawn(binary, ['-F', '-c', config], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const deadline = Date.now() + 20_000;
    while (!(await acceptsConnections(port))) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`Dovecot did not start:\n${output}\n${log()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const stop = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGTERM');
    await exited;
  };
  await start();

  const client = async (user: ImapUser) => {
    const auth = options.oauth ? { user: user.user, accessToken: await options.oauth.harnessToken(user.user) } : { user: user.user, pass: user.password };
    const imap = new ImapFlow({ host: '127.0.0.1', port, secure: false, doSTARTTLS: false, auth, logger: false });
    imap.on('error', () => undefined);
    await imap.connect();
    return imap;
  };
  return {
    host: '127.0.0.1',
    port,
    stop,
    start,
    client,
    async append(user, raw, folder = 'INBOX') {
      const imap = await client(user);
      try {
        await imap.append(folder, raw);
      } finally {
        await imap.logout();
      }
    },
    async flags(user, folder = 'INBOX') {
      const imap = await client(user);
      try {
        const lock = await imap.getMailboxLock(folder);
        try {
          const result: { uid: number; seen: boolean }[] = [];
          for await (const message of imap.fetch('1:*', { uid: true, flags: true })) result.push({ uid: message.uid, seen: message.flags?.has('\\Seen') ?? false });
          return result;
        } finally {
          lock.release();
        }
      } finally {
        await imap.logout();
      }
    },
    log,
    async close() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function idsOf(name: string): { uid: number; gid: number; name: string } {
  const result = spawnSync('id', ['-u', name], { encoding: 'utf8' });
  const groups = spawnSync('id', ['-g', name], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`user ${name} is missing: is Dovecot installed?`);
  return { uid: Number(result.stdout.trim()), gid: Number(groups.stdout.trim()), name };
}
