import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'dotenv';
import { z } from 'zod';
import type { Env } from '../config/env';
import { requireDatabaseUrl } from './database-url';

const stackFile = z.object({ databaseUrl: z.string() });

/**
 * The database an operator command (db:migrate, db:import-sqlite, user:create) works on:
 * DATABASE_URL when set; otherwise the embedded PostgreSQL of a running `npm start` in
 * DATA_DIR, whose address is in stack.json and whose password is in secrets.env.
 */
export function toolDatabaseUrl(config: Pick<Env, 'DATABASE_URL' | 'DATA_DIR'>): string {
  if (config.DATABASE_URL) return config.DATABASE_URL;
  const stack = path.join(config.DATA_DIR, 'stack.json');
  const secrets = path.join(config.DATA_DIR, 'secrets.env');
  if (existsSync(stack) && existsSync(secrets)) {
    const running = stackFile.safeParse(JSON.parse(readFileSync(stack, 'utf8')));
    const password = parse(readFileSync(secrets)).POSTGRES_PASSWORD;
    if (running.success && password) {
      const url = new URL(running.data.databaseUrl);
      url.password = password;
      return url.toString();
    }
  }
  return requireDatabaseUrl(config);
}
