// An enum whose values PostgreSQL cannot change in place (a value removed, values
// reordered, or the downgrade of an added value) is made again: the old type is renamed
// aside, the type created with the wanted values, every column of it converted through
// text (its default dropped before and set again after), and the old type dropped.
// A row holding a value the new type lacks makes the conversion fail: the revision says so.
import type { EnumSnapshot, TableSnapshot } from "../dialect/postgres/introspect-types.js";
import { qualifiedName, quoteIdentifier } from "../dialect/postgres/quote.js";
import type { AlterColumnOperation } from "../ops/operation.js";
import { type Step, note, op } from "./change.js";
import { normalizeType } from "./normalize-type.js";
import { tableName } from "./operation-specs.js";

function typeKey(type: string, defaultSchema: string): string {
  const t = normalizeType(type);
  return t.startsWith(`${defaultSchema}.`) ? t.slice(defaultSchema.length + 1) : t;
}

/** `'sad'::mood` → `'sad'`: the default without the old type's cast, valid for the new one. */
function uncast(expression: string): string {
  return /^('(?:[^']|'')*')::.+$/.exec(expression)?.[1] ?? expression;
}

/** The columns of `tables` whose type is the enum (or an array of it). */
export function enumColumns(e: EnumSnapshot, tables: readonly TableSnapshot[], defaultSchema: string) {
  const wanted = typeKey(e.schema === defaultSchema ? quoteIdentifier(e.name) : qualifiedName(e.name, e.schema), defaultSchema);
  return tables.flatMap((table) =>
    table.columns
      .map((column) => ({ table, column, key: typeKey(column.type, defaultSchema) }))
      .filter((c) => c.key === wanted || c.key === `${wanted}[]`)
      .map(({ table, column, key }) => ({ table, column, array: key.endsWith("[]") })),
  );
}

/** A column's default on one side; undefined: as `tables` has it. */
type DefaultOf = (table: TableSnapshot, column: string) => string | null | undefined;

export interface RecreateDefaults {
  /** The default a column has once converted (the target side's). */
  readonly target?: DefaultOf;
  /** The default it has when the type is made again (the models', in a downgrade), dropped before the conversion. */
  readonly current?: DefaultOf;
}

/** The steps that give enum `e` the values `values`, converting the columns of `tables` that use it. */
export function recreateEnum(
  e: EnumSnapshot,
  values: readonly string[],
  tables: readonly TableSnapshot[],
  defaultSchema: string,
  defaults: RecreateDefaults = {},
): Step[] {
  const targetDefault = defaults.target ?? (() => undefined);
  const currentDefault = defaults.current ?? (() => undefined);
  const schema = e.schema === defaultSchema ? undefined : e.schema;
  const aside = `${e.name}__old`;
  const type = qualifiedName(e.name, schema);
  const steps: Step[] = [
    note(
      `review: enum ${schema ? `${schema}.` : ""}${e.name} is made again with the values (${values.map((v) => `'${v}'`).join(", ")}); a row holding another value makes the conversion below fail: update such rows first.`,
    ),
    op({ kind: "execute", sql: `ALTER TYPE ${type} RENAME TO ${quoteIdentifier(aside)}` }),
    op({ kind: "createEnum", name: e.name, ...(schema ? { schema } : {}), values }),
  ];
  for (const { table, column, array } of enumColumns(e, tables, defaultSchema)) {
    const where = { kind: "alterColumn" as const, ...tableName(table, defaultSchema), column: column.name };
    const suffix = array ? "[]" : "";
    const wanted = targetDefault(table, column.name);
    const restored = wanted === undefined ? (column.default === null ? null : uncast(column.default)) : wanted;
    const current = currentDefault(table, column.name);
    if ((current === undefined ? column.default : current) !== null) steps.push(op({ ...where, default: null } as AlterColumnOperation));
    steps.push(
      op({
        ...where,
        type: `${type}${suffix}`,
        using: `${quoteIdentifier(column.name)}::text${suffix}::${type}${suffix}`,
        ...(restored !== null ? { default: restored } : {}),
      } as AlterColumnOperation),
    );
  }
  steps.push(op({ kind: "dropEnum", name: aside, ...(schema ? { schema } : {}) }));
  return steps;
}
