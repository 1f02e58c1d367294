-- DropIndex
DROP INDEX "Conversation_rootMessageId_key";

-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN "customerAddress" TEXT;

-- Backfill: the same test as for messages below.
UPDATE "Conversation" SET "customerAddress" = "customerEmail"
WHERE "customerEmail" GLOB '?*@?*.?*'
  AND "customerEmail" NOT GLOB '*[^!-~]*'
  AND "customerEmail" NOT GLOB '*[,<>;:"()]*'
  AND instr(substr("customerEmail", instr("customerEmail", '@') + 1), '@') = 0;

-- CreateTable
CREATE TABLE "ConversationParticipant" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "conversationId" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "addedBy" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ConversationParticipant_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Message" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "conversationId" TEXT NOT NULL,
    "direction" TEXT NOT NULL,
    "messageIdHeader" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "inReplyTo" TEXT,
    "references" JSONB NOT NULL DEFAULT [],
    "fromAddress" TEXT NOT NULL,
    "fromName" TEXT,
    "fromHeader" TEXT,
    "senderAddress" TEXT,
    "senderProblem" TEXT,
    "claimedConversations" JSONB NOT NULL DEFAULT [],
    "toAddresses" JSONB NOT NULL DEFAULT [],
    "subject" TEXT NOT NULL,
    "textBody" TEXT,
    "htmlBody" TEXT,
    "rawMime" BLOB,
    "sizeBytes" INTEGER NOT NULL DEFAULT 0,
    "sentAt" DATETIME NOT NULL,
    "automated" BOOLEAN NOT NULL DEFAULT false,
    "automatedReason" TEXT,
    "screening" JSONB NOT NULL DEFAULT [],
    "deliveredAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Message_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Message" ("automated", "automatedReason", "conversationId", "createdAt", "deliveredAt", "direction", "fromAddress", "fromName", "htmlBody", "id", "inReplyTo", "messageIdHeader", "dedupeKey", "senderAddress", "rawMime", "references", "screening", "sentAt", "sizeBytes", "subject", "textBody", "toAddresses")
SELECT "automated", "automatedReason", "conversationId", "createdAt", "deliveredAt", "direction", "fromAddress", "fromName", "htmlBody", "id", "inReplyTo", "messageIdHeader",
    -- Message-IDs were unique until now, so these keys are too.
    CASE "direction" WHEN 'outbound' THEN 'out:' || "messageIdHeader" ELSE 'legacy:' || "messageIdHeader" END,
    -- Only a plain single address counts as verified; anything else (a list, a CRLF) stays unreplyable.
    CASE WHEN "direction" = 'inbound'
          AND "fromAddress" GLOB '?*@?*.?*'
          AND "fromAddress" NOT GLOB '*[^!-~]*'
          AND "fromAddress" NOT GLOB '*[,<>;:"()]*'
          AND instr(substr("fromAddress", instr("fromAddress", '@') + 1), '@') = 0
         THEN "fromAddress" END,
    CAST("rawMime" AS BLOB), "references", "screening", "sentAt", "sizeBytes", "subject", "textBody", "toAddresses"
FROM "Message";
DROP TABLE "Message";
ALTER TABLE "new_Message" RENAME TO "Message";
CREATE UNIQUE INDEX "Message_dedupeKey_key" ON "Message"("dedupeKey");
CREATE INDEX "Message_conversationId_sentAt_idx" ON "Message"("conversationId", "sentAt");
CREATE INDEX "Message_messageIdHeader_idx" ON "Message"("messageIdHeader");
CREATE INDEX "Message_deliveredAt_idx" ON "Message"("deliveredAt");
CREATE INDEX "Message_direction_createdAt_idx" ON "Message"("direction", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "ConversationParticipant_conversationId_address_key" ON "ConversationParticipant"("conversationId", "address");

-- CreateIndex
CREATE INDEX "Conversation_rootMessageId_idx" ON "Conversation"("rootMessageId");

