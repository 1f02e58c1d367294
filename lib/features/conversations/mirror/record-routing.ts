import { getDb, type Db } from '../../../platform/db';
import { recordShadowRouting } from '../../autonomy/record-shadow';
import { appendEvent } from '../../timeline/append-event';
import type { LayerVerdict } from '../../../core/policy/send-decision';

export interface RecordRoutingInput {
  conversationId: string;
  draftVersion: number;
  route: 'auto_send' | 'review';
  reasons: string[];
  /** Shadow mode: what the policy would do with auto-send on for the category (absent from older callers). */
  shadow?: { wouldAutoSend: boolean; reasons: string[] };
  /** Every layer's verdict (absent from older callers). */
  layers?: LayerVerdict[];
}

/** Records why a draft goes to auto-send or to review, for the agent and the timeline. */
export async function recordRouting(input: RecordRoutingInput, db: Db = getDb()): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.draft.update({
      where: { conversationId_version: { conversationId: input.conversationId, version: input.draftVersion } },
      data: { status: input.route === 'auto_send' ? 'auto_send_hold' : 'pending' },
    });
    await appendEvent(
      {
        conversationId: input.conversationId,
        key: `routed:v${input.draftVersion}`,
        type: 'routed',
        data: { draftVersion: input.draftVersion, route: input.route, reasons: input.reasons },
      },
      tx,
    );
    if (input.shadow) await recordShadowRouting({ conversationId: input.conversationId, draftVersion: input.draftVersion, route: input.route, shadow: input.shadow, layers: input.layers }, tx);
  });
}
