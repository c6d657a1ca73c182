// What the lint knows at a point of the linted range: the tables created so far (new
// tables have no rows and no running code, so nothing on them is unsafe), the columns
// added with their types, the constraints added and those validated.
import { sameTable, type LintStatement, type TableName } from "./lint-statement.js";

interface KnownConstraint {
  readonly table: TableName;
  readonly name: string;
  readonly notNullColumn: string | undefined;
}

export class Scope {
  #created: TableName[] = [];
  /** Indexes the range created (by name): dropping one of them again is harmless. */
  #createdIndexes = new Set<string>();
  #columnTypes: { table: TableName; column: string; type: string }[] = [];
  #constraints: KnownConstraint[] = [];
  /** Validated constraints: the column a CHECK proves NOT NULL, or null for one whose definition the range does not show. */
  #validated: { table: TableName; column: string | null }[] = [];

  /** The table was not created earlier in the linted range: it may hold rows and be in use. */
  isExisting(table: TableName | undefined): boolean {
    return table === undefined || !this.#created.some((t) => sameTable(t, table));
  }

  /** The index was not created earlier in the linted range. */
  isExistingIndex(name: string): boolean {
    return !this.#createdIndexes.has(name);
  }

  /** The column's type when the range added the column; undefined when it did not. */
  columnType(table: TableName, column: string): string | undefined {
    return this.#columnTypes.findLast((c) => sameTable(c.table, table) && c.column === column)?.type;
  }

  /** A validated CHECK (column IS NOT NULL), or a validated constraint of unknown definition, on the table. */
  provesNotNull(table: TableName, column: string): boolean {
    return this.#validated.some((v) => sameTable(v.table, table) && (v.column === column || v.column === null));
  }

  record(statement: LintStatement): void {
    switch (statement.kind) {
      case "createTable":
        this.#created.push(statement.table);
        break;
      case "dropTable":
        this.#created = this.#created.filter((t) => !sameTable(t, statement.table));
        break;
      case "renameTable":
        if (!this.isExisting(statement.table)) this.#created.push({ ...statement.table, name: statement.newName });
        break;
      case "createIndex":
        if (statement.name !== undefined) this.#createdIndexes.add(statement.name);
        break;
      case "addColumn":
        this.#columnTypes.push({ table: statement.table, column: statement.column, type: statement.type });
        break;
      case "alterColumnType":
        this.#columnTypes.push({ table: statement.table, column: statement.column, type: statement.type });
        break;
      case "addConstraint":
        if (statement.name !== undefined) this.#constraints.push({ table: statement.table, name: statement.name, notNullColumn: statement.notNullColumn });
        break;
      case "validateConstraint": {
        const known = this.#constraints.findLast((c) => c.name === statement.name && sameTable(c.table, statement.table));
        this.#validated.push({ table: statement.table, column: known === undefined ? null : (known.notNullColumn ?? "") });
        break;
      }
      default:
        break;
    }
  }
}
