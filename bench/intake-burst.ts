import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createLocalEnv } from '../tests/support/temporal-test-env';
import { createTempDb, stopStandaloneServer } from '../tests/support/temp-db';
import { percentile } from './stats';

/**
 * A focused intake measurement: web/main.ts's intake path (lib/web/direct/) in a process of its
 * own, against a real PostgreSQL and a real Temporal dev server, sent bursts of 100 JSON
 * emails at once as the pipeline bench does. Prints the serving process's CPU ms per intake
 * (until the answers, and until every message is handed to Temporal) and intake p50/p95.
 * Run: `npx tsx bench/intake-burst.ts [bursts] [--cold] [--cpu-prof]`.
 */
const BURST = 100;
const bursts = Number(process.argv[2] ?? 5);
const profile = process.argv.includes('--cpu-prof');
// Without the 20 warm-up posts: the first burst meets a process that has loaded and compiled nothing, as the pipeline bench's does.
const cold = process.argv.includes('--cold');
const SECRET = 'intake-burst-secret-0123456789abcdef';

const [store, temporal] = await Promise.all([createTempDb(), createLocalEnv()]);
await store.db.mailbox.create({ data: { address: 'support@countersign.local', displayName: 'Support', inboundChannel: 'api' } });
const child: ChildProcess = fork(new URL('./intake-burst/serve.ts', import.meta.url).pathname, [], {
  execArgv: ['--import', 'tsx', ...(profile ? ['--cpu-prof', '--cpu-prof-dir=/tmp/intake-prof'] : [])],
  // As start-stack.ts launches the stack: with the environment this process inherited.
  // eslint-disable-next-line no-restricted-properties
  env: { ...process.env, DATABASE_URL: store.url, TEMPORAL_ADDRESS: temporal.address, TEMPORAL_TASK_QUEUE: 'intake-burst', INBOUND_SECRET: SECRET, NODE_ENV: 'production' },
});
const [{ port }] = (await once(child, 'message')) as [{ port: number }];
const ask = async <T>(kind: string): Promise<T> => {
  child.send({ kind });
  return ((await once(child, 'message')) as [T])[0];
};

const post = async (run: string, index: number): Promise<{ ms: number; status: number }> => {
  const body = JSON.stringify({ from: `Ana <ana-${run}-${index}@customer.example>`, to: 'support@countersign.local', subject: 'Invoice', text: 'Where is my invoice? I looked everywhere in the portal.', messageId: `<${run}-${index}@bench.example>` });
  const begin = performance.now();
  const response = await fetch(`http://127.0.0.1:${port}/api/inbound`, { method: 'POST', body, headers: { 'content-type': 'application/json', authorization: `Bearer ${SECRET}` } });
  await response.arrayBuffer();
  return { ms: performance.now() - begin, status: response.status };
};
const undelivered = async () => store.db.message.count({ where: { deliveredAt: null } });

if (!cold) await Promise.all(Array.from({ length: 20 }, (_, index) => post('warm', index)));
while ((await undelivered()) > 0) await new Promise((resolve) => setTimeout(resolve, 20));
const rows: string[] = [];
for (let burst = 0; burst < bursts; burst += 1) {
  const before = await ask<{ cpuMs: number }>('cpu');
  const results = await Promise.all(Array.from({ length: BURST }, (_, index) => post(`b${burst}`, index)));
  const answered = await ask<{ cpuMs: number }>('cpu');
  const began = performance.now();
  while ((await undelivered()) > 0) await new Promise((resolve) => setTimeout(resolve, 20));
  const deliveredMs = performance.now() - began;
  const after = await ask<{ cpuMs: number; rssMb: number }>('cpu');
  const ms = results.map((result) => result.ms);
  const statuses = [...new Set(results.map((result) => result.status))].join(',');
  rows.push(
    `burst ${burst}: statuses ${statuses}; intake p50 ${percentile(ms, 50).toFixed(0)} ms, p95 ${percentile(ms, 95).toFixed(0)} ms, max ${Math.max(...ms).toFixed(0)} ms; ` +
      `web CPU per intake ${((answered.cpuMs - before.cpuMs) / BURST).toFixed(2)} ms to the answers, ${((after.cpuMs - before.cpuMs) / BURST).toFixed(2)} ms to delivered (+${deliveredMs.toFixed(0)} ms after the last answer); rss ${after.rssMb.toFixed(0)} MB`,
  );
  console.log(rows.at(-1));
}
child.send({ kind: 'stop' });
await once(child, 'exit');
await Promise.allSettled([store.close(), temporal.teardown()]);
await stopStandaloneServer();
