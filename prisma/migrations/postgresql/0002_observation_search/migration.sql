-- Case-history search (issue 4, item 6). Hand-written: an operator-class index is not something
-- schema.prisma models here, so `prisma migrate diff` never sees it.
--
-- pg_trgm's GIN index lets `"text" ILIKE '%term%'` use an index for any term of three or more
-- characters, Japanese included (in a UTF-8 database, kana and kanji are word characters to
-- pg_trgm), which is the PostgreSQL counterpart of SQLite's FTS5 trigram index. Shorter terms
-- still match, by scanning. An index on the column itself needs no triggers: PostgreSQL keeps
-- it in step with every INSERT, UPDATE and DELETE.
--
-- pg_trgm ships with PostgreSQL (the contrib modules, in Debian's postgresql-15 package and the
-- official Docker image) and is a trusted extension since PostgreSQL 13, so a database owner may
-- create it. Should a server lack it, the migration still succeeds without the index: searches
-- return the same rows, by scanning.
DO $$
BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
EXCEPTION WHEN OTHERS THEN
    RAISE WARNING 'pg_trgm is not available (%); case-history search will scan instead of using an index', SQLERRM;
END
$$;

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
        EXECUTE 'CREATE INDEX "Observation_text_trgm_idx" ON "Observation" USING gin ("text" gin_trgm_ops)';
    END IF;
END
$$;
