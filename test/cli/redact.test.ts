import assert from "node:assert/strict";
import { test } from "node:test";
import { debugStack, redactSecrets } from "../../src/cli/redact.js";

test("only the password field of a URL, a password= parameter or a DSN is replaced", () => {
  assert.equal(
    redactSecrets("postgres://app:Auth%23pw1@db.internal:5432/shop?sslmode=require&password=Param-pw2"),
    "postgres://app:***@db.internal:5432/shop?sslmode=require&password=***",
  );
  assert.equal(redactSecrets("host=db user=app password='a b' dbname=x"), "host=db user=app password=*** dbname=x");
  assert.equal(redactSecrets("postgres://app:p@ss@db:5432/x"), "postgres://app:***@db:5432/x");
});

test("text that spells the password elsewhere is left alone: a password `pass` or `55461`", () => {
  assert.equal(redactSecrets('password authentication failed for user "app"'), 'password authentication failed for user "app"');
  assert.equal(redactSecrets("cannot connect to 127.0.0.1:55461/app"), "cannot connect to 127.0.0.1:55461/app");
});

test("a --debug stack keeps the message and frames, not the source line Node puts before them", () => {
  const error = new Error("boom");
  error.stack =
    'file:///p/athanor.config.ts:2\nconst url = "postgres://app:Sekr1t@db/app"; throw new Error("boom");\n ^\n\nError: boom\n    at file:///p/athanor.config.ts:2:7';
  const shown = debugStack(error);
  assert.ok(!shown.includes("Sekr1t"), shown);
  assert.match(shown, /^Error: boom\n {4}at file:\/\/\/p\/athanor.config.ts:2:7$/);
});

test("a --debug frame of a config run from a data: URL names the file, not the compiled source in the URL", () => {
  const error = new Error("boom");
  error.stack =
    "Error: boom\n    at data:text/javascript,const%20u%3D%22postgres%3A%2F%2Fapp%3ASekr1t%40h%22?filePath=%2Fp%2Fathanor.config.ts%3Fnamespace%3Dathanor:2:862";
  assert.equal(debugStack(error), "Error: boom\n    at /p/athanor.config.ts:2:862");
});
