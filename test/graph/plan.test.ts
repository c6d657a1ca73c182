import assert from "node:assert/strict";
import { test } from "node:test";
import { AthanorError } from "../../src/errors.js";
import { planDowngrade, planStamp, planStampSteps, planUpgrade } from "../../src/graph/plan.js";
import { parseRevSpec } from "../../src/graph/rev-spec.js";
import type { Plan } from "../../src/graph/step.js";
import { graph, referenceGraph } from "./graph-fixture.js";

const map = referenceGraph();

/** One line per step: `0003, 0004 -> 0005: -0003 0004>0005` (+insert, -delete, a>b update). */
function render(plan: Plan): string[] {
  return plan.steps.map((s) => {
    const changes = s.versionChanges.map((c) => (c.kind === "insert" ? `+${c.revision}` : c.kind === "delete" ? `-${c.revision}` : `${c.from}>${c.to}`));
    return `${s.from.join(", ")} -> ${s.to.join(", ")}: ${changes.join(" ")}`;
  });
}

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof AthanorError, String(error));
    return error.code;
  }
  return "no error";
}

const transcripts: { name: string; plan: () => Plan; steps: string[]; end: string[] }[] = [
  {
    name: "upgrade 0005 --sql: 0004 runs before 0003 (Alembic's walk) and 0003 is inserted as a sibling",
    plan: () => planUpgrade(map, [], parseRevSpec("0005")),
    steps: [" -> 0001: +0001", "0001 -> 0002: 0001>0002", "0002 -> 0004: 0002>0004", "0002 -> 0003: +0003", "0003, 0004 -> 0005: -0003 0004>0005"],
    end: ["0005"],
  },
  {
    name: "downgrade 0006:0002 --sql unmerges by inserting a row back",
    plan: () => planDowngrade(map, ["0006"], parseRevSpec("0002")),
    steps: ["0006 -> 0005: 0006>0005", "0005 -> 0003, 0004: +0003 0005>0004", "0003 -> 0002: -0003", "0004 -> 0002: 0004>0002"],
    end: ["0002"],
  },
  {
    name: "upgrade audit@head pulls in the dependency and a101 absorbs 0002's row",
    plan: () => planUpgrade(map, [], parseRevSpec("audit@head")),
    steps: [" -> 0001: +0001", "0001 -> 0002: 0001>0002", " -> a100: +a100", "a100 -> a101: -a100 0002>a101"],
    end: ["a101"],
  },
  {
    name: "upgrade 0003 from an empty database",
    plan: () => planUpgrade(map, [], parseRevSpec("0003")),
    steps: [" -> 0001: +0001", "0001 -> 0002: 0001>0002", "0002 -> 0003: 0002>0003"],
    end: ["0003"],
  },
  {
    // The transcript ran audit last because its listing put a101 first; with files in
    // name order Alembic (checked with a sorted listing) runs the audit branch first.
    name: "upgrade heads from 0003 (the online transcript, in file-name order)",
    plan: () => planUpgrade(map, ["0003"], parseRevSpec("heads")),
    steps: [" -> a100: +a100", "a100 -> a101: a100>a101", "0002 -> 0004: +0004", "0003, 0004 -> 0005: -0003 0004>0005", "0005 -> 0006: 0005>0006"],
    end: ["a101", "0006"],
  },
  {
    name: "downgrade -1 from 0006",
    plan: () => planDowngrade(map, ["0006"], parseRevSpec("-1")),
    steps: ["0006 -> 0005: 0006>0005"],
    end: ["0005"],
  },
  {
    name: "downgrade base from both heads empties the table",
    plan: () => planDowngrade(map, ["a101", "0005"], parseRevSpec("base")),
    steps: [
      "0005 -> 0003, 0004: +0003 0005>0004",
      "0003 -> 0002: -0003",
      "a101 -> a100: a101>a100",
      "a100 -> : -a100",
      "0004 -> 0002: 0004>0002",
      "0002 -> 0001: 0002>0001",
      "0001 -> : -0001",
    ],
    end: [],
  },
  {
    name: "downgrade audit@base undoes only the audit branch",
    plan: () => planDowngrade(map, ["0006", "a101"], parseRevSpec("audit@base")),
    steps: ["a101 -> a100: a101>a100", "a100 -> : -a100"],
    end: ["0006"],
  },
  {
    name: "upgrade 0003:0005 offline starts from the range's lower end",
    plan: () => planUpgrade(map, ["0003"], parseRevSpec("0005")),
    steps: ["0002 -> 0004: +0004", "0003, 0004 -> 0005: -0003 0004>0005"],
    end: ["0005"],
  },
  {
    name: "upgrade +2 from 0001",
    plan: () => planUpgrade(graph("<base> -> 0001", "0001 -> 0002", "0002 -> 0003"), ["0001"], parseRevSpec("+2")),
    steps: ["0001 -> 0002: 0001>0002", "0002 -> 0003: 0002>0003"],
    end: ["0003"],
  },
  {
    name: "a three-parent merge deletes two parent rows and updates the last",
    plan: () =>
      planUpgrade(
        graph("<base> -> 0001", "0001 -> 0002", "0001 -> 0003", "0001 -> 0004", "0002, 0003, 0004 -> 0005"),
        ["0002", "0003", "0004"],
        parseRevSpec("head"),
      ),
    steps: ["0002, 0003, 0004 -> 0005: -0002 -0003 0004>0005"],
    end: ["0005"],
  },
  {
    name: "downgrading a three-parent merge inserts two rows back",
    plan: () =>
      planDowngrade(graph("<base> -> 0001", "0001 -> 0002", "0001 -> 0003", "0001 -> 0004", "0002, 0003, 0004 -> 0005"), ["0005"], parseRevSpec("0001")),
    steps: ["0005 -> 0002, 0003, 0004: +0002 +0003 0005>0004", "0002 -> 0001: -0002", "0003 -> 0001: -0003", "0004 -> 0001: 0004>0001"],
    end: ["0001"],
  },
  {
    // Alembic walks down from the heads in file order and reverses: the last branch runs first.
    name: "two independent branches upgrade to heads in reverse walk order, as Alembic",
    plan: () => planUpgrade(graph("<base> -> 0001", "<base> -> b001", "0001 -> 0002", "b001 -> b002"), [], parseRevSpec("heads")),
    steps: [" -> b001: +b001", "b001 -> b002: b001>b002", " -> 0001: +0001", "0001 -> 0002: 0001>0002"],
    end: ["b002", "0002"],
  },
  {
    name: "upgrade to the current head plans nothing",
    plan: () => planUpgrade(map, ["0006", "a101"], parseRevSpec("heads")),
    steps: [],
    end: ["0006", "a101"],
  },
];
for (const t of transcripts) {
  test(t.name, () => {
    const plan = t.plan();
    assert.deepEqual(render(plan), t.steps);
    assert.deepEqual(plan.end, t.end);
  });
}

test("stamp heads inserts one row per head; stamp 0005 inserts it", () => {
  assert.deepEqual(planStamp(map, [], ["heads"].map(parseRevSpec), false), [
    { kind: "insert", revision: "0006" },
    { kind: "insert", revision: "a101" },
  ]);
  assert.deepEqual(planStamp(map, [], ["0005"].map(parseRevSpec), false), [{ kind: "insert", revision: "0005" }]);
});

test("stamp moves the rows on the target's line up or down and leaves other branches", () => {
  assert.deepEqual(planStamp(map, ["0003", "0004"], ["0002"].map(parseRevSpec), false), [
    { kind: "delete", revision: "0003" },
    { kind: "update", from: "0004", to: "0002" },
  ]);
  assert.deepEqual(planStamp(map, ["0006", "a101"], ["0005"].map(parseRevSpec), false), [{ kind: "update", from: "0006", to: "0005" }]);
  assert.deepEqual(planStamp(map, ["0002"], ["0005"].map(parseRevSpec), false), [{ kind: "update", from: "0002", to: "0005" }]);
  assert.deepEqual(planStamp(map, ["0006", "a101"], ["base"].map(parseRevSpec), false), [
    { kind: "delete", revision: "0006" },
    { kind: "delete", revision: "a101" },
  ]);
  assert.deepEqual(
    planStampSteps(map, ["0002"], ["0003", "0004"].map(parseRevSpec), false).map((s) => [s.from, s.to]),
    [
      [["0002"], ["0003"]],
      [["0002"], ["0004"]],
    ],
  );
});

test("stamp --purge ignores rows naming unknown revisions and plans from an empty table", () => {
  assert.deepEqual(planStamp(map, ["0009"], ["0002"].map(parseRevSpec), true), [{ kind: "insert", revision: "0002" }]);
  assert.equal(
    code(() => planStamp(map, ["0009"], ["0002"].map(parseRevSpec), false)),
    "UNKNOWN_DATABASE_REVISION",
  );
  assert.equal(
    code(() => planStamp(map, [], ["0009"].map(parseRevSpec), false)),
    "REVISION_NOT_FOUND",
  );
});

test("upgrade head refuses two heads and names the merge command", () => {
  try {
    planUpgrade(map, [], parseRevSpec("head"));
    assert.fail("expected an error");
  } catch (error) {
    assert.ok(error instanceof AthanorError);
    assert.equal(error.code, "MULTIPLE_HEADS");
    assert.match(error.message, /Multiple heads are present; use `heads`, a label, or `athanor merge`/);
    assert.match(error.hint ?? "", /athanor merge -m "merge_heads" heads/);
  }
});

test("planning errors", () => {
  assert.equal(
    code(() => planDowngrade(map, ["0006", "a101"], parseRevSpec("-1"))),
    "MULTIPLE_HEADS",
  );
  assert.equal(
    code(() => planDowngrade(map, ["0003"], parseRevSpec("0004"))),
    "RANGE_NOT_ANCESTOR",
  );
  assert.equal(
    code(() => planDowngrade(map, ["0003"], parseRevSpec("0006"))),
    "RANGE_NOT_ANCESTOR",
  );
  assert.equal(
    code(() => planUpgrade(map, ["0001", "0003"], parseRevSpec("heads"))),
    "OVERLAPPING_REVISIONS",
  );
  assert.equal(
    code(() => planUpgrade(map, ["0006"], parseRevSpec("0006+1"))),
    "RELATIVE_PAST_BASE",
  );
  assert.equal(
    code(() => planUpgrade(map, ["nope"], parseRevSpec("heads"))),
    "UNKNOWN_DATABASE_REVISION",
  );
  assert.equal(
    code(() => planDowngrade(map, ["a101"], parseRevSpec("-5"))),
    "RELATIVE_PAST_BASE",
  );
});
