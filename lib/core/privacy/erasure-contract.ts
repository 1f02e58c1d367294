/**
 * The erasure and retention workflows' contract, beside lib/core/contract.ts (the
 * conversation's). Payloads carry ids and counts only: an erasure's history must not hold
 * the personal data it removes, so the address stays in the ErasureRequest row.
 */

export const ERASURE_WORKFLOW = 'erasureWorkflow';
export const RETENTION_WORKFLOW = 'retentionWorkflow';

/** `erasure-<id>`: one workflow per request, so a double click starts it once. */
export const erasureWorkflowId = (erasureId: string) => `erasure-${erasureId}`;

export interface ErasureWorkflowInput {
  erasureId: string;
}

/** What was removed, by kind: the audit keeps these numbers and nothing else about the person. */
export interface ErasureCounts {
  conversations: number;
  messages: number;
  attachments: number;
  blobs: number;
  evalItems: number;
  traces: number;
  workflowRuns: number;
}

export interface RetentionWorkflowInput {
  /** ISO time the age is measured from; default the workflow's own clock (a schedule's fire time). */
  asOf?: string;
  /** Conversations per erasure batch (default 200). */
  batchSize?: number;
}

export interface RetentionWorkflowResult {
  batches: number;
  conversations: number;
}
