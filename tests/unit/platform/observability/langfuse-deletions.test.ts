import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LangfuseApi } from '../../../../lib/platform/observability/langfuse-api';
import { deleteLangfuseDatasetItem, deleteLangfuseTraces } from '../../../../lib/platform/observability/langfuse-deletions';
import { startLangfuseReceiver, type LangfuseReceiver } from './langfuse-receiver';

let receiver: LangfuseReceiver;
let api: LangfuseApi;
const id = (n: number) => n.toString(16).padStart(32, '0');

beforeEach(async () => {
  receiver = await startLangfuseReceiver();
  api = new LangfuseApi({ baseUrl: receiver.url, publicKey: 'pk-lf-1', secretKey: 'sk-lf-1', timeoutMs: 2_000 });
});
afterEach(async () => {
  await receiver.close();
});

describe('LangFuse deletions', () => {
  it('deletes traces with their scores in requests of at most 1000 ids, and nothing else', async () => {
    for (const n of [1, 2, 3]) receiver.traces.set(id(n), [{ traceId: id(n) }]);
    receiver.scores.set('s1', { traceId: id(1), name: 'edited' });
    receiver.scores.set('s3', { traceId: id(3), name: 'edited' });
    const many = [id(1), id(2), ...Array.from({ length: 1500 }, (_, n) => id(1000 + n))];
    await deleteLangfuseTraces(api, many);
    expect([...receiver.traces.keys()]).toEqual([id(3)]);
    expect([...receiver.scores.keys()]).toEqual(['s3']);
    const deletes = receiver.requests.filter((request) => request.method === 'DELETE');
    expect(deletes.map((request) => (JSON.parse(request.body) as { traceIds: string[] }).traceIds.length)).toEqual([1000, 502]);
    expect(receiver.rejected).toEqual([]);
  });

  it('sends nothing for no ids (LangFuse refuses an empty list), and the stand-in refuses what LangFuse refuses', async () => {
    await deleteLangfuseTraces(api, []);
    expect(receiver.requests).toEqual([]);
    expect((await api.request('DELETE', '/api/public/traces', { traceIds: [] })).status).toBe(400);
    expect((await api.request('DELETE', '/api/public/traces', { traceIds: [id(1)], userId: 'x' })).status).toBe(400);
    expect((await api.request('DELETE', '/api/public/traces', { traceIds: Array.from({ length: 1001 }, (_, n) => id(n)) })).status).toBe(400);
    const anonymous = await fetch(`${receiver.url}/api/public/traces`, { method: 'DELETE', body: JSON.stringify({ traceIds: [id(1)] }) });
    expect(anonymous.status).toBe(401);
  });

  it('treats a dataset item that is already gone as deleted', async () => {
    receiver.datasetItems.set('item-1', { id: 'item-1', datasetName: 'd' });
    await deleteLangfuseDatasetItem(api, 'item-1');
    await deleteLangfuseDatasetItem(api, 'item-1');
    expect(receiver.datasetItems.size).toBe(0);
  });
});
