// Revision files as editors save them: LF, CRLF or CR-only line ends and a BOM all read
// the same; bytes that are not UTF-8 are refused naming the file, line and byte offset.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { AthanorError } from "../../src/errors.js";
import { firstInvalidUtf8, readRevisionFile } from "../../src/scripts/read-revision-file.js";
import { loadRevision } from "../../src/scripts/load-revision.js";

const SQL = [
  "-- revision: a1",
  "-- down_revision: none",
  "-- message: line ends",
  "-- +upgrade",
  "CREATE TABLE t (note text DEFAULT 'x');",
  "",
  "-- +downgrade",
  "DROP TABLE t;",
  "",
];

function withFile(name: string, content: Buffer | string, body: (dir: string, file: string) => Promise<void> | void): Promise<void> | void {
  const dir = mkdtempSync(path.join(tmpdir(), "athanor-enc-"));
  mkdirSync(path.join(dir, "versions"));
  const file = path.join(dir, "versions", name);
  writeFileSync(file, content);
  const done = () => rmSync(dir, { recursive: true, force: true });
  try {
    const result = body(dir, file);
    if (result instanceof Promise) return result.finally(done);
    done();
  } catch (error) {
    done();
    throw error;
  }
}

for (const [what, text] of [
  ["LF", SQL.join("\n")],
  ["CRLF", SQL.join("\r\n")],
  ["CR-only", SQL.join("\r")],
  ["BOM and CRLF", "\ufeff" + SQL.join("\r\n")],
  ["BOM and CR-only", "\ufeff" + SQL.join("\r")],
] as const) {
  test(`a SQL revision with ${what} line ends reads the same metadata, sections and lines`, async () => {
    await withFile("20250101_a1_ends.sql", text, async (dir, file) => {
      const source = readRevisionFile(file, "versions/20250101_a1_ends.sql");
      assert.equal(source.revision, "a1");
      assert.deepEqual(source.downRevisions, []);
      assert.equal(source.message, "line ends");
      assert.deepEqual(await loadRevision(source, dir), {
        format: "sql",
        upgradeSql: "CREATE TABLE t (note text DEFAULT 'x');",
        upgradeLine: 5,
        downgradeSql: "DROP TABLE t;",
        downgradeLine: 8,
      });
    });
  });
}

test("a SQL revision with bytes that are not UTF-8 names the file, the line and the byte offset", () => {
  const head = Buffer.from("-- revision: a1\n-- down_revision: none\n-- +upgrade\nINSERT INTO t VALUES ('caf");
  const bytes = Buffer.concat([head, Buffer.from([0xe9]), Buffer.from("');\n")]); // Latin-1 é
  withFile("20250101_a1_latin1.sql", bytes, (_dir, file) => {
    assert.throws(
      () => readRevisionFile(file, "versions/20250101_a1_latin1.sql"),
      (error: unknown) => {
        assert.ok(error instanceof AthanorError);
        assert.equal(error.code, "UNREADABLE_FILE");
        assert.equal(
          error.message,
          `cannot read versions/20250101_a1_latin1.sql:4: the file is not valid UTF-8 (byte offset ${head.length}: 0xe9 0x27 0x29 0x3b)`,
        );
        assert.deepEqual(error.details, { file: "versions/20250101_a1_latin1.sql", line: 4, byteOffset: head.length });
        return true;
      },
    );
  });
});

test("a TypeScript revision with bytes that are not UTF-8 gets the same message; CR-only lines are counted", () => {
  const head = Buffer.from('export const revision = "a1";\rexport const downRevision = null;\rexport const message = "');
  const bytes = Buffer.concat([head, Buffer.from([0xc3, 0x28]), Buffer.from('";\r')]); // a lead byte without its continuation
  withFile("20250101_a1_bad.ts", bytes, (_dir, file) => {
    assert.throws(
      () => readRevisionFile(file, "versions/20250101_a1_bad.ts"),
      (error: unknown) => {
        assert.ok(error instanceof AthanorError);
        assert.equal(error.code, "UNREADABLE_FILE");
        assert.match(
          error.message,
          new RegExp(`^cannot read versions/20250101_a1_bad\\.ts:3: the file is not valid UTF-8 \\(byte offset ${head.length}: 0xc3 0x28`),
        );
        return true;
      },
    );
  });
});

test("a real U+FFFD in a UTF-8 file is not an encoding error", () => {
  withFile("20250101_a1_fffd.sql", "-- revision: a1\n-- down_revision: none\n-- message: \ufffd\n-- +upgrade\nSELECT 1;\n", (_dir, file) => {
    assert.equal(readRevisionFile(file, "versions/20250101_a1_fffd.sql").message, "\ufffd");
  });
});

test("firstInvalidUtf8 finds overlongs, surrogates, truncated and out-of-range sequences and accepts valid ones", () => {
  const cases: [number[], number][] = [
    [[0x61, 0xc3, 0xa9, 0x62], -1], // é
    [[0xe6, 0x97, 0xa5], -1], // 日
    [[0xf0, 0x9f, 0x98, 0x80], -1], // 😀
    [[0x61, 0xc0, 0xaf], 1], // overlong /
    [[0xe0, 0x80, 0xaf], 0], // overlong, 3 bytes
    [[0x61, 0x62, 0xed, 0xa0, 0x80], 2], // a UTF-16 surrogate
    [[0xf4, 0x90, 0x80, 0x80], 0], // above U+10FFFF
    [[0x61, 0xe6, 0x97], 1], // truncated at the end
    [[0x80], 0], // a lone continuation byte
  ];
  for (const [bytes, expected] of cases) assert.equal(firstInvalidUtf8(Uint8Array.from(bytes)), expected, bytes.map((b) => b.toString(16)).join(" "));
});
