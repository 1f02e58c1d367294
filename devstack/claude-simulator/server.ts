// The offline Claude simulator: an HTTP server speaking the Anthropic Messages API closely enough
// for the real @anthropic-ai/sdk, answering deterministically from heuristics, with prompt-cache
// accounting and injectable faults.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleControl } from './control-routes';
import type { FaultConfig } from './faults';
import { newRequestId, sendApiError } from './http-io';
import { handleCountTokens, handleMessages } from './messages-route';
import type { SimulatorStats } from './stats';
import { createSimulatorState, resetSimulatorState, type SimulatorState } from './state';

export type { ErrorKind, FaultConfig } from './faults';
export type { SimulatorRequestRecord, SimulatorStats } from './stats';

export interface ClaudeSimulatorOptions {
  /** 0 picks a free port. Default 0. */
  port?: number;
  /** Default 127.0.0.1: the simulator accepts any API key and must not be reachable from the network. */
  host?: string;
}

export interface ClaudeSimulator {
  /** Base URL for the SDK's `baseURL`, e.g. http://127.0.0.1:4010 */
  url: string;
  port: number;
  stats(): SimulatorStats;
  /** Merges into the current fault settings; throws a ZodError on invalid values. */
  configure(faults: Partial<FaultConfig>): void;
  /** Clears stats, faults and the prompt cache. */
  reset(): void;
  close(): Promise<void>;
}

async function route(req: IncomingMessage, res: ServerResponse, state: SimulatorState): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://simulator').pathname.replace(/\/+$/, '') || '/';
  if (req.method === 'POST' && path === '/v1/messages') return handleMessages(req, res, state);
  if (req.method === 'POST' && path === '/v1/messages/count_tokens') return handleCountTokens(req, res);
  if (await handleControl(req, res, state, path)) return;
  req.resume();
  const message = `${req.method ?? 'GET'} ${path} is not served by the Claude simulator`;
  sendApiError(res, 404, 'not_found_error', message, newRequestId());
}

function urlHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

export async function startClaudeSimulator(options: ClaudeSimulatorOptions = {}): Promise<ClaudeSimulator> {
  const host = options.host ?? '127.0.0.1';
  const shutdown = new AbortController();
  const state = createSimulatorState(shutdown.signal);
  const server = createServer((req, res) => {
    route(req, res, state).catch((error: unknown) => {
      // A bug here must surface as the API's 500, not as a hung request.
      const message = error instanceof Error ? error.message : String(error);
      if (!res.headersSent) sendApiError(res, 500, 'api_error', `Simulator failure: ${message}`, newRequestId());
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  let closing: Promise<void> | null = null;
  return {
    url: `http://${urlHost(host)}:${port}`,
    port,
    stats: () => state.stats.snapshot(),
    configure: (faults) => {
      state.faults.configure(faults);
    },
    reset: () => resetSimulatorState(state),
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        shutdown.abort();
        server.close(() => resolve());
        // Keep-alive and held ("timeout") sockets would otherwise keep close() waiting.
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
