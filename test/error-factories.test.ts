import assert from "node:assert/strict";
import { test } from "node:test";
import { errors, reworded } from "../src/error-factories.js";
import { AthanorError, errorCodes } from "../src/errors.js";

test("every error code has its factory, which makes an AthanorError of that code and exit code", () => {
  const factories = errors as unknown as Record<string, (message: string) => AthanorError>;
  assert.equal(Object.keys(factories).length, errorCodes.length);
  for (const code of errorCodes) {
    const name = code.toLowerCase().replace(/_([a-z])/g, (_m, letter: string) => letter.toUpperCase());
    const error = factories[name]!("x");
    assert.ok(error instanceof AthanorError, name);
    assert.equal(error.code, code);
    assert.equal(error.exitCode, new AthanorError(code, "x").exitCode);
  }
});

test("a factory keeps the message, hint, details and cause it is given", () => {
  const cause = new Error("below");
  const error = errors.revisionNotFound("Can't locate revision identified by 'zz99'", { hint: "Run `athanor history`.", details: { revision: "zz99" }, cause });
  assert.equal(error.message, "Can't locate revision identified by 'zz99'");
  assert.equal(error.hint, "Run `athanor history`.");
  assert.deepEqual(error.details, { revision: "zz99" });
  assert.equal(error.cause, cause);
});

test("reworded keeps the code of the error it says more about", () => {
  const first = errors.offlineUnsupported("op.query() cannot run in offline mode");
  const again = reworded(first, "lint: revision 0002: op.query() cannot run in offline mode", { details: { file: "versions/0002.ts" }, cause: first });
  assert.equal(again.code, "OFFLINE_UNSUPPORTED");
  assert.equal(again.exitCode, first.exitCode);
  assert.deepEqual(again.details, { file: "versions/0002.ts" });
});
