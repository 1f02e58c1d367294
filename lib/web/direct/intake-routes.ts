import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ConfiguredHeaders } from './configured-headers';
import { toFetchRequest, writeFetchResponse } from './node-bridge';
import { nodeInbound, writeInboundAnswer } from './node-inbound';

type Handler = (request: IncomingMessage, response: ServerResponse, extra: readonly { key: string; value: string }[]) => Promise<void>;

/** A route handler written for fetch, served through node-bridge.ts. */
function bridged(handle: (request: Request) => Promise<Response>): Handler {
  return async (request, response, extra) => writeFetchResponse(await handle(toFetchRequest(request)), response, extra);
}

/**
 * The mail intake endpoints, served by web/main.ts before Next's handler: a relay's POST is
 * authenticated, stored and acknowledged without Next's routing, rendering pipeline and
 * response wrapping, which cost more CPU than the intake itself under a burst. Same handlers
 * as the app routes under app/api/inbound/ (which still serve `next dev`), so the answers are
 * the same; /api/inbound's without fetch's Request and Response at all (node-inbound.ts).
 * Loaded on the first request: a node that never receives mail never loads them.
 */
const ROUTES: Record<string, () => Promise<Handler>> = {
  // The relays' endpoint, the one a burst hits: on Node's request and response (node-inbound.ts).
  '/api/inbound': async () => {
    const { answerInbound } = await import('../../features/intake/channels/api/handle-inbound-request');
    return async (request, response, extra) => writeInboundAnswer(await answerInbound(nodeInbound(request)), response, extra);
  },
  '/api/inbound/sendgrid': async () => {
    const { handleSendgridInbound } = await import('../../features/intake/channels/sendgrid/handle-sendgrid-inbound');
    return bridged((request) => handleSendgridInbound(request));
  },
  '/api/inbound/postmark': async () => {
    const { handlePostmarkInbound } = await import('../../features/intake/channels/postmark/handle-postmark-inbound');
    return bridged((request) => handlePostmarkInbound(request));
  },
  // Mailgun routes whose URL ends in /mime post the raw message as `body-mime`; same handler.
  ...Object.fromEntries(
    ['/api/inbound/mailgun', '/api/inbound/mailgun/mime'].map((route) => [
      route,
      async (): Promise<Handler> => {
        const { handleMailgunInbound } = await import('../../features/intake/channels/mailgun/handle-mailgun-inbound');
        return bridged((request) => handleMailgunInbound(request));
      },
    ]),
  ),
};

const loaded = new Map<string, Handler>();

async function handlerFor(route: string): Promise<Handler> {
  const cached = loaded.get(route);
  if (cached) return cached;
  const load = ROUTES[route];
  if (!load) throw new Error(`no intake route ${route}`);
  const handler = await load();
  loaded.set(route, handler);
  return handler;
}

/** The intake route this request is for (POST to one of the paths exactly), if any. */
export function intakeRouteOf(request: Pick<IncomingMessage, 'method' | 'url'>): string | undefined {
  if (request.method !== 'POST') return undefined;
  const pathname = (request.url ?? '').split('?')[0] ?? '';
  return Object.hasOwn(ROUTES, pathname) ? pathname : undefined;
}

/**
 * Answers an intake request. A handler that throws is logged (the error only: no headers or
 * body, which may carry the secret or the mail) and answered 500 with no body, as Next does.
 */
export async function serveIntake(route: string, request: IncomingMessage, response: ServerResponse, headersFor: ConfiguredHeaders): Promise<void> {
  const extra = headersFor(route);
  try {
    const handler = await handlerFor(route);
    await handler(request, response, extra);
  } catch (error) {
    console.error(`Intake request to ${route} failed`, error);
    if (!response.headersSent) {
      for (const { key, value } of extra) response.setHeader(key, value);
      response.writeHead(500).end();
    } else response.destroy();
  }
}

/**
 * A stopping node gives mail it answered a moment to reach Temporal (hand-off.ts); what is
 * still waiting after `timeoutMs` is the reconciler's. Nothing to wait for if intake never ran.
 */
export async function settleIntake(timeoutMs: number): Promise<void> {
  if (loaded.size === 0) return;
  const { settleProcessHandOff } = await import('../../features/intake/hand-off');
  await settleProcessHandOff(timeoutMs);
}
