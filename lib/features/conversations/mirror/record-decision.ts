import type { Actor } from '../../../core/contract';
import type { VariantLabel } from '../../../core/ab/variants';
import { editSize } from '../../../core/text/edit-size';
import { getDb, type Db } from '../../../platform/db';
import { recordShadowOutcome, shadowEvidenceCategory } from '../../autonomy/record-shadow';
import { appendEvent } from '../../timeline/append-event';

export interface RecordDecisionInput {
  conversationId: string;
  draftVersion: number;
  kind: 'approve' | 'reject' | 'revise' | 'cancel_hold' | 'auto_send';
  /** Absent for the policy's own auto-send decision. */
  actor?: Actor;
  /** The Temporal update id (one decision per click) or a workflow-derived key. */
  idempotencyKey: string;
  editedBody?: string;
  reason?: string;
  instructions?: string;
  /** Which side of an A/B draft the agent approved (lib/core/ab); absent: the side shown first. */
  variant?: VariantLabel;
}

/** What each decision means for the shadow record of the draft; a cancelled hold is no outcome yet. */
const SHADOW_OUTCOME = { approve: 'sent_unchanged', reject: 'rejected', revise: 'revised', cancel_hold: undefined, auto_send: 'auto_sent' } as const;

const DRAFT_STATUS = { approve: 'approved', reject: 'rejected', revise: 'revising', cancel_hold: 'pending', auto_send: 'approved' } as const;

export interface RecordedDecision {
  /** The customer message the draft answered (its trace in LangFuse). */
  basedOnMessageId: string;
  edited: boolean;
  editDistance?: number;
  /** The draft's category when this decision is new trust evidence (lib/core/policy/shadow.ts). */
  evidenceCategory: string | null;
}

/**
 * Stores a decision with its actor, the audit entry and the timeline event, in one
 * transaction. A retried call finds its decision already stored and writes nothing twice.
 */
export async function recordDecision(input: RecordDecisionInput, db: Db = getDb()): Promise<RecordedDecision> {
    const draft = await db.draft.findUniqueOrThrow({
      where: { conversationId_version: { conversationId: input.conversationId, version: input.draftVersion } },
    });
    const edited = input.kind === 'approve' && input.editedBody !== undefined && input.editedBody !== draft.aiBody;
    const editDistance = edited ? editSize(draft.aiBody, input.editedBody ?? '') : input.kind === 'approve' ? 0 : undefined;
    const kind = edited ? 'edit_approve' : input.kind;
    const decidedAt = new Date();

    await db.$transaction(async (tx) => {
      // A retried activity finds its decision already stored and writes nothing twice.
      if (await tx.decision.findUnique({ where: { idempotencyKey: input.idempotencyKey } })) return;
      const outcome = SHADOW_OUTCOME[input.kind];
      if (outcome) {
        await recordShadowOutcome(
          { conversationId: input.conversationId, draftVersion: input.draftVersion, outcome: edited ? 'edited' : outcome, editSize: edited ? editDistance : undefined, actorId: input.actor?.id },
          tx,
        );
      }
      await tx.decision.create({
        data: {
          conversationId: input.conversationId,
          draftVersion: input.draftVersion,
          kind,
          actorType: input.actor ? 'agent' : 'system',
          actorId: input.actor?.id,
          editedBody: edited ? input.editedBody : undefined,
          editDistance,
          note: input.reason ?? input.instructions,
          idempotencyKey: input.idempotencyKey,
        },
      });
      // Files the agent attached when approving (assigned to this update's id), sent with the draft.
      if (input.kind === 'approve') {
        await tx.attachment.updateMany({ where: { conversationId: input.conversationId, uploadKey: input.idempotencyKey, draftId: null }, data: { draftId: draft.id } });
      }
      await tx.draft.update({
        where: { id: draft.id },
        data: {
          status: DRAFT_STATUS[input.kind],
          finalBody: input.kind === 'approve' || input.kind === 'auto_send' ? (input.editedBody ?? draft.aiBody) : undefined,
          decidedAt: input.kind === 'cancel_hold' ? undefined : decidedAt,
        },
      });
      if (input.actor) {
        await tx.auditLog.create({
          data: {
            actorId: input.actor.id,
            action: `draft.${kind}`,
            target: `${input.conversationId}#v${input.draftVersion}`,
            before: { body: draft.aiBody },
            after: { body: input.editedBody ?? null, reason: input.reason ?? null, instructions: input.instructions ?? null },
          },
        });
      }
      if (input.kind === 'cancel_hold') {
        await appendEvent({
          conversationId: input.conversationId,
          key: `hold_cancelled:v${input.draftVersion}`,
          type: 'auto_send_cancelled',
          data: { draftVersion: input.draftVersion, reason: 'Cancelled by an agent' },
          actorId: input.actor?.id,
        }, tx);
      } else if (input.kind !== 'auto_send') {
        await appendEvent({
          conversationId: input.conversationId,
          key: `decision:v${input.draftVersion}`,
          type: 'decision',
          data: {
            draftVersion: input.draftVersion,
            kind: kind as 'approve' | 'edit_approve' | 'reject' | 'revise',
            editDistance,
            reason: input.reason,
            instructions: input.instructions,
          },
          actorId: input.actor?.id,
        }, tx);
      }
    });

    const evidenceCategory = await shadowEvidenceCategory(input, db);
    return { basedOnMessageId: draft.basedOnMessageId, edited, editDistance, evidenceCategory };
}
