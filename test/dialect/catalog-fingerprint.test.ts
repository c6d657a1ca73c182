// The catalog fingerprint `athanor test` compares around each downgrade, on PostgreSQL 15
// and PGlite: the same schema gives the same fingerprint whatever the column order and
// whatever was dropped on the way; anything left behind changes it, and its lines say what.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import { catalogFingerprint, catalogLines, lineDifferences } from "../../src/dialect/postgres/catalog-fingerprint.js";
import type { QueryFunction } from "../../src/dialect/postgres/introspect-types.js";
import { createTestDatabase } from "../helpers/database.js";

interface Engine {
  readonly name: string;
  open(): Promise<{ query: QueryFunction; exec(sql: string): Promise<void>; close(): Promise<void> }>;
}

const engines: Engine[] = [
  {
    name: "postgresql",
    async open() {
      const database = await createTestDatabase("fingerprint");
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      return {
        query: async (sql, params) => (await client.query(sql, params as unknown[] | undefined)).rows,
        exec: async (sql) => void (await client.query(sql)),
        close: async () => {
          await client.end();
          await database.drop();
        },
      };
    },
  },
  {
    name: "pglite",
    async open() {
      const db = await PGlite.create();
      return {
        query: async (sql, params) => (await db.query<Record<string, unknown>>(sql, params as unknown[] | undefined)).rows,
        exec: async (sql) => void (await db.exec(sql)),
        close: () => db.close(),
      };
    },
  },
];

for (const engine of engines) {
  describe(`catalog fingerprint on ${engine.name}`, () => {
    test("column order and dropped columns do not count; a column, an index or a view left behind does, and is named", async () => {
      const db = await engine.open();
      const own = ["alembic_version"];
      try {
        await db.exec(
          "CREATE TABLE users (id int PRIMARY KEY, email text NOT NULL DEFAULT ''); CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY)",
        );
        const before = await catalogFingerprint(db.query, own);
        const lines = await catalogLines(db.query, own);
        await db.exec(
          "ALTER TABLE users DROP COLUMN email; ALTER TABLE users ADD COLUMN email text NOT NULL DEFAULT ''; INSERT INTO alembic_version VALUES ('0001')",
        );
        assert.equal(await catalogFingerprint(db.query, own), before, "the same columns in another order, and the version table left out");
        await db.exec("CREATE INDEX ix_users_email ON users (email)");
        assert.notEqual(await catalogFingerprint(db.query, own), before);
        await db.exec("DROP INDEX ix_users_email; CREATE VIEW emails AS SELECT email FROM users");
        assert.notEqual(await catalogFingerprint(db.query, own), before);
        assert.deepEqual(lineDifferences(lines, await catalogLines(db.query, own), "after downgrade"), ["view emails still there after downgrade"]);
        await db.exec("DROP VIEW emails");
        assert.equal(await catalogFingerprint(db.query, own), before);
      } finally {
        await db.close();
      }
    });
  });
}
