-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN     "snoozedUntil" TIMESTAMP(3),
ADD COLUMN     "tags" TEXT[] DEFAULT ARRAY[]::TEXT[];

