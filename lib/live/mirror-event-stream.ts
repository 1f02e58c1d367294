import 'server-only';
import { subscribeToMirror } from './mirror-watcher';

const HEARTBEAT_MS = 20_000;
const encoder = new TextEncoder();

/**
 * A Server-Sent Events body: `ready` once, `tick` whenever the mirror changes, and a comment
 * line as heartbeat so proxies keep the connection open. Ends when the request is aborted.
 */
export function mirrorEventStream(signal: AbortSignal): ReadableStream<Uint8Array> {
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
      const unsubscribe = subscribeToMirror((version) => send(`event: tick\ndata: ${JSON.stringify({ version })}\n\n`));
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
