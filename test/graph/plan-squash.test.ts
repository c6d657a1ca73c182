// Which revisions `squash a:b` replaces, and the ranges it refuses, as a table.
import assert from "node:assert/strict";
import { test } from "node:test";
import { AthanorError } from "../../src/errors.js";
import { planSquash } from "../../src/graph/plan-squash.js";
import { graph } from "./graph-fixture.js";

const line = ["<base> -> 0001", "0001 -> 0002", "0002 -> 0003", "0003 -> 0004", "0004 -> 0005"];

const cases: { name: string; lines: string[]; range: string; replaces?: string[]; base?: string | null; error?: [string, RegExp] }[] = [
  { name: "a middle range", lines: line, range: "0001:0004", replaces: ["0002", "0003", "0004"], base: "0001" },
  { name: "from base", lines: line, range: "base:0003", replaces: ["0001", "0002", "0003"], base: null },
  { name: "an empty start is base", lines: line, range: ":0002", replaces: ["0001", "0002"], base: null },
  { name: "a branch point at the start is fine", lines: [...line, "0001 -> b001"], range: "0001:0003", replaces: ["0002", "0003"], base: "0001" },
  { name: "a branch point at the end is fine", lines: [...line, "0003 -> b001"], range: "0001:0003", replaces: ["0002", "0003"], base: "0001" },
  {
    name: "a branch point in the middle",
    lines: [...line, "0002 -> b001"],
    range: "0001:0004",
    error: ["NOT_SQUASHABLE", /0002 in the middle .* b001 .* builds on it/],
  },
  {
    name: "a dependency on the middle",
    lines: [...line, "<base> -> b001 {0003}"],
    range: "0001:0004",
    error: ["NOT_SQUASHABLE", /0003 in the middle .* b001 .* depends on it/],
  },
  {
    name: "a dependency of the range",
    lines: [...line, "<base> -> b001", "0005 -> 0006 {b001}"],
    range: "0004:0006",
    error: ["NOT_SQUASHABLE", /0006 .* depends on b001/],
  },
  {
    name: "a merge inside",
    lines: [...line, "0001 -> b001", "0003, b001 -> m001", "m001 -> 0006"],
    range: "0003:0006",
    error: ["NOT_SQUASHABLE", /m001 .* is a merge point/],
  },
  {
    name: "not a descendant",
    lines: [...line, "<base> -> b001", "b001 -> b002"],
    range: "0002:b002",
    error: ["RANGE_NOT_ANCESTOR", /b002 is not a descendant of 0002/],
  },
  { name: "one revision", lines: line, range: "0003:0004", error: ["NOT_SQUASHABLE", /holds one revision/] },
  { name: "the same revision twice", lines: line, range: "0003:0003", error: ["NOT_SQUASHABLE", /is empty/] },
  { name: "an end before the start", lines: line, range: "0004:0002", error: ["RANGE_NOT_ANCESTOR", /0002 is not a descendant of 0004/] },
  { name: "no range", lines: line, range: "0004", error: ["BAD_REV_SPEC", /a range a:b/] },
  { name: "an unknown end", lines: line, range: "0001:9999", error: ["REVISION_NOT_FOUND", /9999/] },
];

for (const c of cases) {
  test(`squash ${c.range}: ${c.name}`, () => {
    const map = graph(...c.lines);
    if (c.error) {
      assert.throws(
        () => planSquash(map, c.range),
        (error: unknown) => error instanceof AthanorError && error.code === c.error![0] && c.error![1].test(error.message),
      );
      return;
    }
    const planned = planSquash(map, c.range);
    assert.deepEqual(
      planned.revisions.map((r) => r.id),
      c.replaces,
    );
    assert.equal(planned.base?.id ?? null, c.base);
  });
}
