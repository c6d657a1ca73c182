import assert from "node:assert/strict";
import { test } from "node:test";
import { elapsed, StepProgress } from "../../src/cli/step-progress.js";

test("durations read as a person writes them", () => {
  assert.deepEqual(
    [elapsed(0.4), elapsed(12.4), elapsed(999), elapsed(1_449), elapsed(59_940), elapsed(125_000)],
    ["0 ms", "12 ms", "999 ms", "1.4 s", "59.9 s", "2 min 05 s"],
  );
});

test("each line counts the steps with the same width; the summary has the total and the slowest step", () => {
  const progress = new StepProgress();
  const step = (revision: string) => ({ revision, direction: "upgrade", from: [], to: [revision], versionChanges: [] }) as never;
  const lines = Array.from({ length: 10 }, (_, i) =>
    progress.record({ number: i + 1, total: 10, step: step(`r${i}`), message: `m${i}`, durationMs: i === 3 ? 2_000 : 10 }),
  );
  assert.equal(lines[0], "[ 1/10] r0 m0  10 ms");
  assert.equal(lines[9], "[10/10] r9 m9  10 ms");
  assert.equal(progress.summary(), "10 revisions upgraded in 2.1 s (slowest: r3 m3, 2.0 s)");
  assert.equal(new StepProgress().summary(), null);
});

test("a reset's summary counts both directions", () => {
  const progress = new StepProgress();
  const step = (revision: string, direction: string) => ({ revision, direction, from: [], to: [], versionChanges: [] }) as never;
  progress.record({ number: 1, total: 1, step: step("r1", "downgrade"), message: "m1", durationMs: 30 });
  progress.record({ number: 1, total: 2, step: step("r1", "upgrade"), message: "m1", durationMs: 20 });
  progress.record({ number: 2, total: 2, step: step("r2", "upgrade"), message: "m2", durationMs: 10 });
  assert.equal(progress.summary(), "1 revision downgraded and 2 upgraded in 60 ms (slowest: r1 m1, 30 ms)");
});
