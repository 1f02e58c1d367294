import type { Db } from '../../platform/db/client';
import { EnvError } from '../../platform/config/env';
import { saveMailbox } from './save-mailbox';
import { mailboxListJsonSchema } from './schema';

/**
 * Creates or updates the mailboxes MAILBOXES_JSON describes (matched by address), so a
 * deployment can be configured without clicking. Runs at worker start; a bad value stops
 * the worker with the variable's name and the problem.
 */
export async function seedMailboxes(json: string | undefined, db: Db): Promise<number> {
  if (!json) return 0;
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    throw new EnvError('Invalid configuration:\n  MAILBOXES_JSON: not valid JSON');
  }
  const parsed = mailboxListJsonSchema.safeParse(data);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  MAILBOXES_JSON[${issue.path.join('.')}]: ${issue.message}`);
    throw new EnvError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  for (const mailbox of parsed.data) await saveMailbox({ ...mailbox, id: undefined }, { actorId: null, source: 'env' }, db);
  return parsed.data.length;
}
