import { afterEach, describe, expect, it } from 'vitest';
import type { LlmObserver } from '../../../../lib/platform/llm/observer';
import { createLlmObserver } from '../../../../lib/platform/observability/create-llm-observer';
import { decisionScores } from '../../../../lib/platform/observability/decision-scores';
import { scoreIdFor } from '../../../../lib/platform/observability/trace-ids';
import { LANGFUSE_PUBLIC_KEY, LANGFUSE_SECRET_KEY, TRACE_ID } from './generation-fixture';
import { startLangfuseReceiver, type LangfuseReceiver } from './langfuse-receiver';

// Scores are not spans: they go to LangFuse's REST API, POST /api/public/scores.

let receiver: LangfuseReceiver;
let observer: LlmObserver;

async function start(maskPii = false): Promise<void> {
  receiver = await startLangfuseReceiver();
  observer = createLlmObserver({
    publicKey: LANGFUSE_PUBLIC_KEY,
    secretKey: LANGFUSE_SECRET_KEY,
    baseUrl: `${receiver.url}/`,
    maskPii,
    environment: 'test',
    log: () => undefined,
  });
}

const scorePosts = () => receiver.requests.filter((request) => request.path === '/api/public/scores');
const bodies = () => scorePosts().map((request) => JSON.parse(request.body) as Record<string, unknown>);

afterEach(async () => {
  await observer.shutdown();
  await receiver.close();
});

describe('decision scores', () => {
  it('posts an edited draft’s decision and edit size on its trace with Basic auth', async () => {
    await start();
    for (const score of decisionScores({ traceId: TRACE_ID, decision: 'edited', editSize: 42 })) observer.recordScore(score);
    expect(scorePosts()).toHaveLength(0); // recording only queues
    await observer.flush();

    const expectedAuth = `Basic ${Buffer.from(`${LANGFUSE_PUBLIC_KEY}:${LANGFUSE_SECRET_KEY}`).toString('base64')}`;
    expect(scorePosts().map((request) => request.headers.authorization)).toEqual([expectedAuth, expectedAuth]);
    expect(bodies()).toEqual(
      expect.arrayContaining([
        { id: scoreIdFor(TRACE_ID, 'decision'), traceId: TRACE_ID, name: 'decision', value: 'edited', dataType: 'CATEGORICAL', environment: 'test' },
        { id: scoreIdFor(TRACE_ID, 'edit_size'), traceId: TRACE_ID, name: 'edit_size', value: 42, dataType: 'NUMERIC', environment: 'test' },
      ]),
    );
  });

  it('sends only the decision when nothing was edited', () => {
    expect(decisionScores({ traceId: TRACE_ID, decision: 'approved_unchanged', editSize: 0 })).toEqual([
      { traceId: TRACE_ID, name: 'decision', value: 'approved_unchanged' },
    ]);
    expect(decisionScores({ traceId: TRACE_ID, decision: 'auto_send_cancelled', comment: 'agent stopped it' })).toEqual([
      { traceId: TRACE_ID, name: 'decision', value: 'auto_send_cancelled', comment: 'agent stopped it' },
    ]);
  });

  it('retries a score LangFuse could not take (503) once, with the same id so it cannot duplicate', async () => {
    await start();
    receiver.scoreStatus = 503;
    observer.recordScore({ traceId: TRACE_ID, name: 'decision', value: 'rejected' });
    await observer.flush();
    receiver.scoreStatus = 200;
    // After a failure flush() stops waiting on LangFuse; the retry still goes out.
    await observer.flush();
    await receiver.waitFor(() => scorePosts().length === 2);
    await observer.flush();
    const ids = bodies().map((body) => body.id);
    expect(ids).toEqual([scoreIdFor(TRACE_ID, 'decision'), scoreIdFor(TRACE_ID, 'decision')]);
  });

  it('drops a score LangFuse rejected as invalid (400) instead of retrying forever', async () => {
    await start();
    receiver.scoreStatus = 400;
    observer.recordScore({ traceId: TRACE_ID, name: 'decision', value: 'rejected' });
    await observer.flush();
    receiver.scoreStatus = 200;
    observer.recordScore({ traceId: TRACE_ID, name: 'probe', value: 1 });
    await observer.flush();
    await receiver.waitFor(() => scorePosts().length === 2);
    expect(bodies().map((body) => body.name)).toEqual(['decision', 'probe']);
  });

  it('masks an agent’s free-text comment like a prompt', async () => {
    await start(true);
    observer.recordScore({ traceId: TRACE_ID, name: 'decision', value: 'rejected', comment: 'customer is bob@corp.example, not a refund case' });
    await observer.flush();
    expect(bodies()[0]?.comment).toBe('customer is [email], not a refund case');
  });

  it('sends queued scores on its own timer, without a flush', async () => {
    await start();
    observer.recordScore({ traceId: TRACE_ID, name: 'decision', value: 'auto_sent' });
    await receiver.waitFor((requests) => requests.some((request) => request.path === '/api/public/scores'), 5_000);
    expect(bodies()[0]).toMatchObject({ name: 'decision', value: 'auto_sent' });
  });
});
