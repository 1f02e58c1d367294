// Builds a forced tool call's `input` from the tool's JSON schema: the classification fields the app
// uses are filled from the heuristics (respecting declared enums and ranges), any other required
// property gets a type-appropriate default. Also produces the deliberately broken variant.
import { pickCategory, pickLanguage, pickPriority, pickSentiment } from './enum-match';
import type { EmailAnalysis } from './heuristics';

type JsonSchema = Record<string, unknown>;

const isRecord = (value: unknown): value is JsonSchema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function stringEnum(schema: JsonSchema): string[] {
  const values = Array.isArray(schema.enum) ? schema.enum : [];
  return values.filter((value): value is string => typeof value === 'string');
}

function primaryType(schema: JsonSchema): string | undefined {
  const type = schema.type;
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) return type.find((entry): entry is string => typeof entry === 'string' && entry !== 'null');
  return undefined;
}

/** A 0..1 fraction expressed in the property's own scale (some schemas use 0-100 for confidence). */
function scaled(fraction: number, schema: JsonSchema): number {
  const max = typeof schema.maximum === 'number' ? schema.maximum : 1;
  const value = max > 1 ? fraction * max : fraction;
  return primaryType(schema) === 'integer' ? Math.round(value) : Math.round(value * 100) / 100;
}

function ranged(value: number, schema: JsonSchema): number {
  const min = typeof schema.minimum === 'number' ? schema.minimum : -Infinity;
  const max = typeof schema.maximum === 'number' ? schema.maximum : Infinity;
  return Math.min(max, Math.max(min, primaryType(schema) === 'integer' ? Math.round(value) : value));
}

type FieldFiller = (schema: JsonSchema, analysis: EmailAnalysis, text: string) => unknown;

const orEnum = (schema: JsonSchema, pick: (values: string[]) => string, plain: string): string => {
  const values = stringEnum(schema);
  return values.length > 0 ? pick(values) : plain;
};

const KNOWN_FIELDS: Record<string, FieldFiller> = {
  category: (schema, analysis, text) =>
    orEnum(schema, (values) => pickCategory(values, analysis, text), analysis.topics[0] ?? 'other'),
  priority: (schema, analysis) => orEnum(schema, (values) => pickPriority(values, analysis.priority), analysis.priority),
  sentiment: (schema, analysis) => orEnum(schema, (values) => pickSentiment(values, analysis.sentiment), analysis.sentiment),
  language: (schema, analysis) => orEnum(schema, (values) => pickLanguage(values, analysis.language), analysis.language),
  risk_score: (schema, analysis) => ranged(analysis.riskScore, schema),
  risk_reasons: (_schema, analysis) => analysis.riskReasons,
  confidence: (schema, analysis) => scaled(analysis.confidence, schema),
  requires_human: (_schema, analysis) => analysis.requiresHuman,
  injection_suspected: (_schema, analysis) => analysis.injectionSuspected,
  injection_reasons: (_schema, analysis) => analysis.injectionReasons,
  summary: (_schema, analysis) => analysis.summary,
};

export function defaultFor(schema: JsonSchema): unknown {
  if ('const' in schema) return schema.const;
  if ('default' in schema) return schema.default;
  const enumValues = Array.isArray(schema.enum) ? schema.enum : [];
  if (enumValues.length > 0) return enumValues[0];
  switch (primaryType(schema)) {
    case 'string':
      return typeof schema.minLength === 'number' && schema.minLength > 0 ? 'n/a'.padEnd(schema.minLength, '.') : '';
    case 'number':
    case 'integer':
      return typeof schema.minimum === 'number' ? schema.minimum : 0;
    case 'boolean':
      return false;
    case 'array': {
      const count = typeof schema.minItems === 'number' ? schema.minItems : 0;
      return Array.from({ length: count }, () => defaultFor(isRecord(schema.items) ? schema.items : {}));
    }
    case 'object':
      return fillObject(schema, () => undefined);
    default:
      return null;
  }
}

function fillObject(schema: JsonSchema, known: (name: string, property: JsonSchema) => unknown): Record<string, unknown> {
  const properties = isRecord(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required) ? schema.required.filter((n): n is string => typeof n === 'string') : [];
  const result: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(properties)) {
    const value = known(name, isRecord(property) ? property : {});
    if (value !== undefined) result[name] = value;
  }
  for (const name of required) {
    if (!(name in result)) result[name] = defaultFor(isRecord(properties[name]) ? properties[name] : {});
  }
  return result;
}

export function buildToolInput(schema: JsonSchema, analysis: EmailAnalysis, text: string): Record<string, unknown> {
  const declaresProperties = isRecord(schema.properties) && Object.keys(schema.properties).length > 0;
  if (!declaresProperties) {
    // A schema without properties accepts anything: answer with the full classification.
    return Object.fromEntries(Object.entries(KNOWN_FIELDS).map(([name, fill]) => [name, fill({}, analysis, text)]));
  }
  return fillObject(schema, (name, property) => KNOWN_FIELDS[name]?.(property, analysis, text));
}

/** What a confused model might emit: the wrong type for the score and a missing required field. */
export function malformToolInput(input: Record<string, unknown>): Record<string, unknown> {
  const broken: Record<string, unknown> = { ...input, risk_score: 'high', confidence: 'very sure' };
  delete broken.category;
  return broken;
}

/** A structured answer of known values in the shape the schema declares (defaults for other required fields). */
export function fillSchema(schema: JsonSchema, values: Record<string, unknown>): Record<string, unknown> {
  const declaresProperties = isRecord(schema.properties) && Object.keys(schema.properties).length > 0;
  return declaresProperties ? fillObject(schema, (name) => values[name]) : { ...values };
}
