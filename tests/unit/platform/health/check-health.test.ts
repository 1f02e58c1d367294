import { describe, expect, it } from 'vitest';
import { checkHealth, isHealthy, type HealthDeps } from '@/lib/platform/health/check-health';
import type { WorkflowService } from '@/lib/platform/health/worker-pollers';

const now = new Date('2026-11-21T12:00:00Z');

function seconds(date: Date) {
  return { seconds: Math.floor(date.getTime() / 1000), nanos: 0 };
}

function fakeService(pollerTimes: Date[], options: { down?: boolean } = {}): WorkflowService {
  const service = {
    getSystemInfo: async () => {
      if (options.down) throw new Error('14 UNAVAILABLE: connection refused');
      return {};
    },
    describeTaskQueue: async () => ({
      pollers: pollerTimes.map((time, index) => ({ identity: `worker-${index}`, lastAccessTime: seconds(time) })),
    }),
  };
  return service as unknown as WorkflowService;
}

function deps(overrides: Partial<HealthDeps> = {}): HealthDeps {
  return {
    temporalAddress: '127.0.0.1:7233',
    namespace: 'default',
    taskQueue: 'countersign',
    simulator: true,
    pingDatabase: async () => undefined,
    workflowService: async () => fakeService([new Date(now.getTime() - 5_000)]),
    now: () => now,
    timeoutMs: 200,
    ...overrides,
  };
}

describe('checkHealth', () => {
  it('is ok when the database answers, Temporal answers and a worker polled recently', async () => {
    const report = await checkHealth(deps());
    expect(report.status).toBe('ok');
    expect(report.database.ok).toBe(true);
    expect(report.temporal).toEqual({ ok: true, address: '127.0.0.1:7233', namespace: 'default' });
    expect(report.worker).toEqual({ ok: true, pollers: 1, lastSeenAt: '2026-11-21T11:59:55.000Z' });
    expect(report.simulator).toBe(true);
  });

  it('does not count a worker that stopped polling more than a minute ago', async () => {
    const report = await checkHealth(deps({ workflowService: async () => fakeService([new Date(now.getTime() - 90_000)]) }));
    expect(report.status).toBe('degraded');
    expect(report.worker).toEqual({ ok: false, pollers: 0, lastSeenAt: undefined });
  });

  it('keeps a web node in rotation without workers, unless the check requires them', async () => {
    const noWorker = await checkHealth(deps({ workflowService: async () => fakeService([]) }));
    expect(isHealthy(noWorker, { requireWorker: false })).toBe(true);
    expect(isHealthy(noWorker, { requireWorker: true })).toBe(false);
    const healthy = await checkHealth(deps());
    expect(isHealthy(healthy, { requireWorker: true })).toBe(true);
  });

  it('reports a mailbox that cannot be read, failing only the checks that ask about mailboxes', async () => {
    const failing = [{ address: 'support@example.com', error: 'IMAP server imap.example.com:993 refused the user name or password', since: '2026-11-21T11:58:00.000Z' }];
    const report = await checkHealth(deps({ failingMailboxes: async () => failing }));
    expect(report.status).toBe('ok');
    expect(report.mailboxes).toEqual({ ok: false, failing });
    expect(isHealthy(report, { requireWorker: true })).toBe(true);
    expect(isHealthy(report, { requireWorker: true, requireMailboxes: true })).toBe(false);
    expect((await checkHealth(deps())).mailboxes).toEqual({ ok: true, failing: [] });
  });

  it('fails every check when this node cannot reach the database or Temporal', async () => {
    const noDatabase = await checkHealth(deps({ pingDatabase: async () => Promise.reject(new Error('connect ECONNREFUSED')) }));
    const noTemporal = await checkHealth(deps({ workflowService: async () => fakeService([now], { down: true }) }));
    for (const report of [noDatabase, noTemporal]) {
      expect(report.status).toBe('down');
      expect(isHealthy(report, { requireWorker: false })).toBe(false);
    }
  });

  it('reports a database failure with its message', async () => {
    const report = await checkHealth(deps({ pingDatabase: async () => Promise.reject(new Error('password authentication failed')) }));
    expect(report.status).toBe('down');
    expect(report.database).toMatchObject({ ok: false, error: 'password authentication failed' });
  });

  it('reports Temporal down and the worker with it', async () => {
    const report = await checkHealth(deps({ workflowService: async () => fakeService([now], { down: true }) }));
    expect(report.temporal).toMatchObject({ ok: false, error: expect.stringContaining('UNAVAILABLE') });
    expect(report.worker.ok).toBe(false);
  });

  it('answers even when a dependency hangs', async () => {
    const report = await checkHealth(deps({ pingDatabase: () => new Promise(() => undefined) }));
    expect(report.database).toMatchObject({ ok: false, error: expect.stringContaining('did not answer') });
  });
});
