// CLI entry: `tsx devstack/mail-catcher/main.ts`. The only file here that reads process.env.
import { z } from 'zod';
import { PortInUseError, startMailCatcher } from './server';

const portVar = (fallback: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().max(65_535, 'must be at most 65535'))
    .default(fallback);

const envSchema = z.object({
  MAILCATCHER_SMTP_PORT: portVar(1025),
  MAILCATCHER_HTTP_PORT: portVar(1080),
  MAILCATCHER_DIR: z.string().trim().min(1, 'must not be empty').default('./data/mail'),
});

function readEnv(): z.infer<typeof envSchema> {
  // `VAR= npm start` means "unset" to most people, so an empty value falls back to the default.
  const read = (name: keyof z.input<typeof envSchema>): string | undefined => process.env[name] || undefined;
  const result = envSchema.safeParse({
    MAILCATCHER_SMTP_PORT: read('MAILCATCHER_SMTP_PORT'),
    MAILCATCHER_HTTP_PORT: read('MAILCATCHER_HTTP_PORT'),
    MAILCATCHER_DIR: read('MAILCATCHER_DIR'),
  });
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const name = String(issue.path[0] ?? 'environment');
    console.error(`Mail catcher: ${name} ${issue.message} (got ${JSON.stringify(process.env[name] ?? '')})`);
  }
  process.exit(1);
}

async function main(): Promise<void> {
  const env = readEnv();
  const catcher = await startMailCatcher({
    smtpPort: env.MAILCATCHER_SMTP_PORT,
    httpPort: env.MAILCATCHER_HTTP_PORT,
    host: '127.0.0.1',
    storageDir: env.MAILCATCHER_DIR,
    log: (line) => console.log(line),
  }).catch((error: unknown) => {
    if (error instanceof PortInUseError) {
      const variable = error.service === 'SMTP' ? 'MAILCATCHER_SMTP_PORT' : 'MAILCATCHER_HTTP_PORT';
      console.error(
        `Mail catcher: ${error.service} port ${error.port} on ${error.host} is already in use ` +
          `(another mail catcher running?). Stop it or set ${variable}.`,
      );
      process.exit(1);
    }
    throw error;
  });
  console.log(`Mail catcher: SMTP ${catcher.smtpUrl}, web ${catcher.httpUrl}`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    // A second Ctrl-C means "now", even if a client is still holding a connection.
    if (stopping) process.exit(1);
    stopping = true;
    console.log(`Mail catcher: ${signal} received, closing`);
    catcher.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Mail catcher: error while closing', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error('Mail catcher: failed to start', error);
  process.exit(1);
});
