// The --targets grammar, as a table: what a SPEC is read as, and the mistakes it refuses.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { globPattern, parseTargetSpec } from "../../../src/runtime/targets/target-spec.js";
import { AthanorError } from "../../../src/errors.js";

const cwd = mkdtempSync(path.join(tmpdir(), "athanor-spec-"));
test.after(() => rmSync(cwd, { recursive: true, force: true }));

const cases: [string, unknown][] = [
  ["tenant_1", [{ kind: "schema", pattern: "tenant_1" }]],
  [
    "tenant_*, shard_0? ,billing",
    [
      { kind: "schema", pattern: "tenant_*" },
      { kind: "schema", pattern: "shard_0?" },
      { kind: "schema", pattern: "billing" },
    ],
  ],
  ["postgres://app:secret@db2:5432/app", [{ kind: "url", url: "postgres://app:secret@db2:5432/app", schema: undefined }]],
  [
    "postgresql://db2/app#tenant_9,tenant_1",
    [
      { kind: "url", url: "postgresql://db2/app", schema: "tenant_9" },
      { kind: "schema", pattern: "tenant_1" },
    ],
  ],
  ["postgres://db2/app#Odd%20Name", [{ kind: "url", url: "postgres://db2/app", schema: "Odd Name" }]],
  // A query is the whole SPEC: its commas do not split it.
  [
    "SELECT nspname, 1 FROM pg_namespace WHERE nspname LIKE 'shard%'",
    [{ kind: "query", sql: "SELECT nspname, 1 FROM pg_namespace WHERE nspname LIKE 'shard%'" }],
  ],
  ["  with t as (select 'a') select * from t", [{ kind: "query", sql: "with t as (select 'a') select * from t" }]],
  [",tenant_1,,", [{ kind: "schema", pattern: "tenant_1" }]],
];

for (const [spec, expected] of cases) {
  test(`--targets ${JSON.stringify(spec)} is read as its items`, () => {
    assert.deepEqual(parseTargetSpec(spec, cwd), expected);
  });
}

test("a targets file (@FILE or a path that exists) holds one item per line, skipping blanks and # comments; a line may be a query", () => {
  writeFileSync(
    path.join(cwd, "targets.txt"),
    "# tenants\n\ntenant_*\n  postgres://db2/app#billing  \nSELECT nspname FROM pg_namespace WHERE nspname LIKE 'x%', 'y'\n",
  );
  const expected = [
    { kind: "schema", pattern: "tenant_*" },
    { kind: "url", url: "postgres://db2/app", schema: "billing" },
    { kind: "query", sql: "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'x%', 'y'" },
  ];
  assert.deepEqual(parseTargetSpec("@targets.txt", cwd), expected);
  assert.deepEqual(parseTargetSpec("targets.txt", cwd), expected);
  // A name that is no file is a schema name.
  assert.deepEqual(parseTargetSpec("other.txt", cwd), [{ kind: "schema", pattern: "other.txt" }]);
});

test("the config's targets may be a list of items", () => {
  assert.deepEqual(parseTargetSpec(["tenant_*", "postgres://db2/app"], cwd), [
    { kind: "schema", pattern: "tenant_*" },
    { kind: "url", url: "postgres://db2/app", schema: undefined },
  ]);
});

const refused: [string, RegExp][] = [
  ["", /names no target/],
  [" , ", /names no target/],
  ["@missing.txt", /no file missing\.txt/],
  ["tenant_1,SELECT 'x'", /a query must be the whole --targets value/],
  ["postgres://db2/app#", /must be followed by a schema name/],
  ["x".repeat(64), /longer than a schema name/],
];

for (const [spec, message] of refused) {
  test(`--targets ${JSON.stringify(spec.slice(0, 20))} is refused with USAGE naming the mistake`, () => {
    assert.throws(
      () => parseTargetSpec(spec, cwd),
      (error: unknown) => error instanceof AthanorError && error.code === "USAGE" && message.test(error.message),
    );
  });
}

test("an empty targets file is refused, naming it", () => {
  writeFileSync(path.join(cwd, "empty.txt"), "# nothing yet\n\n");
  assert.throws(() => parseTargetSpec("@empty.txt", cwd), /--targets file empty\.txt lists no target/);
});

test("globs: * any run, ? one character, [..] a class, the rest literal", () => {
  const matches = (glob: string, names: string[]) => names.filter((name) => globPattern(glob).test(name));
  assert.deepEqual(matches("tenant_*", ["tenant_1", "tenant_", "tenants", "xtenant_1"]), ["tenant_1", "tenant_"]);
  assert.deepEqual(matches("shard_0?", ["shard_01", "shard_0", "shard_012"]), ["shard_01"]);
  assert.deepEqual(matches("t[12]", ["t1", "t2", "t3"]), ["t1", "t2"]);
  assert.deepEqual(matches("a.b*", ["a.bc", "axbc"]), ["a.bc"]);
});
