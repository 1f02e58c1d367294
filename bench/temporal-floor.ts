import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { findTemporalCli } from '../devstack/temporal-cli';
import { pickFreePort } from '../devstack/ports';
import { PROJECT_ROOT } from '../devstack/project-root';
import { devServerArgs } from '../devstack/temporal-dev-server';
import { parseEnv } from '../lib/platform/config/env';
import * as activities from './temporal-floor/activities';
import { messageSignal } from './temporal-floor/workflows';

/**
 * What Temporal itself costs per email on this machine, with no work in the workflow: the dev
 * server `npm start` runs (its SQLite file, the same flags), bursts of 100 workflows started as
 * intake starts them (signal-with-start), each running N empty activities one after another.
 * Prints the server's CPU ms per workflow and this process's (client and worker) beside it: the
 * floor under the pipeline bench's Temporal and worker figures, and what local activities and
 * search attribute upserts cost. Run: `npx tsx bench/temporal-floor.ts`.
 */
const BURST = 100;
const RUNS = 2;
const VARIANTS = [
  { steps: 0, kind: 'remote', upserts: false },
  { steps: 4, kind: 'remote', upserts: false },
  { steps: 8, kind: 'remote', upserts: false },
  { steps: 8, kind: 'local', upserts: false },
  { steps: 8, kind: 'local', upserts: true },
] as const;
const TICK_MS = 10; // CLK_TCK is 100 on Linux
const OUTPUT = path.join(PROJECT_ROOT, 'bench', 'results', 'temporal-floor.json');

interface Figures {
  serverMs: number;
  ownMs: number;
  perSecond: number;
}

/** CPU time of a process and its reaped children, in ms. */
function cpuMsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return [11, 12, 13, 14].reduce((sum, index) => sum + Number(fields[index] ?? 0), 0) * TICK_MS;
}

const ownCpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

export async function runTemporalFloorBenchmark(): Promise<{ name: string; summary: string; outputPath: string }> {
  const cli = findTemporalCli(parseEnv({}));
  if (!cli) throw new Error('temporal CLI not found: run `bash .ci/run` or `npm start` once to install it into .tools/');
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'countersign-temporal-floor-'));
  mkdirSync(path.join(dataDir, 'temporal'), { recursive: true });
  // A port taken between choosing and binding fails the start below, loudly: a benchmark, not a test.
  const config = parseEnv({ TEMPORAL_DEV_PORT: String(await pickFreePort()), TEMPORAL_DEV_UI_PORT: String(await pickFreePort()) });
  const server = spawn(cli, devServerArgs(config, dataDir), { stdio: 'ignore' });
  const serverPid = server.pid ?? 0;
  const address = `127.0.0.1:${config.TEMPORAL_DEV_PORT}`;
  try {
    let connection: Connection | undefined;
    for (let attempt = 0; !connection; attempt += 1) {
      try {
        const candidate = await Connection.connect({ address, connectTimeout: '2s' });
        await candidate.workflowService.describeNamespace({ namespace: config.TEMPORAL_NAMESPACE });
        connection = candidate;
      } catch (error) {
        if (attempt > 60 || server.exitCode !== null) throw error;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
    const client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
    const taskQueue = 'temporal-floor';
    const worker = await Worker.create({
      connection: await NativeConnection.connect({ address }),
      namespace: config.TEMPORAL_NAMESPACE,
      taskQueue,
      workflowsPath: new URL('./temporal-floor/workflows.ts', import.meta.url).pathname,
      activities,
    });

    const burst = async (label: string, steps: number, kind: 'remote' | 'local', upserts: boolean): Promise<Figures> => {
      const serverBefore = cpuMsOf(serverPid);
      const ownBefore = ownCpuMs();
      const began = performance.now();
      const handles = await Promise.all(
        Array.from({ length: BURST }, (_, index) =>
          client.workflow.signalWithStart('floorWorkflow', { workflowId: `${label}-${index}`, taskQueue, args: [steps, kind, upserts], signal: messageSignal, signalArgs: [`message-${index}`] }),
        ),
      );
      await Promise.all(handles.map((handle) => handle.result()));
      return { serverMs: (cpuMsOf(serverPid) - serverBefore) / BURST, ownMs: (ownCpuMs() - ownBefore) / BURST, perSecond: BURST / ((performance.now() - began) / 1000) };
    };

    const results: (Figures & (typeof VARIANTS)[number] & { run: number })[] = [];
    await worker.runUntil(async () => {
      await burst('warm-up', 2, 'remote', false);
      for (const variant of VARIANTS) {
        for (let run = 0; run < RUNS; run += 1) results.push({ ...variant, run, ...(await burst(`${variant.kind}-${variant.steps}-${variant.upserts}-${run}`, variant.steps, variant.kind, variant.upserts)) });
      }
    });
    await connection.close();

    const lines = results.map(
      (r) =>
        `${String(r.steps).padStart(2)} ${r.kind.padEnd(6)} activities${r.upserts ? ', an upsert after each' : ''}: Temporal server ${r.serverMs.toFixed(1)} ms CPU per workflow, ` +
        `client and worker ${r.ownMs.toFixed(1)} ms; ${r.perSecond.toFixed(1)} workflows/s`,
    );
    mkdirSync(path.dirname(OUTPUT), { recursive: true });
    writeFileSync(OUTPUT, `${JSON.stringify({ generatedAt: new Date().toISOString(), burst: BURST, results }, null, 2)}\n`);
    return { name: 'temporal-floor', summary: lines.join('\n'), outputPath: OUTPUT };
  } finally {
    server.kill('SIGTERM');
    if (server.exitCode === null) await new Promise((resolve) => server.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log((await runTemporalFloorBenchmark()).summary);
}
