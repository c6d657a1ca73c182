import { test } from "node:test";
import assert from "node:assert/strict";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { AthanorError } from "../../src/errors.js";
import { scanRevisionFiles } from "../../src/scripts/scan-version-locations.js";
import { readRevisionFile } from "../../src/scripts/read-revision-file.js";

function project(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "athanor-scan-"));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

const ts = (rev: string, down: string | null) => `export const revision = "${rev}";\nexport const downRevision = ${down === null ? "null" : `"${down}"`};\n`;
const sql = (rev: string, down: string) => `-- revision: ${rev}\n-- down_revision: ${down}\n-- +upgrade\nselect 1;\n`;

test("scans versions/ by default and skips files that are not revisions", (t) => {
  const dir = project({
    "versions/20250101_0001_init.ts": ts("0001", null),
    "versions/20250102_0002_next.sql": sql("0002", "0001"),
    "versions/20250103_0003_js.mjs": ts("0003", "0002"),
    "versions/README.md": "# notes",
    "versions/types.d.ts": "export declare const revision: string;",
    "versions/.hidden.ts": "garbage",
    "versions/__pycache__/x.ts": "garbage",
    "versions/notes.txt": "garbage",
    "versions/sub/20250104_0004_deep.ts": ts("0004", "0003"),
  });
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const sources = scanRevisionFiles(undefined, { cwd: dir });
  assert.deepEqual(
    sources.map((s) => [s.revision, s.path, s.format, s.sortKey]),
    [
      ["0001", path.join("versions", "20250101_0001_init.ts"), "ts", "20250101_0001_init.ts"],
      ["0002", path.join("versions", "20250102_0002_next.sql"), "sql", "20250102_0002_next.sql"],
      ["0003", path.join("versions", "20250103_0003_js.mjs"), "ts", "20250103_0003_js.mjs"],
    ],
  );
});

test("a recursive location includes subdirectories but not dot or __pycache__ ones", (t) => {
  const dir = project({
    "migrations/a/20250101_0001_init.ts": ts("0001", null),
    "migrations/a/b/20250102_0002_next.ts": ts("0002", "0001"),
    "migrations/.git/x.ts": "garbage",
    "migrations/__pycache__/y.ts": "garbage",
    "extra/20250103_0003_more.sql": sql("0003", "0002"),
  });
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const sources = scanRevisionFiles([{ path: "migrations", recursive: true }, { path: path.join(dir, "extra") }], { cwd: dir });
  assert.deepEqual(
    sources.map((s) => s.path),
    [
      path.join("extra", "20250103_0003_more.sql"),
      path.join("migrations", "a", "20250101_0001_init.ts"),
      path.join("migrations", "a", "b", "20250102_0002_next.ts"),
    ],
  );
});

test("a missing versions directory says how to create one", (t) => {
  const dir = project({});
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  assert.throws(
    () => scanRevisionFiles(undefined, { cwd: dir }),
    (error: unknown) => {
      assert.ok(error instanceof AthanorError);
      assert.equal(error.code, "NO_VERSIONS_DIRECTORY");
      assert.match(error.message, /no versions directory at versions/);
      assert.match(error.hint ?? "", /athanor init/);
      return true;
    },
  );
});

test("a file that is not UTF-8 is UNREADABLE_FILE with its path", (t) => {
  const dir = project({ "versions/20250101_0001_bad.ts": Buffer.from([0x65, 0xff, 0xfe, 0x00]) });
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  assert.throws(
    () => scanRevisionFiles(undefined, { cwd: dir }),
    (error: unknown) => {
      assert.ok(error instanceof AthanorError);
      assert.equal(error.code, "UNREADABLE_FILE");
      assert.match(error.message, /versions\/20250101_0001_bad\.ts:1: the file is not valid UTF-8 \(byte offset 1: 0xff 0xfe 0x00\)/);
      return true;
    },
  );
});

test("a file without read permission is UNREADABLE_FILE with the OS reason", { skip: process.getuid?.() === 0 && "root reads everything" }, (t) => {
  const dir = project({ "versions/20250101_0001_secret.ts": ts("0001", null) });
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  chmodSync(path.join(dir, "versions/20250101_0001_secret.ts"), 0o000);
  assert.throws(
    () => scanRevisionFiles(undefined, { cwd: dir }),
    (error: unknown) => {
      assert.ok(error instanceof AthanorError);
      assert.equal(error.code, "UNREADABLE_FILE");
      assert.match(error.message, /cannot read versions\/20250101_0001_secret\.ts: EACCES/);
      return true;
    },
  );
});

test("a UTF-8 byte order mark does not hide the first declaration", (t) => {
  const dir = project({ "versions/20250101_0001_bom.ts": "\ufeff" + ts("0001", null) });
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  assert.equal(scanRevisionFiles(undefined, { cwd: dir })[0]?.lines?.revision, 1);
});

test("reading a path the OS refuses gives UNREADABLE_FILE with the OS reason", (t) => {
  const dir = project({ "versions/20250101_0001_dir.ts/keep": "" });
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  assert.throws(
    () => readRevisionFile(path.join(dir, "versions/20250101_0001_dir.ts"), "versions/20250101_0001_dir.ts"),
    (error: unknown) => {
      assert.ok(error instanceof AthanorError);
      assert.equal(error.code, "UNREADABLE_FILE");
      assert.match(error.message, /cannot read versions\/20250101_0001_dir\.ts: EISDIR/);
      return true;
    },
  );
});
