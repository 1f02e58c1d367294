-- AlterTable
ALTER TABLE "Draft" ADD COLUMN     "inventedCitations" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "staleReason" TEXT;

-- CreateTable
CREATE TABLE "Article" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "currentVersion" INTEGER NOT NULL,
    "archived" BOOLEAN NOT NULL DEFAULT false,
    "source" TEXT NOT NULL DEFAULT 'dashboard',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Article_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ArticleVersion" (
    "id" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "authorId" TEXT,
    "authorRole" TEXT,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ArticleVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Passage" (
    "id" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "articleVersionId" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "heading" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "tokens" INTEGER NOT NULL,
    "searchEnglish" tsvector,
    "searchSimple" tsvector,

    CONSTRAINT "Passage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DraftPassage" (
    "id" TEXT NOT NULL,
    "draftId" TEXT NOT NULL,
    "passageId" TEXT NOT NULL,
    "rank" INTEGER NOT NULL,
    "cited" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "DraftPassage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Article_slug_key" ON "Article"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "ArticleVersion_articleId_version_key" ON "ArticleVersion"("articleId", "version");

-- CreateIndex
CREATE INDEX "Passage_articleVersionId_idx" ON "Passage"("articleVersionId");

-- CreateIndex
CREATE INDEX "Passage_searchEnglish_idx" ON "Passage" USING GIN ("searchEnglish");

-- CreateIndex
CREATE INDEX "Passage_searchSimple_idx" ON "Passage" USING GIN ("searchSimple");

-- CreateIndex
CREATE INDEX "DraftPassage_passageId_idx" ON "DraftPassage"("passageId");

-- CreateIndex
CREATE UNIQUE INDEX "DraftPassage_draftId_passageId_key" ON "DraftPassage"("draftId", "passageId");

-- AddForeignKey
ALTER TABLE "ArticleVersion" ADD CONSTRAINT "ArticleVersion_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Passage" ADD CONSTRAINT "Passage_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Passage" ADD CONSTRAINT "Passage_articleVersionId_fkey" FOREIGN KEY ("articleVersionId") REFERENCES "ArticleVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DraftPassage" ADD CONSTRAINT "DraftPassage_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "Draft"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DraftPassage" ADD CONSTRAINT "DraftPassage_passageId_fkey" FOREIGN KEY ("passageId") REFERENCES "Passage"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Articles kept in the old single-row table become version 1; their passages are built by the
-- code at the next start (lib/features/knowledge/seed-knowledge.ts indexes every current
-- version without passages).
INSERT INTO "Article" ("id", "slug", "title", "currentVersion", "source", "updatedAt")
SELECT "id", "slug", "title", 1, 'dashboard', "updatedAt" FROM "KnowledgeArticle";
INSERT INTO "ArticleVersion" ("id", "articleId", "version", "title", "body", "createdAt")
SELECT "id" || '-v1', "id", 1, "title", "body", "updatedAt" FROM "KnowledgeArticle";

-- DropTable
DROP TABLE "KnowledgeArticle";

-- Passage search vectors. A trigger rather than a generated column: unaccent() is not
-- immutable, and the columns stay plain `tsvector`s Prisma can diff. English stems rank
-- English questions; the `simple` vector (no stemming, no stop words) still matches words of
-- other languages and product names. Heading weighted above the text.
CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE FUNCTION "countersign_passage_search"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchEnglish" :=
    setweight(to_tsvector('english', unaccent(NEW."heading")), 'A') ||
    setweight(to_tsvector('english', unaccent(NEW."text")), 'B');
  NEW."searchSimple" :=
    setweight(to_tsvector('simple', unaccent(NEW."heading")), 'A') ||
    setweight(to_tsvector('simple', unaccent(NEW."text")), 'B');
  RETURN NEW;
END
$$;

CREATE TRIGGER "Passage_search"
BEFORE INSERT OR UPDATE OF "heading", "text" ON "Passage"
FOR EACH ROW EXECUTE FUNCTION "countersign_passage_search"();
