import { getDb, type DbClient } from '../../platform/db';

export interface DraftPassageText {
  id: string;
  text: string;
  articleId: string;
  version: number;
  /** Article title and section, as the drafter saw them beside the text. */
  heading: string;
}

/**
 * The passages the drafter was given for one draft, in the order it saw them: the reference a
 * check that never reads the email compares the draft against. Empty for a draft written
 * without retrieval (an agent's own reply, a draft from before articles were indexed).
 */
export async function getDraftPassages(input: { conversationId: string; draftVersion: number }, db: DbClient = getDb()): Promise<DraftPassageText[]> {
  const rows = await db.draftPassage.findMany({
    where: { draft: { conversationId: input.conversationId, version: input.draftVersion } },
    orderBy: { rank: 'asc' },
    include: { passage: { select: { id: true, text: true, heading: true, articleId: true, articleVersion: { select: { version: true } } } } },
  });
  return rows.map(({ passage }) => ({ id: passage.id, text: passage.text, articleId: passage.articleId, version: passage.articleVersion.version, heading: passage.heading }));
}
