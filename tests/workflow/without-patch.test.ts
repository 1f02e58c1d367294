import { readFile } from 'node:fs/promises';
import { temporal } from '@temporalio/proto';
import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { workflowBundle } from '../support/temporal-test-env';
import { HISTORIES_DIR } from './harness';

const workflowsPath = new URL('../../worker/workflows/index.ts', import.meta.url).pathname;
const patchesModule = new URL('../../worker/workflows/conversation/patches.ts', import.meta.url).pathname;
const alwaysOn = new URL('./without-patch/patches-undo-always.ts', import.meta.url).pathname;

interface ResolveData {
  createData: { resource?: string };
}
interface Compiler {
  hooks: { normalModuleFactory: { tap(name: string, fn: (factory: { hooks: { afterResolve: { tap(name: string, fn: (data: ResolveData) => void): void } } }) => void): void } };
}

/** The same workflow code with the undo branch taken whatever the history says. */
function bundleWithUndoUnpatched(): Promise<WorkflowBundleWithSourceMap> {
  const swap = {
    apply(compiler: Compiler) {
      compiler.hooks.normalModuleFactory.tap('undo-unpatched', (factory) => {
        factory.hooks.afterResolve.tap('undo-unpatched', (data) => {
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
 * A patched change must be needed: an approval recorded before the undo window sent at once,
 * so the same code without patched() (the window always on) breaks its replay.
 */
describe('the undo window needs its patch', () => {
  it('replays an approval from before it only because the branch is patched', async () => {
    await replay(await workflowBundle(), 'edit-and-approve.history.pb');
    const unpatched = await bundleWithUndoUnpatched();
    // The stand-in is the same workflow: a history that took the undo branch replays on it.
    await replay(unpatched, 'undo-approve.history.pb');
    await expect(replay(unpatched, 'edit-and-approve.history.pb')).rejects.toThrow(/[Nn]ondetermin/);
  });
});
