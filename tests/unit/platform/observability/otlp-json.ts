import type { ReceivedRequest } from './langfuse-receiver';

/** Decodes the OTLP/HTTP JSON trace requests the receiver got into flat spans. */

type AttributeValue = string | number | boolean | AttributeValue[] | undefined;

interface OtlpAnyValue {
  stringValue?: string;
  intValue?: number | string;
  doubleValue?: number;
  boolValue?: boolean;
  arrayValue?: { values?: OtlpAnyValue[] };
}

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  status?: { code?: number; message?: string };
  attributes?: { key: string; value: OtlpAnyValue }[];
}

interface OtlpRequest {
  resourceSpans?: {
    resource?: { attributes?: { key: string; value: OtlpAnyValue }[] };
    scopeSpans?: { scope?: { name?: string }; spans?: OtlpSpan[] }[];
  }[];
}

export interface ExportedSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string | undefined;
  name: string;
  scope: string | undefined;
  durationMs: number;
  status: { code?: number; message?: string } | undefined;
  attributes: Record<string, AttributeValue>;
  /** The exporting process's resource (service.name, service.version, langfuse.release). */
  resource: Record<string, AttributeValue>;
}

function decode(value: OtlpAnyValue): AttributeValue {
  if (value.stringValue !== undefined) return value.stringValue;
  if (value.intValue !== undefined) return Number(value.intValue);
  if (value.doubleValue !== undefined) return value.doubleValue;
  if (value.boolValue !== undefined) return value.boolValue;
  if (value.arrayValue) return (value.arrayValue.values ?? []).map(decode);
  return undefined;
}

export function exportedSpans(requests: readonly ReceivedRequest[]): ExportedSpan[] {
  return requests
    .filter((request) => request.path === '/api/public/otel/v1/traces')
    .flatMap((request) => {
      const body = JSON.parse(request.body) as OtlpRequest;
      return (body.resourceSpans ?? []).flatMap((resource) => {
        const resourceAttributes = Object.fromEntries((resource.resource?.attributes ?? []).map((attribute) => [attribute.key, decode(attribute.value)]));
        return (resource.scopeSpans ?? []).flatMap((scopeSpans) =>
          (scopeSpans.spans ?? []).map(
            (span): ExportedSpan => ({
              traceId: span.traceId,
              spanId: span.spanId,
              parentSpanId: span.parentSpanId || undefined,
              name: span.name,
              scope: scopeSpans.scope?.name,
              durationMs: Number((BigInt(span.endTimeUnixNano) - BigInt(span.startTimeUnixNano)) / 1_000_000n),
              status: span.status,
              attributes: Object.fromEntries((span.attributes ?? []).map((attribute) => [attribute.key, decode(attribute.value)])),
              resource: resourceAttributes,
            }),
          ),
        );
      });
    });
}

/** A JSON-string attribute (usage_details, cost_details, input, output) parsed. */
export function jsonAttribute(span: ExportedSpan, key: string): unknown {
  const value = span.attributes[key];
  if (typeof value !== 'string') throw new Error(`attribute ${key} is not a string: ${String(value)}`);
  return JSON.parse(value);
}
