import 'server-only';
import { getMirrorVersion } from '../inbox/get-mirror-version';
import { subscribeToMirror } from './mirror-watcher';

const HEARTBEAT_MS = 20_000;
const encoder = new TextEncoder();

/**
 * A Server-Sent Events body: `ready` once, `tick` whenever the mirror changes, and a comment
 * line as heartbeat so proxies keep the connection open. Ends when the request is aborted.
 * `since` is the version the page rendered from; a newer one ticks at once.
 */
export function mirrorEventStream(signal: AbortSignal, since?: string): ReadableStream<Uint8Array> {
  let cleanup: () => void = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      // The browser reconnects on its own after `retry` ms if the stream drops.
      send('retry: 3000\nevent: ready\ndata: {}\n\n');
      const tick = (version: string) => send(`event: tick\ndata: ${JSON.stringify({ version })}\n\n`);
      const unsubscribe = subscribeToMirror(tick);
      // Subscribed first, then compared: a change after the page's render is never missed.
      if (since) {
        void getMirrorVersion().then(
          (version) => version !== since && tick(version),
          () => undefined,
        );
      }
      const heartbeat = setInterval(() => send(': ping\n\n'), HEARTBEAT_MS);
      cleanup = () => {
        unsubscribe();
        clearInterval(heartbeat);
        signal.removeEventListener('abort', onAbort);
      };
      const onAbort = () => {
        cleanup();
        try {
          controller.close();
        } catch {
          // Already closed by the runtime.
        }
      };
      signal.addEventListener('abort', onAbort);
    },
    cancel() {
      cleanup();
    },
  });
}
