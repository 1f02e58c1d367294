import { randomUUID } from 'node:crypto';
import { getDb, type DbClient } from '../../../platform/db';
import { Prisma } from '../../../platform/db/generated/client';

export interface RecordRoutingByIdInput {
  conversationId: string;
  draftVersion: number;
  route: 'auto_send' | 'review';
  /** The stored send decision (lib/features/sending-gate/decide-send-stored.ts) whose reasons, shadow and layers are recorded. */
  decisionId: string;
}

/**
 * recordRouting (record-routing.ts) with the stored decision's reasons, shadow verdict and
 * layers, as one statement: the draft's status, the `routed` timeline event and the shadow
 * record's routing are written together or not at all (nothing when the decision or the draft
 * is missing), where the read and the transaction it replaces cost eight round trips.
 * Times are stored as UTC, as Prisma stores them.
 */
export async function recordRoutingById(input: RecordRoutingByIdInput, db: DbClient = getDb()): Promise<void> {
  const decided = Prisma.sql`SELECT r."reasons", r."shadow", r."layers" FROM "SendDecisionRecord" AS r
       WHERE r."id" = ${input.decisionId} AND r."conversationId" = ${input.conversationId}`;
  const row = await routeStatement(input, decided, db);
  if (!row?.decided) throw new Error(`Send decision ${input.decisionId} of ${input.conversationId} does not exist`);
  if (!row.routed) throw new Error(`Draft ${input.conversationId} v${input.draftVersion} does not exist`);
}

export interface RecordRoutedDecisionInput extends Omit<RecordRoutingByIdInput, 'decisionId'> {
  /** The send decision as decideSendStored takes it, and the live read it decided on. */
  decision: { send: boolean; reasons: string[]; shadow: unknown; layers: unknown; live: unknown };
}

/**
 * Stores a send decision and records the route of its draft from it, in one statement: the
 * decision row as decideSendStored stored it, then everything recordRoutingById writes. The
 * decision with its reasons stands or falls with the route (nothing when the draft is missing).
 * Returns the stored decision's id.
 */
export async function recordRoutedDecision(input: RecordRoutedDecisionInput, db: DbClient = getDb()): Promise<string> {
  const id = randomUUID();
  const json = (value: unknown) => Prisma.sql`${JSON.stringify(value)}::jsonb`;
  const { decision } = input;
  const decided = Prisma.sql`INSERT INTO "SendDecisionRecord" ("id", "conversationId", "draftVersion", "send", "reasons", "shadow", "layers", "live", "createdAt")
      SELECT ${id}, ${input.conversationId}, ${input.draftVersion}::int, ${decision.send}, ${decision.reasons}::text[], ${json(decision.shadow)},
             ${json(decision.layers)}, ${json(decision.live)}, now() AT TIME ZONE 'UTC'
       WHERE EXISTS (SELECT 1 FROM "Draft" AS d WHERE d."conversationId" = ${input.conversationId} AND d."version" = ${input.draftVersion}::int)
   RETURNING "reasons", "shadow", "layers"`;
  const row = await routeStatement(input, decided, db);
  if (!row?.decided || !row.routed) throw new Error(`Draft ${input.conversationId} v${input.draftVersion} does not exist`);
  return id;
}

/** The route's statement on a decision's reasons, shadow and layers (`decided`: a read of a stored one, or its insert). */
async function routeStatement(input: Omit<RecordRoutingByIdInput, 'decisionId'>, decided: Prisma.Sql, db: DbClient) {
  const now = new Date().toISOString();
  const status = input.route === 'auto_send' ? 'auto_send_hold' : 'pending';
  const eventKey = `${input.conversationId}:routed:v${input.draftVersion}`;
  const rows = await db.$queryRaw<{ decided: number; routed: number }[]>`
    WITH decided AS (
      ${decided}
    ), routed AS (
      UPDATE "Draft" AS d SET "status" = ${status}, "updatedAt" = ${now}::timestamptz AT TIME ZONE 'UTC'
       WHERE d."conversationId" = ${input.conversationId} AND d."version" = ${input.draftVersion} AND EXISTS (SELECT 1 FROM decided)
   RETURNING d."basedOnMessageId"
    ), event AS (
      INSERT INTO "ConversationEvent" ("id", "conversationId", "eventKey", "type", "data", "actorId", "at", "createdAt")
      SELECT ${randomUUID()}, ${input.conversationId}, ${eventKey}, 'routed',
             jsonb_build_object('draftVersion', ${input.draftVersion}::int, 'route', ${input.route}::text, 'reasons', to_jsonb(decided."reasons")),
             NULL, ${now}::timestamptz AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
        FROM decided, routed
      ON CONFLICT ("eventKey") DO NOTHING
    ), shadow AS (
      INSERT INTO "DraftShadow" ("id", "conversationId", "draftVersion", "category", "wouldAutoSend", "reasons", "layers", "route", "routedAt", "createdAt", "updatedAt")
      SELECT ${randomUUID()}, ${input.conversationId}, ${input.draftVersion}::int,
             (SELECT c."category" FROM "Classification" AS c WHERE c."messageId" = routed."basedOnMessageId"),
             (decided."shadow"->>'wouldAutoSend')::boolean, decided."shadow"->'reasons', decided."layers", ${input.route}::text,
             ${now}::timestamptz AT TIME ZONE 'UTC', ${now}::timestamptz AT TIME ZONE 'UTC', ${now}::timestamptz AT TIME ZONE 'UTC'
        FROM decided, routed
      ON CONFLICT ("conversationId", "draftVersion") DO UPDATE
         SET "category" = EXCLUDED."category", "wouldAutoSend" = EXCLUDED."wouldAutoSend", "reasons" = EXCLUDED."reasons",
             "layers" = EXCLUDED."layers", "route" = EXCLUDED."route", "routedAt" = EXCLUDED."routedAt", "updatedAt" = EXCLUDED."updatedAt"
    )
    SELECT (SELECT count(*)::int FROM decided) AS "decided", (SELECT count(*)::int FROM routed) AS "routed"`;
  return rows[0];
}
