// A Migrator takes its revisions from a provider (list + load) instead of files: an
// application that bundles its revisions, as Kysely's MigrationProvider allows. And a
// graph the caller built already is used as it is.
import assert from "node:assert/strict";
import { test } from "node:test";
import { PGlite } from "@electric-sql/pglite";
import type { RevisionSource } from "../../src/graph/revision-source.js";
import { RevisionMap } from "../../src/graph/revision-map.js";
import type { Operations } from "../../src/ops/operations.js";
import type { LoadedRevision } from "../../src/runtime/loaded-revision.js";
import { Migrator } from "../../src/runtime/migrator.js";
import type { RevisionProvider } from "../../src/runtime/revision-provider.js";

const source = (revision: string, down: string | null, message: string): RevisionSource => ({
  revision,
  downRevisions: down === null ? [] : [down],
  branchLabels: [],
  dependsOn: [],
  message,
  createDate: null,
  path: `bundle:${revision}`,
  transactional: true,
  format: "ts",
});

/** Two revisions held in memory, as a bundler would inline them; counts what it loads. */
function bundledRevisions(): RevisionProvider & { loaded: string[] } {
  const modules: Record<string, LoadedRevision> = {
    "0001": {
      format: "ts",
      upgrade: async (op) => (op as Operations).createTable("accounts", { columns: [{ name: "id", type: "bigint", primaryKey: true }] }),
      downgrade: async (op) => (op as Operations).dropTable("accounts"),
    },
    "0002": {
      format: "ts",
      upgrade: async (op) => (op as Operations).addColumn("accounts", { name: "email", type: "text" }),
      downgrade: async (op) => (op as Operations).dropColumn("accounts", "email"),
    },
  };
  const loaded: string[] = [];
  return {
    loaded,
    list: () => [source("0001", null, "accounts"), source("0002", "0001", "email")],
    load: async (s) => {
      loaded.push(s.revision);
      return modules[s.revision]!;
    },
  };
}

async function columns(db: PGlite): Promise<string[]> {
  const result = await db.query<{ column_name: string }>(
    "SELECT column_name FROM information_schema.columns WHERE table_name = 'accounts' ORDER BY column_name",
  );
  return result.rows.map((r) => r.column_name);
}

test("a provider's revisions upgrade and downgrade a database, loaded only when their step runs, with no revision files", async () => {
  const db = new PGlite();
  try {
    const provider = bundledRevisions();
    const migrator = new Migrator({ config: { cwd: "/nonexistent" }, connection: db, provider });
    assert.deepEqual(migrator.revisionMap().heads, ["0002"]);
    assert.deepEqual(provider.loaded, [], "listing runs no module");
    const up = await migrator.upgrade("head");
    assert.deepEqual(up.after, ["0002"]);
    assert.deepEqual(provider.loaded, ["0001", "0002"]);
    assert.deepEqual(await columns(db), ["email", "id"]);
    await migrator.downgrade("0001");
    assert.deepEqual(await columns(db), ["id"]);
    assert.deepEqual((await db.query("SELECT version_num FROM alembic_version")).rows, [{ version_num: "0001" }]);
  } finally {
    await db.close();
  }
});

test("a RevisionMap the caller built is the Migrator's graph, not rebuilt", async () => {
  const provider = bundledRevisions();
  const map = RevisionMap.fromSources(provider.list());
  const migrator = new Migrator({ config: { cwd: "/nonexistent" }, revisions: map, provider });
  assert.equal(migrator.revisionMap(), map);
});
