import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { AthanorError } from "../../src/errors.js";
import { loadRevision } from "../../src/scripts/load-revision.js";
import { scanRevisionFiles } from "../../src/scripts/scan-version-locations.js";

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "athanor-load-"));
  mkdirSync(path.join(dir, "versions"));
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, "versions", name), content);
  return dir;
}

test("a TypeScript revision is loaded through tsx and its steps call the passed op", async (t) => {
  const dir = project({
    "20250101_0001_init.ts": `import type { Operations } from "athanor";
interface Recorder { calls: string[] }
export const revision = "0001";
export const downRevision: string | null = null;
export async function upgrade(op: Operations & Recorder): Promise<void> {
  op.calls.push("upgrade");
}
export async function downgrade(op: Operations & Recorder): Promise<void> {
  op.calls.push("downgrade");
}
`,
  });
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const [source] = scanRevisionFiles(undefined, { cwd: dir });
  assert.ok(source);
  const loaded = await loadRevision(source, dir);
  assert.equal(loaded.format, "ts");
  if (loaded.format !== "ts") return;
  const op = { calls: [] as string[] };
  await loaded.upgrade(op);
  await loaded.downgrade(op);
  assert.deepEqual(op.calls, ["upgrade", "downgrade"]);
});

test("revisions CommonJS cannot hold load as ES modules: top-level await, .mts, import.meta", async (t) => {
  const body = (id: string, extra: string) => `${extra}
export const revision = "${id}";
export const downRevision = null;
export async function upgrade(op: { calls: string[] }) { op.calls.push("${id}:" + String(value)); }
export async function downgrade() {}
`;
  const dir = project({
    "0001_await.ts": body("0001", "const value = await Promise.resolve(42);"),
    "0002_module.mts": body("0002", "const value = typeof require;"),
    "0003_meta.ts": body("0003", "const value = new URL(import.meta.url).pathname.endsWith('0003_meta.ts');"),
  });
  // As in a project that says so (without it, Node and tsx take a .ts file for CommonJS).
  writeFileSync(path.join(dir, "package.json"), '{ "type": "module" }\n');
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const op = { calls: [] as string[] };
  for (const source of scanRevisionFiles(undefined, { cwd: dir })) {
    const loaded = await loadRevision(source, dir);
    assert.equal(loaded.format, "ts");
    if (loaded.format === "ts") await loaded.upgrade(op);
  }
  // 0002 is an ES module (no `require`); 0003 sees its own file in import.meta.url.
  assert.deepEqual(op.calls, ["0001:42", "0002:undefined", "0003:true"]);
});

test("a SQL revision loads its upgrade and downgrade sections", async (t) => {
  const dir = project({
    "20250101_0001_init.sql": "-- revision: 0001\n-- down_revision: none\n-- +upgrade\ncreate table t (id int);\n-- +downgrade\ndrop table t;\n",
  });
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const [source] = scanRevisionFiles(undefined, { cwd: dir });
  assert.ok(source);
  assert.deepEqual(await loadRevision(source, dir), {
    format: "sql",
    upgradeSql: "create table t (id int);",
    upgradeLine: 4,
    downgradeSql: "drop table t;",
    downgradeLine: 6,
  });
});

test("a module without a downgrade export is an error naming the file", async (t) => {
  const dir = project({ "20250101_0001_init.ts": `export const revision = "0001";\nexport const downRevision = null;\nexport async function upgrade() {}\n` });
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const [source] = scanRevisionFiles(undefined, { cwd: dir });
  assert.ok(source);
  await assert.rejects(loadRevision(source, dir), (error: unknown) => {
    assert.ok(error instanceof AthanorError);
    assert.equal(error.code, "INVALID_REVISION_FILE");
    assert.match(error.message, /^versions\/20250101_0001_init\.ts does not export a function `downgrade` \(revision 0001\)/);
    return true;
  });
});

test("a module that throws while loading is an error naming the file with the original as cause", async (t) => {
  const dir = project({ "20250101_0001_init.ts": `export const revision = "0001";\nexport const downRevision = null;\nthrow new Error("boom at load");\n` });
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const [source] = scanRevisionFiles(undefined, { cwd: dir });
  assert.ok(source);
  await assert.rejects(loadRevision(source, dir), (error: unknown) => {
    assert.ok(error instanceof AthanorError);
    assert.match(error.message, /cannot load revision 0001 from versions\/20250101_0001_init\.ts: boom at load/);
    assert.ok(error.cause instanceof Error);
    assert.equal(error.cause.message, "boom at load");
    return true;
  });
});

test("a module with a syntax error is an error naming the file", async (t) => {
  const dir = project({ "20250101_0001_init.ts": `export const revision = "0001";\nexport const downRevision = null;\nexport async function upgrade( {\n` });
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const [source] = scanRevisionFiles(undefined, { cwd: dir });
  assert.ok(source);
  await assert.rejects(loadRevision(source, dir), /cannot load revision 0001 from versions\/20250101_0001_init\.ts/);
});
