// CLI entry: `tsx devstack/claude-simulator/main.ts`. The only file here that reads process.env.
import { z } from 'zod';
import { startClaudeSimulator } from './server';

const envSchema = z.object({
  CLAUDE_SIMULATOR_PORT: z
    .string()
    .trim()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().max(65_535, 'must be at most 65535'))
    .default(4010),
  CLAUDE_SIMULATOR_HOST: z.string().trim().min(1).default('127.0.0.1'),
});

function readEnv(): z.infer<typeof envSchema> {
  // An empty value (`VAR= npm start`) means "unset" to most people, so it falls back to the default.
  const result = envSchema.safeParse({
    CLAUDE_SIMULATOR_PORT: process.env.CLAUDE_SIMULATOR_PORT || undefined,
    CLAUDE_SIMULATOR_HOST: process.env.CLAUDE_SIMULATOR_HOST || undefined,
  });
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const name = String(issue.path[0] ?? 'environment');
    console.error(`Claude simulator: ${name} ${issue.message} (got ${JSON.stringify(process.env[name] ?? '')})`);
  }
  process.exit(1);
}

async function main(): Promise<void> {
  const env = readEnv();
  const simulator = await startClaudeSimulator({ port: env.CLAUDE_SIMULATOR_PORT, host: env.CLAUDE_SIMULATOR_HOST }).catch(
    (error: unknown) => {
      if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE') {
        console.error(
          `Claude simulator: port ${env.CLAUDE_SIMULATOR_PORT} on ${env.CLAUDE_SIMULATOR_HOST} is already in use ` +
            '(another simulator running?). Stop it or set CLAUDE_SIMULATOR_PORT.',
        );
        process.exit(1);
      }
      throw error;
    },
  );
  console.log(`Claude simulator (offline) listening on ${simulator.url}`);

  let stopping = false;
  const stop = (): void => {
    // A second Ctrl-C means "now".
    if (stopping) process.exit(1);
    stopping = true;
    simulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Claude simulator: error while closing', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error('Claude simulator: failed to start', error);
  process.exit(1);
});
