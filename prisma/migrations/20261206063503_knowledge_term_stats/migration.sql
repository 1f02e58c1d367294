-- CreateTable
CREATE TABLE "KnowledgeTerm" (
    "term" TEXT NOT NULL,
    "passages" INTEGER NOT NULL,

    CONSTRAINT "KnowledgeTerm_pkey" PRIMARY KEY ("term")
);


-- Document frequency per English lexeme, kept by the database itself so every writer (the
-- dashboard, an import, the seed) keeps it right: retrieval weighs a rare word of the question
-- (a product name, "chargeback") far above a common one ("account", "plan"). Passages are
-- never updated, only inserted (a new article version) or deleted with their article.
CREATE FUNCTION "countersign_passage_terms"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "KnowledgeTerm" ("term", "passages")
    SELECT "lexeme", 1 FROM unnest(NEW."searchEnglish") UNION ALL SELECT '', 1
    ON CONFLICT ("term") DO UPDATE SET "passages" = "KnowledgeTerm"."passages" + 1;
    RETURN NEW;
  END IF;
  UPDATE "KnowledgeTerm" SET "passages" = "passages" - 1
  WHERE "term" IN (SELECT "lexeme" FROM unnest(OLD."searchEnglish") UNION ALL SELECT '');
  RETURN OLD;
END
$$;

CREATE TRIGGER "Passage_terms"
AFTER INSERT OR DELETE ON "Passage"
FOR EACH ROW EXECUTE FUNCTION "countersign_passage_terms"();

INSERT INTO "KnowledgeTerm" ("term", "passages")
SELECT "lexeme", count(*)::int FROM "Passage", unnest("searchEnglish") GROUP BY "lexeme"
UNION ALL SELECT '', count(*)::int FROM "Passage";
