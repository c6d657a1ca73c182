// A squash revision's `replaces`, read without running the file from both formats (and
// written by the templates), with the errors for values that cannot be one.
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { AthanorError } from "../../src/errors.js";
import { readSqlRevision, sqlSpelling } from "../../src/scripts/read-sql-revision.js";
import { readTsMetadata } from "../../src/scripts/read-ts-metadata.js";
import { toRevisionSource } from "../../src/scripts/revision-metadata.js";
import { writeRevisionFile } from "../../src/scripts/write-revision.js";

const ts = (replaces: string) => `import type { Operations } from "athanor";

export const revision = "0007";
export const downRevision: string | string[] | null = "0001";
export const replaces: string[] = ${replaces};
export const message = "squash";

export async function upgrade(op: Operations): Promise<void> {}
`;

const fromTs = (text: string) => toRevisionSource(readTsMetadata(text, "v/s.ts"), { path: "v/s.ts", format: "ts", sortKey: "s.ts", spell: (f) => f });

test("replaces is read from a TypeScript revision and a SQL header; other revisions have none", () => {
  assert.deepEqual(fromTs(ts('["0002", "0003"]')).replaces, ["0002", "0003"]);
  assert.equal(fromTs(ts("[]")).replaces, undefined);
  assert.equal(fromTs(ts("null")).replaces, undefined);
  const sql = readSqlRevision("-- revision: 0007\n-- down_revision: 0001\n-- replaces: 0002, 0003\n-- +upgrade\nSELECT 1;\n", "v/s.sql");
  const source = toRevisionSource(sql.metadata, { path: "v/s.sql", format: "sql", sortKey: "s.sql", spell: sqlSpelling });
  assert.deepEqual(source.replaces, ["0002", "0003"]);
  assert.equal(source.lines?.replaces, 3);
});

test("a replaces that is not a list of distinct ids, or names the revision itself, is an error naming file:line", () => {
  for (const [value, pattern] of [
    ['["0002", "0002"]', /v\/s\.ts:5: replaces must be null, a revision id, or an array of distinct revision ids/],
    ["[1]", /v\/s\.ts:5: replaces must be/],
    ['["0002", "0007"]', /v\/s\.ts:5: replaces names the revision itself \(0007\)/],
  ] as const) {
    assert.throws(
      () => fromTs(ts(value)),
      (error: unknown) => error instanceof AthanorError && error.code === "INVALID_REVISION_FILE" && pattern.test(error.message),
      value,
    );
  }
});

test("the built-in templates write replaces where the reader finds it, and leave it out otherwise", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "athanor-replaces-"));
  try {
    for (const format of ["ts", "sql"] as const) {
      const common = { directory: dir, downRevisions: ["0001"], message: `squash ${format}`, createDate: new Date(), format, existingRevisions: [] };
      const squash = writeRevisionFile({ ...common, revision: `s00${format === "ts" ? 1 : 2}`, replaces: ["0002", "0003"] });
      assert.deepEqual(squash.source.replaces, ["0002", "0003"]);
      assert.match(squash.text, format === "ts" ? /^export const replaces: string\[\] = \["0002", "0003"\];$/m : /^-- replaces: 0002, 0003$/m);
      const plain = writeRevisionFile({ ...common, revision: `p00${format === "ts" ? 1 : 2}`, message: `plain ${format}` });
      assert.doesNotMatch(plain.text, /replaces/);
    }
    const dry = writeRevisionFile({ directory: dir, revision: "d001", downRevisions: [], message: "dry", createDate: new Date(), format: "ts", dryRun: true });
    assert.match(dry.text, /export const revision = "d001";/);
    assert.ok(!existsSync(dry.path), "a dry run writes nothing");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
