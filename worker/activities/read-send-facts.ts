import { readSendFacts, type LiveSendFacts, type ReadSendFactsInput } from '../../lib/features/sending-gate/read-send-facts';
import { readingTheDatabase } from './database-failure';
import type { ActivityDeps } from './deps';

export type { LiveSendFacts, ReadSendFactsInput };

/** The one live read behind the send decision (lib/core/policy/send-decision.ts), at routing and at the end of the hold. */
export function createReadSendFacts(deps: ActivityDeps) {
  const { db, config } = deps;
  return async function readSendFactsActivity(input: ReadSendFactsInput): Promise<LiveSendFacts> {
    return readingTheDatabase(() =>
      readSendFacts(
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
