/**
 * `npm run eval:export -- --out <file.jsonl> [--dataset <name>]`: writes the agents' edits
 * and rejects stored in the database (DATABASE_URL, or a running `npm start`'s) as a JSONL
 * dataset that `npm run eval -- --dataset <file>` replays.
 */
import 'dotenv/config';
import { parseArgs } from 'node:util';
import { env } from '../lib/platform/config/env';
import { createDb } from '../lib/platform/db/client';
import { toolDatabaseUrl } from '../lib/platform/db/tool-database-url';
import { writeDatasetFile } from '../lib/features/evals/dataset-files';
import { listEvalItems } from '../lib/features/evals/list-eval-items';

async function main(): Promise<number> {
  const config = env();
  const { values } = parseArgs({ options: { out: { type: 'string' }, dataset: { type: 'string', default: config.LANGFUSE_EVAL_DATASET } } });
  if (!values.out) {
    console.error('Usage: npm run eval:export -- --out <file.jsonl> [--dataset <name>]');
    return 2;
  }
  const db = createDb(toolDatabaseUrl(config), { poolSize: 1, applicationName: 'countersign-eval-export' });
  try {
    const items = await listEvalItems({ dataset: values.dataset }, db);
    writeDatasetFile(values.out, items);
    console.log(`Wrote ${items.length} items of ${values.dataset} to ${values.out}`);
    return 0;
  } finally {
    await db.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
