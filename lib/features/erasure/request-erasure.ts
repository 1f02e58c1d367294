import type { Client } from '@temporalio/client';
import { z } from 'zod';
import type { Actor } from '../../core/contract';
import { ERASURE_WORKFLOW, erasureWorkflowId, type ErasureWorkflowInput } from '../../core/privacy/erasure-contract';
import { hasRole } from '../../core/roles';
import { AppError } from '../../core/errors';
import type { Db } from '../../platform/db/client';
import { getDb } from '../../platform/db';
import { env } from '../../platform/config/env';
import { getTemporalClient } from '../../platform/temporal/client';
import { recordAudit } from '../audit/record-audit';
import { subjectHash } from './subject-hash';

export class ErasureError extends AppError {
  override name = 'ErasureError';
}

/** The form and the API: the address twice, so a typo erases nobody by accident. */
export const erasureRequestSchema = z
  .object({ address: z.email().max(320), confirmAddress: z.string().max(320) })
  .refine((input) => input.address.trim().toLowerCase() === input.confirmAddress.trim().toLowerCase(), {
    message: 'The two addresses differ.',
    path: ['confirmAddress'],
  });
export type ErasureRequestInput = z.infer<typeof erasureRequestSchema>;

export interface ErasureStarter {
  getClient: () => Promise<Client>;
  taskQueue: string;
}

/** The web node's own Temporal client and task queue. */
const thisProcess = (): ErasureStarter => ({ getClient: getTemporalClient, taskQueue: env().TEMPORAL_TASK_QUEUE });

/**
 * An admin's erasure request (GDPR art. 17): the request row (holding the address until the
 * work is done), an audit entry with the address's hash, and erasureWorkflow started with the
 * request's id only. The workflow deletes, retrying each step until it is done.
 */
export async function requestErasure(actor: Actor, input: ErasureRequestInput, starter: ErasureStarter = thisProcess(), db: Db = getDb()): Promise<{ erasureId: string }> {
  if (!hasRole(actor, 'admin')) throw new ErasureError('Only admins can erase a customer.');
  const { address } = erasureRequestSchema.parse(input);
  const normalized = address.trim().toLowerCase();
  const hash = subjectHash(normalized);
  const row = await db.$transaction(async (tx) => {
    const created = await tx.erasureRequest.create({ data: { kind: 'customer', address: normalized, subjectHash: hash, requestedBy: actor.id } });
    await recordAudit({ actorId: actor.id, action: 'customer.erasure.request', target: `erasure:${created.id}`, after: { subjectHash: hash } }, tx);
    return created;
  });
  const workflowInput: ErasureWorkflowInput = { erasureId: row.id };
  try {
    const client = await starter.getClient();
    await client.workflow.start(ERASURE_WORKFLOW, { workflowId: erasureWorkflowId(row.id), taskQueue: starter.taskQueue, args: [workflowInput] });
  } catch (error) {
    // Nothing will act on this row: forget the address now; the admin asks again.
    await db.erasureRequest.update({ where: { id: row.id }, data: { address: null, status: 'failed' } });
    throw new ErasureError(`The erasure could not be started (${(error as Error).message}); nothing was deleted. Try again.`);
  }
  return { erasureId: row.id };
}

export interface ErasureStatus {
  id: string;
  kind: string;
  status: string;
  counts: unknown;
  createdAt: Date;
  completedAt: Date | null;
}

/** Recent requests for the admin page and the API: hashes and counts, never addresses. */
export async function listErasures(limit = 20, db: Db = getDb()): Promise<ErasureStatus[]> {
  return db.erasureRequest.findMany({
    where: { kind: 'customer' },
    orderBy: { createdAt: 'desc' },
    take: limit,
    select: { id: true, kind: true, status: true, counts: true, createdAt: true, completedAt: true },
  });
}
