// `athanor pull` on a realistic database built before migrations (test/fixtures/pull/
// shop.sql: 38 tables in three schemas, every kind of object the models declare), on
// both engines, the three steps of adopting athanor: pull → check finds no difference;
// generate "initial" + upgrade on an empty database builds the same schema (pg_dump -s
// on PostgreSQL, the introspected snapshot on PGlite); stamp head on the original, and
// check is clean. Also: the refusals, and what the models cannot declare.
import { PGlite } from "@electric-sql/pglite";
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import pg from "pg";
import { introspect } from "../../src/dialect/postgres/introspect.js";
import type { SchemaSnapshot } from "../../src/dialect/postgres/introspect-types.js";
import { createTestDatabase } from "../helpers/database.js";
import { validate } from "../helpers/json-schema-subset.js";
import { createProject, engines, repoRoot, schemaDump, shown, type Engine, type TempProject } from "./run-cli.js";

const shopSql = readFileSync(path.join(repoRoot, "test", "fixtures", "pull", "shop.sql"), "utf8");
const outputSchema = JSON.parse(readFileSync(path.join(repoRoot, "schemas", "cli-output.schema.json"), "utf8")) as Record<string, unknown>;
const config = `import { defineConfig } from "athanor";

export default defineConfig({
  versionLocations: ["versions"],
  revisionIds: "sequential",
  models: ["app/models"],
  schemas: ["public"],
});
`;
const ownTables = ["public.alembic_version", "public.athanor_history", "public.athanor_history_started"];

/** A database of the engine's kind, loaded with `sql`, that the CLI reaches at `url`. */
interface Database {
  readonly url: string;
  exec(sql: string): Promise<void>;
  snapshot(): Promise<SchemaSnapshot>;
  drop(): Promise<void>;
}

async function openDatabase(engine: Engine, project: TempProject, name: string): Promise<Database> {
  if (engine.name === "pglite") {
    const dir = path.join(project.dir, name);
    const withDb = async <T>(body: (db: PGlite) => Promise<T>) => {
      const db = await PGlite.create(dir);
      try {
        return await body(db);
      } finally {
        await db.close();
      }
    };
    return {
      url: `pglite://${dir}`,
      exec: (sql) => withDb(async (db) => void (await db.exec(sql))),
      snapshot: () =>
        withDb((db) =>
          introspect(async (sql, params) => (await db.query<Record<string, unknown>>(sql, params as unknown[])).rows, {
            schemas: ["public", "billing", "inventory"],
            excludeTables: ownTables,
          }),
        ),
      drop: async () => {},
    };
  }
  const database = await createTestDatabase("pull");
  const withClient = async <T>(body: (c: pg.Client) => Promise<T>) => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      return await body(client);
    } finally {
      await client.end();
    }
  };
  return {
    url: database.url,
    exec: (sql) => withClient(async (c) => void (await c.query(sql))),
    snapshot: () =>
      withClient((c) =>
        introspect(async (sql, params) => (await c.query(sql, params as unknown[])).rows, {
          schemas: ["public", "billing", "inventory"],
          excludeTables: ownTables,
        }),
      ),
    drop: () => database.drop(),
  };
}

/** `pg_dump --schema-only` without athanor's own tables and the lines that name the database. */
const dump = (url: string) => schemaDump(url, { excludeTables: ownTables });

function pulledProject(): TempProject {
  return createProject({ config });
}

for (const engine of engines) {
  describe(`pull on ${engine.name}`, { concurrency: true }, () => {
    test("pull then check finds no difference; generate on an empty database builds the same schema; stamp head, then check is clean", async () => {
      const project = pulledProject();
      const original = await openDatabase(engine, project, "original");
      const empty = await openDatabase(engine, project, "empty");
      try {
        await original.exec(shopSql);
        const pulled = await project.run(["pull", "--url", original.url]);
        assert.equal(pulled.code, 0, shown(pulled));
        assert.match(pulled.stdout, /^Wrote app\/models\/public\.ts \(25 tables, 1 enum, 1 sequence\)$/m);
        assert.match(pulled.stdout, /^Wrote app\/models\/billing\.ts \(7 tables, 1 enum, 1 sequence\)$/m);
        assert.match(pulled.stdout, /^Wrote app\/models\/inventory\.ts \(6 tables, 1 enum, 0 sequences\)$/m);
        assert.match(pulled.stdout, /^Wrote app\/models\/enums\.ts \(0 tables, 1 enum, 0 sequences\)$/m);
        assert.doesNotMatch(pulled.stderr, /warning:/, "the shop has nothing the models cannot declare");
        const first = ["public", "billing", "inventory", "enums"].map((f) => project.read(`app/models/${f}.ts`));

        const check = await project.run(["check", "--url", original.url]);
        assert.equal(check.code, 0, shown(check));
        assert.match(check.stdout, /^OK: .* and the models match\.$/m);

        const generated = await project.run(["generate", "initial", "--url", empty.url]);
        assert.equal(generated.code, 0, shown(generated));
        assert.match(generated.stderr, /Compared 38 tables of the models with 0 in the database/);
        const upgraded = await project.run(["upgrade", "head", "--url", empty.url]);
        assert.equal(upgraded.code, 0, shown(upgraded));
        if (engine.name === "postgresql") assert.equal(await dump(empty.url), await dump(original.url));
        else assert.deepEqual(await empty.snapshot(), await original.snapshot());

        const stamped = await project.run(["stamp", "head", "--url", original.url]);
        assert.equal(stamped.code, 0, shown(stamped));
        const after = await project.run(["check", "--url", original.url]);
        assert.equal(after.code, 0, shown(after));
        assert.match(after.stdout, /^OK: .* is at the head \(0001\) and the models match\.$/m);

        // Pulled again once athanor keeps its tables there: they are never part of the models.
        const again = await project.run(["pull", "--url", original.url, "--force"]);
        assert.equal(again.code, 0, shown(again));
        assert.doesNotMatch(project.read("app/models/public.ts"), /alembic_version|athanor_history/);
        assert.deepEqual(
          ["public", "billing", "inventory", "enums"].map((f) => project.read(`app/models/${f}.ts`)),
          first,
          "the same files as the first pull",
        );
      } finally {
        await original.drop();
        await empty.drop();
        project.remove();
      }
    });
  });
}

describe("pull: files, refusals and warnings (on postgresql)", { concurrency: true }, () => {
  test("pull refuses to replace an existing model file, naming it, and writes nothing; --force replaces it", async () => {
    const project = pulledProject();
    const db = await openDatabase(engines[0]!, project, "db");
    try {
      await db.exec("CREATE SCHEMA billing; CREATE TABLE users (id int PRIMARY KEY); CREATE TABLE billing.invoices (id int PRIMARY KEY)");
      project.write("app/models/billing.ts", "// mine\n");
      const refused = await project.run(["pull", "--url", db.url]);
      assert.equal(refused.code, 3, shown(refused));
      assert.match(refused.stderr, /^error: app\/models\/billing\.ts already exists; pull does not overwrite model files, and wrote nothing$/m);
      assert.match(refused.stderr, /^hint: Run again with --force/m);
      assert.equal(project.read("app/models/billing.ts"), "// mine\n");
      assert.equal(project.exists("app/models/public.ts"), false, "nothing written, not even the files that did not exist");

      const json = await project.run(["pull", "--url", db.url, "--json"]);
      assert.equal(json.code, 3);
      assert.equal((JSON.parse(json.stdout) as { error: { code: string } }).error.code, "FILE_EXISTS");

      const forced = await project.run(["pull", "--url", db.url, "--force"]);
      assert.equal(forced.code, 0, shown(forced));
      assert.match(project.read("app/models/billing.ts"), /export const invoices = billing\.table\("invoices", \{/);
    } finally {
      await db.drop();
      project.remove();
    }
  });

  test("without models in the config, pull writes app/models and says how to make check read it", async () => {
    const project = createProject({ config: 'import { defineConfig } from "athanor";\nexport default defineConfig({});\n' });
    const db = await openDatabase(engines[0]!, project, "db");
    try {
      await db.exec("CREATE TABLE users (id int PRIMARY KEY)");
      const pulled = await project.run(["pull", "--url", db.url]);
      assert.equal(pulled.code, 0, shown(pulled));
      assert.match(pulled.stdout, /^Wrote app\/models\/public\.ts \(1 table, 0 enums, 0 sequences\)$/m);
      assert.match(
        pulled.stderr,
        /^warning: app\/models is not among the config's models, so generate and check will not read it; add it to athanor\.config\.ts: models: \["app\/models"\]$/m,
      );
    } finally {
      await db.drop();
      project.remove();
    }
  });

  test("the pulled files typecheck with tsc --strict", async () => {
    const project = pulledProject();
    const db = await openDatabase(engines[0]!, project, "db");
    try {
      await db.exec(shopSql);
      assert.equal((await project.run(["pull", "--url", db.url])).code, 0);
      const tsconfig = {
        compilerOptions: {
          strict: true,
          noEmit: true,
          module: "nodenext",
          moduleResolution: "nodenext",
          target: "es2022",
          skipLibCheck: true,
          noUnusedLocals: true,
        },
        include: ["app/models"],
      };
      writeFileSync(path.join(project.dir, "tsconfig.json"), JSON.stringify(tsconfig));
      const tsc = await new Promise<{ code: number; out: string }>((resolve, reject) => {
        const child = spawn(process.execPath, [path.join(repoRoot, "node_modules", "typescript", "bin", "tsc"), "-p", project.dir], {
          stdio: ["ignore", "pipe", "pipe"],
        });
        let out = "";
        child.stdout.setEncoding("utf8").on("data", (c: string) => (out += c));
        child.stderr.setEncoding("utf8").on("data", (c: string) => (out += c));
        child.on("error", reject);
        child.on("close", (code) => resolve({ code: code ?? -1, out }));
      });
      assert.equal(tsc.code, 0, tsc.out);
    } finally {
      await db.drop();
      project.remove();
    }
  });

  test("pull writes a model as a person would: camelCase keys, named where they differ, keys on columns, the rest in extras", async () => {
    const project = pulledProject();
    const db = await openDatabase(engines[0]!, project, "db");
    try {
      await db.exec(shopSql);
      assert.equal((await project.run(["pull", "--url", db.url])).code, 0);
      const pub = project.read("app/models/public.ts");
      assert.match(pub, /^import \{\n {2}asc,\n/m);
      assert.match(pub, /^ {4}externalRef: column\.uuid\(\)\.named\("ExternalRef"\),$/m);
      assert.match(pub, /^ {4}email: column\.varchar\(255\)\.notNull\(\)\.unique\(\),$/m);
      assert.match(pub, /^ {4}role: column\.enum\(userRole\)\.notNull\(\)\.default\("customer"\),$/m);
      assert.match(pub, /^ {4}parentId: column\.int\(\)\.references\(\(\): ColumnRef => categories\.id, \{ onDelete: "set null" \}\),$/m);
      assert.match(pub, /^export const deleteTable = table\(\n {2}"delete",$/m);
      assert.match(pub, /primaryKey: primaryKey\(\[t\.id\], "delete_primary"\),/);
      assert.match(pub, /index\("ix_orders_recent", \[desc\(t\.placedAt\)\.nullsLast\(\)\]\)\.include\(\[t\.total\]\)/);
      assert.match(pub, /check\("coupons_valid_range", sql`\$\{t\.validUntil\} IS NULL OR \$\{t\.validUntil\} > \$\{t\.validFrom\}`\)/);
      assert.match(pub, /^export const orderLines = table\(/m);
      // Enums and sequences come before the tables.
      assert.ok(pub.indexOf("export const userRole = pgEnum(") < pub.indexOf("= table("));
      assert.ok(pub.indexOf("export const invoiceNo = sequence(") < pub.indexOf("= table("));
      const billing = project.read("app/models/billing.ts");
      assert.match(billing, /^const billing = schema\("billing"\);$/m);
      assert.match(billing, /^import \{ orders, users \} from "\.\/public\.js";$/m);
      assert.match(project.read("app/models/inventory.ts"), /^import \{ orderStatus \} from "\.\/enums\.js";$/m);
    } finally {
      await db.drop();
      project.remove();
    }
  });

  test("--json lists the files written with their counts; --schema and include rules limit what is pulled", async () => {
    const project = createProject({ config: config.replace('schemas: ["public"],', 'schemas: ["public"],\n  include: { tables: ["!legacy_*"] },') });
    const db = await openDatabase(engines[0]!, project, "db");
    try {
      await db.exec(shopSql + "\nCREATE TABLE legacy_orders (id int);");
      const pulled = await project.run(["pull", "--url", db.url, "--json"]);
      assert.equal(pulled.code, 0, shown(pulled));
      const json = JSON.parse(pulled.stdout) as {
        directory: string;
        files: { path: string; schema: string | null; tables: number }[];
        tables: number;
        enums: number;
        sequences: number;
      };
      assert.deepEqual(validate(outputSchema, { $ref: "#/$defs/pulled" }, json), []);
      assert.equal(json.directory, "app/models");
      assert.deepEqual(
        json.files.map((f) => [f.path, f.schema, f.tables]),
        [
          ["app/models/public.ts", "public", 25],
          ["app/models/billing.ts", "billing", 7],
          ["app/models/inventory.ts", "inventory", 6],
          ["app/models/enums.ts", null, 0],
        ],
      );
      assert.deepEqual([json.tables, json.enums, json.sequences], [38, 4, 2]);
      assert.doesNotMatch(project.read("app/models/public.ts"), /legacy_orders/);

      // One schema pulled on its own is written as the full pull wrote it, importing the others' tables.
      const billing = project.read("app/models/billing.ts");
      const again = await project.run(["pull", "--url", db.url, "--schema", "billing", "--force"]);
      assert.equal(again.code, 0, shown(again));
      assert.equal(project.read("app/models/billing.ts"), billing);
      assert.match(
        again.stderr,
        /^warning: billing\.invoices: foreign key invoices_order_id_fkey references public\.orders, which is not pulled; the model imports it from \.\/public\.js/m,
      );

      const only = await project.run(["pull", "--url", db.url, "--schema", "billing", "--out", "other", "--json"]);
      assert.equal(only.code, 0, shown(only));
      assert.deepEqual(
        (JSON.parse(only.stdout) as typeof json).files.map((f) => f.path),
        ["other/billing.ts"],
      );
      assert.match(only.stderr, /warning: other is not among the config's models/);

      const unknown = await project.run(["pull", "--url", db.url, "--schema", "nosuch"]);
      assert.equal(unknown.code, 2, shown(unknown));
      assert.match(unknown.stderr, /^error: --schema nosuch: the database has no such schema$/m);
    } finally {
      await db.drop();
      project.remove();
    }
  });

  test("what the models cannot declare is written as closely as they allow, with a TODO review comment and a warning naming it", async () => {
    const project = pulledProject();
    const db = await openDatabase(engines[0]!, project, "db");
    try {
      await db.exec(`
        CREATE SCHEMA audit;
        CREATE TYPE colour AS ENUM ('red', 'orange', 'yellow', 'green', 'blue', 'indigo', 'violet', 'black', 'white');
        CREATE SEQUENCE huge MAXVALUE 9223372036854775806;
        CREATE DOMAIN positive_int AS integer CHECK (VALUE > 0);
        CREATE TABLE rooms (id int PRIMARY KEY, capacity positive_int NOT NULL, colour colour);
        CREATE TABLE bookings (id int PRIMARY KEY, room_id int NOT NULL REFERENCES rooms, during tstzrange NOT NULL,
          CONSTRAINT no_overlap EXCLUDE USING gist (during WITH &&));
        CREATE TABLE base_events (id int, at timestamptz);
        CREATE TABLE login_events (user_name text) INHERITS (base_events);
        CREATE VIEW big_rooms AS SELECT * FROM rooms WHERE capacity > 10;
        CREATE TABLE people (id int PRIMARY KEY, name text COLLATE "C", email text CONSTRAINT people_email_key UNIQUE DEFERRABLE,
          room_id int, CONSTRAINT people_room_fkey FOREIGN KEY (room_id) REFERENCES rooms MATCH FULL);
        ALTER TABLE people ADD CONSTRAINT ck_people_name CHECK (name <> '') NOT VALID;
        CREATE TABLE measurements (at date NOT NULL, value real) PARTITION BY RANGE (at);
        CREATE TABLE measurements_2025 PARTITION OF measurements FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
        CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
        CREATE TRIGGER rooms_touch BEFORE UPDATE ON rooms FOR EACH ROW EXECUTE FUNCTION touch();`);
      project.write("app/models/user.ts", "export {};\n");
      const pulled = await project.run(["pull", "--url", db.url]);
      assert.equal(pulled.code, 0, shown(pulled));
      assert.match(pulled.stderr, /^warning: app\/models also holds user\.ts: a table declared there and in the pulled files is declared twice/m);
      assert.match(pulled.stderr, /^warning: schema audit has no tables, enums or sequences: not pulled/m);
      assert.match(pulled.stderr, /^warning: public\.huge: 9223372036854775806 does not fit a JavaScript number/m);
      assert.match(pulled.stderr, /^warning: public\.bookings: exclusion constraint no_overlap is not pulled \(EXCLUDE USING gist \(during WITH &&\)\)/m);
      assert.match(pulled.stderr, /^warning: public\.login_events: inherits from public\.base_events, pulled as a plain table/m);
      assert.match(pulled.stderr, /^warning: public\.rooms\.capacity: its type positive_int is a domain/m);
      assert.match(pulled.stderr, /^warning: public\.big_rooms: view not pulled/m);
      assert.match(pulled.stderr, /^warning: public\.people\.name: its COLLATE "C" is not pulled/m);
      assert.match(pulled.stderr, /^warning: public\.people: constraint people_email_key is a deferrable key; pulled without it$/m);
      assert.match(pulled.stderr, /^warning: public\.people: constraint people_room_fkey is MATCH FULL; pulled without it$/m);
      assert.match(pulled.stderr, /^warning: public\.people: constraint ck_people_name is NOT VALID; pulled without it$/m);
      assert.match(pulled.stderr, /^warning: public\.measurements: partitioned by RANGE \(at\), pulled as a plain table without its partitions$/m);
      assert.match(pulled.stderr, /^warning: public\.rooms: trigger rooms_touch is not pulled/m);
      const source = project.read("app/models/public.ts");
      assert.doesNotMatch(source, /measurements_2025/, "a partition is not a table of its own");
      assert.match(source, /^export const colour = pgEnum\("colour", \[\n {2}"red",\n {2}"orange",\n/m);
      assert.match(source, /^\/\/ TODO review: exclusion constraint no_overlap is not pulled/m);
      assert.match(source, /^\/\/ TODO review: login_events inherits from public\.base_events/m);
      assert.match(source, /^ {2}\/\/ TODO review: capacity is of type positive_int: a domain/m);
      assert.match(source, /^ {2}capacity: column\.custom\("positive_int"\)\.notNull\(\),$/m);
      assert.match(source, /^\/\/ TODO review: view big_rooms is not pulled/m);
    } finally {
      await db.drop();
      project.remove();
    }
  });

  test("pull on an unreachable database fails with the connection error (exit 4) and writes nothing", async () => {
    const project = pulledProject();
    try {
      const result = await project.run(["pull", "--url", "postgres://app:secret@127.0.0.1:1/app"]);
      assert.equal(result.code, 4, shown(result));
      assert.match(result.stderr, /^error: cannot connect to 127\.0\.0\.1:1/m);
      assert.doesNotMatch(result.stderr, /secret/);
      assert.equal(project.exists("app/models"), false);
    } finally {
      project.remove();
    }
  });

  test("pull --help explains adopting a database and shows examples", async () => {
    const project = pulledProject();
    try {
      const help = await project.run(["pull", "--help"]);
      assert.equal(help.code, 0, shown(help));
      assert.match(help.stdout, /Examples/);
      assert.match(help.stdout, /\$ athanor pull\b/);
      assert.match(help.stdout, /^ {2}--out <dir> /m);
      assert.match(help.stdout, /^ {2}--schema <schema> /m);
      assert.match(help.stdout, /--force/);
      assert.match(help.stdout, /stamp head/);
    } finally {
      project.remove();
    }
  });
});
