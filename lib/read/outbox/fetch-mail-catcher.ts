import 'server-only';
import type { z } from 'zod';
import { env } from '../../platform/config/env';

export interface MailCatcherOptions {
  /** Defaults to MAILCATCHER_URL; unset means a real SMTP relay and no outbox to show. */
  baseUrl?: string;
  fetch?: typeof fetch;
}

export type CatcherResult<T> =
  | { kind: 'disabled' }
  | { kind: 'ok'; value: T }
  | { kind: 'not_found' }
  | { kind: 'unreachable'; message: string };

const TIMEOUT_MS = 3_000;

/** GETs a mail catcher API path and parses it; failures become a result, never a throw. */
export async function fetchMailCatcher<T>(path: string, schema: z.ZodType<T>, options: MailCatcherOptions = {}): Promise<CatcherResult<T>> {
  const baseUrl = options.baseUrl ?? env().MAILCATCHER_URL;
  if (!baseUrl) return { kind: 'disabled' };
  const url = `${baseUrl.replace(/\/+$/, '')}${path}`;
  try {
    const response = await (options.fetch ?? fetch)(url, { signal: AbortSignal.timeout(TIMEOUT_MS), cache: 'no-store' });
    if (response.status === 404) return { kind: 'not_found' };
    if (!response.ok) return { kind: 'unreachable', message: `The mail catcher answered ${response.status}.` };
    const parsed = schema.safeParse(await response.json());
    if (!parsed.success) return { kind: 'unreachable', message: 'The mail catcher sent a response this version does not understand.' };
    return { kind: 'ok', value: parsed.data };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { kind: 'unreachable', message: `The mail catcher at ${baseUrl} could not be reached (${reason}).` };
  }
}
