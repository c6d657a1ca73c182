// Round trips on PostgreSQL 15 and PGlite: names with quotes, spaces, capitals, unicode
// and reserved words come back exactly from pg_catalog; quoteIdentifier agrees with the
// server's quote_ident(); hostile strings inserted through bulkInsert and execute params
// come back byte-identical.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import { renderOperation } from "../../src/dialect/postgres/render.js";
import { quoteIdentifier } from "../../src/dialect/postgres/quote.js";
import type { Operation } from "../../src/ops/operation.js";
import { createTestDatabase } from "../helpers/database.js";

type Query = (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;
interface Engine {
  query: Query;
  close(): Promise<void>;
}

async function postgres(): Promise<Engine> {
  const database = await createTestDatabase("roundtrip");
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  return {
    query: async (sql, params) => (await client.query(sql, params)).rows,
    close: async () => {
      await client.end();
      await database.drop();
    },
  };
}

async function pglite(): Promise<Engine> {
  const db = new PGlite();
  return {
    query: async (sql, params) => {
      if (params === undefined) {
        const results = await db.exec(sql);
        return (results.at(-1)?.rows ?? []) as Record<string, unknown>[];
      }
      return (await db.query<Record<string, unknown>>(sql, params)).rows;
    },
    close: () => db.close(),
  };
}

async function apply(engine: Engine, op: Operation): Promise<void> {
  for (const statement of renderOperation(op)) await engine.query(statement.sql);
}

const hostileNames = [
  "Users",
  "user",
  "order",
  "select",
  "my table",
  'say "hi"',
  "ünïcödé",
  "日本",
  "a.b",
  "1starts_with_digit",
  "with$dollar",
  "x;drop",
  "tab\tname",
  "emoji😀",
  "where",
];

const hostileValues = [
  "it's",
  "back\\slash and \\\\ two",
  "\\x41 is not hex here",
  "$$ dollar $tag$ quotes $$",
  "line one\nline two\r\nline three",
  "tab\tand form\ffeed",
  "unicode: é 日本 😀 \u200b zero-width",
  "'; DROP TABLE t; --",
  "E'not an escape'",
  "/* not a comment */ -- nor this",
  "$1 is not a placeholder",
  "",
  " leading and trailing ",
];

for (const [engineName, open] of [
  ["PostgreSQL 15", postgres],
  ["PGlite", pglite],
] as const) {
  describe(`round trips on ${engineName}`, () => {
    test("quoteIdentifier matches the server's quote_ident for every keyword and tricky name", async () => {
      const engine = await open();
      try {
        const keywords = (await engine.query("SELECT word FROM pg_get_keywords()")).map((r) => String(r.word));
        const names = [...keywords, ...hostileNames, "a", "_x", "x1", "A", "aB"];
        const rows = await engine.query("SELECT n, quote_ident(n) AS q FROM unnest($1::text[]) AS n", [names]);
        // Keywords that became non-unreserved after 15 (json_*, system_user…) are quoted
        // everywhere so one rendering works on every version; quote_ident on 15 leaves them bare.
        const mismatches = rows.filter((r) => quoteIdentifier(String(r.n)) !== r.q && quoteIdentifier(String(r.n)) !== `"${String(r.n)}"`);
        assert.deepEqual(mismatches, []);
        const stricter = rows.filter((r) => quoteIdentifier(String(r.n)) !== r.q).map((r) => r.n);
        if (engineName === "PGlite") assert.deepEqual(stricter, []);
      } finally {
        await engine.close();
      }
    });

    test("tables, columns, indexes, constraints, enums and schemas with hostile names come back exactly", async () => {
      const engine = await open();
      try {
        const schema = "My Schema";
        await apply(engine, { kind: "createSchema", schema });
        for (const [i, name] of hostileNames.entries()) {
          await apply(engine, {
            kind: "createTable",
            schema,
            table: name,
            columns: [
              { name, type: "integer", nullable: false },
              { name: "other", type: "text" },
            ],
            primaryKey: { name: `pk ${name}`, columns: [name] },
          });
          await apply(engine, { kind: "createIndex", schema, table: name, name: `ix ${i} ${name}`, columns: [{ column: "other" }] });
          await apply(engine, { kind: "createEnum", schema, name: `enum ${name}`, values: [name, `${name}'s`] });
        }
        const tables = await engine.query(
          "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind = 'r'",
          [schema],
        );
        assert.deepEqual(tables.map((r) => r.relname).sort(), [...hostileNames].sort());
        const columns = await engine.query(
          "SELECT c.relname, a.attname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind = 'r' AND a.attnum = 1",
          [schema],
        );
        for (const row of columns) assert.equal(row.attname, row.relname);
        const constraints = await engine.query(
          "SELECT conname FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = $1 AND contype = 'p'",
          [schema],
        );
        assert.deepEqual(constraints.map((r) => r.conname).sort(), hostileNames.map((n) => `pk ${n}`).sort());
        const indexes = await engine.query("SELECT indexname FROM pg_indexes WHERE schemaname = $1 AND indexname LIKE 'ix %'", [schema]);
        assert.deepEqual(indexes.map((r) => r.indexname).sort(), hostileNames.map((n, i) => `ix ${i} ${n}`).sort());
        const labels = await engine.query(
          "SELECT t.typname, e.enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = $1 ORDER BY t.typname, e.enumsortorder",
          [schema],
        );
        for (const name of hostileNames) {
          assert.deepEqual(
            labels.filter((r) => r.typname === `enum ${name}`).map((r) => r.enumlabel),
            [name, `${name}'s`],
          );
        }
      } finally {
        await engine.close();
      }
    });

    test("hostile strings inserted through bulkInsert and execute params come back byte-identical", async () => {
      const engine = await open();
      try {
        await engine.query("CREATE TABLE notes (id integer PRIMARY KEY, body text, tags text[], raw bytea, meta jsonb)");
        const rows = hostileValues.map((body, id) => ({ id, body, tags: [body, null, body], raw: Buffer.from(body, "utf8"), meta: { body } }));
        await apply(engine, { kind: "bulkInsert", table: "notes", rows });
        const offset = hostileValues.length;
        for (const [i, body] of hostileValues.entries()) {
          await apply(engine, {
            kind: "execute",
            sql: "INSERT INTO notes (id, body, tags) VALUES ($1, $2, $3) -- $2 in a comment stays",
            params: [offset + i, body, [body]],
          });
        }
        const back = await engine.query("SELECT id, body, tags, encode(raw, 'hex') AS raw, meta->>'body' AS meta FROM notes ORDER BY id");
        assert.equal(back.length, hostileValues.length * 2);
        for (const row of back) {
          const id = Number(row.id);
          const expected = hostileValues[id % offset] as string;
          assert.equal(Buffer.from(String(row.body)).toString("hex"), Buffer.from(expected).toString("hex"), `body of row ${id}`);
          if (id < offset) {
            assert.deepEqual(row.tags, [expected, null, expected]);
            assert.equal(row.raw, Buffer.from(expected).toString("hex"));
            assert.equal(row.meta, expected);
          } else {
            assert.deepEqual(row.tags, [expected]);
          }
        }
      } finally {
        await engine.close();
      }
    });
  });
}
