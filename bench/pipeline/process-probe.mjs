// Preloaded (NODE_OPTIONS=--import) into every node process of the bench's stack; active only
// in the web and worker processes. It counts the database round trips the process makes (every
// node-postgres query: Prisma's statements, BEGIN and COMMIT, raw SQL) and, on SIGWINCH, writes
// that count and the process's own CPU time to BENCH_PROBE_DIR/<pid>.json for the bench to read.
// SIGWINCH, because it is ignored by default and Temporal's runtime stops the worker on SIGUSR2.
// Plain JavaScript: it loads before tsx's loader.
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const dir = process.env.BENCH_PROBE_DIR;
// The entry as TypeScript (worker/main.ts) or compiled by npm start (.build/worker.mjs).
const role = /(?:^|\/)(worker|web)(?:\/main\.ts|\.mjs)$/.exec(process.argv[1] ?? '')?.[1];
if (dir && role) {
  const require = createRequire(import.meta.url);
  // Prisma's adapter imports node-postgres as an ES module, and ESM resolution (unlike require)
  // also looks in a node_modules/node_modules: where the install holds such a nested copy, the
  // adapter gets it. Every copy on the adapter's way up is counted.
  const copies = new Set([require('pg')]);
  try {
    for (let dir = path.dirname(require.resolve('@prisma/adapter-pg')); dir !== path.dirname(dir); dir = path.dirname(dir)) {
      const candidate = path.join(dir, 'node_modules', 'pg');
      if (existsSync(path.join(candidate, 'package.json'))) copies.add(require(candidate));
    }
  } catch {
    // No adapter installed: the one copy is all.
  }
  let queries = 0;
  // The statements themselves, counted by their first words: where the round trips go.
  const statements = new Map();
  for (const pg of copies) {
    const query = pg.Client.prototype.query;
    pg.Client.prototype.query = function countedQuery(...args) {
      queries += 1;
      const text = typeof args[0] === 'string' ? args[0] : args[0]?.text;
      const key = String(text ?? '?').replace(/\s+/g, ' ').slice(0, 140);
      statements.set(key, (statements.get(key) ?? 0) + 1);
      return query.apply(this, args);
    };
  }
  process.on('SIGWINCH', () => {
    const file = `${dir}/${process.pid}.json`;
    const cpu = process.cpuUsage();
    writeFileSync(`${file}.tmp`, JSON.stringify({ pid: process.pid, role, queries, statements: Object.fromEntries(statements), cpuMs: (cpu.user + cpu.system) / 1000, memory: process.memoryUsage(), at: Date.now() }));
    renameSync(`${file}.tmp`, file);
  });
}
