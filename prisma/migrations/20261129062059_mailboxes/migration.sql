-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN     "mailboxId" TEXT;

-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "authResults" JSONB,
ADD COLUMN     "channel" TEXT,
ADD COLUMN     "envelope" JSONB,
ADD COLUMN     "mailboxId" TEXT;

-- CreateTable
CREATE TABLE "Mailbox" (
    "id" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "inboundChannel" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "imapHost" TEXT,
    "imapPort" INTEGER,
    "imapSecurity" TEXT NOT NULL DEFAULT 'tls',
    "imapUser" TEXT,
    "imapPassword" TEXT,
    "imapFolder" TEXT NOT NULL DEFAULT 'INBOX',
    "imapProcessedFolder" TEXT,
    "imapUidValidity" TEXT,
    "imapLastUid" INTEGER NOT NULL DEFAULT 0,
    "smtpHost" TEXT,
    "smtpPort" INTEGER,
    "smtpSecurity" TEXT NOT NULL DEFAULT 'tls',
    "smtpUser" TEXT,
    "smtpPassword" TEXT,
    "readerStatus" TEXT NOT NULL DEFAULT 'idle',
    "lastError" TEXT,
    "lastErrorAt" TIMESTAMP(3),
    "lastReadAt" TIMESTAMP(3),
    "source" TEXT NOT NULL DEFAULT 'ui',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Mailbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Attachment" (
    "id" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "messageId" TEXT,
    "draftId" TEXT,
    "uploadKey" TEXT,
    "uploadedBy" TEXT,
    "sha256" TEXT NOT NULL,
    "filename" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "contentId" TEXT,
    "inline" BOOLEAN NOT NULL DEFAULT false,
    "refusedReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookReplay" (
    "key" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookReplay_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "Mailbox_address_key" ON "Mailbox"("address");

-- CreateIndex
CREATE INDEX "Attachment_conversationId_idx" ON "Attachment"("conversationId");

-- CreateIndex
CREATE INDEX "Attachment_messageId_idx" ON "Attachment"("messageId");

-- CreateIndex
CREATE INDEX "Attachment_draftId_idx" ON "Attachment"("draftId");

-- CreateIndex
CREATE INDEX "Attachment_uploadKey_idx" ON "Attachment"("uploadKey");

-- CreateIndex
CREATE INDEX "WebhookReplay_createdAt_idx" ON "WebhookReplay"("createdAt");

-- CreateIndex
CREATE INDEX "Conversation_mailboxId_lastMessageAt_id_idx" ON "Conversation"("mailboxId", "lastMessageAt", "id");

-- AddForeignKey
ALTER TABLE "Conversation" ADD CONSTRAINT "Conversation_mailboxId_fkey" FOREIGN KEY ("mailboxId") REFERENCES "Mailbox"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

