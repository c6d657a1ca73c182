// A new embedded database is unpacked from a template of a fresh cluster instead of
// running PGlite's initdb each time (pglite-template.ts). What a user would check: the
// database made from the template is the same as one initdb makes and keeps what is
// written to it; a broken template costs nothing but time; the template is private;
// ATHANOR_CACHE_DIR=off makes none.
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import type { Connection } from "../../src/runtime/connection.js";
import { openPgliteConnection } from "../../src/runtime/pglite-connection.js";
import { templatePath } from "../../src/runtime/pglite-template.js";

const root = mkdtempSync(path.join(tmpdir(), "athanor-template-"));
after(() => rmSync(root, { recursive: true, force: true }));
const saved = process.env.ATHANOR_CACHE_DIR;
after(() => {
  if (saved === undefined) delete process.env.ATHANOR_CACHE_DIR;
  else process.env.ATHANOR_CACHE_DIR = saved;
});

function open(dataDir: string | null): Promise<Connection> {
  return openPgliteConnection({ kind: "pglite", dataDir, description: dataDir ?? "pglite:memory", embeddedDefault: false }, {});
}

/** What distinguishes one cluster from another to a user: databases, schemas, catalog size, settings. */
async function clusterFacts(connection: Connection): Promise<unknown> {
  const rows = async (sql: string) => (await connection.query(sql)).rows;
  return {
    databases: await rows("SELECT datname, encoding, datcollate FROM pg_database ORDER BY datname"),
    schemas: await rows("SELECT nspname FROM pg_namespace ORDER BY nspname"),
    relations: await rows("SELECT count(*)::int AS n FROM pg_class"),
    settings: await rows("SELECT name, setting FROM pg_settings WHERE name IN ('server_version', 'TimeZone', 'lc_messages', 'max_connections') ORDER BY name"),
    user: await rows("SELECT current_user AS name"),
  };
}

async function withDatabase<T>(dataDir: string | null, body: (c: Connection) => Promise<T>): Promise<T> {
  const connection = await open(dataDir);
  try {
    return await body(connection);
  } finally {
    await connection.close();
  }
}

test("the first new data directory writes a private template; the next is unpacked from it, equals an initdb cluster and keeps its writes", async () => {
  process.env.ATHANOR_CACHE_DIR = path.join(root, "cache");
  const template = templatePath()!;
  assert.ok(template.startsWith(path.join(root, "cache")), template);
  assert.equal(existsSync(template), false);

  const initdb = await withDatabase(path.join(root, "first"), clusterFacts);
  assert.equal(existsSync(template), true, "the fresh cluster was saved");
  assert.equal(statSync(template).mode & 0o777, 0o600);
  assert.equal(statSync(path.dirname(template)).mode & 0o777, 0o700);

  const written = statSync(template).mtimeMs;
  const second = path.join(root, "second");
  const fromTemplate = await withDatabase(second, async (c) => {
    const facts = await clusterFacts(c);
    await c.exec("CREATE TABLE kept (id int); INSERT INTO kept VALUES (7)");
    return facts;
  });
  assert.deepEqual(fromTemplate, initdb);
  assert.equal(statSync(template).mtimeMs, written, "the template was used, not replaced");
  assert.deepEqual(await withDatabase(second, async (c) => (await c.query("SELECT id FROM kept")).rows), [{ id: 7 }], "reopened, the data is there");
  assert.deepEqual(await withDatabase(null, clusterFacts), initdb, "an in-memory database from the template is the same cluster");
});

test("a template that cannot be loaded is replaced: the open succeeds by initdb", async () => {
  process.env.ATHANOR_CACHE_DIR = path.join(root, "broken-cache");
  const template = templatePath()!;
  await withDatabase(path.join(root, "seed"), async () => {});
  writeFileSync(template, "not a tarball");
  const facts = await withDatabase(path.join(root, "after-broken"), async (c) => {
    await c.exec("CREATE TABLE t (id int)");
    return (await c.query("SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 't'")).rows;
  });
  assert.deepEqual(facts, [{ n: 1 }]);
  assert.ok(statSync(template).size > 1_000_000, "a good template took the broken one's place");
});

test("ATHANOR_CACHE_DIR=off keeps no template", async () => {
  process.env.ATHANOR_CACHE_DIR = "off";
  assert.equal(templatePath(), null);
  await withDatabase(path.join(root, "uncached"), async (c) => assert.deepEqual((await c.query("SELECT 1 AS one")).rows, [{ one: 1 }]));
});
