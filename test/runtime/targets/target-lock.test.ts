// Each schema target locks its own version table: keys never repeat across schemas, and
// the schema the configured table already lives in keeps the key a plain run takes.
import assert from "node:assert/strict";
import { test } from "node:test";
import { advisoryLockKey } from "../../../src/runtime/advisory-lock.js";
import { parseDatabaseUrl } from "../../../src/runtime/database-url.js";
import { searchPathStatement, targetVersionTable } from "../../../src/runtime/targets/target-run.js";
import { VersionTable } from "../../../src/runtime/version-table.js";

const database = parseDatabaseUrl("postgres://localhost/app", "/");
const target = (schema: string | undefined) => ({ label: schema ?? "db", database, schema });
const keyOf = (schema: string | undefined, configured = { name: "alembic_version" } as { name: string; schema?: string }) =>
  advisoryLockKey(new VersionTable(targetVersionTable(target(schema), configured)).qualified);

test("10,000 schemas (odd names too) take 10,000 different lock keys", () => {
  const names = Array.from({ length: 10_000 }, (_, i) => `tenant_${i}`);
  names.push("Tenant_1", "a.b", 'quo"te', "select");
  const keys = new Set(names.map((name) => keyOf(name)));
  assert.equal(keys.size, names.length);
});

test("a run on the database as configured, or on the schema its version table is in, keeps today's key", () => {
  const today = advisoryLockKey(new VersionTable({ name: "alembic_version" }).qualified);
  assert.equal(keyOf(undefined), today);
  assert.equal(keyOf("public"), today);
  const meta = { name: "alembic_version", schema: "meta" };
  assert.equal(keyOf("meta", meta), advisoryLockKey(new VersionTable(meta).qualified));
  assert.notEqual(keyOf("tenant_1"), today);
});

test("a schema target's version table is in its schema, and its revisions run with it first on search_path", () => {
  assert.deepEqual(targetVersionTable(target("tenant_1"), { name: "alembic_version" }), { name: "alembic_version", schema: "tenant_1" });
  assert.equal(searchPathStatement(target("tenant_1")), "SET search_path TO tenant_1, public");
  assert.equal(searchPathStatement(target("Odd")), 'SET search_path TO "Odd", public');
  assert.equal(searchPathStatement(target("public")), "SET search_path TO public");
  assert.equal(searchPathStatement(target(undefined)), "RESET search_path");
});
