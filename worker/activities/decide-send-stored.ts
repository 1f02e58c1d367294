import { decideSendStored, type DecideSendStoredInput, type DecideSendStoredResult } from '../../lib/features/sending-gate/decide-send-stored';
import { recordRoutingById, type RecordRoutingByIdInput } from '../../lib/features/conversations/mirror/record-routing-by-id';
import { readingTheDatabase } from './database-failure';
import type { ActivityDeps } from './deps';

export type { DecideSendStoredInput, DecideSendStoredResult };

/** The send decision on stored facts, stored itself: the workflow gets its id and verdict (runs with the ids-not-text patch). */
export function createDecideSendStored(deps: ActivityDeps) {
  const { db, config } = deps;
  return async function decideSendStoredActivity(input: DecideSendStoredInput): Promise<DecideSendStoredResult> {
    return readingTheDatabase(() =>
      decideSendStored(
        input,
        {
          thresholds: config.trustThresholds,
          caps: { global: config.autoSendHourlyCapGlobal, perSender: config.autoSendHourlyCapPerSender },
          ownAddresses: [config.mailFrom],
        },
        db,
      ),
    );
  };
}

export type { RecordRoutingByIdInput };

/** Records the route of a draft with the reasons of the stored decision, for the agent and the timeline (one statement). */
export function createRecordRoutingById(deps: ActivityDeps) {
  return async function recordRoutingByIdActivity(input: RecordRoutingByIdInput): Promise<void> {
    await recordRoutingById(input, deps.db);
  };
}
