// Expressions compared by PostgreSQL's own reading of the models, on PostgreSQL and
// PGlite: spellings the catalog rewrites (IN, BETWEEN, intervals, implicit casts,
// default operator classes) compare equal; groupings, casts and literals that differ are
// reported; an expression PostgreSQL cannot read falls back to the text comparison; and
// nothing is left behind in the database or the session.
import assert from "node:assert/strict";
import { test } from "node:test";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { autogenerate } from "../../src/autogenerate/autogenerate.js";
import type { QueryFunction } from "../../src/dialect/postgres/introspect-types.js";
import { check, collectModels, column, index, indexKey, sql, table } from "../../src/schema/index.js";
import { createTestDatabase } from "../helpers/database.js";

interface Engine {
  query: QueryFunction;
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

const engines: [string, () => Promise<Engine>][] = [
  [
    "PGlite",
    async () => {
      const db = new PGlite();
      return {
        query: async (s, p) => (await db.query(s, p as unknown[])).rows as Record<string, unknown>[],
        exec: async (s) => void (await db.exec(s)),
        close: () => db.close(),
      };
    },
  ],
  [
    "PostgreSQL",
    async () => {
      const database = await createTestDatabase("canon");
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      return {
        query: async (s, p) => (await client.query(s, p as unknown[])).rows,
        exec: async (s) => void (await client.query(s)),
        close: async () => {
          await client.end();
          await database.drop();
        },
      };
    },
  ],
];

const ordersDdl = `
  CREATE TABLE orders (
    id bigint PRIMARY KEY,
    status text NOT NULL DEFAULT 'new',
    email varchar(255),
    qty integer,
    price numeric(10, 2),
    code text DEFAULT '007',
    due timestamptz DEFAULT now() + interval '1 day',
    total numeric GENERATED ALWAYS AS (price * qty) STORED,
    CONSTRAINT ck_status CHECK (status IN ('new', 'paid')),
    CONSTRAINT ck_qty CHECK (qty BETWEEN 1 AND 100),
    CONSTRAINT ck_logic CHECK (qty > 0 AND price > 0 OR status = 'new'),
    CONSTRAINT ck_cast CHECK (code::int >= 0)
  );
  CREATE INDEX ix_orders_open ON orders (id) WHERE status IN ('new', 'paid');
  CREATE INDEX ix_orders_email ON orders (lower(email));
  CREATE INDEX ix_orders_status ON orders (status);`;

type Overrides = { logic?: string; cast?: string; code?: string; total?: string; open?: string; emailKey?: string; unknownFn?: boolean };

function orders(o: Overrides = {}) {
  return table(
    "orders",
    {
      id: column.bigint().primaryKey(),
      status: column.text().notNull().default("new"),
      email: column.varchar(255),
      qty: column.integer(),
      price: column.numeric(10, 2),
      code: column.text().default(o.code ?? "007"),
      due: column.timestamptz().default(sql`now() + interval '1 day'`),
      total: column.numeric().generatedAs(sql.raw(o.total ?? "price * qty")),
    },
    (t) => ({
      checks: [
        check("ck_status", sql`${t.status} IN ('new', 'paid')`),
        check("ck_qty", sql`${t.qty} BETWEEN 1 AND 100`),
        check("ck_logic", sql.raw(o.logic ?? "qty > 0 AND price > 0 OR status = 'new'")),
        check("ck_cast", sql.raw(o.cast ?? (o.unknownFn ? "no_such_fn(code) >= 0" : "code::int >= 0"))),
      ],
      indexes: [
        index("ix_orders_open", [t.id]).where(sql.raw(o.open ?? "status IN ('new', 'paid')")),
        index("ix_orders_email", [sql.raw(o.emailKey ?? "lower(email)")]),
        // text_ops is text's default operator class: the catalog does not print it.
        index("ix_orders_status", [indexKey(t.status).opclass("text_ops")]),
      ],
    }),
  );
}

async function compare(engine: Engine, o: Overrides) {
  return autogenerate({ query: engine.query, models: collectModels([orders(o)]) });
}

for (const [name, open] of engines) {
  test(`${name}: IN, BETWEEN, now() + interval, implicit casts and a default operator class compare equal to the catalog's reading`, async () => {
    const engine = await open();
    try {
      await engine.exec(ordersDdl);
      const result = await compare(engine, {});
      assert.equal(result.empty, true, result.upgradeBody);
      const [left] = await engine.query("SELECT count(*)::int AS n FROM pg_class WHERE relname LIKE 'athanor_canonical%'");
      assert.equal(left?.n, 0, "no throwaway table is left");
      const [setting] = await engine.query("SELECT coalesce(current_setting('athanor.canonical_forms', true), '') AS v");
      assert.equal(setting?.v, "", "the session setting is cleared");
    } finally {
      await engine.close();
    }
  });

  test(`${name}: a changed grouping, cast, text default, generation expression, predicate or index expression is each detected`, async () => {
    const engine = await open();
    try {
      await engine.exec(ordersDdl);
      const changes: [Overrides, RegExp][] = [
        [{ logic: "qty > 0 AND (price > 0 OR status = 'new')" }, /dropConstraint\("ck_logic"/],
        [{ cast: "code::bigint >= 0" }, /dropConstraint\("ck_cast"/],
        [{ code: "7" }, /alterColumn\("orders", "code", \{ default: "'7'" \}\)/],
        [{ total: "price * qty * 2" }, /dropColumn\("orders", "total"\)/],
        [{ open: "status IN ('new', 'sent')" }, /dropIndex\("ix_orders_open"/],
        [{ emailKey: "upper(email)" }, /dropIndex\("ix_orders_email"/],
      ];
      for (const [overrides, expected] of changes) {
        const result = await compare(engine, overrides);
        assert.equal(result.empty, false, JSON.stringify(overrides));
        assert.match(result.upgradeBody, expected);
        assert.equal(result.upgradeOps.length <= 4, true, `only the changed object is touched:\n${result.upgradeBody}`);
      }
    } finally {
      await engine.close();
    }
  });

  test(`${name}: an expression PostgreSQL cannot read is compared by its text, and the others still by PostgreSQL's reading`, async () => {
    const engine = await open();
    try {
      await engine.exec(ordersDdl);
      await engine.exec("BEGIN");
      const result = await compare(engine, { unknownFn: true });
      assert.match(result.upgradeBody, /dropConstraint\("ck_cast"/);
      assert.doesNotMatch(result.upgradeBody, /ck_status|ck_qty|ix_orders_open/);
      const [row] = await engine.query("SELECT 1 AS one");
      assert.equal(row?.one, 1, "a transaction the caller opened is still usable");
      await engine.exec("ROLLBACK");
    } finally {
      await engine.close();
    }
  });
}

test("PGlite: the expressions of 200 tables are judged by PostgreSQL in two more queries, not one per expression", async () => {
  const db = new PGlite();
  try {
    const tables = [];
    const ddl: string[] = [];
    for (let i = 1; i <= 200; i++) {
      ddl.push(`CREATE TABLE t${i} (id int PRIMARY KEY, status text DEFAULT 'new' CHECK (status IN ('new', 'old')), n int CHECK (n BETWEEN 0 AND ${i}));
        CREATE INDEX t${i}_open ON t${i} (id) WHERE n > ${i};`);
      tables.push(
        table(`t${i}`, { id: column.int().primaryKey(), status: column.text().default("new"), n: column.int() }, (t) => ({
          checks: [check(sql`${t.status} IN ('new', 'old')`), check(sql`${t.n} BETWEEN 0 AND ${i}`)],
          indexes: [index(`t${i}_open`, [t.id]).where(sql`${t.n} > ${i}`)],
        })),
      );
    }
    await db.exec(ddl.join("\n"));
    let queries = 0;
    const query: QueryFunction = async (s, p) => {
      queries++;
      return (await db.query(s, p as unknown[])).rows as Record<string, unknown>[];
    };
    const result = await autogenerate({ query, models: collectModels(tables) });
    assert.equal(result.empty, true, result.upgradeBody);
    assert.equal(queries, 10, "the scope, seven catalog reads, the DO block and reading its result");
  } finally {
    await db.close();
  }
});
