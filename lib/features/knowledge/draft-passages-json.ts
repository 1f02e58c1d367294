import { Prisma } from '../../platform/db/generated/client';
import type { DraftPassageText } from './get-draft-passages';

/**
 * An SQL expression: the passages the drafter was given for the draft whose id is the SQL
 * expression `draftId`, in the order it saw them, as one JSON array of `DraftPassageText`
 * (what getDraftPassages reads in three queries), so a check's fat query can carry them.
 */
export function draftPassagesJson(draftId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(SELECT coalesce(json_agg(json_build_object('id', p."id", 'text', p."text", 'articleId', p."articleId", 'version', v."version", 'heading', p."heading") ORDER BY dp."rank"), '[]'::json)
    FROM "DraftPassage" dp JOIN "Passage" p ON p."id" = dp."passageId" JOIN "ArticleVersion" v ON v."id" = p."articleVersionId"
    WHERE dp."draftId" = ${draftId})`;
}

export type { DraftPassageText };
