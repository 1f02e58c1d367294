-- AlterTable
ALTER TABLE "DraftShadow" ADD COLUMN     "grounding" JSONB,
ADD COLUMN     "groundingStatus" TEXT,
ADD COLUMN     "layers" JSONB NOT NULL DEFAULT '[]';

