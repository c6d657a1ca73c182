// The model examples of README's "Models: the DSL" are code that works: each ```ts block
// that imports athanor is written out as a model module, loaded as `generate` loads
// models, built on PostgreSQL and PGlite by the generated upgrade, and then compares clean.
// The constraint and index names the examples' comments give are the ones built.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { autogenerate } from "../../src/autogenerate/autogenerate.js";
import { introspect } from "../../src/dialect/postgres/introspect.js";
import type { QueryFunction } from "../../src/dialect/postgres/introspect-types.js";
import { loadModels } from "../../src/schema/load-models.js";
import { createTestDatabase } from "../helpers/database.js";
import { runGeneratedBody } from "../autogenerate/round-trip-harness.js";
import { repoRoot } from "../cli/run-cli.js";

function dslSection(): string {
  const readme = readFileSync(path.join(repoRoot, "README.md"), "utf8");
  const start = readme.indexOf("## Models: the DSL");
  const end = readme.indexOf("## What autogenerate compares");
  assert.ok(start >= 0 && end > start, "README has the DSL section");
  return readme.slice(start, end);
}

/** The ```ts blocks that import athanor, as modules: the one headed `// app/models/shop.ts` is shop.ts. */
function exampleModules(): { file: string; source: string }[] {
  const blocks = [...dslSection().matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!).filter((b) => b.includes('from "athanor"'));
  const entry = path.join(repoRoot, "src/index.ts");
  return blocks.map((source, i) => ({
    file: source.startsWith("// app/models/shop.ts") ? "shop.ts" : `example-${i}.ts`,
    source: source.replaceAll('from "athanor"', `from ${JSON.stringify(entry)}`),
  }));
}

/** `order_lines_pkey`, `ix_events_recent`: the names the examples' comments promise. */
function promisedNames(modules: readonly { source: string }[]): string[] {
  const comments = modules.flatMap((m) => [...m.source.matchAll(/\/\/(.*)$/gm)].map((c) => c[1]!));
  const names = comments.flatMap((c) => [...c.matchAll(/\b(?:[a-z][a-z0-9_]*_(?:pkey|key|fkey|check|idx)|(?:ix|uq|ck|fk)_[a-z0-9_]+)\b/g)].map((n) => n[0]));
  return [...new Set(names)];
}

async function buildExamples(query: QueryFunction): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), "athanor-readme-"));
  try {
    const modules = exampleModules();
    assert.ok(modules.length >= 6, `the section's examples are found (${modules.length})`);
    for (const m of modules) writeFileSync(path.join(dir, m.file), m.source);
    const models = await loadModels(["."], dir);
    assert.deepEqual(models.warnings, [], "every table the examples declare is exported");
    const exec = async (text: string) => void (await query(text));
    const first = await autogenerate({ query, models });
    await runGeneratedBody({ query, exec }, first.upgradeBody);
    const again = await autogenerate({ query, models });
    assert.equal(again.empty, true, `the examples compare clean once built; got:\n${again.upgradeBody}`);

    const snapshot = await introspect(query, { schemas: ["public", "billing", "support"] });
    const built = new Set(
      snapshot.tables.flatMap((t) => [
        ...(t.primaryKey ? [t.primaryKey.name] : []),
        ...[...t.uniques, ...t.foreignKeys, ...t.checks, ...t.indexes].map((x) => x.name),
      ]),
    );
    for (const name of promisedNames(modules)) assert.ok(built.has(name), `${name}, named in a comment, is built`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("PGlite: README's model examples load, build, compare clean, and name their constraints as their comments say", async () => {
  const db = new PGlite();
  try {
    await buildExamples(async (text, params) => (await db.query(text, params as unknown[])).rows as Record<string, unknown>[]);
  } finally {
    await db.close();
  }
});

test("PostgreSQL: README's model examples load, build, compare clean, and name their constraints as their comments say", async () => {
  const database = await createTestDatabase("readme");
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await buildExamples(async (text, params) => (await client.query(text, params as unknown[])).rows);
  } finally {
    await client.end();
    await database.drop();
  }
});
