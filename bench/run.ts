import { runCostBenchmark } from './cost-per-email';
import { runInboxBenchmark } from './inbox-query';
import { runKnowledgeBenchmark } from './knowledge-retrieval';
import { runPipelineBenchmark } from './pipeline-throughput';
import { runTemporalFloorBenchmark } from './temporal-floor';
import { stopStandaloneServer } from '../tests/support/temp-db';

/**
 * `npm run bench`: every benchmark, one after another (they share two cores), each
 * printing its numbers and writing JSON under bench/results/. Numbers are reported, never
 * asserted: wall-clock limits belong here, not in tests.
 */
const benchmarks = [
  ['cost per email', () => runCostBenchmark()],
  ['inbox queries at 100k conversations', () => runInboxBenchmark()],
  ['knowledge retrieval at 5,000 articles', () => runKnowledgeBenchmark()],
  ['pipeline throughput and worker memory', () => runPipelineBenchmark()],
  ['Temporal alone: CPU per workflow with empty activities', () => runTemporalFloorBenchmark()],
] as const;

try {
  for (const [title, run] of benchmarks) {
    console.log(`\n── ${title}`);
    const result = await run();
    console.log(result.summary);
    console.log(`   → ${result.outputPath}`);
  }
} finally {
  await stopStandaloneServer();
}
