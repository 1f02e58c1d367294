import { pickFreePort } from './ports';
import { signalGroup } from './process-group';
import type { ProcessSpec, Supervised, Supervisor } from './processes';

/** The lines a service prints when the port it wanted was taken in the meantime. */
const BIND_FAILURE = /EADDRINUSE|address already in use|bind: address/i;
const ATTEMPTS = 5;

/**
 * Starts a service that cannot bind port 0 itself (the Temporal CLI, next start) on ports
 * chosen here. Another process may take a port between choosing and binding it; then the
 * service exits with a bind error and it is started again on new ports, never a flaky start.
 * A fixed port (not 0) is used as it is: a taken one is the user's to free.
 */
export async function startOnPorts(
  supervisor: Supervisor,
  wanted: number[],
  spec: (ports: number[]) => ProcessSpec,
  ready: (child: Supervised, ports: number[]) => Promise<void>,
): Promise<{ child: Supervised; ports: number[] }> {
  const retry = wanted.some((port) => port === 0);
  for (let attempt = 1; ; attempt += 1) {
    const ports = await Promise.all(wanted.map((port) => (port === 0 ? pickFreePort() : Promise.resolve(port))));
    let bindFailed = false;
    const base = spec(ports);
    const trial = supervisor.startTrial({
      ...base,
      onLine: (line) => {
        if (BIND_FAILURE.test(line)) bindFailed = true;
        base.onLine?.(line);
      },
    });
    try {
      await ready(trial.child, ports);
      trial.promote();
      return { child: trial.child, ports };
    } catch (error) {
      // A service that never became ready may still be running: it is not left behind.
      signalGroup(trial.child.pid, 'SIGKILL');
      await trial.child.exited;
      if (!retry || !bindFailed || attempt >= ATTEMPTS) throw error;
    }
  }
}

/** Resolves with the first output line of `child` that matches, e.g. the URL it listens on. */
export function lineMatching(pattern: RegExp): { onLine: (line: string) => void; match: Promise<RegExpExecArray> } {
  let resolve: (match: RegExpExecArray) => void = () => undefined;
  const match = new Promise<RegExpExecArray>((done) => (resolve = done));
  return {
    onLine: (line) => {
      const found = pattern.exec(line);
      if (found) resolve(found);
    },
    match,
  };
}
