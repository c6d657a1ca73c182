// Scanning 10,000 revision files reads every one right. How fast it is lives in bench/
// (graph-read.ts): nothing here is timed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { scanRevisionFiles } from "../../src/scripts/scan-version-locations.js";

const COUNT = 10_000;

function revisionText(i: number): { name: string; text: string } {
  const rev = String(i).padStart(5, "0");
  const down = i === 1 ? null : String(i - 1).padStart(5, "0");
  if (i % 10 === 0) {
    return {
      name: `20251215_${rev}_step.sql`,
      text: `-- revision: ${rev}\n-- down_revision: ${down ?? "none"}\n-- message: step ${i}\n-- +upgrade\nCREATE TABLE t${i} (id int);\n-- +downgrade\nDROP TABLE t${i};\n`,
    };
  }
  return {
    name: `20251215_${rev}_step.ts`,
    text: `import type { Operations } from "athanor";

export const revision = "${rev}";
export const downRevision: string | string[] | null = ${down === null ? "null" : `"${down}"`};
export const branchLabels: string[] = [];
export const dependsOn: string[] = [];
export const message = "add table ${i}";
export const createDate = "2025-12-15 10:00:00";

export async function upgrade(op: Operations): Promise<void> {
  await op.createTable("t${i}", [{ name: "id", type: "integer" }, { name: "name", type: "text" }]);
  // a comment with "quotes", \`ticks\` and { braces
}

export async function downgrade(op: Operations): Promise<void> {
  await op.dropTable("t${i}");
}
`,
  };
}

test("scanning 10,000 revision files reads every id and parent", (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), "athanor-scan-many-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const versions = path.join(dir, "versions");
  mkdirSync(versions);
  for (let i = 1; i <= COUNT; i++) {
    const { name, text } = revisionText(i);
    writeFileSync(path.join(versions, name), text);
  }
  const sources = scanRevisionFiles(undefined, { cwd: dir });
  assert.equal(sources.length, COUNT);
  const parentOf = new Map(sources.map((s) => [s.revision, s.downRevisions]));
  for (let i = 1; i <= COUNT; i++) {
    const expected = i === 1 ? [] : [String(i - 1).padStart(5, "0")];
    assert.deepEqual(parentOf.get(String(i).padStart(5, "0")), expected, `revision ${i}`);
  }
});
