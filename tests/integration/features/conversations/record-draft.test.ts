// recordDraft writes a draft, its passages, the conversation's current draft and the timeline
// event in one statement (issue 26); these are the guarantees the transaction it replaced gave.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../../devstack/project-root';
import { recordDraft, type RecordDraftInput } from '../../../../lib/features/conversations/mirror/record-draft';
import { seedKnowledge } from '../../../../lib/features/knowledge/seed-knowledge';
import { countQueries } from '../../../support/query-counter';
import { createTempDb, type TempDb } from '../../../support/temp-db';

let temp: TempDb;
let passageIds: string[];
const CONVERSATION = 'conv-draft';

beforeAll(async () => {
  temp = await createTempDb();
  await seedKnowledge(path.join(PROJECT_ROOT, 'docs/knowledge'), temp.db);
  passageIds = (await temp.db.passage.findMany({ select: { id: true }, orderBy: { id: 'asc' }, take: 3 })).map((row) => row.id);
  await temp.db.conversation.create({
    data: { id: CONVERSATION, rootMessageId: '<r@example.com>', subject: 'Help', customerEmail: 'a@example.com', status: 'received', lastMessageAt: new Date(), lastMessagePreview: '' },
  });
});
afterAll(async () => {
  await temp?.close();
});

const draft = (version: number, extra: Partial<RecordDraftInput> = {}): RecordDraftInput => ({
  conversationId: CONVERSATION,
  version,
  body: `Reply v${version}`,
  model: 'claude-test',
  knowledgeUsed: [],
  basedOnMessageId: 'm1',
  costUsd: 0.01,
  outputTokens: 10,
  ...extra,
});

describe('recordDraft', () => {
  it('stores the draft, its passages, the current draft and the event in one statement', async () => {
    const [a, b, c] = passageIds;
    const { statements } = await countQueries(() =>
      recordDraft(draft(1, { stopReason: 'end_turn', passages: { given: [a!, b!], cited: [b!] }, checkProblems: ['a link to an unknown host'] }), temp.db),
    );
    expect(statements).toHaveLength(1);
    const stored = await temp.db.draft.findUniqueOrThrow({ where: { conversationId_version: { conversationId: CONVERSATION, version: 1 } }, include: { passages: { orderBy: { rank: 'asc' } } } });
    expect(stored).toMatchObject({ status: 'pending', origin: 'model', stopReason: 'end_turn', checkProblems: ['a link to an unknown host'], aiBody: 'Reply v1' });
    expect(stored.passages.map((row) => [row.passageId, row.rank, row.cited])).toEqual([[a, 0, false], [b, 1, true]]);
    expect((await temp.db.conversation.findUniqueOrThrow({ where: { id: CONVERSATION } })).currentDraftId).toBe(stored.id);
    expect(await temp.db.conversationEvent.count({ where: { conversationId: CONVERSATION, type: 'drafted' } })).toBe(1);

    // A retried write of the same version: new passages replace the old, unset fields stay, one event.
    await recordDraft(draft(1, { body: 'Reply v1 again', passages: { given: [c!, a!], cited: [] }, unusableReason: 'cut off' }), temp.db);
    const again = await temp.db.draft.findUniqueOrThrow({ where: { id: stored.id }, include: { passages: { orderBy: { rank: 'asc' } } } });
    expect(again).toMatchObject({ aiBody: 'Reply v1 again', status: 'unusable', stopReason: 'end_turn', checkProblems: ['a link to an unknown host'] });
    expect(again.passages.map((row) => [row.passageId, row.rank, row.cited])).toEqual([[c, 0, false], [a, 1, false]]);
    expect(await temp.db.conversationEvent.count({ where: { conversationId: CONVERSATION, type: 'drafted' } })).toBe(1);
  });

  it('never displaces a newer current draft (a model call an agent reply overtook)', async () => {
    await recordDraft(draft(3, { origin: 'agent' }), temp.db);
    const newer = await temp.db.draft.findUniqueOrThrow({ where: { conversationId_version: { conversationId: CONVERSATION, version: 3 } } });
    await recordDraft(draft(2), temp.db);
    expect((await temp.db.conversation.findUniqueOrThrow({ where: { id: CONVERSATION } })).currentDraftId).toBe(newer.id);
    expect(await temp.db.draft.count({ where: { conversationId: CONVERSATION } })).toBe(3);
    // Without passages a write leaves them alone.
    expect(await temp.db.draftPassage.count({ where: { draftId: newer.id } })).toBe(0);
  });

  it('fails on a conversation that does not exist, writing nothing', async () => {
    await expect(recordDraft({ ...draft(1), conversationId: 'no-such-conversation' }, temp.db)).rejects.toThrow();
    expect(await temp.db.conversationEvent.count({ where: { conversationId: 'no-such-conversation' } })).toBe(0);
  });
});
