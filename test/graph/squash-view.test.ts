// The two views of a graph with a squash revision: by default the squash stands for its
// range (the replaced revisions hidden, references to them remapped), and for a database
// inside the range the squash is expanded (the old revisions shown, the squash hidden).
import { parseRevSpec } from "../../src/graph/rev-spec.js";
import assert from "node:assert/strict";
import { test } from "node:test";
import { AthanorError } from "../../src/errors.js";
import { planDowngrade, planUpgrade } from "../../src/graph/plan.js";
import { RevisionMap } from "../../src/graph/revision-map.js";
import type { RevisionSource } from "../../src/graph/revision-source.js";
import type { Plan } from "../../src/graph/step.js";
import { resolveRevisions } from "../../src/graph/resolve-rev-spec.js";
import { sources } from "./graph-fixture.js";

/** 0001 -> 0002 -> 0003 -> 0004 -> 0005 -> 0006, S replacing 0002..0005 on 0001, and c on 0005. */
function project(options: { squash?: boolean; drop?: readonly string[]; childOn?: string } = {}): RevisionSource[] {
  const lines = ["<base> -> 0001", "0001 -> 0002", "0002 -> 0003", "0003 -> 0004", "0004 -> 0005", `${options.childOn ?? "0005"} -> 0006`];
  if (options.squash ?? true) lines.push("0001 -> s001");
  const all = sources(...lines).map((s) => (s.revision === "s001" ? { ...s, replaces: ["0002", "0003", "0004", "0005"] } : s));
  return all.filter((s) => !(options.drop ?? []).includes(s.revision));
}

const steps = (plan: Plan) => plan.steps.map((s) => `${s.from.join(",") || "base"}>${s.to.join(",") || "base"}`);

function errorOf(fn: () => unknown): AthanorError {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof AthanorError, String(error));
    return error;
  }
  assert.fail("no error");
}

const cases: { name: string; map: () => RevisionMap; heads: string[]; ids: string[]; upgrade: string[]; parentOf6: string }[] = [
  {
    name: "old files present: the squash stands for the range, and a new database runs it alone",
    map: () => RevisionMap.fromSources(project()),
    heads: ["0006"],
    ids: ["0001", "0006", "s001"],
    upgrade: ["base>0001", "0001>s001", "s001>0006"],
    parentOf6: "s001",
  },
  {
    name: "old files deleted: replaces naming missing files is fine, and 0006's downRevision 0005 resolves through the squash",
    map: () => RevisionMap.fromSources(project({ drop: ["0002", "0003", "0004", "0005"] })),
    heads: ["0006"],
    ids: ["0001", "0006", "s001"],
    upgrade: ["base>0001", "0001>s001", "s001>0006"],
    parentOf6: "s001",
  },
  {
    name: "a revision written after the squash on top of it is the same graph",
    map: () => RevisionMap.fromSources(project({ childOn: "s001" })),
    heads: ["0006"],
    ids: ["0001", "0006", "s001"],
    upgrade: ["base>0001", "0001>s001", "s001>0006"],
    parentOf6: "s001",
  },
  {
    name: "expanded (a database inside the range): the old revisions, the squash hidden",
    map: () => RevisionMap.fromSources(project(), { expand: ["s001"] }),
    heads: ["0006"],
    ids: ["0001", "0002", "0003", "0004", "0005", "0006"],
    upgrade: ["base>0001", "0001>0002", "0002>0003", "0003>0004", "0004>0005", "0005>0006"],
    parentOf6: "0005",
  },
  {
    name: "expanded, with a child written on the squash: it follows the range's head",
    map: () => RevisionMap.fromSources(project({ childOn: "s001" }), { expand: ["s001"] }),
    heads: ["0006"],
    ids: ["0001", "0002", "0003", "0004", "0005", "0006"],
    upgrade: ["base>0001", "0001>0002", "0002>0003", "0003>0004", "0004>0005", "0005>0006"],
    parentOf6: "0005",
  },
];

for (const c of cases) {
  test(c.name, () => {
    const map = c.map();
    assert.deepEqual([...map.heads], c.heads);
    assert.deepEqual(map.revisions.map((r) => r.id).sort(), c.ids);
    assert.deepEqual(steps(planUpgrade(map, [], parseRevSpec("head"))), c.upgrade);
    assert.deepEqual(map.require("0006").downRevisions, [c.parentOf6]);
    assert.deepEqual(
      steps(planDowngrade(map, ["0006"], parseRevSpec("base"))),
      [...c.upgrade].reverse().map((s) => s.split(">").reverse().join(">")),
    );
  });
}

test("forRows keeps the squashed view for rows outside the range and expands it for a row inside", () => {
  const map = RevisionMap.fromSources(project());
  assert.equal(map.forRows([]), map);
  assert.equal(map.forRows(["0001"]), map);
  assert.equal(map.forRows(["s001"]), map);
  assert.equal(map.forRows(["0006"]), map);
  const inside = map.forRows(["0003"]);
  assert.notEqual(inside, map);
  assert.equal(map.forRows(["0003"]), inside, "the expanded view is made once");
  assert.deepEqual(steps(planUpgrade(inside, ["0003"], parseRevSpec("head"))), ["0003>0004", "0004>0005", "0005>0006"]);
  assert.deepEqual(steps(planUpgrade(map.forRows(["0005"]), ["0005"], parseRevSpec("head"))), ["0005>0006"]);
  assert.deepEqual(steps(planDowngrade(inside, ["0003"], parseRevSpec("base"))), ["0003>0002", "0002>0001", "0001>base"]);
});

test("a row inside the range whose file is gone is an error naming the revision and the squash, and saying to restore the files", () => {
  const map = RevisionMap.fromSources(project({ drop: ["0003"] }));
  const error = errorOf(() => map.forRows(["0003"]));
  assert.equal(error.code, "UNKNOWN_DATABASE_REVISION");
  assert.match(error.message, /0003/);
  assert.match(error.message, /s001/);
  assert.match(error.hint ?? "", /git/);
  assert.match(error.hint ?? "", /stamp --purge s001/);
  // A replaced file the continuation needs, not the row's own: named too.
  const later = errorOf(() => RevisionMap.fromSources(project({ drop: ["0004"] })).forRows(["0003"]));
  assert.equal(later.code, "UNKNOWN_DATABASE_REVISION");
  assert.match(later.message, /0004/);
});

test("naming a replaced revision in a rev spec names the squash", () => {
  const map = RevisionMap.fromSources(project());
  const error = errorOf(() => resolveRevisions(map, parseRevSpec("0003")));
  assert.equal(error.code, "REVISION_NOT_FOUND");
  assert.match(error.message, /squash revision s001 replaces it/);
  assert.equal(map.replacedBy("0003"), "s001");
  assert.equal(map.replacedBy("0001"), undefined);
});

test("a squash of a squash: both views, and only the squashes a database needs are expanded", () => {
  // s001 replaces 0002..0005; s002 replaces s001 and 0006; 0007 follows 0006.
  const all = [
    ...project({ childOn: "0005" }),
    ...sources("0006 -> 0007", "0001 -> s002").map((s, i) => ({ ...s, sortKey: `9${i}`, ...(s.revision === "s002" ? { replaces: ["s001", "0006"] } : {}) })),
  ];
  const map = RevisionMap.fromSources(all);
  assert.deepEqual(map.revisions.map((r) => r.id).sort(), ["0001", "0007", "s002"]);
  assert.deepEqual(steps(planUpgrade(map, [], parseRevSpec("head"))), ["base>0001", "0001>s002", "s002>0007"]);
  // At s001 (the inner squash ran): s002 is expanded, s001 stays a squash.
  assert.deepEqual(steps(planUpgrade(map.forRows(["s001"]), ["s001"], parseRevSpec("head"))), ["s001>0006", "0006>0007"]);
  // At 0003 (inside the inner range): both are expanded.
  assert.deepEqual(steps(planUpgrade(map.forRows(["0003"]), ["0003"], parseRevSpec("head"))), ["0003>0004", "0004>0005", "0005>0006", "0006>0007"]);
});

test("a revision two squashes replace, and a squash built on what it replaces, are refused naming the files", () => {
  const twice = [...project(), ...sources("0001 -> s002").map((s) => ({ ...s, sortKey: "99", replaces: ["0005", "0006"] }))];
  const error = errorOf(() => RevisionMap.fromSources(twice));
  assert.equal(error.code, "INVALID_REVISION_FILE");
  assert.match(error.message, /0005 is replaced by two squash revisions, s001 and s002/);
  const onItself = project().map((s) => (s.revision === "s001" ? { ...s, downRevisions: ["0003"] } : s));
  assert.match(errorOf(() => RevisionMap.fromSources(onItself)).message, /s001 builds on 0003, which it replaces/);
});

test("a graph without squashes is built from the sources as they are", () => {
  const plain = project({ squash: false });
  const map = RevisionMap.fromSources(plain);
  assert.equal(map.allSources, plain);
  assert.equal(map.at(0).source, plain[0]);
});
