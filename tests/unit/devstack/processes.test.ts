import { describe, expect, it } from 'vitest';
import type { Logger } from '@/devstack/log';
import { ProcessFailedError, Supervisor, type ExitInfo, type Supervised } from '@/devstack/processes';

function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    line: (source, text) => lines.push(`[${source}] ${text}`),
    info: (text) => lines.push(text),
    error: (text) => lines.push(`ERROR ${text}`),
  };
}

// NODE_ENV is spelled out because Next's type augmentation makes it a required key.
const sh = (script: string) => ({ command: 'sh', args: ['-c', script], env: { PATH: '/usr/bin:/bin', NODE_ENV: 'test' as const }, cwd: '/' });

describe('Supervisor', () => {
  it('prefixes each output line with the process name', async () => {
    const log = recordingLogger();
    await new Supervisor(log, () => undefined).run({ name: 'migrate', ...sh('echo one; echo two >&2') });
    expect(log.lines).toEqual(expect.arrayContaining(['[migrate] one', '[migrate] two']));
  });

  it('fails a one-shot step that exits non-zero, naming it', async () => {
    const supervisor = new Supervisor(recordingLogger(), () => undefined);
    await expect(supervisor.run({ name: 'build', ...sh('exit 3') })).rejects.toThrow(ProcessFailedError);
    await expect(supervisor.run({ name: 'build', ...sh('exit 3') })).rejects.toThrow(/build.*exited with code 3/);
  });

  it('reports a service that dies on its own', async () => {
    const crashed = new Promise<[Supervised, ExitInfo]>((resolve) => {
      const supervisor = new Supervisor(recordingLogger(), (child, exit) => resolve([child, exit]));
      supervisor.start({ name: 'worker', ...sh('exit 7') });
    });
    const [child, exit] = await crashed;
    expect(child.name).toBe('worker');
    expect(exit.code).toBe(7);
  });

  it('stops services newest first, killing one that ignores SIGTERM after its grace', async () => {
    const log = recordingLogger();
    const unexpected: string[] = [];
    const supervisor = new Supervisor(log, (child) => unexpected.push(child.name));
    const temporal = supervisor.start({ name: 'temporal', ...sh('exec sleep 30') });
    // The web stand-in says when its trap is set, so SIGTERM cannot arrive before it.
    let trapSet: () => void = () => undefined;
    const ready = new Promise<void>((resolve) => (trapSet = resolve));
    const web = supervisor.start({
      name: 'web',
      ...sh('trap "" TERM; echo trap-set; sleep 30 & wait; sleep 30'),
      stopGraceMs: 300,
      onLine: (line) => line === 'trap-set' && trapSet(),
    });
    await ready;

    await supervisor.stopAll(5_000);
    expect(await web.exited).toMatchObject({ signal: 'SIGKILL' });
    expect(await temporal.exited).toMatchObject({ signal: 'SIGTERM' });
    const order = log.lines.filter((line) => line.startsWith('stopping'));
    expect(order).toEqual(['stopping web', 'stopping temporal']);
    expect(log.lines).toContain('ERROR web did not stop within 0.3s; killing it');
    expect(unexpected).toEqual([]);
  });
});
