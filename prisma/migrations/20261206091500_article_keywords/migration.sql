-- AlterTable
ALTER TABLE "ArticleVersion" ADD COLUMN     "keywords" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- The version's keywords (labels, other ways customers ask) are searched with every one of its
-- passages at the heading's weight (what the article is about, as its author says), above the text;
-- they are never shown to the model.
-- Versions are inserted before their passages and never change, so the lookup sees them.
CREATE OR REPLACE FUNCTION "countersign_passage_search"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  keywords text := coalesce((SELECT array_to_string("keywords", ' ; ') FROM "ArticleVersion" WHERE "id" = NEW."articleVersionId"), '');
BEGIN
  NEW."searchEnglish" :=
    setweight(to_tsvector('english', unaccent(NEW."heading")), 'A') ||
    setweight(to_tsvector('english', unaccent(keywords)), 'A') ||
    setweight(to_tsvector('english', unaccent(NEW."text")), 'B');
  NEW."searchSimple" :=
    setweight(to_tsvector('simple', unaccent(NEW."heading")), 'A') ||
    setweight(to_tsvector('simple', unaccent(keywords)), 'A') ||
    setweight(to_tsvector('simple', unaccent(NEW."text")), 'B');
  RETURN NEW;
END
$$;
