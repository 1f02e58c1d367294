import type { DatasetItemRecord, ScoreRecord } from '../llm/observer';
import type { RestRequest } from './rest-queue';
import { maskValue, type TextMask } from './masking';
import { scoreIdFor } from './trace-ids';

/** Request bodies for LangFuse's REST API, masked like everything else that leaves. */

export const DATASET_DESCRIPTION =
  'Agents’ edits and rejects from Countersign: the customer’s email with its context, and the reply the agent actually sent.';

export function scoreRequest(record: ScoreRecord, mask: TextMask, environment: string | undefined): RestRequest {
  const dataType = record.dataType ?? (typeof record.value === 'string' ? 'CATEGORICAL' : 'NUMERIC');
  // A correction is free text (the agent's reply): masked like a prompt. Category names are ours.
  const value = dataType === 'CORRECTION' && typeof record.value === 'string' ? mask(record.value) : record.value;
  return {
    path: '/api/public/scores',
    body: {
      id: record.id ?? scoreIdFor(record.traceId, record.name),
      traceId: record.traceId,
      // LangFuse stores every correction under the name "output".
      name: dataType === 'CORRECTION' ? 'output' : record.name,
      value,
      dataType,
      ...(record.comment === undefined ? {} : { comment: mask(record.comment) }),
      ...(record.metadata === undefined ? {} : { metadata: maskValue(mask, record.metadata) }),
      ...(environment === undefined ? {} : { environment }),
    },
  };
}

/** The dataset (upserted by name), then the item (upserted on id): in this order. */
export function datasetItemRequests(record: DatasetItemRecord, mask: TextMask): RestRequest[] {
  return [
    { path: '/api/public/v2/datasets', body: { name: record.datasetName, description: DATASET_DESCRIPTION } },
    {
      path: '/api/public/dataset-items',
      body: {
        datasetName: record.datasetName,
        id: record.id,
        input: maskValue(mask, record.input),
        expectedOutput: maskValue(mask, record.expectedOutput),
        ...(record.metadata === undefined ? {} : { metadata: maskValue(mask, record.metadata) }),
        ...(record.sourceTraceId === undefined ? {} : { sourceTraceId: record.sourceTraceId }),
      },
    },
  ];
}
