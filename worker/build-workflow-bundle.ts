import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode } from '@temporalio/worker';

/**
 * Child process of the worker (worker/workflow-bundle.ts): bundles worker/workflows with the
 * SDK's webpack setup and writes the code to the path it is given, atomically.
 */
const [target] = process.argv.slice(2);
if (!target) throw new Error('usage: build-workflow-bundle.ts <output file>');
const { code } = await bundleWorkflowCode({
  workflowsPath: fileURLToPath(new URL('./workflows/index.ts', import.meta.url)),
  // Evaluated once for every workflow in the worker, not once per run (the file says why).
  preloadModules: [fileURLToPath(new URL('./workflow-preload.ts', import.meta.url))],
  logger: { trace() {}, debug() {}, info() {}, log() {}, warn: (message) => console.error(message), error: (message) => console.error(message) },
});
mkdirSync(path.dirname(target), { recursive: true });
const temporary = `${target}.${process.pid}.tmp`;
writeFileSync(temporary, code);
renameSync(temporary, target);
