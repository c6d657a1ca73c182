import { test } from "node:test";
import assert from "node:assert/strict";
import { AthanorError } from "../../src/errors.js";
import { readSqlMetadata, readSqlRevision, sqlSpelling } from "../../src/scripts/read-sql-revision.js";
import { toRevisionSource } from "../../src/scripts/revision-metadata.js";

const FILE = "versions/20251216_0003_add_index.sql";

function read(text: string) {
  const sql = readSqlRevision(text, FILE);
  return { sql, source: toRevisionSource(sql.metadata, { path: FILE, format: "sql", sortKey: "20251216_0003_add_index.sql", spell: sqlSpelling }) };
}

function rejects(text: string, pattern: RegExp): AthanorError {
  try {
    read(text);
  } catch (error) {
    assert.ok(error instanceof AthanorError);
    assert.equal(error.code, "INVALID_REVISION_FILE");
    assert.match(error.message, pattern);
    return error;
  }
  assert.fail("expected an error");
}

test("reads every header key and both sections", () => {
  const { sql, source } = read(`-- revision: 0003
-- down_revision: 0002
-- branch_labels: feature_x, audit
-- depends_on: abc123
-- message: add index: on email
-- create_date: 2025-12-16 09:00:00
-- transactional: false
-- This file was written by hand.

-- +upgrade
CREATE INDEX CONCURRENTLY ix_users_email ON users (email);
-- a comment inside the section stays
-- message: not a header here

-- +downgrade
DROP INDEX CONCURRENTLY ix_users_email;
`);
  assert.deepEqual(source, {
    revision: "0003",
    downRevisions: ["0002"],
    branchLabels: ["feature_x", "audit"],
    dependsOn: ["abc123"],
    message: "add index: on email",
    createDate: "2025-12-16 09:00:00",
    path: FILE,
    sortKey: "20251216_0003_add_index.sql",
    transactional: false,
    format: "sql",
    lines: { revision: 1, downRevision: 2, branchLabels: 3, dependsOn: 4 },
  });
  assert.equal(
    sql.upgradeSql,
    "CREATE INDEX CONCURRENTLY ix_users_email ON users (email);\n-- a comment inside the section stays\n-- message: not a header here",
  );
  assert.equal(sql.downgradeSql, "DROP INDEX CONCURRENTLY ix_users_email;");
});

test("down_revision none is a base and a comma list is a merge", () => {
  assert.deepEqual(read("-- revision: a1\n-- down_revision: none\n-- +upgrade\nselect 1;\n").source.downRevisions, []);
  assert.deepEqual(read("-- revision: a1\n-- down_revision: None\n-- +upgrade\nselect 1;\n").source.downRevisions, []);
  assert.deepEqual(read("-- revision: m1\n-- down_revision: 0003, 0004\n-- +upgrade\n").source.downRevisions, ["0003", "0004"]);
});

test("a file without a downgrade section has empty downgrade SQL; CRLF line ends are accepted", () => {
  const { sql, source } = read("-- revision: a1\r\n-- down_revision: none\r\n-- +upgrade\r\nselect 1;\r\n");
  assert.equal(source.revision, "a1");
  assert.equal(sql.upgradeSql, "select 1;");
  assert.equal(sql.downgradeSql, "");
});

test("an unknown header key is an error with the line and a suggestion", () => {
  const error = rejects(
    "-- revision: 0003\n-- down_revison: 0002\n-- +upgrade\n",
    /^versions\/20251216_0003_add_index\.sql:2: unknown header `down_revison` \(did you mean `down_revision`\?\)/,
  );
  assert.match(error.hint ?? "", /revision, down_revision, branch_labels/);
});

test("a missing -- +upgrade marker is an error naming the file", () => {
  rejects("-- revision: 0003\n-- down_revision: 0002\n", /\.sql:3: no `-- \+upgrade` section/);
});

test("a duplicate section names both lines", () => {
  rejects(
    "-- revision: 0003\n-- down_revision: 0002\n-- +upgrade\nselect 1;\n-- +upgrade\nselect 2;\n",
    /:5: second `-- \+upgrade` section \(the first is on line 3\)/,
  );
});

test("an unknown section marker is an error", () => {
  rejects("-- revision: 0003\n-- down_revision: 0002\n-- +upgrade\n-- +Downgrade\n", /:4: unknown section marker `-- \+Downgrade`/);
});

test("SQL before the upgrade marker is an error with its line", () => {
  rejects("-- revision: 0003\n-- down_revision: 0002\nCREATE TABLE t ();\n-- +upgrade\n", /:3: SQL before the `-- \+upgrade` marker/);
});

test("a duplicate header and a bad transactional value name file:line and the SQL key", () => {
  rejects("-- revision: 0003\n-- revision: 0004\n-- +upgrade\n", /:2: revision is declared twice \(first on line 1\)/);
  rejects("-- revision: 0003\n-- down_revision: 0002\n-- transactional: maybe\n-- +upgrade\n", /:3: transactional must be true or false; found "maybe"/);
  rejects("-- revision: 0003\n-- +upgrade\n", /no down_revision declared for revision 0003/);
  rejects("-- down_revision: none\n-- +upgrade\n", /\.sql: no revision declared/);
});

test("reading the metadata alone gives the same metadata and still checks the sections", () => {
  const text =
    "-- revision: 0003\n-- down_revision: 0002\n-- message: a message long enough to be a slice\n\n-- +upgrade\nSELECT 1;\n-- +downgrade\nSELECT 2;\n";
  assert.deepEqual(readSqlMetadata(text, FILE), readSqlRevision(text, FILE).metadata);
  assert.throws(() => readSqlMetadata(`${text}-- +upgrade\nSELECT 3;\n`, FILE), /second `-- \+upgrade` section/);
  assert.throws(() => readSqlMetadata("-- revision: 0003\n-- down_revision: 0002\nSELECT 1;\n", FILE), /SQL before the `-- \+upgrade` marker/);
});

test("a CR-only file is read with its lines, as PostgreSQL ends a -- comment at CR", () => {
  const { sql, source } = read("-- revision: a1\r-- down_revision: none\r-- message: m\r-- +upgrade\rselect 1;\r-- +downgrade\rselect 2;\r");
  assert.equal(source.revision, "a1");
  assert.equal(source.message, "m");
  assert.deepEqual(source.lines, { revision: 1, downRevision: 2 });
  assert.equal(sql.upgradeSql, "select 1;");
  assert.equal(sql.downgradeSql, "select 2;");
});
