-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN     "assigneeId" TEXT;

-- CreateTable
CREATE TABLE "ConversationPresence" (
    "conversationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "tabId" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConversationPresence_pkey" PRIMARY KEY ("conversationId","userId","tabId")
);

-- CreateTable
CREATE TABLE "AgentAvailability" (
    "userId" TEXT NOT NULL,
    "available" BOOLEAN NOT NULL DEFAULT false,
    "lastAssignedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AgentAvailability_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "RoundRobinTurn" (
    "id" TEXT NOT NULL,
    "turn" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RoundRobinTurn_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConversationNote" (
    "id" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "mentionedUserIds" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConversationNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "href" TEXT,
    "conversationId" TEXT,
    "dedupeKey" TEXT NOT NULL,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationDelivery" (
    "id" TEXT NOT NULL,
    "notificationId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "error" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NotificationDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationPreference" (
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "channels" TEXT[],

    CONSTRAINT "NotificationPreference_pkey" PRIMARY KEY ("userId","kind")
);

-- CreateTable
CREATE TABLE "NotificationChannelSettings" (
    "userId" TEXT NOT NULL,
    "webhookUrlSealed" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NotificationChannelSettings_pkey" PRIMARY KEY ("userId")
);

-- CreateIndex
CREATE INDEX "ConversationPresence_expiresAt_idx" ON "ConversationPresence"("expiresAt");

-- CreateIndex
CREATE INDEX "ConversationNote_conversationId_createdAt_idx" ON "ConversationNote"("conversationId", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_createdAt_idx" ON "Notification"("userId", "readAt", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_userId_dedupeKey_key" ON "Notification"("userId", "dedupeKey");

-- CreateIndex
CREATE UNIQUE INDEX "NotificationDelivery_notificationId_channel_key" ON "NotificationDelivery"("notificationId", "channel");

-- CreateIndex
CREATE INDEX "Conversation_assigneeId_lastMessageAt_id_idx" ON "Conversation"("assigneeId", "lastMessageAt", "id");

-- AddForeignKey
ALTER TABLE "ConversationPresence" ADD CONSTRAINT "ConversationPresence_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConversationNote" ADD CONSTRAINT "ConversationNote_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationDelivery" ADD CONSTRAINT "NotificationDelivery_notificationId_fkey" FOREIGN KEY ("notificationId") REFERENCES "Notification"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Live updates (by hand: triggers are beyond the schema language). Team changes wake the same
-- LISTEN channel as the mirror (lib/read/live/mirror-watcher.ts): a note, a notice, someone
-- opening, leaving or starting to write. A presence heartbeat that only extends expiresAt
-- stays quiet, or every open tab would refresh every page every few seconds.
CREATE TRIGGER "ConversationNote_mirror_changed"
AFTER INSERT OR UPDATE OR DELETE ON "ConversationNote"
FOR EACH STATEMENT EXECUTE FUNCTION "countersign_mirror_changed"();

CREATE TRIGGER "Notification_mirror_changed"
AFTER INSERT OR UPDATE OR DELETE ON "Notification"
FOR EACH STATEMENT EXECUTE FUNCTION "countersign_mirror_changed"();

-- Per row, not per statement: the heartbeat's sweep of expired rows deletes nothing most of
-- the time, and a statement trigger would fire anyway.
CREATE FUNCTION "countersign_presence_changed"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('countersign_mirror', '');
  RETURN NULL;
END
$$;

CREATE TRIGGER "ConversationPresence_joined_or_left"
AFTER INSERT OR DELETE ON "ConversationPresence"
FOR EACH ROW EXECUTE FUNCTION "countersign_presence_changed"();

CREATE TRIGGER "ConversationPresence_state_changed"
AFTER UPDATE ON "ConversationPresence"
FOR EACH ROW WHEN (OLD."state" IS DISTINCT FROM NEW."state")
EXECUTE FUNCTION "countersign_presence_changed"();

-- The row round-robin picks lock (lib/features/assignment/assign-round-robin.ts): present from
-- the start, so the first two picks never race to create it.
INSERT INTO "RoundRobinTurn" ("id", "turn") VALUES ('default', 0);
