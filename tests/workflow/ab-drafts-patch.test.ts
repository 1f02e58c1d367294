import { readFile } from 'node:fs/promises';
import { temporal } from '@temporalio/proto';
import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { workflowBundle } from '../support/temporal-test-env';
import { HISTORIES_DIR } from './harness';

const workflowsPath = new URL('../../worker/workflows/index.ts', import.meta.url).pathname;
const patchesModule = new URL('../../worker/workflows/conversation/patches.ts', import.meta.url).pathname;
const alwaysOn = new URL('./without-patch/patches-ab-always.ts', import.meta.url).pathname;

interface ResolveData {
  createData: { resource?: string };
}
interface Compiler {
  hooks: { normalModuleFactory: { tap(name: string, fn: (factory: { hooks: { afterResolve: { tap(name: string, fn: (data: ResolveData) => void): void } } }) => void): void } };
}

/** The same workflow code with the A/B branch taken whatever the history says. */
function bundleWithAbUnpatched(): Promise<WorkflowBundleWithSourceMap> {
  const swap = {
    apply(compiler: Compiler) {
      compiler.hooks.normalModuleFactory.tap('ab-unpatched', (factory) => {
        factory.hooks.afterResolve.tap('ab-unpatched', (data) => {
          if (data.createData.resource === patchesModule) data.createData.resource = alwaysOn;
        });
      });
    },
  };
  return bundleWorkflowCode({
    workflowsPath,
    logger: { info() {}, warn() {}, error() {}, debug() {}, trace() {}, log() {} },
    webpackConfigHook: (config) => ({ ...config, plugins: [...(config.plugins ?? []), swap] }),
  });
}

async function replay(bundle: WorkflowBundleWithSourceMap, file: string): Promise<void> {
  const history = temporal.api.history.v1.History.decode(await readFile(new URL(file, HISTORIES_DIR)));
  await Worker.runReplayHistory({ workflowBundle: bundle }, history, file);
}

/**
 * The ab-drafts patch must be needed: a draft recorded before it was written once, so the same
 * code reading the category's A/B test without patched() breaks its replay.
 */
describe('A/B drafts need their patch', () => {
  it('replays a draft from before them only because the branch is patched', async () => {
    await replay(await workflowBundle(), 'edit-and-approve.history.pb');
    const unpatched = await bundleWithAbUnpatched();
    // The stand-in is the same workflow: a history that took the A/B branch replays on it.
    await replay(unpatched, 'ab-drafts-pick-b.history.pb');
    await expect(replay(unpatched, 'edit-and-approve.history.pb')).rejects.toThrow(/[Nn]ondetermin/);
  });
});
