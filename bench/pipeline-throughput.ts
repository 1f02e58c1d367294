import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { PROJECT_ROOT } from '../devstack/project-root';
import { benchEmails } from './pipeline/bench-emails';
import { driveThroughPipeline, type PipelineRun } from './pipeline/drive-pipeline';
import { runNaiveScript, type NaiveRun } from './pipeline/naive-script';
import { memoryByRole, usageBetween, type Usage } from './pipeline/process-meter';
import { startBenchStack, type BenchStack } from './pipeline/start-stack';
import { percentile, round } from './stats';

/**
 * The pipeline against a naive script, on `npm start`'s own stack (embedded PostgreSQL, the
 * Temporal dev server with its SQLite file, the web app's production build, the worker, the
 * Claude simulator, the mail catcher). Bursts of 100 emails posted at once to /api/inbound
 * at 0 ms and 1 s of model latency, each next to the same 100 through a script that does the
 * same steps inline; then a steady 2 emails a second for the latency from intake to sent;
 * the worker's peak memory over all of it (start-up included).
 */

export interface PipelineBenchResult {
  name: string;
  summary: string;
  outputPath: string;
  data: Record<string, unknown>;
}

const OUTPUT = path.join(PROJECT_ROOT, 'bench', 'results', 'pipeline-throughput.json');

async function configure(stack: BenchStack): Promise<void> {
  const db = new pg.Client({ connectionString: stack.databaseUrl });
  await db.connect();
  try {
    // Every routine category answers automatically, with no hold: the pipeline's full path.
    const policy = { holdSeconds: 0, autoSendCategories: ['account', 'billing', 'technical', 'orders', 'feedback', 'other'] };
    await db.query(
      `INSERT INTO "Setting" (key, value, "updatedAt") VALUES ('automation_policy', $1, now())
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, "updatedAt" = now()`,
      [JSON.stringify(policy)],
    );
  } finally {
    await db.end();
  }
}

async function setModelLatency(stack: BenchStack, latencyMs: number): Promise<void> {
  const response = await fetch(`${stack.claudeUrl.replace(/\/v1\/?$/, '')}/__simulator/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ latencyMs }),
  });
  if (!response.ok) throw new Error(`the simulator refused the latency: ${response.status} ${await response.text()}`);
}

const figures = (run: PipelineRun | NaiveRun, emails: number) => ({
  seconds: round(run.seconds, 2),
  emailsPerSecond: round(emails / run.seconds, 1),
  sent: run.sent,
  latencyP50Ms: round(percentile(run.latenciesMs, 50), 0),
  latencyP95Ms: round(percentile(run.latenciesMs, 95), 0),
});

/** How long the stack rests after the last burst before its idle memory is read again. */
const SETTLE_MS = 45_000;

const STAND_INS = new Set(['claude simulator', 'mail catcher']);

function describeUsage(usage: Usage): string {
  const cpu = Object.entries(usage.cpuMsPerEmail).filter(([, ms]) => ms > 0);
  const stack = cpu.filter(([role]) => !STAND_INS.has(role)).reduce((sum, [, ms]) => sum + ms, 0);
  const trips = usage.roundTripsPerEmail;
  return (
    `database round trips per email ${trips.total} (web ${trips.web}, worker ${trips.worker}); ` +
    `CPU ms per email ${stack} in the stack (${cpu.map(([role, ms]) => `${role} ${ms}`).join(', ')})`
  );
}

function describeMemory(memory: Partial<Record<string, number>>): string {
  const entries = Object.entries(memory).filter((entry): entry is [string, number] => entry[1] !== undefined);
  const stack = entries.filter(([role]) => !STAND_INS.has(role)).reduce((sum, [, mb]) => sum + mb, 0);
  return `${stack} MB without the stand-ins (${entries.map(([role, mb]) => `${role} ${mb}`).join(', ')})`;
}

export interface PipelineBenchOptions {
  emails?: number;
  /** Emails in each steady run (0: no steady runs). */
  steadyEmails?: number;
  /** Model latencies of the bursts. */
  latenciesMs?: number[];
}

export async function runPipelineBenchmark({ emails = 100, steadyEmails = 60, latenciesMs = [0, 1000] }: PipelineBenchOptions = {}): Promise<PipelineBenchResult> {
  // The bench's senders are vouched for (their mail comes through the API, with no DMARC to pass):
  // without it every email is held for a person and the send path is never measured.
  const stack = await startBenchStack({ AUTO_SEND_HOURLY_CAP_GLOBAL: '1000000', VERIFIED_SENDER_ALLOW: 'bench.example' });
  try {
    await configure(stack);
    const idleAtStart = memoryByRole(await stack.measure());
    const naiveEndpoints = { claudeUrl: stack.claudeUrl, smtpUrl: stack.smtpUrl, databaseUrl: stack.databaseUrl };
    // Warm both paths (JIT, connection pools, the web app's first render of the route).
    await setModelLatency(stack, 0);
    await driveThroughPipeline(stack, benchEmails(10, 'warm'));
    await runNaiveScript(benchEmails(10, 'naive-warm'), naiveEndpoints);

    const bursts = [];
    for (const latencyMs of latenciesMs) {
      await setModelLatency(stack, latencyMs);
      const before = await stack.measure();
      const pipeline = await driveThroughPipeline(stack, benchEmails(emails, `burst-${latencyMs}`));
      const usage = usageBetween(before, await stack.measure(), emails);
      const naive = await runNaiveScript(benchEmails(emails, `naive-${latencyMs}`), naiveEndpoints);
      bursts.push({
        modelLatencyMs: latencyMs,
        pipeline: { ...figures(pipeline, emails), statuses: pipeline.statuses, intakeP50Ms: round(percentile(pipeline.intakeMs, 50)), intakeP95Ms: round(percentile(pipeline.intakeMs, 95)) },
        naive: figures(naive, emails),
        ratio: round(pipeline.seconds / naive.seconds, 2),
        usage,
      });
    }

    const steady = [];
    for (const latencyMs of steadyEmails > 0 ? [0, 1000] : []) {
      await setModelLatency(stack, latencyMs);
      const run = await driveThroughPipeline(stack, benchEmails(steadyEmails, `steady-${latencyMs}`), { spacingMs: 500 });
      steady.push({ modelLatencyMs: latencyMs, emails: steadyEmails, perSecond: 2, ...figures(run, steadyEmails), intakeP95Ms: round(percentile(run.intakeMs, 95)) });
    }
    const justAfter = memoryByRole(await stack.measure());
    // Idle again, as a stack is between bursts: connection pools close what sat unused for 30 s
    // (lib/platform/db/client.ts), and V8 shrinks heaps a while after work stops.
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const atEnd = await stack.measure();
    const idleAtEnd = memoryByRole(atEnd);
    const loadAverage = os.loadavg().map((value) => round(value, 1));
    const data = { emails, bursts, steady, workerPeakRssMb: stack.workerPeakRssMb(), idleMemoryMb: { atStart: idleAtStart, justAfter, atEnd: idleAtEnd }, heapsAtEndMb: atEnd.heaps, loadAverage };
    mkdirSync(path.dirname(OUTPUT), { recursive: true });
    writeFileSync(OUTPUT, `${JSON.stringify({ generatedAt: new Date().toISOString(), ...data }, null, 2)}\n`);

    const lines = [`Pipeline (npm start stack) vs a naive inline script, bursts of ${emails}:`];
    for (const burst of bursts) {
      lines.push(
        `  model ${burst.modelLatencyMs} ms: pipeline ${burst.pipeline.seconds} s (${burst.pipeline.emailsPerSecond}/s, ${burst.pipeline.sent} sent), ` +
          `naive ${burst.naive.seconds} s (${burst.naive.emailsPerSecond}/s) → ${burst.ratio}×; intake p50 ${burst.pipeline.intakeP50Ms} ms, p95 ${burst.pipeline.intakeP95Ms} ms`,
      );
    }
    for (const run of steady) {
      lines.push(`  steady 2/s, model ${run.modelLatencyMs} ms: intake→sent p50 ${run.latencyP50Ms} ms, p95 ${run.latencyP95Ms} ms (${run.sent}/${run.emails} sent), intake p95 ${run.intakeP95Ms} ms`);
    }
    for (const burst of bursts) lines.push(`  burst at model ${burst.modelLatencyMs} ms: ${describeUsage(burst.usage)}`);
    lines.push(`  worker peak RSS (start-up included): ${data.workerPeakRssMb} MB`);
    lines.push(`  idle memory at start: ${describeMemory(idleAtStart)}`);
    lines.push(`  memory just after the last burst: ${describeMemory(justAfter)}`);
    lines.push(`  idle memory at the end, ${SETTLE_MS / 1000} s later: ${describeMemory(idleAtEnd)}`);
    lines.push(`  worker's own account at the end (MB): ${JSON.stringify(atEnd.heaps.worker ?? {})}`);
    lines.push(`  load average at the end (1/5/15 min): ${loadAverage.join(' / ')}`);
    return { name: 'pipeline-throughput', summary: lines.join('\n'), outputPath: OUTPUT, data };
  } catch (error) {
    // The supervisor's lines say which process stopped and why; then the servers' last words.
    const output = stack.output();
    console.error(output.split('\n').filter((line) => /^\[(countersign|worker|web)\]/.test(line)).slice(-40).join('\n'));
    console.error(output.slice(-3000));
    throw error;
  } finally {
    await stack.stop();
  }
}

// `tsx bench/pipeline-throughput.ts [--emails N] [--steady N] [--latencies 0,1000]`: a shorter
// run while working on the pipeline; `npm run bench` runs the defaults.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { emails: { type: 'string' }, steady: { type: 'string' }, latencies: { type: 'string' } } });
  const result = await runPipelineBenchmark({
    emails: values.emails ? Number(values.emails) : undefined,
    steadyEmails: values.steady ? Number(values.steady) : undefined,
    latenciesMs: values.latencies?.split(',').map(Number),
  });
  console.log(result.summary);
}
