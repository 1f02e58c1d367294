-- What Prisma's schema language cannot express, appended to the generated baseline by
-- `npm run db:baseline`. Later changes to these objects go in a new migration, by hand.

-- Full-text search over each message: sender (name, address, its parts and domain),
-- subject (weighted higher) and body. A trigger rather than a generated column so the
-- column stays a plain `tsvector` Prisma can diff. Bodies are cut at 200,000 characters:
-- a tsvector holds at most 1 MB and intake must never fail on a long email.
CREATE FUNCTION "countersign_message_search"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW."search" :=
    setweight(to_tsvector('english', coalesce(NEW."subject", '')), 'A') ||
    setweight(to_tsvector('english', concat_ws(' ', NEW."fromName", NEW."fromAddress",
      split_part(NEW."fromAddress", '@', 2), translate(NEW."fromAddress", '@.+_-', '     '))), 'B') ||
    to_tsvector('english', left(coalesce(NEW."textBody", ''), 200000));
  RETURN NEW;
END
$$;

CREATE TRIGGER "Message_search"
BEFORE INSERT OR UPDATE OF "subject", "textBody", "fromName", "fromAddress" ON "Message"
FOR EACH ROW EXECUTE FUNCTION "countersign_message_search"();

-- Live updates: every committed change to the mirror the dashboard shows wakes the web
-- processes LISTENing on this channel (lib/read/live/mirror-watcher.ts). Per statement,
-- and PostgreSQL folds identical notifications of one transaction into one.
CREATE FUNCTION "countersign_mirror_changed"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('countersign_mirror', '');
  RETURN NULL;
END
$$;

CREATE TRIGGER "Conversation_mirror_changed"
AFTER INSERT OR UPDATE OR DELETE ON "Conversation"
FOR EACH STATEMENT EXECUTE FUNCTION "countersign_mirror_changed"();

CREATE TRIGGER "ConversationEvent_mirror_changed"
AFTER INSERT OR UPDATE OR DELETE ON "ConversationEvent"
FOR EACH STATEMENT EXECUTE FUNCTION "countersign_mirror_changed"();
