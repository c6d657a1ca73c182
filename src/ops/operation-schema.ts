// The zod schema of every Operation kind, made from its definition: the one place
// argument rules live, so the facade, autogenerate and tests validate the same way.
// Objects are strict: a misspelt option (`nullabe`) is an error naming it, not silently
// ignored.
import type { z } from "zod";
import type { OperationDefinition } from "./define-operation.js";
import type { OperationKind } from "./operation.js";
import { operationDefinitions } from "./operation-definitions.js";
import { operationVocabulary } from "./operation-vocabulary.js";

// Built on first use: `import "athanor"` (every config file, every model module) loads
// this module with the Operations facade, and building the schemas loads zod (about a
// tenth of a second a command); only running a TypeScript revision's operations needs them.
function buildOperationSchemas(): Record<OperationKind, z.ZodType> {
  const v = operationVocabulary();
  const schemas: Partial<Record<OperationKind, z.ZodType>> = {};
  for (const [kind, definition] of Object.entries(operationDefinitions) as [OperationKind, OperationDefinition][]) {
    const object = v.z.strictObject({ kind: v.z.literal(kind), ...definition.fields(v) });
    const refine = definition.refine;
    schemas[kind] = refine === undefined ? object : object.superRefine((data, ctx) => refine(data as never, ctx));
  }
  return schemas as Record<OperationKind, z.ZodType>;
}

let built: Record<OperationKind, z.ZodType> | undefined;

/** Every Operation kind's zod schema, built once. */
export function operationSchemas(): Record<OperationKind, z.ZodType> {
  built ??= buildOperationSchemas();
  return built;
}
