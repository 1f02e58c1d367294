import { getDb, type DbClient } from '../../platform/db';
import type { CategoryAutonomyRow } from '../autonomy/category-state';

/** What the decision joins from the draft as stored: its own checks' problems and the model checks' answers. */
export interface StoredChecks {
  checkProblems: string[];
  shadow: { grounding: unknown; verification: unknown } | null;
}

interface RawRow {
  policySaved: boolean;
  policy: unknown;
  conversation: { customerAddress: string | null; customerEmail: string; customerName: string | null } | null;
  draft: { id: string; origin: string; status: string; stopReason: string | null; aiBody: string; staleReason: string | null; checkProblems: string[] } | null;
  mailboxes: string[];
  people: string[];
  autonomyFound: boolean;
  enabled: boolean | null;
  enabledBy: string | null;
  enabledAt: Date | null;
  demotion: CategoryAutonomyRow['demotion'];
  demotedAt: Date | null;
  evidenceSince: Date | null;
  noticeEmailedTo: string | null;
  noticeError: string | null;
  evidence: { category: string | null; wouldAutoSend: boolean; outcome: string | null; review: string | null; evidenceAtMs: number | null }[];
  global: number;
  perSender: number;
  inbound: { subject: string; textBody: string | null }[];
  passages: { id: string; heading: string; text: string }[];
  shadow: StoredChecks['shadow'];
}

export interface SendFactsRow {
  policy: { value: unknown } | null;
  conversation: NonNullable<RawRow['conversation']>;
  draft: NonNullable<RawRow['draft']>;
  mailboxes: string[];
  people: string[];
  autonomy: CategoryAutonomyRow | null;
  evidence: { category: string | null; wouldAutoSend: boolean; outcome: string | null; review: string | null; evidenceAt: Date | null }[];
  global: number;
  perSender: number;
  inbound: RawRow['inbound'];
  passages: RawRow['passages'];
  shadow: StoredChecks['shadow'];
}

const utc = (at: Date) => at.toISOString();

/**
 * The rows behind readSendFacts in one statement: the saved policy, the conversation and draft,
 * every mailbox address and active person's name (for the claims screening), the category's
 * autonomy row and trust evidence, the auto-sends since `since` (all, and this sender's), the
 * inbound mail's text, the passages the draft was given in rank order, and the draft's stored
 * model-check answers. One snapshot: the reads it replaces each saw their own moment.
 */
export async function readSendFactsRow(
  input: { conversationId: string; draftVersion: number; category?: string; since: Date; evidenceSince: Date },
  db: DbClient = getDb(),
): Promise<SendFactsRow> {
  const category = input.category ?? null;
  const rows = await db.$queryRaw<RawRow[]>`
    WITH conv AS (
      SELECT c."customerAddress", c."customerEmail", c."customerName" FROM "Conversation" AS c WHERE c."id" = ${input.conversationId}
    ), draft AS (
      SELECT d."id", d."origin", d."status", d."stopReason", d."aiBody", d."staleReason", d."checkProblems"
        FROM "Draft" AS d WHERE d."conversationId" = ${input.conversationId} AND d."version" = ${input.draftVersion}
    )
    SELECT
      EXISTS (SELECT 1 FROM "Setting" WHERE "key" = 'automation_policy') AS "policySaved",
      (SELECT "value" FROM "Setting" WHERE "key" = 'automation_policy') AS "policy",
      (SELECT row_to_json(conv) FROM conv) AS "conversation",
      (SELECT row_to_json(draft) FROM draft) AS "draft",
      ARRAY(SELECT m."address" FROM "Mailbox" AS m) AS "mailboxes",
      ARRAY(SELECT u."name" FROM "User" AS u WHERE u."disabledAt" IS NULL) AS "people",
      a."category" IS NOT NULL AS "autonomyFound",
      a."enabled", a."enabledBy", a."enabledAt", a."demotion", a."demotedAt", a."evidenceSince", a."noticeEmailedTo", a."noticeError",
      COALESCE((
        SELECT json_agg(json_build_object('category', s."category", 'wouldAutoSend', s."wouldAutoSend", 'outcome', s."outcome", 'review', s."review",
                                          'evidenceAtMs', (extract(epoch FROM s."evidenceAt") * 1000)::float8))
          FROM "DraftShadow" AS s
         WHERE s."category" = ${category} AND s."evidenceAt" >= ${utc(input.evidenceSince)}::timestamptz AT TIME ZONE 'UTC'
      ), '[]'::json) AS "evidence",
      (SELECT count(*)::int FROM "Decision" AS g
        WHERE g."kind" = 'auto_send' AND g."createdAt" >= ${utc(input.since)}::timestamptz AT TIME ZONE 'UTC') AS "global",
      (SELECT count(*)::int FROM "Decision" AS p JOIN "Conversation" AS pc ON pc."id" = p."conversationId"
        WHERE p."kind" = 'auto_send' AND p."createdAt" >= ${utc(input.since)}::timestamptz AT TIME ZONE 'UTC'
          AND pc."customerEmail" = (SELECT "customerEmail" FROM conv)) AS "perSender",
      COALESCE((
        SELECT json_agg(json_build_object('subject', m."subject", 'textBody', m."textBody"))
          FROM "Message" AS m WHERE m."conversationId" = ${input.conversationId} AND m."direction" = 'inbound'
      ), '[]'::json) AS "inbound",
      COALESCE((
        SELECT json_agg(json_build_object('id', ps."id", 'heading', ps."heading", 'text', ps."text") ORDER BY dp."rank")
          FROM "DraftPassage" AS dp JOIN "Passage" AS ps ON ps."id" = dp."passageId"
         WHERE dp."draftId" = (SELECT "id" FROM draft)
      ), '[]'::json) AS "passages",
      (SELECT json_build_object('grounding', sh."grounding", 'verification', sh."verification")
         FROM "DraftShadow" AS sh WHERE sh."conversationId" = ${input.conversationId} AND sh."draftVersion" = ${input.draftVersion}) AS "shadow"
    FROM (SELECT 1) AS one
    LEFT JOIN "CategoryAutonomy" AS a ON a."category" = ${category}`;
  const row = rows[0];
  if (!row?.conversation) throw new Error(`Conversation ${input.conversationId} does not exist`);
  if (!row.draft) throw new Error(`Draft ${input.conversationId} v${input.draftVersion} does not exist`);
  return {
    policy: row.policySaved ? { value: row.policy } : null,
    conversation: row.conversation,
    draft: row.draft,
    mailboxes: row.mailboxes,
    people: row.people,
    autonomy: row.autonomyFound
      ? {
          enabled: row.enabled ?? false,
          enabledBy: row.enabledBy,
          enabledAt: row.enabledAt,
          demotion: row.demotion,
          demotedAt: row.demotedAt,
          evidenceSince: row.evidenceSince,
          noticeEmailedTo: row.noticeEmailedTo,
          noticeError: row.noticeError,
        }
      : null,
    evidence: row.evidence.map(({ evidenceAtMs, ...rest }) => ({ ...rest, evidenceAt: evidenceAtMs === null ? null : new Date(evidenceAtMs) })),
    global: row.global,
    perSender: row.perSender,
    inbound: row.inbound,
    passages: row.passages,
    shadow: row.shadow,
  };
}

/**
 * For a decision on the live read of an earlier one: that decision's stored read, with the
 * draft's problems and model-check answers, in one statement.
 */
export async function readEarlierSendFacts(
  input: { conversationId: string; draftVersion: number; decisionId: string },
  db: DbClient = getDb(),
): Promise<{ live: unknown; stored: StoredChecks }> {
  const rows = await db.$queryRaw<{ live: unknown; checkProblems: string[] | null; shadow: StoredChecks['shadow'] }[]>`
    SELECT r."live",
           (SELECT d."checkProblems" FROM "Draft" AS d WHERE d."conversationId" = ${input.conversationId} AND d."version" = ${input.draftVersion}) AS "checkProblems",
           (SELECT json_build_object('grounding', sh."grounding", 'verification', sh."verification")
              FROM "DraftShadow" AS sh WHERE sh."conversationId" = ${input.conversationId} AND sh."draftVersion" = ${input.draftVersion}) AS "shadow"
      FROM "SendDecisionRecord" AS r
     WHERE r."id" = ${input.decisionId} AND r."conversationId" = ${input.conversationId}`;
  const row = rows[0];
  if (!row) throw new Error(`Send decision ${input.decisionId} of ${input.conversationId} does not exist`);
  if (!row.checkProblems) throw new Error(`Draft ${input.conversationId} v${input.draftVersion} does not exist`);
  return { live: row.live, stored: { checkProblems: row.checkProblems, shadow: row.shadow } };
}
