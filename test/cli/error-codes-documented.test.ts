// README's table of error codes is what programs reading `--json` errors rely on: every
// code athanor can give is listed under the exit code it exits with.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { AthanorError } from "../../src/errors.js";
import { repoRoot } from "./run-cli.js";

test("README lists every error code under its exit code", () => {
  const source = readFileSync(path.join(repoRoot, "src", "errors.ts"), "utf8");
  const table = source.slice(source.indexOf("const exitCodeOf = {"), source.indexOf("} as const satisfies"));
  const codes = [...table.matchAll(/^\s+([A-Z_]+): ExitCode\.[A-Z_]+,/gm)].map((m) => m[1]!);
  assert.ok(codes.length > 30, "the codes were read");
  const readme = readFileSync(path.join(repoRoot, "README.md"), "utf8");
  const documented = new Map<string, number>();
  for (const row of readme.matchAll(/^\| (\d) \| (`[A-Z_]+`.*) \|$/gm)) {
    for (const code of row[2]!.matchAll(/`([A-Z_]+)`/g)) documented.set(code[1]!, Number(row[1]));
  }
  for (const code of codes) {
    assert.equal(documented.get(code), new AthanorError(code as never, "x").exitCode, `${code} in README's error-code table`);
  }
});
