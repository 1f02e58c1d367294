import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for LangFuse: OTLP/HTTP JSON on `POST /api/public/otel/v1/traces`, and the
 * REST endpoints the app uses (scores, prompts, datasets, dataset items, dataset run items,
 * and the deletions erasure uses: `DELETE /api/public/traces` (strict `{ traceIds }`, 1 to 1000),
 * `DELETE /api/public/traces/{id}`, `DELETE /api/public/dataset-items/{id}`, 404 when unknown),
 * with LangFuse's own validation rules (from its API handlers and fern specs; see
 * /work/notes/langfuse.md), so a body LangFuse would refuse is refused here with a 400.
 * `hang` accepts connections and reads requests but never answers, like an overloaded backend.
 */

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface StoredPrompt {
  name: string;
  version: number;
  type: 'text' | 'chat';
  prompt: unknown;
  labels: string[];
  config: unknown;
  commitMessage: string | null;
}

export interface LangfuseReceiver {
  url: string;
  requests: ReceivedRequest[];
  /** Responds with this status to score posts (e.g. 503) until changed. */
  scoreStatus: number;
  /** Switchable at run time: an outage that ends. */
  mode: 'ok' | 'hang';
  /** Requests refused with 400, and why: a test asserts this stays empty. */
  rejected: { path: string; reason: string }[];
  /** Scores by id (an upsert replaces the earlier one, as LangFuse does). */
  scores: Map<string, Record<string, unknown>>;
  prompts: StoredPrompt[];
  datasets: Map<string, { id: string; name: string }>;
  datasetItems: Map<string, Record<string, unknown> & { datasetName: string }>;
  datasetRunItems: Record<string, unknown>[];
  /** Spans as stored, by trace id: what a trace deletion removes (with the trace's scores). */
  traces: Map<string, Record<string, unknown>[]>;
  waitFor(predicate: (requests: ReceivedRequest[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

const LABEL = /^[a-z0-9_\-.]+$/;
const ENVIRONMENT = /^(?!langfuse)[a-z0-9_-]{1,40}$/;
const AUTH = /^Basic [A-Za-z0-9+/=]+$/;

type Json = Record<string, unknown>;
class Refused extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
function requireThat(condition: unknown, message: string, status = 400): asserts condition {
  if (!condition) throw new Refused(status, message);
}

/** POST /api/public/scores as LangFuse validates it (applyScoreValidation, validateAndInflateScore). */
function validateScore(body: Json): void {
  requireThat(typeof body.name === 'string' && body.name.length > 0, 'name must be a non-empty string');
  requireThat(typeof body.value === 'number' || typeof body.value === 'string', 'value must be a number or a string');
  const targets = ['traceId', 'sessionId', 'datasetRunId'].filter((key) => body[key] !== undefined);
  requireThat(targets.length === 1, 'exactly one of traceId, sessionId or datasetRunId is required');
  requireThat(body.observationId === undefined || body.traceId !== undefined, 'observationId requires traceId');
  requireThat(body.environment === undefined || (typeof body.environment === 'string' && ENVIRONMENT.test(body.environment)), 'invalid environment');
  requireThat(body.source === undefined || body.source === 'API' || body.source === 'ANNOTATION', 'source must be API or ANNOTATION');
  requireThat(body.id === undefined || (typeof body.id === 'string' && body.id.length > 0), 'id must be a string');
  const dataType = body.dataType ?? (typeof body.value === 'number' ? 'NUMERIC' : 'CATEGORICAL');
  switch (dataType) {
    case 'NUMERIC':
      requireThat(typeof body.value === 'number' && Number.isFinite(body.value), 'NUMERIC scores need a number');
      break;
    case 'BOOLEAN':
      requireThat(body.value === 0 || body.value === 1, 'BOOLEAN scores need 0 or 1');
      break;
    case 'CATEGORICAL':
      requireThat(typeof body.value === 'string', 'CATEGORICAL scores need a string');
      break;
    case 'TEXT':
      requireThat(typeof body.value === 'string' && body.value.length >= 1 && body.value.length <= 500, 'TEXT scores need 1-500 characters');
      break;
    case 'CORRECTION':
      requireThat(typeof body.value === 'string', 'CORRECTION scores need a string');
      requireThat(body.configId === undefined, 'a CORRECTION score cannot have a configId');
      requireThat(body.traceId !== undefined, 'a CORRECTION targets a trace or an observation');
      break;
    default:
      throw new Refused(400, `unknown dataType ${JSON.stringify(dataType)}`);
  }
  if (body.metadata !== undefined) requireThat(isObject(body.metadata) || Array.isArray(body.metadata), 'metadata must be JSON');
}

/** LangFuse refuses a whole OTLP batch for one span without valid ids or with malformed attributes. */
function otlpProblem(req: IncomingMessage, raw: string): string | undefined {
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return 'OTLP must be application/json or protobuf';
  if (!AUTH.test(req.headers.authorization ?? '')) return 'Basic auth with the project keys is required';
  let body: { resourceSpans?: { scopeSpans?: { spans?: { traceId?: unknown; spanId?: unknown; attributes?: unknown }[] }[] }[] };
  try {
    body = JSON.parse(raw) as typeof body;
  } catch {
    return 'the OTLP body is not JSON';
  }
  for (const resource of body.resourceSpans ?? []) {
    for (const scope of resource.scopeSpans ?? []) {
      for (const span of scope.spans ?? []) {
        if (typeof span.traceId !== 'string' || !/^[0-9a-f]{32}$/.test(span.traceId)) return 'a span has no valid traceId';
        if (typeof span.spanId !== 'string' || !/^[0-9a-f]{16}$/.test(span.spanId)) return 'a span has no valid spanId';
        if (!Array.isArray(span.attributes) || !span.attributes.every((a: unknown) => isObject(a) && typeof a.key === 'string')) {
          return 'span attributes must be [{key, value}]';
        }
      }
    }
  }
  return undefined;
}

export async function startLangfuseReceiver(mode: 'ok' | 'hang' = 'ok'): Promise<LangfuseReceiver> {
  const requests: ReceivedRequest[] = [];
  const held: ServerResponse[] = [];
  const receiver = {
    scoreStatus: 200,
    mode,
    rejected: [],
    scores: new Map(),
    prompts: [],
    datasets: new Map(),
    datasetItems: new Map(),
    datasetRunItems: [],
    traces: new Map(),
  } as unknown as LangfuseReceiver;

  /** LangFuse deletes a trace with its observations and scores (traceDeletionProcessor). */
  function deleteTraces(traceIds: string[]): void {
    for (const traceId of traceIds) receiver.traces.delete(traceId);
    for (const [id, score] of receiver.scores) if (traceIds.includes(score.traceId as string)) receiver.scores.delete(id);
  }

  function storeSpans(raw: string): void {
    const body = JSON.parse(raw) as { resourceSpans?: { scopeSpans?: { spans?: (Json & { traceId: string })[] }[] }[] };
    for (const resource of body.resourceSpans ?? []) {
      for (const scope of resource.scopeSpans ?? []) {
        for (const span of scope.spans ?? []) receiver.traces.set(span.traceId, [...(receiver.traces.get(span.traceId) ?? []), span]);
      }
    }
  }

  const json = (res: ServerResponse, status: number, body: unknown) =>
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

  function promptOut(prompt: StoredPrompt): Json {
    return { ...prompt, tags: [], resolutionGraph: null };
  }

  function handleRest(req: IncomingMessage, url: URL, body: Json): { status: number; body: unknown } {
    const { pathname } = url;
    requireThat(AUTH.test(req.headers.authorization ?? ''), 'Basic auth with the project keys is required', 401);
    if (req.method === 'DELETE' && pathname === '/api/public/traces') {
      // DeleteTracesV1Body: strict, traceIds 1..1000 strings.
      requireThat(Object.keys(body).every((key) => key === 'traceIds'), 'unrecognized keys in the body');
      const { traceIds } = body;
      requireThat(Array.isArray(traceIds) && traceIds.every((id) => typeof id === 'string'), 'traceIds must be an array of strings');
      requireThat(traceIds.length >= 1, 'At least 1 traceId is required.');
      requireThat(traceIds.length <= 1000, 'Cannot specify more than 1000 traces in a single request.');
      deleteTraces(traceIds);
      return { status: 200, body: { message: 'Traces deleted successfully' } };
    }
    const traceDelete = /^\/api\/public\/traces\/([^/]+)$/.exec(pathname);
    if (req.method === 'DELETE' && traceDelete) {
      deleteTraces([decodeURIComponent(traceDelete[1] ?? '')]);
      return { status: 200, body: { message: 'Trace deleted successfully' } };
    }
    const itemDelete = /^\/api\/public\/dataset-items\/([^/]+)$/.exec(pathname);
    if (req.method === 'DELETE' && itemDelete) {
      const id = decodeURIComponent(itemDelete[1] ?? '');
      requireThat(receiver.datasetItems.has(id), 'Dataset item not found', 404);
      receiver.datasetItems.delete(id);
      return { status: 200, body: { message: 'Dataset item successfully deleted' } };
    }
    if (req.method === 'POST' && pathname === '/api/public/scores') {
      validateScore(body);
      if (receiver.scoreStatus >= 300) return { status: receiver.scoreStatus, body: { message: 'unavailable' } };
      const id = typeof body.id === 'string' ? body.id : randomUUID();
      const dataType = body.dataType ?? (typeof body.value === 'number' ? 'NUMERIC' : 'CATEGORICAL');
      receiver.scores.set(id, { ...receiver.scores.get(id), ...body, id, ...(dataType === 'CORRECTION' ? { name: 'output' } : {}) });
      return { status: 200, body: { id } };
    }
    if (req.method === 'POST' && pathname === '/api/public/v2/prompts') {
      requireThat(typeof body.name === 'string' && body.name.length > 0, 'name is required');
      const type = body.type ?? 'text';
      requireThat(type === 'text' || type === 'chat', 'type must be text or chat');
      requireThat(type === 'chat' ? Array.isArray(body.prompt) : typeof body.prompt === 'string', 'prompt does not match its type');
      const labels = Array.isArray(body.labels) ? (body.labels as unknown[]) : [];
      requireThat(labels.every((label) => typeof label === 'string' && LABEL.test(label) && label.length <= 36), 'invalid label');
      const versions = receiver.prompts.filter((prompt) => prompt.name === body.name);
      requireThat(versions.every((prompt) => prompt.type === type), 'the type of a prompt cannot change');
      // Labels are unique across versions: the new version takes them (and always `latest`).
      const taken = new Set([...(labels as string[]), 'latest']);
      for (const prompt of versions) prompt.labels = prompt.labels.filter((label) => !taken.has(label));
      const created: StoredPrompt = {
        name: body.name,
        version: versions.length + 1,
        type,
        prompt: body.prompt,
        labels: [...taken],
        config: body.config ?? {},
        commitMessage: typeof body.commitMessage === 'string' ? body.commitMessage : null,
      };
      receiver.prompts.push(created);
      return { status: 200, body: promptOut(created) };
    }
    const promptPatch = /^\/api\/public\/v2\/prompts\/(.+)\/versions\/(\d+)$/.exec(pathname);
    if (req.method === 'PATCH' && promptPatch) {
      const name = decodeURIComponent(promptPatch[1] ?? '');
      const version = Number(promptPatch[2]);
      const target = receiver.prompts.find((prompt) => prompt.name === name && prompt.version === version);
      requireThat(target, 'prompt version not found', 404);
      const newLabels = body.newLabels;
      requireThat(Array.isArray(newLabels) && newLabels.every((label) => typeof label === 'string' && LABEL.test(label) && label !== 'latest'), 'invalid newLabels');
      for (const prompt of receiver.prompts) if (prompt.name === name) prompt.labels = prompt.labels.filter((label) => !newLabels.includes(label));
      target.labels = [...new Set([...target.labels, ...(newLabels as string[])])];
      return { status: 200, body: promptOut(target) };
    }
    const promptGet = /^\/api\/public\/v2\/prompts\/(.+)$/.exec(pathname);
    if (req.method === 'GET' && promptGet) {
      const name = decodeURIComponent(promptGet[1] ?? '');
      const version = url.searchParams.get('version');
      const label = url.searchParams.get('label') ?? (version ? null : 'production');
      const found = receiver.prompts.find(
        (prompt) => prompt.name === name && (version ? prompt.version === Number(version) : prompt.labels.includes(label ?? '')),
      );
      requireThat(found, `prompt ${name} not found`, 404);
      return { status: 200, body: promptOut(found) };
    }
    if (req.method === 'POST' && pathname === '/api/public/v2/datasets') {
      requireThat(typeof body.name === 'string' && body.name.length > 0, 'name is required');
      const existing = receiver.datasets.get(body.name) ?? { id: `ds_${randomUUID()}`, name: body.name };
      receiver.datasets.set(body.name, existing);
      return { status: 200, body: { ...existing, description: body.description ?? null, metadata: body.metadata ?? null } };
    }
    const datasetGet = /^\/api\/public\/v2\/datasets\/(.+)$/.exec(pathname);
    if (req.method === 'GET' && datasetGet) {
      const dataset = receiver.datasets.get(decodeURIComponent(datasetGet[1] ?? ''));
      requireThat(dataset, 'dataset not found', 404);
      return { status: 200, body: dataset };
    }
    if (req.method === 'POST' && pathname === '/api/public/dataset-items') {
      requireThat(typeof body.datasetName === 'string', 'datasetName is required');
      const dataset = receiver.datasets.get(body.datasetName);
      requireThat(dataset, `dataset ${body.datasetName} not found`, 404);
      requireThat(body.id === undefined || (typeof body.id === 'string' && body.id.length <= 255), 'id must be a string of at most 255 characters');
      const id = typeof body.id === 'string' ? body.id : randomUUID();
      const existing = receiver.datasetItems.get(id);
      requireThat(!existing || existing.datasetName === body.datasetName, 'an item id cannot move to another dataset', 409);
      const item = { ...existing, ...body, id, datasetName: body.datasetName, datasetId: dataset.id, status: body.status ?? 'ACTIVE' };
      receiver.datasetItems.set(id, item);
      return { status: 200, body: item };
    }
    if (req.method === 'GET' && pathname === '/api/public/dataset-items') {
      const name = url.searchParams.get('datasetName');
      requireThat(name && receiver.datasets.has(name), 'dataset not found', 404);
      const page = Number(url.searchParams.get('page') ?? '1');
      const limit = Number(url.searchParams.get('limit') ?? '50');
      const all = [...receiver.datasetItems.values()].filter((item) => item.datasetName === name);
      return {
        status: 200,
        body: { data: all.slice((page - 1) * limit, page * limit), meta: { page, limit, totalItems: all.length, totalPages: Math.ceil(all.length / limit) } },
      };
    }
    if (req.method === 'POST' && pathname === '/api/public/dataset-run-items') {
      requireThat(typeof body.runName === 'string' && body.runName.length > 0, 'runName is required');
      requireThat(typeof body.datasetItemId === 'string' && receiver.datasetItems.has(body.datasetItemId), 'datasetItemId does not exist', 404);
      requireThat(typeof body.traceId === 'string', 'traceId is required');
      const item = receiver.datasetItems.get(body.datasetItemId);
      const runItem = { ...body, id: randomUUID(), datasetRunId: `run_${String(item?.datasetId)}_${body.runName}` };
      receiver.datasetRunItems.push(runItem);
      return { status: 200, body: runItem };
    }
    return { status: 404, body: { message: `no route ${req.method ?? ''} ${pathname}` } };
  }

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const url = new URL(req.url ?? '/', 'http://receiver');
      requests.push({ method: req.method ?? 'GET', path: url.pathname, headers: req.headers, body: raw });
      if (receiver.mode === 'hang') {
        held.push(res);
        return;
      }
      if (url.pathname === '/api/public/otel/v1/traces') {
        const problem = otlpProblem(req, raw);
        if (problem) receiver.rejected.push({ path: url.pathname, reason: problem });
        else storeSpans(raw);
        json(res, problem ? 400 : 200, problem ? { message: problem } : {});
        return;
      }
      let body: Json = {};
      try {
        const parsed: unknown = raw ? JSON.parse(raw) : {};
        if (!isObject(parsed)) throw new Refused(400, 'the body must be a JSON object');
        body = parsed;
        const answer = handleRest(req, url, body);
        json(res, answer.status, answer.body);
      } catch (error) {
        const status = error instanceof Refused ? error.status : 400;
        const reason = error instanceof Error ? error.message : String(error);
        if (status === 400) receiver.rejected.push({ path: url.pathname, reason });
        json(res, status, { message: reason });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return Object.assign(receiver, {
    url: `http://127.0.0.1:${port}`,
    requests,
    async waitFor(predicate: (all: ReceivedRequest[]) => boolean, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(requests)) {
        if (Date.now() > deadline) throw new Error(`receiver: condition not met within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async close() {
      for (const res of held) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}

/** A URL on which nothing listens: a port that was just free. */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
