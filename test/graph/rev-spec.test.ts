import assert from "node:assert/strict";
import { test } from "node:test";
import { AthanorError } from "../../src/errors.js";
import { resolveDowngradeTarget, resolveUpgradeTarget } from "../../src/graph/relative-walk.js";
import { parseRange, parseRevSpec, revSpecText } from "../../src/graph/rev-spec.js";
import { resolveRevision } from "../../src/graph/resolve-rev-spec.js";
import { resolve } from "../../src/graph/relative-walk.js";
import { graph, referenceGraph } from "./graph-fixture.js";

const map = referenceGraph();
const ids = (revisions: readonly { id: string }[]) => revisions.map((r) => r.id);

function assertCode(fn: () => unknown, code: string, ...patterns: RegExp[]): AthanorError {
  let caught: unknown;
  assert.throws(fn, (error: unknown) => {
    caught = error;
    return true;
  });
  assert.ok(caught instanceof AthanorError, `expected AthanorError, got ${String(caught)}`);
  assert.equal(caught.code, code, caught.message);
  for (const p of patterns) assert.match(`${caught.message}\n${caught.hint ?? ""}`, p);
  return caught;
}

test("parseRevSpec reads every form", () => {
  const table: [string, unknown][] = [
    ["head", { kind: "head" }],
    ["heads", { kind: "heads" }],
    ["base", { kind: "base" }],
    ["0003", { kind: "revision", id: "0003" }],
    ["audit@head", { kind: "head", branch: "audit" }],
    ["audit@base", { kind: "base", branch: "audit" }],
    ["0002@head", { kind: "head", branch: "0002" }],
    ["audit@a101", { kind: "revision", id: "a101", branch: "audit" }],
    ["-1", { kind: "relative", steps: -1 }],
    ["+2", { kind: "relative", steps: 2 }],
    ["0003+1", { kind: "relative", steps: 1, symbol: "0003" }],
    ["head-1", { kind: "relative", steps: -1, symbol: "head" }],
    ["audit@-1", { kind: "relative", steps: -1, branch: "audit" }],
    ["audit@head-2", { kind: "relative", steps: -2, symbol: "head", branch: "audit" }],
  ];
  for (const [text, expected] of table) assert.deepEqual(parseRevSpec(text), expected, text);
});

test("parseRange splits a:b, a: and :b and refuses anything else", () => {
  assert.deepEqual(parseRange("0003:head"), { from: "0003", to: "head" });
  assert.deepEqual(parseRange("0004:"), { from: "0004", to: undefined });
  assert.deepEqual(parseRange(":0005"), { from: undefined, to: "0005" });
  assertCode(() => parseRange("0001"), "BAD_REV_SPEC", /\[start\]:\[end\]/);
  assertCode(() => parseRange("a:b:c"), "BAD_REV_SPEC");
});

const resolveTable: [spec: string, expected: string[]][] = [
  ["heads", ["0006", "a101"]],
  ["base", []],
  ["0003", ["0003"]],
  ["0002", ["0002"]],
  ["audit", ["a100"]],
  ["audit@head", ["a101"]],
  ["audit@heads", ["a101"]],
  ["audit@base", []],
  ["0003@head", ["0006"]],
  ["a100@head", ["a101"]],
  ["0006-1", ["0005"]],
  ["0003-2", ["0001"]],
  ["0001-1", []],
  ["0001+1", ["0002"]],
  ["a100+1", ["a101"]],
  ["audit@head-1", ["a100"]],
];
test("resolve answers each spec with Alembic's revisions", () => {
  for (const [spec, expected] of resolveTable) {
    assert.deepEqual(ids(resolve(map, parseRevSpec(spec))), expected, spec);
  }
});

test("a unique prefix of four or more characters resolves", () => {
  const m = graph("<base> -> 1a2b3c4d", "1a2b3c4d -> 9f8e7d6c");
  assert.deepEqual(ids(resolve(m, parseRevSpec("9f8e"))), ["9f8e7d6c"]);
  assert.deepEqual(ids(resolve(m, parseRevSpec("1a2b3"))), ["1a2b3c4d"]);
});

test("rev spec errors carry Alembic's words and a hint", () => {
  const e = assertCode(
    () => resolveRevision(map, parseRevSpec("head")),
    "MULTIPLE_HEADS",
    /Multiple head revisions are present for given argument 'head'; please specify a specific target revision, '<branchname>@head' to narrow to a specific head, or 'heads' for all heads/,
    /Multiple heads are present; use `heads`, a label, or `athanor merge`/,
    /0006  versions\/0006_0006\.ts/,
    /a101 \(audit\)  versions\/0008_a101\.ts/,
    /athanor merge -m "merge_heads" heads/,
  );
  assert.equal(e.exitCode, 2);
  assertCode(() => resolve(map, parseRevSpec("0009")), "REVISION_NOT_FOUND", /Can't locate revision identified by '0009'/);
  assertCode(
    () => resolve(map, parseRevSpec("zz")),
    "PREFIX_TOO_SHORT",
    /No such revision or branch 'zz'; please ensure at least four characters are present for partial revision identifier matches/,
  );
  assertCode(
    () => resolve(map, parseRevSpec("000")),
    "AMBIGUOUS_PREFIX",
    /Multiple revisions start with '000': '0001', '0002', '0003'\.\.\./,
    /0004, 0005, 0006/,
  );
  assertCode(() => resolve(map, parseRevSpec("0005-1")), "AMBIGUOUS_WALK", /Ambiguous walk/, /0003, 0004/);
  assertCode(() => resolve(map, parseRevSpec("0002+1")), "AMBIGUOUS_WALK", /Ambiguous walk/);
  assertCode(() => resolve(map, parseRevSpec("0001-2")), "RELATIVE_PAST_BASE");
  // Alembic's CLI prints "Can't locate revision identified by 'nosuch'"; its ResolutionError says which part.
  assertCode(() => resolve(map, parseRevSpec("nosuch@head")), "REVISION_NOT_FOUND", /No such branch: 'nosuch'/, /Known branch labels: audit/);
  assertCode(() => resolve(map, parseRevSpec("audit@0003")), "BAD_REV_SPEC", /Revision 0003 is not a member of branch 'audit'/);
});

test("upgrade targets: relative steps count from the current revision", () => {
  const rev = (id: string) => map.require(id);
  const single = graph("<base> -> 0001", "0001 -> 0002", "0002 -> 0003");
  assert.deepEqual(ids(resolveUpgradeTarget(single, [], parseRevSpec("+2"))), ["0002"]);
  assert.deepEqual(ids(resolveUpgradeTarget(single, [single.require("0001")], parseRevSpec("+1"))), ["0002"]);
  assert.deepEqual(ids(resolveUpgradeTarget(map, [rev("a100"), rev("0006")], parseRevSpec("audit@+1"))), ["a101"]);
  assertCode(() => resolveUpgradeTarget(map, [], parseRevSpec("+1")), "AMBIGUOUS_WALK"); // two bases
  assertCode(() => resolveUpgradeTarget(map, [rev("0003"), rev("0004")], parseRevSpec("+1")), "AMBIGUOUS_WALK", /multiple current revisions/);
  assertCode(() => resolveUpgradeTarget(single, [single.require("0003")], parseRevSpec("+1")), "RELATIVE_PAST_BASE", /didn't produce 1 migrations/);
  assertCode(() => resolveUpgradeTarget(map, [rev("0006")], parseRevSpec("0006+1")), "RELATIVE_PAST_BASE");
  assertCode(() => resolveUpgradeTarget(map, [], parseRevSpec("-1")), "BAD_REV_SPEC", /athanor downgrade -1/);
});

test("an ambiguous walk names the argument it was read from", () => {
  const rev = (id: string) => map.require(id);
  assertCode(() => resolve(map, parseRevSpec("0005-1")), "AMBIGUOUS_WALK", /^Ambiguous walk '0005-1': 0005 has several parents \(0003, 0004\)\n/);
  assertCode(() => resolveUpgradeTarget(map, [], parseRevSpec("+1")), "AMBIGUOUS_WALK", /^Ambiguous walk '\+1': base has several children/);
  assertCode(() => resolveDowngradeTarget(map, [rev("0006")], parseRevSpec("-2")), "AMBIGUOUS_WALK", /'-2'/);
  const long = `+${"1".repeat(400)}`;
  assertCode(() => resolveUpgradeTarget(map, [], parseRevSpec(long)), "AMBIGUOUS_WALK", /^Ambiguous walk '\+1{79}… \(401 characters\)'/);
});

test("a step past the end with a count too large for a number says the count as typed, never Infinity", () => {
  const rev = (id: string) => map.require(id);
  const count = "9".repeat(400);
  const error = assertCode(() => resolveUpgradeTarget(map, [rev("0006")], parseRevSpec(`0006+${count}`)), "RELATIVE_PAST_BASE");
  assert.doesNotMatch(error.message, /Infinity|NaN|e\+/, error.message);
  assert.match(error.message, /0006 has fewer than 9{80}… \(400 characters\) revisions above it/);
});

test("downgrade targets: -N from one head, refused from several, narrowed by a label", () => {
  const rev = (id: string) => map.require(id);
  assert.equal(resolveDowngradeTarget(map, [rev("0006")], parseRevSpec("-1")).revision?.id, "0005");
  assert.equal(resolveDowngradeTarget(map, [rev("0006"), rev("a101")], parseRevSpec("audit@-1")).revision?.id, "a100");
  assert.equal(resolveDowngradeTarget(map, [rev("a101")], parseRevSpec("-2")).revision, null);
  assertCode(
    () => resolveDowngradeTarget(map, [rev("0006"), rev("a101")], parseRevSpec("-1")),
    "MULTIPLE_HEADS",
    /Relative revision -1 is ambiguous/,
    /0006  versions\/0006_0006\.ts/,
    /a101  versions\/0008_a101\.ts/,
    /athanor downgrade 0006-1/,
  );
  assertCode(() => resolveDowngradeTarget(map, [rev("a101")], parseRevSpec("-3")), "RELATIVE_PAST_BASE", /Relative revision -3 didn't produce 3 migrations/);
  assertCode(() => resolveDowngradeTarget(map, [], parseRevSpec("-1")), "RELATIVE_PAST_BASE", /at base/);
  assertCode(() => resolveDowngradeTarget(map, [rev("0006")], parseRevSpec("+1")), "BAD_REV_SPEC", /athanor upgrade \+1/);
});

test("a branch label that does not exist is refused in every form, before anything is resolved", () => {
  for (const spec of ["nosuch@", "nosuch@head", "nosuch@heads", "nosuch@base", "nosuch@0003", "nosuch@-1", "nosuch@head-1", "nosuch@+1"]) {
    if (!/@[+-]/.test(spec)) assertCode(() => resolve(map, parseRevSpec(spec)), "REVISION_NOT_FOUND", /No such branch: 'nosuch'/);
    assertCode(() => resolveUpgradeTarget(map, [], parseRevSpec(spec)), "REVISION_NOT_FOUND", /No such branch: 'nosuch'/);
    assertCode(() => resolveDowngradeTarget(map, [map.require("0006")], parseRevSpec(spec)), "REVISION_NOT_FOUND", /No such branch: 'nosuch'/);
  }
});

test("an empty branch, nothing after a known branch, or an empty spec is refused naming the argument", () => {
  assertCode(() => resolve(map, parseRevSpec("@")), "BAD_REV_SPEC", /'@' has nothing before '@'/);
  assertCode(() => resolve(map, parseRevSpec("@head")), "BAD_REV_SPEC", /'@head' has nothing before '@'/, /<label>@head/);
  // Only spaces before '@' is no label either (not "No such branch: ' '").
  assertCode(() => resolve(map, parseRevSpec(" @0001")), "BAD_REV_SPEC", /' @0001' has nothing before '@'/);
  assertCode(() => resolve(map, parseRevSpec("audit@")), "BAD_REV_SPEC", /'audit@' names branch 'audit' but nothing after '@'/, /audit@head/);
  assertCode(() => resolveDowngradeTarget(map, [map.require("a101")], parseRevSpec("audit@")), "BAD_REV_SPEC", /audit@base/);
  assertCode(() => resolveDowngradeTarget(map, [map.require("0006")], parseRevSpec("")), "BAD_REV_SPEC", /empty revision argument/);
  assertCode(() => resolve(map, parseRevSpec("   ")), "BAD_REV_SPEC", /empty revision argument/);
});

test("heads-1 says a step counts from one head and names the forms that do", () => {
  assertCode(
    () => resolve(map, parseRevSpec("heads-1")),
    "MULTIPLE_HEADS",
    /'heads-1' counts from one revision, but 'heads' names 2 \(0006, a101\)/,
    /`0006-1`/,
    /`audit@head-1`/,
  );
  const single = graph("<base> -> 0001", "0001 -> 0002");
  assert.deepEqual(ids(resolve(single, parseRevSpec("heads-1"))), ["0001"]);
});

test("a walk with text after its step is looked up as an id, not walked with the rest dropped", () => {
  assertCode(() => resolve(map, parseRevSpec("0003+1x")), "REVISION_NOT_FOUND", /'0003\+1x'/);
  assertCode(() => resolveUpgradeTarget(map, [], parseRevSpec("+1x")), "PREFIX_TOO_SHORT", /'\+1x'/);
});

test("show-style resolution refuses -1 and +1: they count from a database it does not read", () => {
  assertCode(() => resolve(map, parseRevSpec("-1")), "BAD_REV_SPEC", /counts from the database's current revision/, /head-1/);
  assertCode(() => resolve(map, parseRevSpec("+2")), "BAD_REV_SPEC", /head\+2/);
  assert.deepEqual(ids(resolve(map, parseRevSpec("0006-1"))), ["0005"]);
});

test("a huge argument is echoed cut to 80 characters with its length", () => {
  const huge = "f".repeat(1_000_000);
  const error = assertCode(() => resolve(map, parseRevSpec(huge)), "REVISION_NOT_FOUND");
  assert.ok(error.message.length < 300, `message is ${error.message.length} characters`);
  assert.match(error.message, /'f{80}… \(1000000 characters\)'/);
  const range = assertCode(() => parseRange(`${huge}:${huge}:x`), "BAD_REV_SPEC");
  assert.ok(range.message.length + (range.hint ?? "").length < 400);
  const ambiguous = assertCode(
    () => resolve(graph(...Array.from({ length: 40 }, (_, i) => `<base> -> 0a${String(i).padStart(2, "0")}`)), parseRevSpec("0a")),
    "AMBIGUOUS_PREFIX",
  );
  assert.match(ambiguous.hint ?? "", /and 30 more/);
});

test("parseRange names the one end it was given and the two ranges it can start", () => {
  assertCode(() => parseRange("-1"), "BAD_REV_SPEC", /Range '-1' must have the form/, /`-1:`/, /`:-1`/);
});

test("a spec splits at its first '@', as Alembic's get_revisions does, a walk included", () => {
  // A walk used to split at its last '@' (`audit@x@-1`: "No such branch: 'audit@x'").
  assert.deepEqual(parseRevSpec("audit@x@-1"), { kind: "revision", id: "x@-1", branch: "audit" });
  assert.deepEqual(parseRevSpec("audit@a101@head"), { kind: "revision", id: "a101@head", branch: "audit" });
  const current = [map.require("0006"), map.require("a101")];
  for (const [text, rest] of [
    ["audit@x@-1", "x@-1"],
    ["audit@a101@head", "a101@head"],
  ] as const) {
    const named = new RegExp(`^Can't locate revision identified by '${rest}'$`, "m");
    assertCode(() => resolve(map, parseRevSpec(text)), "REVISION_NOT_FOUND", named);
    assertCode(() => resolveUpgradeTarget(map, current, parseRevSpec(text)), "REVISION_NOT_FOUND", named);
    assertCode(() => resolveDowngradeTarget(map, current, parseRevSpec(text)), "REVISION_NOT_FOUND", named);
  }
  assertCode(() => resolve(map, parseRevSpec("nosuch@a101@-1")), "REVISION_NOT_FOUND", /No such branch: 'nosuch'/);
  // Only spaces before the '@' of a walk is no label, as for any spec.
  assertCode(() => parseRevSpec(" @-1"), "BAD_REV_SPEC", /' @-1' has nothing before '@'/);
});

test("revSpecText gives back the argument a spec was parsed from, steps as typed", () => {
  for (const text of ["head", "audit@heads", "audit@", "0003", "audit@a101", "-1", "+01", "0003+1", "audit@head-2", "+0", "-0", `+${"9".repeat(40)}`]) {
    assert.equal(revSpecText(parseRevSpec(text)), text);
  }
});
