import { afterEach, describe, expect, it } from 'vitest';
import type { LlmObserver } from '../../../../lib/platform/llm/observer';
import { createLlmObserver } from '../../../../lib/platform/observability/create-llm-observer';
import { recordAutoSendReviewScore } from '../../../../lib/platform/observability/auto-send-review';
import { correctionScore, decisionScores } from '../../../../lib/platform/observability/decision-scores';
import { scoreIdFor, traceIdFor } from '../../../../lib/platform/observability/trace-ids';
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
  // Every body was one LangFuse's own validation accepts.
  expect(receiver.rejected).toEqual([]);
  await receiver.close();
});

describe('decision scores', () => {
  it('keeps a revise and the approve that follows as two scores, each with its draft version', async () => {
    await start();
    const scores = [
      ...decisionScores({ traceId: TRACE_ID, draftVersion: 1, kind: 'revise', comment: 'shorter, and mention the tracking link' }),
      ...decisionScores({ traceId: TRACE_ID, draftVersion: 2, kind: 'approve', edited: false, editSize: 0 }),
    ];
    for (const score of scores) observer.recordScore(score);
    expect(scorePosts()).toHaveLength(0); // recording only queues
    await observer.flush();

    const expectedAuth = `Basic ${Buffer.from(`${LANGFUSE_PUBLIC_KEY}:${LANGFUSE_SECRET_KEY}`).toString('base64')}`;
    expect(new Set(scorePosts().map((request) => request.headers.authorization))).toEqual(new Set([expectedAuth]));
    // LangFuse upserts on id: what it keeps is one row per id.
    const decisions = [...receiver.scores.values()].filter((score) => score.name === 'decision');
    expect(decisions).toHaveLength(2);
    expect(decisions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ value: 'revision_requested', dataType: 'CATEGORICAL', metadata: { draftVersion: 1, kind: 'revise' }, comment: 'shorter, and mention the tracking link', environment: 'test' }),
        expect.objectContaining({ value: 'approved_unchanged', dataType: 'CATEGORICAL', metadata: { draftVersion: 2, kind: 'approve' } }),
      ]),
    );
    expect([...receiver.scores.values()].filter((score) => score.name === 'edit_size')).toEqual([
      expect.objectContaining({ value: 0, dataType: 'NUMERIC', traceId: TRACE_ID, metadata: { draftVersion: 2, kind: 'approve' } }),
    ]);
  });

  it('sends an edited approval’s size, and the agent’s final text as a correction of the trace’s output', async () => {
    await start(true);
    for (const score of decisionScores({ traceId: TRACE_ID, draftVersion: 1, kind: 'approve', edited: true, editSize: 42 })) observer.recordScore(score);
    observer.recordScore(correctionScore({ traceId: TRACE_ID, draftVersion: 1, text: 'Hi Jane,\nwrite to billing@corp.example.\nBest regards', source: 'edited' }));
    await observer.flush();
    expect(bodies()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: scoreIdFor(TRACE_ID, 'decision', 'v1:approve'), name: 'decision', value: 'edited' }),
        expect.objectContaining({ id: scoreIdFor(TRACE_ID, 'edit_size', 'v1:approve'), name: 'edit_size', value: 42, dataType: 'NUMERIC' }),
        // Free text is masked like a prompt, and LangFuse files every correction as "output".
        expect.objectContaining({ name: 'output', dataType: 'CORRECTION', value: 'Hi Jane,\nwrite to [email].\nBest regards', traceId: TRACE_ID }),
      ]),
    );
  });

  it('does not let a retried decision add a second score', () => {
    const first = decisionScores({ traceId: TRACE_ID, draftVersion: 3, kind: 'reject', comment: 'wrong policy' });
    expect(decisionScores({ traceId: TRACE_ID, draftVersion: 3, kind: 'reject', comment: 'wrong policy' })).toEqual(first);
    expect(first).toEqual([expect.objectContaining({ name: 'decision', value: 'rejected' })]);
    const ids = ['approve', 'reject', 'revise', 'cancel_hold', 'auto_send'].map((kind) => decisionScores({ traceId: TRACE_ID, draftVersion: 1, kind: kind as 'approve' })[0]?.id);
    expect(new Set(ids).size).toBe(5);
  });

  it('records a person’s review of an auto-sent reply as a BOOLEAN score on its trace', async () => {
    await start(true);
    recordAutoSendReviewScore(observer, { conversationId: 'conv_9', messageId: 'msg_3', draftVersion: 1, verdict: 'should_not_have_sent', comment: 'promised a refund to ann@example.org' });
    recordAutoSendReviewScore(observer, { conversationId: 'conv_9', messageId: 'msg_4', draftVersion: 2, verdict: 'ok' });
    await observer.flush();
    expect(bodies()).toEqual([
      expect.objectContaining({ traceId: traceIdFor({ workflowId: 'conv_9', messageId: 'msg_3' }), name: 'auto_send_ok', value: 0, dataType: 'BOOLEAN', comment: 'promised a refund to [email]' }),
      expect.objectContaining({ traceId: traceIdFor({ workflowId: 'conv_9', messageId: 'msg_4' }), name: 'auto_send_ok', value: 1, dataType: 'BOOLEAN' }),
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
    expect(receiver.scores.size).toBe(1);
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
