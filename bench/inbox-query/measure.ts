import { percentile, round } from '../stats';

export interface Timing {
  name: string;
  p50Ms: number;
  p95Ms: number;
  runs: number;
  /** PostgreSQL's EXPLAIN for the query, where recorded. */
  plan?: string;
}

/** Runs a task a few times to warm up, then `runs` times measured; p50 and p95 in ms. */
export async function time(name: string, runs: number, task: () => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < 3; i += 1) await task();
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await task();
    samples.push(performance.now() - start);
  }
  return { name, p50Ms: round(percentile(samples, 50), 2), p95Ms: round(percentile(samples, 95), 2), runs };
}

export function renderTable(timings: Timing[]): string {
  const width = Math.max(...timings.map((timing) => timing.name.length));
  const lines = [`${'query'.padEnd(width)}  ${'p50 ms'.padStart(8)}  ${'p95 ms'.padStart(8)}`];
  for (const timing of timings) {
    lines.push(`${timing.name.padEnd(width)}  ${timing.p50Ms.toFixed(2).padStart(8)}  ${timing.p95Ms.toFixed(2).padStart(8)}`);
  }
  for (const timing of timings.filter((entry) => entry.plan)) lines.push(`plan · ${timing.name}: ${timing.plan}`);
  return lines.join('\n');
}
