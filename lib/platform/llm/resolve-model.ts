import { MODELS, UNKNOWN_MODEL_LIMITS, UNKNOWN_MODEL_PRICE, type ModelSpec } from './model-table';

// What may follow a table key: a date snapshot (-20251001, Vertex @20251001), -latest, or a
// Bedrock version (-v1:0). Anything else is a different model: claude-opus-4-8 must not be
// matched as claude-opus-4.
const SUFFIX = /^(?:-\d{8}|@\d{8}|-latest|-v\d+(?::\d+)?)*$/;
// Provider prefixes: Bedrock (anthropic., us.anthropic., global.anthropic.), gateways (anthropic/).
const PROVIDER_PREFIX = /^(?:[a-z]{2,6}\.)?anthropic[./]/;

/** The longest key that the model id is, or extends with a date/alias suffix; null when none. */
export function resolveModelKey(model: string, keys: Iterable<string>): string | null {
  const id = model.trim().toLowerCase().replace(PROVIDER_PREFIX, '');
  let best: string | null = null;
  for (const key of keys) {
    if (!id.startsWith(key) || !SUFFIX.test(id.slice(key.length))) continue;
    if (best === null || key.length > best.length) best = key;
  }
  return best;
}

export type ResolvedModel = ModelSpec & {
  known: boolean;
  /** The id is the table's alias or one of its listed snapshots (not just a plausible date suffix). */
  exact: boolean;
};

/** The model table entry for an id (dated and prefixed ids included), or the strict fallback. */
export function resolveModel(model: string): ResolvedModel {
  const key = resolveModelKey(
    model,
    MODELS.map((entry) => entry.id),
  );
  const spec = MODELS.find((entry) => entry.id === key);
  const id = model.trim();
  if (spec) return { ...spec, known: true, exact: id === spec.id || (spec.snapshots ?? []).includes(id) };
  return { id: model, status: 'active', price: UNKNOWN_MODEL_PRICE, ...UNKNOWN_MODEL_LIMITS, known: false, exact: false };
}
