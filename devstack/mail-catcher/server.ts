import { createServer } from 'node:http';
import { z } from 'zod';
import { createHttpHandler } from './http-api';
import { listen, urlHost } from './listen';
import { createSmtpSide } from './smtp';
import { openMailStore } from './store';
import type { CaughtMessageSummary, MailCatcher } from './types';
import { waitForMessage } from './wait-for';

export { PortInUseError } from './listen';
export type { CaughtEnvelope, CaughtMessage, CaughtMessageSummary, MailCatcher, MessagePredicate } from './types';

const DEFAULT_MAX_MESSAGE_BYTES = 25 * 1024 * 1024;

const port = z.number().int().min(0).max(65_535);
const optionsSchema = z.object({
  smtpPort: port.default(1025),
  httpPort: port.default(1080),
  host: z.string().min(1).default('127.0.0.1'),
  storageDir: z.string().min(1),
  maxMessageBytes: z.number().int().positive().default(DEFAULT_MAX_MESSAGE_BYTES),
  log: z.custom<(line: string) => void>((value) => typeof value === 'function').optional(),
});

export interface MailCatcherOptions {
  /** 0 picks a free port. Default 1025. */
  smtpPort?: number;
  /** 0 picks a free port. Default 1080. */
  httpPort?: number;
  /** Default 127.0.0.1: the catcher has no auth and must not be reachable from the network. */
  host?: string;
  /** Folder for `.eml` + `.json` pairs; created if missing. */
  storageDir: string;
  /** Larger messages get 552. Default 25 MB. */
  maxMessageBytes?: number;
  /** One line per caught message / connection problem; silent when omitted. */
  log?: (line: string) => void;
}

/** Starts the SMTP listener and the HTTP API over one storage folder. Rejects with PortInUseError on a port clash. */
export async function startMailCatcher(rawOptions: MailCatcherOptions): Promise<MailCatcher> {
  const options = optionsSchema.parse(rawOptions);
  const log = options.log ?? (() => {});
  const store = await openMailStore(options.storageDir);

  const listeners = new Set<(summary: CaughtMessageSummary) => void>();
  const smtp = createSmtpSide({
    store,
    maxMessageBytes: options.maxMessageBytes,
    log,
    onStored: (summary) => listeners.forEach((listener) => listener(summary)),
  });
  const http = createServer(createHttpHandler(store));

  const smtpPort = await listen('SMTP', smtp.server, smtp, options.smtpPort, options.host);
  // From here on, errors are client sockets misbehaving; smtp-server throws if nobody listens.
  smtp.on('error', (error: Error) => log(`Mail catcher: SMTP connection error: ${error.message}`));
  const closeSmtp = (): Promise<void> => new Promise((resolve) => smtp.close(() => resolve()));
  let httpPort: number;
  try {
    httpPort = await listen('HTTP', http, http, options.httpPort, options.host);
  } catch (error) {
    await closeSmtp();
    throw error;
  }

  const host = urlHost(options.host);
  let closing: Promise<void> | null = null;
  return {
    smtpUrl: `smtp://${host}:${smtpPort}`,
    httpUrl: `http://${host}:${httpPort}`,
    list: () => store.list(),
    get: (id) => store.get(id),
    clear: () => store.clear(),
    count: () => store.count(),
    waitFor: (predicate, timeoutMs) =>
      waitForMessage(
        () => store.list(),
        (listener) => {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
        predicate,
        timeoutMs,
      ),
    close: () => {
      closing ??= Promise.all([
        closeSmtp(),
        new Promise<void>((resolve) => {
          http.close(() => resolve());
          // Idle keep-alive sockets would otherwise hold close() open until they time out.
          http.closeAllConnections();
        }),
      ]).then(() => undefined);
      return closing;
    },
  };
}
