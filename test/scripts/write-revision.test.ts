import { test } from "node:test";
import assert from "node:assert/strict";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { AthanorError } from "../../src/errors.js";
import { writeRevisionFile, type WriteRevisionOptions } from "../../src/scripts/write-revision.js";
import { scanRevisionFiles } from "../../src/scripts/scan-version-locations.js";
import { loadRevision } from "../../src/scripts/load-revision.js";

function project(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "athanor-write-"));
  mkdirSync(path.join(dir, "versions"));
  return dir;
}

const when = new Date(2025, 11, 15, 10, 0, 0);

function options(dir: string, extra: Partial<WriteRevisionOptions> = {}): WriteRevisionOptions {
  return {
    directory: path.join(dir, "versions"),
    revision: "0002",
    downRevisions: ["0001"],
    message: "add new_field to users",
    createDate: when,
    format: "ts",
    ...extra,
  };
}

test("the written TypeScript revision matches DESIGN.md's format and reads back through the scanner", (t) => {
  const dir = project();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const written = writeRevisionFile(
    options(dir, {
      upgradeBody: 'await op.addColumn("users", { name: "new_field", type: "varchar(100)" });',
      downgradeBody: 'await op.dropColumn("users", "new_field");',
    }),
  );
  assert.equal(written.path, path.join(dir, "versions", "20251215_0002_add_new_field_to_users.ts"));
  assert.equal(
    readFileSync(written.path, "utf8"),
    `import type { Operations } from "athanor";

export const revision = "0002";
export const downRevision: string | string[] | null = "0001";
export const branchLabels: string[] = [];
export const dependsOn: string[] = [];
export const message = "add new_field to users";
export const createDate = "2025-12-15 10:00:00";

export async function upgrade(op: Operations): Promise<void> {
  await op.addColumn("users", { name: "new_field", type: "varchar(100)" });
}

export async function downgrade(op: Operations): Promise<void> {
  await op.dropColumn("users", "new_field");
}
`,
  );
  const [source] = scanRevisionFiles(undefined, { cwd: dir });
  assert.deepEqual(source, { ...written.source, path: path.join("versions", "20251215_0002_add_new_field_to_users.ts") });
  assert.equal(source?.message, "add new_field to users");
});

test("merge, base, labels, dependencies and a tricky message round-trip in TypeScript and SQL", (t) => {
  const dir = project();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const message = 'merge "heads" \\ with ${x} and `ticks`\nsecond line — café';
  writeRevisionFile(options(dir, { revision: "m1", downRevisions: ["0003", "0004"], branchLabels: ["feature_x"], dependsOn: ["audit"], message }));
  writeRevisionFile(
    options(dir, { revision: "b1", downRevisions: [], message: "new base", format: "sql", upgradeBody: "select 1;", downgradeBody: "select 2;" }),
  );
  writeRevisionFile(
    options(dir, { revision: "s2", downRevisions: ["0003", "0004"], branchLabels: ["a", "b"], dependsOn: ["c"], message: "two\nlines", format: "sql" }),
  );
  const byId = new Map(scanRevisionFiles(undefined, { cwd: dir }).map((s) => [s.revision, s]));
  assert.deepEqual(byId.get("m1")?.downRevisions, ["0003", "0004"]);
  assert.deepEqual(byId.get("m1")?.branchLabels, ["feature_x"]);
  assert.deepEqual(byId.get("m1")?.dependsOn, ["audit"]);
  assert.equal(byId.get("m1")?.message, message);
  assert.equal(byId.get("m1")?.path, path.join("versions", "20251215_m1_merge_heads_with_x_and_ticks_second_line.ts"));
  assert.deepEqual(byId.get("b1")?.downRevisions, []);
  assert.equal(byId.get("b1")?.createDate, "2025-12-15 10:00:00");
  assert.deepEqual(byId.get("s2")?.branchLabels, ["a", "b"]);
  assert.equal(byId.get("s2")?.message, "two lines");
});

test("a written SQL revision loads with its sections", async (t) => {
  const dir = project();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const written = writeRevisionFile(options(dir, { format: "sql", upgradeBody: "create table t (id int);", downgradeBody: "drop table t;" }));
  assert.deepEqual(await loadRevision(written.source, dir), {
    format: "sql",
    upgradeSql: "create table t (id int);",
    upgradeLine: 9,
    downgradeSql: "drop table t;",
    downgradeLine: 12,
  });
});

test("an empty message gives a file name without a slug", (t) => {
  const dir = project();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  assert.equal(path.basename(writeRevisionFile(options(dir, { message: "  !!! " })).path), "20251215_0002.ts");
});

test("never overwrites an existing file and leaves no temporary file behind", (t) => {
  const dir = project();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const target = path.join(dir, "versions", "20251215_0002_add_new_field_to_users.ts");
  writeFileSync(target, "// mine\n");
  assert.throws(
    () => writeRevisionFile(options(dir, { existingRevisions: [] })),
    (error: unknown) => {
      assert.ok(error instanceof AthanorError);
      assert.equal(error.code, "FILE_EXISTS");
      assert.match(error.message, /20251215_0002_add_new_field_to_users\.ts already exists/);
      return true;
    },
  );
  assert.equal(readFileSync(target, "utf8"), "// mine\n");
  assert.deepEqual(readdirSync(path.join(dir, "versions")), ["20251215_0002_add_new_field_to_users.ts"]);
});

test("refuses a revision id that already exists, scanning the directory when not told", (t) => {
  const dir = project();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeRevisionFile(options(dir));
  assert.throws(
    () => writeRevisionFile(options(dir, { message: "other" })),
    (error: unknown) => {
      assert.ok(error instanceof AthanorError);
      assert.equal(error.code, "DUPLICATE_REVISION");
      assert.match(error.message, /revision id 0002 already exists/);
      return true;
    },
  );
  assert.throws(() => writeRevisionFile(options(dir, { revision: "x1", existingRevisions: ["x1"] })), /revision id x1 already exists/);
  assert.throws(() => writeRevisionFile(options(dir, { revision: "has space" })), /revision id "has space" is not valid/);
});

test("a missing or unwritable directory is a clear error with the path", (t) => {
  const dir = project();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  assert.throws(
    () => writeRevisionFile(options(dir, { directory: path.join(dir, "nope"), existingRevisions: [] })),
    (error: unknown) => {
      assert.ok(error instanceof AthanorError);
      assert.equal(error.code, "NO_VERSIONS_DIRECTORY");
      assert.match(error.message, /nope/);
      return true;
    },
  );
  const fileAsDir = path.join(dir, "file");
  writeFileSync(fileAsDir, "");
  assert.throws(
    () => writeRevisionFile(options(dir, { directory: fileAsDir, existingRevisions: [] })),
    (error: unknown) => {
      assert.ok(error instanceof AthanorError);
      assert.equal(error.code, "UNWRITABLE_DIRECTORY");
      assert.ok(error.message.includes(`cannot write a revision file in ${fileAsDir}`));
      return true;
    },
  );
});

test("a read-only directory is UNWRITABLE_DIRECTORY", { skip: process.getuid?.() === 0 && "root writes everywhere" }, (t) => {
  const dir = project();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  chmodSync(path.join(dir, "versions"), 0o555);
  assert.throws(() => writeRevisionFile(options(dir, { existingRevisions: [] })), /UNWRITABLE|cannot write a revision file/);
});

test("a project template overrides the built-in one and the fallback is the built-in", (t) => {
  const dir = project();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(path.join(dir, "templates"));
  writeFileSync(
    path.join(dir, "templates", "revision.ts.tmpl"),
    [
      "// custom template, uses $${literal}",
      "export const revision = ${revision};",
      "export const downRevision = ${downRevision};",
      "export const message = ${message};",
      "export async function upgrade(op: unknown) {",
      "    ${upgradeBody}",
      "}",
      "export async function downgrade() {}",
    ].join("\n"),
  );
  const written = writeRevisionFile(options(dir, { templatesDir: path.join(dir, "templates"), upgradeBody: "a();\n\nb();" }));
  assert.equal(
    readFileSync(written.path, "utf8"),
    [
      "// custom template, uses ${literal}",
      'export const revision = "0002";',
      'export const downRevision = "0001";',
      'export const message = "add new_field to users";',
      "export async function upgrade(op: unknown) {",
      "    a();",
      "",
      "    b();",
      "}",
      "export async function downgrade() {}",
      "",
    ].join("\n"),
  );
  const sql = writeRevisionFile(options(dir, { revision: "0003", format: "sql", templatesDir: path.join(dir, "templates") }));
  assert.match(readFileSync(sql.path, "utf8"), /^-- revision: 0003\n-- down_revision: 0001\n-- branch_labels:\n/);
});

test("an unknown template placeholder is INVALID_TEMPLATE naming the template file, line and placeholder", (t) => {
  const dir = project();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const templates = path.join(dir, "templates");
  mkdirSync(templates);
  writeFileSync(path.join(templates, "revision.ts.tmpl"), "export const revision = ${revision};\nexport const downRevision = ${parent};\n");
  assert.throws(
    () => writeRevisionFile(options(dir, { templatesDir: templates })),
    (error: unknown) => {
      assert.ok(error instanceof AthanorError);
      assert.equal(error.code, "INVALID_TEMPLATE");
      assert.ok(error.message.startsWith(`${path.join(templates, "revision.ts.tmpl")}:2: unknown placeholder \${parent}`), error.message);
      assert.match(error.hint ?? "", /\$\{downRevision\}/);
      return true;
    },
  );
  assert.deepEqual(readdirSync(path.join(dir, "versions")), []);
});

test("a template whose output the scanner cannot read back is refused before writing", (t) => {
  const dir = project();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const templates = path.join(dir, "templates");
  mkdirSync(templates);
  writeFileSync(path.join(templates, "revision.ts.tmpl"), "export const revision = String(${revision});\nexport const downRevision = ${downRevision};\n");
  assert.throws(() => writeRevisionFile(options(dir, { templatesDir: templates })), /INVALID_TEMPLATE|renders a file athanor cannot read back/);
  writeFileSync(path.join(templates, "revision.ts.tmpl"), "export const revision = ${revision};\nexport const downRevision = null;\n");
  assert.throws(() => writeRevisionFile(options(dir, { templatesDir: templates })), /does not declare the revision's metadata/);
  assert.deepEqual(readdirSync(path.join(dir, "versions")), []);
});
