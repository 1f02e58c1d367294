-- Claude edges: why a draft stopped and who wrote it; per call, the failure type, the stop
-- reason and whether the price was an estimate (model missing from the price table).
ALTER TABLE "Draft" ADD COLUMN "stopReason" TEXT;
ALTER TABLE "Draft" ADD COLUMN "origin" TEXT NOT NULL DEFAULT 'model';
ALTER TABLE "LlmCall" ADD COLUMN "errorType" TEXT;
ALTER TABLE "LlmCall" ADD COLUMN "stopReason" TEXT;
ALTER TABLE "LlmCall" ADD COLUMN "priceEstimated" BOOLEAN NOT NULL DEFAULT false;
