import assert from "node:assert/strict";
import { test } from "node:test";
import { AthanorError, isAthanorError } from "../../src/errors.js";

test("an AthanorError from another copy of athanor is still one (the CLI bundle beside the library)", async () => {
  // dist/index.js is the library as `import "athanor"` loads it: a separate module instance.
  const library = (await import(new URL("../../dist/index.js", import.meta.url).href)) as { AthanorError: typeof AthanorError };
  assert.notEqual(library.AthanorError, AthanorError, "two copies of the class");
  const fromLibrary = new library.AthanorError("INVALID_MODELS", "a model is wrong", { hint: "fix it" });
  assert.ok(fromLibrary instanceof AthanorError);
  assert.ok(isAthanorError(fromLibrary));
  assert.equal(fromLibrary.exitCode, new AthanorError("INVALID_MODELS", "x").exitCode);
  assert.ok(!(new Error("plain") instanceof AthanorError));
  assert.ok(!({ code: "INVALID_MODELS" } instanceof AthanorError));
});
