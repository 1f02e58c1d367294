-- AlterTable
ALTER TABLE "Passage" ADD COLUMN     "embeddedAt" TIMESTAMP(3),
ADD COLUMN     "embedding" BYTEA,
ADD COLUMN     "embeddingModel" TEXT;

-- CreateIndex
CREATE INDEX "Passage_embeddedAt_idx" ON "Passage"("embeddedAt");

-- CreateIndex
CREATE INDEX "Passage_embeddingModel_idx" ON "Passage"("embeddingModel");

