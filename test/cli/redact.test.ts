import assert from "node:assert/strict";
import { test } from "node:test";
import { redactSecrets, registerUrlSecrets } from "../../src/cli/redact.js";

test("a password given as a URL parameter is scrubbed wherever it reappears, like one in the authority", () => {
  registerUrlSecrets("postgres://app:Auth%23pw1@db.internal:5432/shop?sslmode=require&password=Param-pw2");
  const text = redactSecrets("server said: role app, password Param-pw2 rejected; tried Auth#pw1 and Auth%23pw1");
  assert.doesNotMatch(text, /Param-pw2|Auth#pw1|Auth%23pw1/);
  assert.match(text, /role app/);
});
