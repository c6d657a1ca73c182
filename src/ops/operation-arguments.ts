// The Operations facade's arguments and an operation's data, both ways, read from the
// operation's definition: `op.createIndex("ix", "users", ["email"], { unique: true })` is
// `{ unique: true, kind: "createIndex", name: "ix", table: "users", columns: [{ column:
// "email" }] }`, and back again when autogenerate writes the call a person would write.
import type { Positional, PositionalField } from "./define-operation.js";
import type { Operation, OperationKind } from "./operation.js";
import { operationDefinitions } from "./operation-definitions.js";

const field = (positional: Positional): PositionalField => (typeof positional === "string" ? { field: positional } : positional);

/** The operation a facade call builds: the option object's fields, then `kind`, then the positional arguments'. */
export function operationFromArguments(kind: OperationKind, args: readonly unknown[]): Operation {
  const { positional } = operationDefinitions[kind];
  const fields: Record<string, unknown> = {};
  positional.forEach((entry, at) => {
    const { field: name, orNull, optional, convert } = field(entry);
    const argument = args[at];
    if ((orNull === true && argument === null) || (optional === true && argument === undefined)) return;
    fields[name] = convert === undefined ? argument : convert.toField(argument);
  });
  // After the positional arguments: the option object, or nothing (execute takes none).
  const options = args[positional.length] as object | undefined;
  return { ...options, kind, ...fields } as Operation;
}

/**
 * The facade call's arguments for `operation`: the positional ones (`null` for a name
 * left out), then the option object, undefined when no option is set (always, for a
 * kind that takes none).
 */
export function argumentsOfOperation(operation: Operation): unknown[] {
  const { positional } = operationDefinitions[operation.kind];
  const data = operation as unknown as Record<string, unknown>;
  const options: Record<string, unknown> = { ...data };
  delete options.kind;
  const args = positional.map((entry) => {
    const { field: name, orNull, convert } = field(entry);
    delete options[name];
    const value = data[name];
    if (convert !== undefined) return convert.toArgument(value);
    return orNull === true ? (value ?? null) : value;
  });
  args.push(Object.keys(options).length > 0 ? options : undefined);
  return args;
}
