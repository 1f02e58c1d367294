// HTTP control plane for other processes (a separately running worker under test):
// GET /health, GET /__simulator/stats, GET|POST /__simulator/faults, POST /__simulator/fooled-drafts,
// POST /__simulator/reset.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { faultPatchSchema } from './faults';
import { fooledDraftsSchema } from './fooled-drafts';
import { readBody, sendJson } from './http-io';
import { describeIssue } from './messages-api';
import { resetSimulatorState, type SimulatorState } from './state';

const CONTROL_BODY_LIMIT = 64 * 1024;

async function configureFaults(req: IncomingMessage, res: ServerResponse, state: SimulatorState): Promise<void> {
  let json: unknown;
  try {
    const raw = await readBody(req, CONTROL_BODY_LIMIT);
    json = raw.trim() === '' ? {} : JSON.parse(raw);
  } catch {
    sendJson(res, 400, { error: 'Body must be a JSON object of fault settings' });
    return;
  }
  const patch = faultPatchSchema.safeParse(json);
  if (!patch.success) {
    sendJson(res, 400, { error: describeIssue(patch.error) });
    return;
  }
  sendJson(res, 200, state.faults.configure(patch.data));
}

const FOOLED_DRAFTS_BODY_LIMIT = 8 * 1024 * 1024;

async function registerFooledDrafts(req: IncomingMessage, res: ServerResponse, state: SimulatorState): Promise<void> {
  let json: unknown;
  try {
    json = JSON.parse(await readBody(req, FOOLED_DRAFTS_BODY_LIMIT));
  } catch {
    sendJson(res, 400, { error: 'Body must be a JSON object {drafts: [{match, draft}]}' });
    return;
  }
  const parsed = fooledDraftsSchema.safeParse(json);
  if (!parsed.success) {
    sendJson(res, 400, { error: describeIssue(parsed.error) });
    return;
  }
  sendJson(res, 200, { registered: state.fooledDrafts.add(parsed.data.drafts) });
}

/** Answers control requests; returns false when the path is not a control route. */
export async function handleControl(
  req: IncomingMessage,
  res: ServerResponse,
  state: SimulatorState,
  path: string,
): Promise<boolean> {
  const route = `${req.method ?? 'GET'} ${path}`;
  switch (route) {
    case 'GET /health':
      sendJson(res, 200, { ok: true, simulator: true });
      return true;
    case 'GET /__simulator/stats':
      sendJson(res, 200, state.stats.snapshot());
      return true;
    case 'GET /__simulator/faults':
      sendJson(res, 200, state.faults.config());
      return true;
    case 'POST /__simulator/faults':
      await configureFaults(req, res, state);
      return true;
    case 'POST /__simulator/fooled-drafts':
      await registerFooledDrafts(req, res, state);
      return true;
    case 'POST /__simulator/reset':
      resetSimulatorState(state);
      sendJson(res, 200, { ok: true });
      return true;
    default:
      return false;
  }
}
