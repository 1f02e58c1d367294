import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { systemPath } from '../../lib/platform/config/env';
import { PROJECT_ROOT } from '../project-root';

const run = promisify(execFile);

/**
 * Runs the Prisma CLI against one database. Prisma 6.19's JavaScript schema engine connects
 * through prisma.config.ts's adapter for every command, `migrate diff` included, so even a
 * diff between two schema files needs a reachable PostgreSQL.
 */
export async function runPrisma(args: string[], databaseUrl: string): Promise<string> {
  try {
    const { stdout } = await run(path.join(PROJECT_ROOT, 'node_modules', '.bin', 'prisma'), args, {
      cwd: PROJECT_ROOT,
      env: { PATH: systemPath(), DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: '1' } as unknown as NodeJS.ProcessEnv,
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout;
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`prisma ${args.join(' ')} failed:\n${stderr || stdout}`);
  }
}
