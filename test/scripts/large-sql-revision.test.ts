// A SQL revision over 1 MB is read as its UTF-8 bytes, not decoded whole: it must give
// exactly the statements, lines and checksums the string path gives. Correctness only
// (memory is measured in bench/large-sql-revision.ts).
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { locateStatements } from "../../src/dialect/postgres/split-statements.js";
import { Utf8Text } from "../../src/dialect/postgres/sql-text.js";
import { loadRevision } from "../../src/scripts/load-revision.js";
import { readRevisionFile } from "../../src/scripts/read-revision-file.js";
import { readSqlRevision } from "../../src/scripts/read-sql-revision.js";
import { revisionChecksum } from "../../src/scripts/revision-checksum.js";

/** About `bytes` of statements with non-ASCII text in strings, identifiers and comments (0xa0 ends "à"). */
function bigSql(bytes: number): string {
  const parts = ["-- revision: big1", "-- down_revision: none", "-- +upgrade", 'CREATE TABLE "tàble" (id int, note text);'];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const block =
      i % 100 === 0
        ? `CREATE FUNCTION f${i}() RETURNS text LANGUAGE plpgsql AS $à$ BEGIN RETURN 'à;'; END; $à$;`
        : `-- ligne ${i} : déjà vu; 日本\nINSERT INTO "tàble" VALUES (${i}, E'à\\'; ${i}', /* /* à; */ */ 'x\u00a0;') ;`;
    parts.push(block);
    size += Buffer.byteLength(block) + 1;
  }
  parts.push("-- +downgrade", 'DROP TABLE "tàble";', "");
  return parts.join("\n");
}

test("a large file read as bytes gives the same statements and lines as the same text read as a string", () => {
  const text = bigSql(2.5 * 1024 * 1024);
  const fromString = readSqlRevision(text, "big.sql");
  const fromBytes = readSqlRevision(new Utf8Text(Buffer.from(text)), "big.sql");
  assert.ok(fromBytes.upgradeSql instanceof Utf8Text);
  assert.equal(fromBytes.upgradeLine, fromString.upgradeLine);
  assert.equal(fromBytes.downgradeLine, fromString.downgradeLine);
  const a = [...locateStatements(fromString.upgradeSql)];
  const b = [...locateStatements(fromBytes.upgradeSql)];
  assert.equal(b.length, a.length);
  assert.ok(a.length > 20000);
  for (let i = 0; i < a.length; i++) if (a[i]!.sql !== b[i]!.sql || a[i]!.line !== b[i]!.line) assert.deepEqual(b[i], a[i], `statement ${i}`);
  assert.equal(a[1]!.sql, "CREATE FUNCTION f0() RETURNS text LANGUAGE plpgsql AS $à$ BEGIN RETURN 'à;'; END; $à$");
  assert.deepEqual(b[2], { sql: "-- ligne 1 : déjà vu; 日本\nINSERT INTO \"tàble\" VALUES (1, E'à\\'; 1', /* /* à; */ */ 'x\u00a0;')", line: 3 });
  assert.deepEqual([...locateStatements(fromBytes.downgradeSql)], [{ sql: 'DROP TABLE "tàble"', line: 1 }]);
});

test("a large CRLF file with a BOM reads and hashes like its LF copy, a CR falling at the 1 MB chunk boundary", async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), "athanor-big-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(path.join(dir, "versions"));
  const lf = bigSql(1.5 * 1024 * 1024);
  // Pad the first line so that a CR of a CRLF sits at the last byte of the first 1 MB chunk.
  const crlf = Buffer.from("\ufeff" + lf.replaceAll("\n", "\r\n"));
  const firstCr = crlf.indexOf(13, 1024 * 1024 - 200);
  const pad = 1024 * 1024 - 1 - firstCr;
  const padded = (s: string) => s.replace("-- revision: big1", `-- revision: big1${" ".repeat(pad)}`);
  const lfText = padded(lf);
  const crlfBytes = Buffer.from("\ufeff" + lfText.replaceAll("\n", "\r\n"));
  assert.equal(crlfBytes[1024 * 1024 - 1], 13, "a CR ends the first chunk");
  writeFileSync(path.join(dir, "versions", "20250101_big1_lf.sql"), lfText);
  writeFileSync(path.join(dir, "versions", "20250101_big1_crlf.sql"), crlfBytes);
  const lfSource = readRevisionFile(path.join(dir, "versions", "20250101_big1_lf.sql"), "versions/20250101_big1_lf.sql");
  const crlfSource = readRevisionFile(path.join(dir, "versions", "20250101_big1_crlf.sql"), "versions/20250101_big1_crlf.sql");
  assert.equal(crlfSource.revision, "big1");
  assert.equal(revisionChecksum(crlfSource, dir), revisionChecksum(lfSource, dir));
  const lfLoaded = await loadRevision(lfSource, dir);
  const crlfLoaded = await loadRevision(crlfSource, dir);
  assert.ok(lfLoaded.format === "sql" && crlfLoaded.format === "sql");
  const statements = (sql: typeof lfLoaded.upgradeSql) => [...locateStatements(sql)];
  assert.deepEqual(statements(crlfLoaded.upgradeSql), statements(lfLoaded.upgradeSql));
  assert.equal(crlfLoaded.upgradeLine, lfLoaded.upgradeLine);
});
