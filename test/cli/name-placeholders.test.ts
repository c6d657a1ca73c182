// clipanion's `#0` placeholders are named in every usage line and error; the error text
// may echo an argument of any length (up to the OS's 128 KiB), which must not stall it.
import assert from "node:assert/strict";
import { test } from "node:test";
import { namePlaceholders } from "../../src/cli/athanor-cli.js";

test("option placeholders are named, optional ones bracketed once", () => {
  assert.equal(
    namePlaceholders("athanor revision [-m,--message #0] [--rev-id #1] [--x-y #2]"),
    "athanor revision [-m,--message <text>] [--rev-id <id>] [--x-y <value>]",
  );
});

test("an echoed 128 KiB argument of dashes and letters comes back unchanged (the rewrite is linear: this finished in minutes before)", {
  timeout: 20_000,
}, () => {
  const argument = `${"a".repeat(65_000)}${"-".repeat(65_000)}`;
  const text = `Unsupported option name ("--${argument}")`;
  assert.equal(namePlaceholders(text), text);
  assert.equal(namePlaceholders(`${text} [--sql #0]`), `${text} [--sql <value>]`);
});
