import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { initProject } from "../../src/scripts/init-project.js";
import { scanRevisionFiles } from "../../src/scripts/scan-version-locations.js";
import { writeRevisionFile } from "../../src/scripts/write-revision.js";

function emptyDir(): string {
  return mkdtempSync(path.join(tmpdir(), "athanor-init-"));
}

test("init creates the config, versions/, templates, models, .env.example and .gitignore", (t) => {
  const dir = emptyDir();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const result = initProject(dir);
  assert.deepEqual(result, {
    created: [
      "athanor.config.ts",
      "versions/.gitkeep",
      "templates/revision.ts.tmpl",
      "templates/revision.sql.tmpl",
      "app/models/index.ts",
      "secrets/.env.example",
      ".gitignore",
    ],
    kept: [],
    updated: [],
  });
  assert.match(readFileSync(path.join(dir, "athanor.config.ts"), "utf8"), /import \{ defineConfig \} from "athanor";\n\nexport default defineConfig\(\{/);
  assert.equal(
    readFileSync(path.join(dir, "secrets/.env.example"), "utf8")
      .split("\n")
      .find((l) => l.startsWith("DATABASE_URL")),
    "DATABASE_URL=postgresql://user:password@localhost:5432/app",
  );
  assert.equal(readFileSync(path.join(dir, ".gitignore"), "utf8"), "secrets/.env\n.athanor/\n");
  assert.deepEqual(scanRevisionFiles(undefined, { cwd: dir }), []);
  // The copied templates are the ones `revision` uses.
  const written = writeRevisionFile({
    directory: path.join(dir, "versions"),
    revision: "0001",
    downRevisions: [],
    message: "initial",
    createDate: new Date(2025, 0, 1),
    format: "ts",
    templatesDir: path.join(dir, "templates"),
  });
  assert.equal(scanRevisionFiles(undefined, { cwd: dir })[0]?.revision, written.source.revision);
});

test("init run twice keeps every file and adds nothing to .gitignore", (t) => {
  const dir = emptyDir();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  initProject(dir);
  writeFileSync(path.join(dir, "athanor.config.ts"), "// edited\n");
  const second = initProject(dir);
  assert.deepEqual(second.created, []);
  assert.deepEqual(second.updated, []);
  assert.deepEqual(second.kept, [
    "athanor.config.ts",
    "versions/",
    "templates/revision.ts.tmpl",
    "templates/revision.sql.tmpl",
    "app/models/index.ts",
    "secrets/.env.example",
    ".gitignore",
  ]);
  assert.equal(readFileSync(path.join(dir, "athanor.config.ts"), "utf8"), "// edited\n");
  assert.equal(readFileSync(path.join(dir, ".gitignore"), "utf8"), "secrets/.env\n.athanor/\n");
});

test("init appends only the missing .gitignore lines and keeps an existing versions directory", (t) => {
  const dir = emptyDir();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(path.join(dir, ".gitignore"), "node_modules\n/.athanor");
  mkdirSync(path.join(dir, "versions"));
  writeFileSync(path.join(dir, "versions", "20250101_0001_a.ts"), 'export const revision = "0001";\nexport const downRevision = null;\n');
  const result = initProject(dir);
  assert.deepEqual(result.updated, [".gitignore"]);
  assert.ok(result.kept.includes("versions/"));
  assert.equal(existsSync(path.join(dir, "versions", ".gitkeep")), false);
  assert.equal(readFileSync(path.join(dir, ".gitignore"), "utf8"), "node_modules\n/.athanor\nsecrets/.env\n");
});
