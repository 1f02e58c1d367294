import { bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';

const workflowsPath = new URL('../../../worker/workflows/index.ts', import.meta.url).pathname;
const patchesModule = new URL('../../../worker/workflows/conversation/patches.ts', import.meta.url).pathname;

interface ResolveData {
  createData: { resource?: string };
}
interface Compiler {
  hooks: { normalModuleFactory: { tap(name: string, fn: (factory: { hooks: { afterResolve: { tap(name: string, fn: (data: ResolveData) => void): void } } }) => void): void } };
}

/** The workflow code with `patches.ts` swapped for a stand-in (a branch taken whatever the history says). */
export function bundleWithPatches(standIn: string): Promise<WorkflowBundleWithSourceMap> {
  const swap = {
    apply(compiler: Compiler) {
      compiler.hooks.normalModuleFactory.tap('patches-stand-in', (factory) => {
        factory.hooks.afterResolve.tap('patches-stand-in', (data) => {
          if (data.createData.resource === patchesModule) data.createData.resource = standIn;
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
