import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** What `npm start` writes to DATA_DIR/stack.json once it is up: where each piece listens. */
const stackFileSchema = z.object({
  webUrl: z.string(),
  /** Without its password. */
  databaseUrl: z.string(),
  temporalAddress: z.string(),
  temporalUiUrl: z.string(),
  claudeBaseUrl: z.string().optional(),
  mailUrl: z.string().optional(),
  smtpUrl: z.string().optional(),
});
export type StackFile = z.infer<typeof stackFileSchema>;

/** The running stack's addresses, or undefined while it is still starting. */
export function readStackFile(dataDir: string): StackFile | undefined {
  const file = path.join(dataDir, 'stack.json');
  if (!existsSync(file)) return undefined;
  return stackFileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}
