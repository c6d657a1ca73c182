import assert from "node:assert/strict";
import { test } from "node:test";
import { AthanorError } from "../../src/errors.js";
import { refuseOnlineRange, refuseRangeWithPurge, splitRange } from "../../src/runtime/offline-range.js";

const refusal = (pattern: RegExp) => (error: unknown) =>
  error instanceof AthanorError && error.exitCode === 2 && pattern.test(`${error.message}\n${error.hint}`);

test("an offline range splits into where the script starts and where it ends", () => {
  assert.deepEqual(splitRange("0001:0003", "upgrade"), ["0001", "0003"]);
  assert.deepEqual(splitRange(":0003", "upgrade"), ["", "0003"]);
  assert.deepEqual(splitRange("head", "upgrade"), [undefined, "head"]);
});

test("a range with no end, or with three parts, is refused naming the range", () => {
  assert.throws(() => splitRange("0001:", "upgrade"), refusal(/range '0001:' has no end revision/));
  assert.throws(() => splitRange("a:b:c", "upgrade"), refusal(/Range 'a:b:c' must have the form/));
});

test("online, a range is refused with the command that does what was meant", () => {
  assert.doesNotThrow(() => refuseOnlineRange("head", "upgrade"));
  assert.throws(() => refuseOnlineRange("0001:0002", "upgrade"), refusal(/Range revision not allowed: '0001:0002'[\s\S]*athanor upgrade 0002/));
  assert.throws(() => refuseOnlineRange("0003:", "downgrade"), refusal(/athanor downgrade base/));
  assert.throws(() => refuseOnlineRange("0001:0004", "stamp"), refusal(/Range revision not allowed: '0001:0004'[\s\S]*athanor stamp 0004/));
});

test("stamp --purge with a range is refused; without one it is allowed", () => {
  assert.doesNotThrow(() => refuseRangeWithPurge(["head"]));
  assert.throws(
    () => refuseRangeWithPurge(["0002", "0001:0003"]),
    refusal(/--purge cannot be combined with the range '0001:0003'[\s\S]*athanor stamp --purge 0003 --sql/),
  );
});
