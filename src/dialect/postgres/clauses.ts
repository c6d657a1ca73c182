// SQL fragments shared by several operation renderers: sequence options, referential
// actions and deferrability, comments. Each returns text without leading/trailing spaces.
import type { ColumnReference, IdentitySpec, SequenceOptions } from "../../ops/column.js";
import type { ForeignKeySpec } from "../../ops/constraint.js";
import { quoteString } from "./literal.js";
import { qualifiedName, quoteIdentifier, quoteIdentifierList } from "./quote.js";

/** Join the non-empty parts with single spaces. */
export function words(...parts: readonly (string | false | undefined | null)[]): string {
  return parts.filter((p): p is string => typeof p === "string" && p.length > 0).join(" ");
}

/** START WITH … INCREMENT BY … MINVALUE … MAXVALUE … CACHE … [NO] CYCLE, only the given ones. */
export function sequenceOptions(options: SequenceOptions): string {
  const bound = (keyword: string, value: SequenceOptions["minValue"]) =>
    value === undefined ? undefined : value === null ? `NO ${keyword}` : `${keyword} ${String(value)}`;
  return words(
    options.start !== undefined && `START WITH ${String(options.start)}`,
    options.increment !== undefined && `INCREMENT BY ${String(options.increment)}`,
    bound("MINVALUE", options.minValue),
    bound("MAXVALUE", options.maxValue),
    options.cache !== undefined && `CACHE ${String(options.cache)}`,
    options.cycle === undefined ? undefined : options.cycle ? "CYCLE" : "NO CYCLE",
  );
}

/** GENERATED ALWAYS|BY DEFAULT AS IDENTITY [(options)]. */
export function identityClause(identity: IdentitySpec): string {
  const options = sequenceOptions(identity);
  const generated = identity.generated === "always" ? "ALWAYS" : "BY DEFAULT";
  return words(`GENERATED ${generated} AS IDENTITY`, options && `(${options})`);
}

type ReferenceTail = Pick<ColumnReference, "onDelete" | "onUpdate" | "match" | "deferrable" | "initially">;

/** MATCH … ON DELETE … ON UPDATE … DEFERRABLE INITIALLY …, only the given ones. */
export function referenceTail(ref: ReferenceTail): string {
  return words(ref.match && `MATCH ${ref.match}`, ref.onDelete && `ON DELETE ${ref.onDelete}`, ref.onUpdate && `ON UPDATE ${ref.onUpdate}`, deferrability(ref));
}

export function deferrability(spec: { deferrable?: boolean; initially?: string }): string {
  return words(spec.deferrable === undefined ? undefined : spec.deferrable ? "DEFERRABLE" : "NOT DEFERRABLE", spec.initially && `INITIALLY ${spec.initially}`);
}

/** `CONSTRAINT name` when a name is given, else nothing (PostgreSQL names it). */
export function constraintName(name: string | undefined): string {
  return name === undefined ? "" : `CONSTRAINT ${quoteIdentifier(name)}`;
}

/** FOREIGN KEY (cols) REFERENCES table [(cols)] … as used in CREATE TABLE and ADD CONSTRAINT. */
export function foreignKeyClause(fk: ForeignKeySpec): string {
  return words(
    constraintName(fk.name),
    `FOREIGN KEY (${quoteIdentifierList(fk.columns)})`,
    `REFERENCES ${qualifiedName(fk.referencedTable, fk.referencedSchema)}`,
    fk.referencedColumns && `(${quoteIdentifierList(fk.referencedColumns)})`,
    referenceTail(fk),
  );
}

/** A comment value: a string literal, or NULL to remove the comment. */
export function commentValue(comment: string | null): string {
  return comment === null ? "NULL" : quoteString(comment);
}
