import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEMO_EMAILS } from '../devstack/demo-emails';
import { PROJECT_ROOT } from '../devstack/project-root';
import { deliverEmail, waitUntilSettled } from '../tests/integration/support/deliver-email';
import { startSystem } from '../tests/integration/support/system';
import { stopStandaloneServer } from '../tests/support/temp-db';
import { sampleRss } from './pipeline/rss-sampler';

/**
 * End-to-end throughput of the pipeline on this machine: N emails through intake, a real
 * Temporal dev server, the worker process, the Claude simulator (no added latency, so this
 * measures our own overhead) and SMTP to the mail catcher. Reports intake latency, time to
 * settle, emails per second, and the worker's peak memory.
 */

export interface PipelineBenchResult {
  name: string;
  summary: string;
  outputPath: string;
  data: Record<string, number>;
}

const OUTPUT = path.join(PROJECT_ROOT, 'bench', 'results', 'pipeline-throughput.json');

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

export async function runPipelineBenchmark({ emails = 100 } = {}): Promise<PipelineBenchResult> {
  const system = await startSystem({ holdSeconds: 0, autoSendCategories: ['account', 'orders', 'feedback', 'billing'] });
  try {
    const worker = await system.startWorker();
    const rss = sampleRss(worker.child.pid ?? 0);
    const started = performance.now();
    const intake: number[] = [];
    const ids = await Promise.all(
      Array.from({ length: emails }, async (_, index) => {
        const email = DEMO_EMAILS[index % DEMO_EMAILS.length];
        if (!email) throw new Error('no demo emails');
        const begin = performance.now();
        const result = await deliverEmail(system, { ...email, subject: `${email.subject} #${index}` });
        intake.push(performance.now() - begin);
        return result.conversationId;
      }),
    );
    await waitUntilSettled(system, ids, 600_000);
    const seconds = (performance.now() - started) / 1000;
    const peakWorkerRssMb = rss.stop();
    intake.sort((a, b) => a - b);
    const data = {
      emails,
      seconds: Number(seconds.toFixed(2)),
      emailsPerSecond: Number((emails / seconds).toFixed(2)),
      intakeP50Ms: Number(percentile(intake, 50).toFixed(1)),
      intakeP95Ms: Number(percentile(intake, 95).toFixed(1)),
      peakWorkerRssMb,
      sent: (await system.mail.list()).length,
    };
    mkdirSync(path.dirname(OUTPUT), { recursive: true });
    writeFileSync(OUTPUT, `${JSON.stringify({ generatedAt: new Date().toISOString(), ...data }, null, 2)}\n`);
    const summary = [
      `Pipeline: ${emails} emails settled in ${data.seconds} s (${data.emailsPerSecond}/s), ${data.sent} auto-sent`,
      `  intake (store + signal-with-start): p50 ${data.intakeP50Ms} ms, p95 ${data.intakeP95Ms} ms`,
      `  worker peak RSS: ${peakWorkerRssMb} MB`,
    ].join('\n');
    return { name: 'pipeline-throughput', summary, outputPath: OUTPUT, data };
  } finally {
    await system.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const result = await runPipelineBenchmark();
    console.log(result.summary);
  } finally {
    await stopStandaloneServer();
  }
}
