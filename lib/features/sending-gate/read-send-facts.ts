import { getDb, type DbClient } from '../../platform/db';
import { addressOf } from '../../platform/mail/addresses';
import type { SendFacts } from '../../core/policy/send-decision';
import type { AutomationPolicy } from '../../core/policy/automation-policy';
import type { TrustThresholds } from '../../core/policy/trust';
import { screenDraftClaims } from '../../core/safety/claims';
import { findCustomerIdentifiers as customerIdentifiers } from '../../core/safety/claims';
import { categoryStateOf, describeCategoryAutoSend } from '../autonomy/category-state';
import { evidenceByCategory } from '../autonomy/load-evidence';
import { trustThresholdsFromEnv } from '../autonomy/trust-thresholds';
import { env } from '../../platform/config/env';
import { automationPolicyFromEnv } from '../settings/default-automation-policy';
import { automationPolicyOf } from '../settings/automation-policy-of';
import { readSendFactsRow, type StoredChecks } from './send-facts-row';

export type { StoredChecks };

export interface ReadSendFactsInput {
  conversationId: string;
  draftVersion: number;
  /** The draft's category as the workflow holds it from classification; none when it failed. */
  category?: string;
}

/** The facts only a live read can give; the workflow adds what it already holds (classification, screening, checks). */
export type LiveSendFacts = Pick<SendFacts, 'claims' | 'category' | 'caps'> & { policy: AutomationPolicy; draft: Omit<SendFacts['draft'], 'problems'> };

export interface SendFactsOptions {
  thresholds?: TrustThresholds;
  caps: { global: number; perSender: number };
  /** Our own addresses besides the mailboxes (MAIL_FROM). */
  ownAddresses?: string[];
}

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/**
 * One read of everything live the send decision needs: the policy (kill switch, thresholds),
 * the category's autonomy, the sends of the last hour, the draft as stored (with whether the
 * knowledge it cites changed since), and the claims screening of its text against the passages
 * it was given.
 */
export async function readSendFacts(input: ReadSendFactsInput, options: SendFactsOptions, db: DbClient = getDb()): Promise<LiveSendFacts> {
  return (await readSendFactsWithStored(input, options, db)).live;
}

/**
 * readSendFacts, plus what the decision joins from the draft's own stored checks (its problems
 * and the model checks' answers), in one statement: the fourteen reads it replaces were as many
 * round trips, twice per email.
 */
export async function readSendFactsWithStored(
  input: ReadSendFactsInput,
  options: SendFactsOptions,
  db: DbClient = getDb(),
): Promise<{ live: LiveSendFacts; stored: StoredChecks }> {
  const now = new Date();
  const thresholds = options.thresholds ?? trustThresholdsFromEnv();
  const row = await readSendFactsRow(
    {
      ...input,
      since: new Date(now.getTime() - HOUR_MS),
      evidenceSince: new Date(now.getTime() - thresholds.windowDays * DAY_MS),
    },
    db,
  );
  const { conversation, draft } = row;
  const policy = automationPolicyOf(row.policy, automationPolicyFromEnv(env()));
  const categoryState = input.category
    ? categoryStateOf({ category: input.category, policy, row: row.autonomy ?? undefined, evidence: evidenceByCategory(row.evidence).get(input.category) ?? [], thresholds, now })
    : undefined;
  const passages = row.passages.map((passage) => ({ id: passage.id, text: `${passage.heading}\n${passage.text}` }));
  const customerText = row.inbound.map((message) => `${message.subject}\n${message.textBody ?? ''}`).join('\n');
  const claims = screenDraftClaims({
    draft: draft.aiBody,
    passages,
    customer: { address: conversation.customerAddress, name: conversation.customerName, identifiers: customerIdentifiers(customerText) },
    mailboxAddresses: [...row.mailboxes, ...(options.ownAddresses ?? []).map(addressOf)],
    agentNames: row.people,
  });
  const live: LiveSendFacts = {
    policy,
    draft: { origin: draft.origin === 'agent' ? 'agent' : draft.origin === 'assembled' ? 'assembled' : 'model', status: draft.status, stopReason: draft.stopReason, staleReason: draft.staleReason },
    claims,
    category: categoryState ? describeCategoryAutoSend(categoryState) : null,
    caps: { global: row.global, perSender: row.perSender, capGlobal: options.caps.global, capPerSender: options.caps.perSender },
  };
  return { live, stored: { checkProblems: draft.checkProblems, shadow: row.shadow } };
}
