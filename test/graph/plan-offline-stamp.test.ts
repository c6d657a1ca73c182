// `stamp <args> --sql` planned on the reference graph: each row is what Alembic 1.8.1 printed
// for the same arguments (with a sorted directory listing), as rows of version-table changes,
// plus whether the script creates or drops alembic_version.
import assert from "node:assert/strict";
import { test } from "node:test";
import { AthanorError } from "../../src/errors.js";
import { planOfflineStamp } from "../../src/graph/plan-offline-stamp.js";
import { parseStampArgument } from "../../src/graph/rev-spec.js";
import { referenceGraph } from "./graph-fixture.js";

const map = referenceGraph();

/** `0002 -> 0004: 0002>0004` per step (+insert, -delete, a>b update), then CREATE/DROP and the rows left. */
function render(args: string[]): string[] {
  const plan = planOfflineStamp(map, args.map(parseStampArgument));
  const steps = plan.steps.map((s) => {
    const changes = s.versionChanges.map((c) => (c.kind === "insert" ? `+${c.revision}` : c.kind === "delete" ? `-${c.revision}` : `${c.from}>${c.to}`));
    return `${s.from.join(", ")} -> ${s.to.join(", ")}: ${changes.join(" ")}`;
  });
  return [...(plan.createsVersionTable ? ["CREATE"] : []), ...steps, ...(plan.dropsVersionTable ? ["DROP"] : []), `rows [${plan.end.join(", ")}]`];
}

const cases: [string, string[]][] = [
  ["0002:0004", ["0002 -> 0004: 0002>0004", "rows [0004]"]],
  ["0003:0005", ["0003 -> 0005: 0003>0005", "rows [0005]"]],
  ["0005:0003", ["0005 -> 0003: 0005>0003", "rows [0003]"]],
  ["0002:base", ["0002 -> : -0002", "DROP", "rows []"]],
  ["a101:base", ["a101 -> : -a101", "DROP", "rows []"]],
  ["base:0002", ["CREATE", " -> 0002: +0002", "rows [0002]"]],
  [":0002", ["CREATE", " -> 0002: +0002", "rows [0002]"]],
  ["base:base", ["DROP", "rows []"]],
  ["base", ["DROP", "rows []"]],
  ["base:heads", ["CREATE", " -> 0006: +0006", " -> a101: +a101", "rows [0006, a101]"]],
  ["0006:heads", [" -> a101: +a101", "rows [0006, a101]"]],
  ["0004:0003", [" -> 0003: +0003", "rows [0004, 0003]"]],
  ["a100:0002", [" -> 0002: +0002", "rows [a100, 0002]"]],
  ["0002:a101", ["0002 -> a101: 0002>a101", "rows [a101]"]],
  ["0002:audit@head", ["0002 -> a101: 0002>a101", "rows [a101]"]],
  ["0002:heads", ["0002 -> 0006: 0002>0006", "0002 -> a101: +a101", "rows [0006, a101]"]],
  ["0002:0003 0002:0004", ["0002 -> 0003: 0002>0003", "0002 -> 0004: +0004", "rows [0003, 0004]"]],
  ["0001 0002:0004", ["0002 -> 0001: 0002>0001", "0002 -> 0004: +0004", "rows [0001, 0004]"]],
  ["0003:base 0003:0004", [" -> 0004: +0004", "rows [0003, 0004]"]],
  ["0002:base 0002:0003", ["0002 -> 0003: 0002>0003", "rows [0003]"]],
  ["0004:0004", ["rows [0004]"]],
  // Alembic crashes on these (KeyError, AssertionError); athanor plans what the rows allow.
  ["0006:0003 0006:0004", ["0006 -> 0003: 0006>0003", "0006 -> 0004: +0004", "rows [0003, 0004]"]],
  ["0002:0003 0002:0003", ["0002 -> 0003: 0002>0003", "rows [0003]"]],
];

for (const [args, expected] of cases) {
  test(`stamp ${args} --sql`, () => {
    assert.deepEqual(render(args.split(" ")), expected);
  });
}

function refusal(args: string[]): AthanorError {
  try {
    planOfflineStamp(map, args.map(parseStampArgument));
  } catch (error) {
    assert.ok(error instanceof AthanorError, String(error));
    return error;
  }
  assert.fail(`stamp ${args.join(" ")} --sql planned a script`);
}

test("two different starting revisions are refused with Alembic's sentence, naming both ranges", () => {
  const error = refusal(["0002:0006", "0003:a101"]);
  assert.equal(error.code, "BAD_REV_SPEC");
  assert.equal(error.message, "Stamp operation with --sql only supports a single starting revision at a time");
  assert.match(error.hint ?? "", /'0002:0006' and '0003:a101'/);
});

test("two spellings of one starting revision are one start (Alembic compares the text)", () => {
  const plan = planOfflineStamp(map, ["a101:0006", "audit@head:a100"].map(parseStampArgument));
  assert.deepEqual(plan.start, ["a101"]);
  assert.deepEqual(render(["a101:0006", "audit@head:a100"]), [" -> 0006: +0006", "a101 -> a100: a101>a100", "rows [a100, 0006]"]);
});

test("a start of several heads is refused: the script starts from one row", () => {
  for (const start of ["heads", "head"]) {
    const error = refusal([`${start}:0001`]);
    assert.equal(error.code, "MULTIPLE_HEADS");
    assert.match(error.message, new RegExp(`^Multiple head revisions are present for given argument '${start}'`));
    assert.match(error.hint ?? "", /stamp 0006:<torev> --sql/);
  }
});

test("a range with no end, or with two colons, is refused naming it", () => {
  assert.match(refusal(["0002:"]).message, /Stamp range '0002:' has no end revision/);
  assert.match(refusal(["0001:0002:0003"]).message, /Stamp range '0001:0002:0003' has more than one ':'/);
});

test("unknown revisions and walks on either side are Alembic's lookup errors", () => {
  assert.equal(refusal(["0009:0002"]).code, "REVISION_NOT_FOUND");
  assert.equal(refusal(["0002:0009"]).code, "REVISION_NOT_FOUND");
  assert.match(refusal(["0002:+1"]).message, /'\+1'/);
});
