// Turns a TypeScript revision's operations (collected offline, as data) into the
// lint's neutral form. op.execute's raw SQL is split and classified like a SQL
// revision's statements, so `op.execute("CREATE INDEX …")` is linted too.
import { locateStatements } from "../dialect/postgres/split-statements.js";
import type { Operation, OperationKind, OperationOf } from "../ops/operation.js";
import { classifySql, provenNotNull } from "./classify-sql.js";
import type { LintShape as Shape, LintStatement, TableName } from "./lint-statement.js";
import { sqlTokens } from "./sql-tokens.js";

/** One operation a revision's upgrade() emitted, and the file line of the call. */
export interface LocatedOperation {
  readonly operation: Operation;
  readonly line: number;
  /** Emitted inside `op.autocommitBlock`. */
  readonly autocommit?: boolean;
}

/**
 * The neutral statements of a TypeScript revision's operations, in order.
 *
 * ### Examples
 * ```ts
 * fromOperations([{ operation: { kind: "dropColumn", table: "users", column: "age" }, line: 12 }]);
 * // [{ kind: "dropColumn", table: { name: "users" }, column: "age", line: 12, statement: 0 }]
 * ```
 */
export function fromOperations(operations: readonly LocatedOperation[]): LintStatement[] {
  const statements: LintStatement[] = [];
  let index = 0;
  for (const { operation, line, autocommit } of operations) {
    const outside = autocommit === true ? { autocommit: true as const } : {};
    if (operation.kind === "execute") {
      for (const located of locateStatements(operation.sql)) {
        statements.push(...classifySql(located.sql, { line, statement: index++, ...outside }));
      }
      continue;
    }
    const concurrently = (operation.kind === "createIndex" || operation.kind === "dropIndex") && operation.concurrently === true;
    const where = { line, statement: index++, ...outside, ...(concurrently ? { refusesTransaction: true as const } : {}) };
    for (const shape of shapesOf(operation)) statements.push({ ...shape, ...where } as LintStatement);
  }
  return statements;
}

function tableOf(operation: { readonly table: string; readonly schema?: string }): TableName {
  return operation.schema === undefined ? { name: operation.table } : { name: operation.table, schema: operation.schema };
}

function shapesOf(operation: Operation): Shape[] {
  return (operationShapes[operation.kind] as (operation: Operation) => Shape[])(operation);
}

const locksTable = (operation: { readonly table: string; readonly schema?: string }): Shape[] => [{ kind: "other", locks: true, table: tableOf(operation) }];
const brieflyOnTable = (operation: { readonly table: string; readonly schema?: string }): Shape[] => [
  { kind: "other", locks: false, table: tableOf(operation) },
];
/** Enums, schemas, sequences and data: no lock the application waits on for long. */
const noLongLock = (): Shape[] => [{ kind: "other", locks: false }];

function addConstraintShape(
  operation: OperationOf<"createPrimaryKey" | "createUniqueConstraint" | "createForeignKey" | "createCheckConstraint">,
  constraint: "primaryKey" | "unique" | "foreignKey" | "check",
): Shape[] {
  const notNullColumn = operation.kind === "createCheckConstraint" ? provenNotNull(sqlTokens(operation.expression)) : undefined;
  const notValid = (operation.kind === "createForeignKey" || operation.kind === "createCheckConstraint") && operation.notValid === true;
  return [
    {
      kind: "addConstraint",
      table: tableOf(operation),
      constraint,
      notValid,
      usingIndex: false,
      ...(operation.name === undefined ? {} : { name: operation.name }),
      ...(notNullColumn === undefined ? {} : { notNullColumn }),
    },
  ];
}

/** How the lint sees each kind: a kind added without an entry here fails to compile. */
const operationShapes: { readonly [K in OperationKind]: (operation: OperationOf<K>) => Shape[] } = {
  createTable: (operation) => [{ kind: "createTable", table: tableOf(operation) }],
  dropTable: (operation) => [{ kind: "dropTable", table: tableOf(operation) }],
  renameTable: (operation) => [{ kind: "renameTable", table: tableOf(operation), newName: operation.newName }],
  createTableComment: brieflyOnTable,
  dropTableComment: brieflyOnTable,
  addColumn: (operation) => {
    const { column } = operation;
    return [
      {
        kind: "addColumn",
        table: tableOf(operation),
        column: column.name,
        type: column.type,
        ...(column.default === undefined ? {} : { default: column.default }),
        ...(column.identity === undefined ? {} : { identity: true }),
        ...(column.generated === undefined ? {} : { stored: true }),
        ...(column.nullable === false || column.primaryKey === true ? { notNull: true } : {}),
      },
    ];
  },
  dropColumn: (operation) => [{ kind: "dropColumn", table: tableOf(operation), column: operation.column }],
  alterColumn: (operation) => alterColumnShapes(operation),
  setColumnComment: brieflyOnTable,
  createIndex: (operation) => [{ kind: "createIndex", table: tableOf(operation), name: operation.name, concurrently: operation.concurrently === true }],
  dropIndex: (operation) => [
    {
      kind: "dropIndex",
      name: operation.name,
      concurrently: operation.concurrently === true,
      ...(operation.schema === undefined ? {} : { schema: operation.schema }),
    },
  ],
  createPrimaryKey: (operation) => addConstraintShape(operation, "primaryKey"),
  createUniqueConstraint: (operation) => addConstraintShape(operation, "unique"),
  createForeignKey: (operation) => addConstraintShape(operation, "foreignKey"),
  createCheckConstraint: (operation) => addConstraintShape(operation, "check"),
  validateConstraint: (operation) => [{ kind: "validateConstraint", table: tableOf(operation), name: operation.name }],
  dropConstraint: locksTable,
  createEnum: noLongLock,
  dropEnum: noLongLock,
  addEnumValue: noLongLock,
  renameEnumValue: noLongLock,
  createSchema: noLongLock,
  dropSchema: noLongLock,
  createSequence: noLongLock,
  alterSequence: noLongLock,
  dropSequence: noLongLock,
  // Split and classified as SQL by fromOperations; never reaches here.
  execute: noLongLock,
  bulkInsert: noLongLock,
};

/** One alterColumn can change the type, the nullability and the name at once: one entry each. */
function alterColumnShapes(operation: OperationOf<"alterColumn">): Shape[] {
  const table = tableOf(operation);
  const { column } = operation;
  const shapes: Shape[] = [];
  if (operation.type !== undefined) shapes.push({ kind: "alterColumnType", table, column, type: operation.type, using: operation.using !== undefined });
  if (operation.nullable === false) shapes.push({ kind: "setNotNull", table, column });
  const rest =
    operation.nullable === true ||
    operation.default !== undefined ||
    operation.identity !== undefined ||
    operation.setGenerated !== undefined ||
    operation.collation !== undefined;
  if (rest) shapes.push({ kind: "other", locks: true, table });
  if (operation.newName !== undefined) shapes.push({ kind: "renameColumn", table, column, newName: operation.newName });
  return shapes;
}
