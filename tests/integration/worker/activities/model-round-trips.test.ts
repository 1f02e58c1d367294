// The Claude activities' database round trips, counted at the driver (issue 26): each reads
// what it needs in one query, the first call's budget check and the trace's customer address
// included, and writes what it stores in as few statements as its guarantees allow. Upper
// bounds, so a saving elsewhere never fails them; each was several times higher before.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countQueries } from '../../../support/query-counter';
import { createActivityFixture, seedInbound, type ActivityFixture } from './activity-fixture';

let fixture: ActivityFixture;
beforeEach(async () => {
  fixture = await createActivityFixture();
});
afterEach(async () => {
  await fixture.close();
});

/** A Claude call's row written in a statement of its own (the step's result statement carries it: WITH llm AS ...). */
const ownCallRecords = (statements: string[]) => statements.filter((text) => /^WITH inserted AS \( INSERT INTO "LlmCall"/.test(text));
const reads = (statements: string[]) => statements.filter((text) => /^SELECT/i.test(text));
/** The fixture's observer records, so classifying describes the ticket (LangFuse on): its reads are apart. */
const TICKET_READS = 4;

describe('round trips of the Claude activities', () => {
  it('read once per activity, and write the classification, the draft and each check verdict in a statement each, their calls in it', async () => {
    const ids = await seedInbound(fixture);
    const show = (run: { statements: string[] }) => run.statements.join('\n');

    const prepared = await countQueries(() => fixture.run(fixture.activities.prepareInboundMessage, [ids]));
    // One read, then the received event alone: one statement needs no transaction.
    expect(prepared.statements, show(prepared)).toHaveLength(2);

    const setup = await countQueries(() => fixture.run(fixture.activities.loadConversationSetup, [{ conversationId: ids.conversationId }]));
    expect(setup.statements, show(setup)).toHaveLength(1);

    const classified = await countQueries(() => fixture.run(fixture.activities.classifyMessage, [ids]));
    expect(classified.result.ok).toBe(true);
    // The inputs (thread, customer address, budget); the classification with its mirror, event and the call's record.
    expect(classified.statements.length, show(classified)).toBeLessThanOrEqual(TICKET_READS + 2);
    expect(ownCallRecords(classified.statements), show(classified)).toEqual([]);
    expect(reads(classified.statements).length, show(classified)).toBeLessThanOrEqual(TICKET_READS + 1);

    const drafted = await countQueries(() => fixture.run(fixture.activities.draftReply, [{ ...ids, draftVersion: 1 }]));
    expect(drafted.result.knowledgeUsed.length).toBeGreaterThan(0);
    // The inputs in one read; retrieval (which embeds the articles on first use) is knowledge's own.
    expect(drafted.statements.filter((text) => /"Classification"|"Setting"|"Attachment"|"Mailbox"/.test(text) && !text.includes('EXISTS')), show(drafted)).toEqual([]);
    expect(drafted.statements.filter((text) => /"checkProblems" = /.test(text)), show(drafted)).toEqual([]);
    // The draft, its passages, the current draft and the event: one statement, no transaction
    // (retrieval stores the articles' embeddings on first use: knowledge's own write).
    expect(drafted.statements.filter((text) => text === 'BEGIN' || (/^(INSERT|UPDATE|DELETE)/.test(text) && !text.includes('"Passage"'))), show(drafted)).toEqual([]);
    expect(drafted.statements.filter((text) => /^WITH draft AS/.test(text)), show(drafted)).toHaveLength(1);
    expect(ownCallRecords(drafted.statements), show(drafted)).toEqual([]);

    const verified = await countQueries(() => fixture.run(fixture.activities.verifyDraft, [{ conversationId: ids.conversationId, draftVersion: 1 }]));
    // The inputs; the shadow verdict with the call's record.
    expect(verified.statements, show(verified)).toHaveLength(2);

    const grounded = await countQueries(() => fixture.run(fixture.activities.checkGrounding, [{ conversationId: ids.conversationId, draftVersion: 1 }]));
    expect(grounded.statements, show(grounded)).toHaveLength(2);

    // Every call still has its row, and the conversation its cost.
    const calls = await fixture.store.db.llmCall.findMany({ where: { conversationId: ids.conversationId } });
    expect(calls.map((call) => call.purpose).sort()).toEqual(['classify', 'draft', 'ground', 'verify']);
    const conversation = await fixture.store.db.conversation.findUniqueOrThrow({ where: { id: ids.conversationId } });
    expect(conversation.costUsd).toBeCloseTo(calls.reduce((sum, call) => sum + call.costUsd, 0), 9);
    expect(conversation.costUsd).toBeGreaterThan(0);
  });
});
