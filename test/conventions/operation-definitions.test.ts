// Each operation is declared once (src/ops/definitions/); what is written beside the
// definition is held to it. The compiler holds the facade's parameter types to the
// definitions (FacadeMatchesDefinitions in operations.ts); these tests hold what it
// cannot see: the parameter names the editor shows, and the order the method passes them on.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { PositionalField } from "../../src/ops/define-operation.js";
import type { OperationKind } from "../../src/ops/operation.js";
import { operationDefinitions } from "../../src/ops/operation-definitions.js";
import { Operations } from "../../src/ops/operations.js";
import { operationVocabulary } from "../../src/ops/operation-vocabulary.js";

const kinds = Object.keys(operationDefinitions) as OperationKind[];
const fieldName = (p: string | PositionalField) => (typeof p === "string" ? p : p.field);

/** The positional fields' names, then `options` when the definition has fields left for an option object. */
function expectedParameters(kind: OperationKind): string[] {
  const definition = operationDefinitions[kind];
  const positional = definition.positional.map(fieldName);
  const fields = Object.keys(definition.fields(operationVocabulary()));
  return fields.some((field) => !positional.includes(field)) ? [...positional, "options"] : positional;
}

for (const kind of kinds) {
  test(`op.${kind}'s parameters are named as its definition's fields, and passed on in that order`, () => {
    const method = (Operations.prototype as unknown as Record<string, unknown>)[kind];
    assert.equal(typeof method, "function", `Operations has no method ${kind}`);
    const source = String(method);
    const parameters = /^\w+\(([^)]*)\)/.exec(source)?.[1] ?? "";
    const names = parameters
      .split(",")
      .map((p) => p.trim().split(/[\s=]/)[0]!)
      .filter((p) => p !== "");
    const expected = expectedParameters(kind);
    assert.deepEqual(names, expected, `op.${kind}(${names.join(", ")}): its definition takes (${expected.join(", ")})`);
    const passed = new RegExp(`this\\.#call\\("${kind}",\\s*([^)]*)\\)`).exec(source)?.[1];
    assert.ok(passed !== undefined, `op.${kind} does not hand its arguments to #call("${kind}", …)`);
    assert.deepEqual(
      passed.split(",").map((p) => p.trim()),
      expected,
    );
  });
}

test("every definition is filed under its own kind", () => {
  for (const kind of kinds) assert.equal(operationDefinitions[kind].kind, kind);
});
