// `npm test`: lint, typecheck, then every vitest tier in order. A tier that fails or runs no
// tests at all fails the run: a suite that silently skips is a suite that cannot fail.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const root = fileURLToPath(new URL('..', import.meta.url));
const artifacts = path.join(root, 'tests', '.artifacts');
const bin = (name: string): string => path.join(root, 'node_modules', '.bin', name);
const TIERS = ['unit', 'workflow', 'integration', 'e2e'] as const;

const vitestReport = z.object({
  numTotalTests: z.number(),
  numPassedTests: z.number(),
  numFailedTests: z.number(),
  numPendingTests: z.number().default(0),
  numTodoTests: z.number().default(0),
  testResults: z
    .array(
      z.object({
        name: z.string(),
        assertionResults: z.array(
          z.object({
            fullName: z.string(),
            status: z.string(),
            failureMessages: z.array(z.string()).nullish(),
          }),
        ),
      }),
    )
    .default([]),
});

/** A failed test as the summary names it: file, test and the first line of its error. */
interface Failure {
  file: string;
  test: string;
  error: string;
}

interface StepResult {
  name: string;
  ok: boolean;
  note: string;
  seconds: number;
  counts?: { passed: number; failed: number; skipped: number };
  failures?: Failure[];
}

function run(command: string, args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
    child.once('error', () => resolve(127));
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

async function step(name: string, command: string, args: string[]): Promise<StepResult> {
  banner(name);
  const started = Date.now();
  const code = await run(command, args);
  return { name, ok: code === 0, note: code === 0 ? 'ok' : `exit ${code}`, seconds: (Date.now() - started) / 1000 };
}

async function tier(name: (typeof TIERS)[number]): Promise<StepResult> {
  const outputFile = path.join(artifacts, `${name}.json`);
  rmSync(outputFile, { force: true });
  const result = await step(`vitest ${name}`, bin('vitest'), [
    'run',
    '--project',
    name,
    '--reporter=default',
    '--reporter=json',
    `--outputFile=${outputFile}`,
  ]);
  if (!existsSync(outputFile)) return { ...result, ok: false, note: `${result.note}, no report written` };
  const report = vitestReport.parse(JSON.parse(readFileSync(outputFile, 'utf8')));
  const counts = {
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + report.numTodoTests,
  };
  if (counts.passed + counts.failed === 0) return { ...result, counts, ok: false, note: 'ran no tests' };
  const failures = report.testResults.flatMap((file) =>
    file.assertionResults
      .filter((test) => test.status === 'failed')
      .map((test) => ({
        file: path.relative(root, file.name),
        test: test.fullName,
        error: firstLine(test.failureMessages?.[0] ?? ''),
      })),
  );
  if (counts.failed > 0) return { ...result, counts, failures, ok: false, note: `${counts.failed} failed` };
  return { ...result, counts };
}

// A CI log is often read from its tail only: the error's first line is what says what went wrong.
function firstLine(message: string): string {
  const line = message.split('\n').find((l) => l.trim() !== '') ?? '';
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}

function banner(name: string): void {
  console.log(`\n━━━ ${name} ${'━'.repeat(Math.max(0, 70 - name.length))}`);
}

function printSummary(results: StepResult[]): void {
  console.log('\nSummary');
  console.log(`  ${'step'.padEnd(20)} ${'result'.padEnd(6)} ${'passed'.padStart(7)} ${'failed'.padStart(7)} ${'skipped'.padStart(8)} ${'time'.padStart(8)}  note`);
  for (const r of results) {
    const c = r.counts;
    const cells = [
      r.name.padEnd(20),
      (r.ok ? 'PASS' : 'FAIL').padEnd(6),
      String(c?.passed ?? '').padStart(7),
      String(c?.failed ?? '').padStart(7),
      String(c?.skipped ?? '').padStart(8),
      `${r.seconds.toFixed(1)}s`.padStart(8),
    ];
    console.log(`  ${cells.join(' ')}  ${r.ok ? '' : r.note}`);
  }
  const failures = results.flatMap((r) => (r.failures ?? []).map((f) => ({ ...f, step: r.name })));
  if (failures.length === 0) return;
  console.log('\nFailed tests');
  for (const f of failures) console.log(`  ${f.step}: ${f.file} > ${f.test}\n    ${f.error}`);
}

async function main(): Promise<void> {
  mkdirSync(artifacts, { recursive: true });
  // Every step runs even after a failure, so one run shows everything that is wrong.
  const results: StepResult[] = [await step('lint', bin('eslint'), ['--max-warnings', '0', '.'])];
  results.push(await step('typecheck', bin('tsc'), ['--noEmit']));
  for (const name of TIERS) results.push(await tier(name));

  printSummary(results);
  const passed = results.reduce((sum, r) => sum + (r.counts?.passed ?? 0), 0);
  const failed = results.reduce((sum, r) => sum + (r.counts?.failed ?? 0), 0);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(results.every((r) => r.ok) ? 0 : 1);
}

void main();
