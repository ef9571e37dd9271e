-- Case-history search (issue 4, item 6). Hand-written: Prisma does not model virtual tables, so
-- nothing here appears in schema.prisma and `prisma migrate diff` never sees it.
--
-- "ObservationSearch" is an FTS5 index over "Observation"."text" with the trigram tokenizer:
-- it finds any substring of three or more characters, which is what Japanese needs (no word
-- boundaries), and folds ASCII case. Terms shorter than three characters are matched with LIKE
-- on "Observation"."text" by the repository (src/store/observation-search-repository.ts).
--
-- The index is contentless (it stores no copy of the text) and keyed by "ObservationSearchKey",
-- whose INTEGER PRIMARY KEY gives each observation a stable rowid. The observation's own rowid
-- cannot serve: "Observation" has a TEXT primary key, and SQLite may renumber such a table's
-- rowids on VACUUM, which would silently point the index at the wrong notes.
-- Triggers keep both in step with every INSERT, UPDATE and DELETE on "Observation" (including
-- deletes cascaded from "Student").

CREATE TABLE "ObservationSearchKey" (
    "rowid" INTEGER NOT NULL PRIMARY KEY,
    "observationId" TEXT NOT NULL
);
CREATE UNIQUE INDEX "ObservationSearchKey_observationId_key" ON "ObservationSearchKey"("observationId");

CREATE VIRTUAL TABLE "ObservationSearch" USING fts5(
    "text",
    tokenize = 'trigram',
    content = '',
    contentless_delete = 1
);

CREATE TRIGGER "Observation_search_ai" AFTER INSERT ON "Observation" BEGIN
    INSERT INTO "ObservationSearchKey" ("observationId") VALUES (new."id");
    INSERT INTO "ObservationSearch" ("rowid", "text")
        SELECT "rowid", new."text" FROM "ObservationSearchKey" WHERE "observationId" = new."id";
END;

CREATE TRIGGER "Observation_search_ad" AFTER DELETE ON "Observation" BEGIN
    DELETE FROM "ObservationSearch"
        WHERE "rowid" = (SELECT "rowid" FROM "ObservationSearchKey" WHERE "observationId" = old."id");
    DELETE FROM "ObservationSearchKey" WHERE "observationId" = old."id";
END;

CREATE TRIGGER "Observation_search_au" AFTER UPDATE OF "id", "text" ON "Observation" BEGIN
    DELETE FROM "ObservationSearch"
        WHERE "rowid" = (SELECT "rowid" FROM "ObservationSearchKey" WHERE "observationId" = old."id");
    DELETE FROM "ObservationSearchKey" WHERE "observationId" = old."id";
    INSERT INTO "ObservationSearchKey" ("observationId") VALUES (new."id");
    INSERT INTO "ObservationSearch" ("rowid", "text")
        SELECT "rowid", new."text" FROM "ObservationSearchKey" WHERE "observationId" = new."id";
END;

-- Notes written before this migration.
INSERT INTO "ObservationSearchKey" ("observationId") SELECT "id" FROM "Observation" ORDER BY "id";
INSERT INTO "ObservationSearch" ("rowid", "text")
    SELECT k."rowid", o."text" FROM "ObservationSearchKey" k JOIN "Observation" o ON o."id" = k."observationId";
