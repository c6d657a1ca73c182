// PostgreSQL's own rendering of expressions that are not in the database yet: defaults,
// generated columns, checks and indexes are created on throwaway temporary tables and
// read back with the same catalog functions introspection uses (pg_get_expr,
// pg_get_constraintdef, pg_get_indexdef), so they compare with the database's objects
// character for character. Everything runs in one DO block inside a subtransaction that
// is rolled back, so it works inside or outside a transaction and leaves nothing behind;
// the result comes back through a session setting, read (and cleared) by a second query.
// An object PostgreSQL refuses (an unknown type or function) is simply not in the result.
import type { IndexElement } from "../../ops/constraint.js";
import { checkExpression, indexSnapshot } from "./introspect.js";
import { indexColumns } from "./introspect-queries.js";
import type { IndexSnapshot, QueryFunction } from "./introspect-types.js";
import { quoteIdentifier } from "./quote.js";
import { renderCreateIndex } from "./render-index.js";

/** Something to render: `name` is unique over the whole request and names it in the result. */
export interface ThrowawayExpression {
  readonly name: string;
  readonly expression: string;
}

export interface ThrowawayColumnExpression extends ThrowawayExpression {
  /** The type of the column the default or generation expression is for. */
  readonly type: string;
}

export interface ThrowawayIndex {
  readonly name: string;
  readonly unique: boolean;
  readonly method: string;
  readonly keys: readonly IndexElement[];
  readonly include: readonly string[];
  readonly where: string | null;
}

/** One temporary table: the columns expressions refer to, and the objects built on it. */
export interface ThrowawayTable {
  readonly columns: readonly { readonly name: string; readonly type: string }[];
  readonly defaults: readonly ThrowawayColumnExpression[];
  readonly generated: readonly ThrowawayColumnExpression[];
  /** Boolean expressions: checks, and index predicates (PostgreSQL prints both the same way). */
  readonly checks: readonly ThrowawayExpression[];
  readonly indexes: readonly ThrowawayIndex[];
}

export interface CanonicalForms {
  /** By name: defaults and generation expressions as pg_get_expr prints them, checks as introspection reads them. */
  readonly expressions: ReadonlyMap<string, string>;
  readonly indexes: ReadonlyMap<string, IndexSnapshot>;
}

const setting = "athanor.canonical_forms";
const bodyTag = "$athanor_canonical$";
const empty: CanonicalForms = { expressions: new Map(), indexes: new Map() };

/** A string literal that means the same whatever standard_conforming_strings says. */
function literal(text: string): string {
  return `E'${text.replaceAll("\\", "\\\\").replaceAll("'", "''")}'`;
}

const tableName = (i: number) => `athanor_canonical_${i}`;

function columnDefinitions(t: ThrowawayTable): string[] {
  return [
    ...t.columns.map((c) => `${quoteIdentifier(c.name)} ${c.type}`),
    ...t.defaults.map((d) => `${quoteIdentifier(d.name)} ${d.type} DEFAULT ${d.expression}`),
    ...t.generated.map((g) => `${quoteIdentifier(g.name)} ${g.type} GENERATED ALWAYS AS (${g.expression}) STORED`),
  ];
}

const checkDefinition = (c: ThrowawayExpression) => `CONSTRAINT ${quoteIdentifier(c.name)} CHECK (${c.expression})`;

/** The whole table in one statement, and the same piece by piece for when that fails. */
function tableStatements(t: ThrowawayTable, i: number): { whole: string; pieces: string[] } {
  const name = `pg_temp.${quoteIdentifier(tableName(i))}`;
  const whole = `CREATE TEMPORARY TABLE ${name} (${[...columnDefinitions(t), ...t.checks.map(checkDefinition)].join(", ")})`;
  const pieces = [
    `CREATE TEMPORARY TABLE ${name} ()`,
    ...columnDefinitions(t).map((c) => `ALTER TABLE ${name} ADD COLUMN ${c}`),
    ...t.checks.map((c) => `ALTER TABLE ${name} ADD ${checkDefinition(c)}`),
  ];
  return { whole, pieces };
}

function indexStatement(ix: ThrowawayIndex, i: number): string {
  const [statement] = renderCreateIndex({
    kind: "createIndex",
    name: ix.name,
    schema: "pg_temp",
    table: tableName(i),
    columns: ix.keys,
    ...(ix.unique ? { unique: true } : {}),
    ...(ix.method !== "btree" ? { method: ix.method } : {}),
    ...(ix.include.length > 0 ? { include: ix.include } : {}),
    ...(ix.where !== null ? { where: ix.where } : {}),
  });
  return statement?.sql ?? "";
}

const resultQuery = `
  SELECT pg_catalog.json_build_object(
    'expressions', (SELECT pg_catalog.json_object_agg(a.attname, pg_catalog.pg_get_expr(d.adbin, d.adrelid))
                    FROM pg_catalog.pg_attrdef d
                    JOIN pg_catalog.pg_class c ON c.oid = d.adrelid
                    JOIN pg_catalog.pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
                    WHERE c.relnamespace = pg_catalog.pg_my_temp_schema() AND c.relname LIKE 'athanor\\_canonical\\_%'),
    'checks', (SELECT pg_catalog.json_object_agg(con.conname, pg_catalog.pg_get_constraintdef(con.oid, true))
               FROM pg_catalog.pg_constraint con
               JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
               WHERE con.contype = 'c' AND c.relnamespace = pg_catalog.pg_my_temp_schema() AND c.relname LIKE 'athanor\\_canonical\\_%'),
    'indexes', (SELECT pg_catalog.json_agg(x) FROM (
                  SELECT ic.relname::text AS name, i.indisunique AS unique, am.amname::text AS method,
                         pg_catalog.pg_get_expr(i.indpred, i.indrelid, true) AS predicate,
                         ${indexColumns("i")}
                  FROM pg_catalog.pg_index i
                  JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
                  JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
                  JOIN pg_catalog.pg_am am ON am.oid = ic.relam
                  WHERE c.relnamespace = pg_catalog.pg_my_temp_schema() AND c.relname LIKE 'athanor\\_canonical\\_%') x)
  )::text`;

/** The DO block: each table whole (else piece by piece), each index on its own, read back, rolled back. */
function canonicalFormsBlock(tables: readonly ThrowawayTable[]): string {
  const lines = ["DO " + bodyTag, "DECLARE result text; statement text;", "BEGIN", "  BEGIN"];
  tables.forEach((t, i) => {
    const { whole, pieces } = tableStatements(t, i);
    lines.push(
      `    BEGIN EXECUTE ${literal(whole)};`,
      `    EXCEPTION WHEN others THEN`,
      `      FOREACH statement IN ARRAY ARRAY[${pieces.map(literal).join(", ")}]::text[] LOOP`,
      `        BEGIN EXECUTE statement; EXCEPTION WHEN others THEN NULL; END;`,
      `      END LOOP;`,
      `    END;`,
    );
  });
  const indexes = tables.flatMap((t, i) => t.indexes.map((ix) => indexStatement(ix, i)));
  if (indexes.length > 0) {
    lines.push(
      `    FOREACH statement IN ARRAY ARRAY[${indexes.map(literal).join(", ")}]::text[] LOOP`,
      `      BEGIN EXECUTE statement; EXCEPTION WHEN others THEN NULL; END;`,
      `    END LOOP;`,
    );
  }
  lines.push(
    `    ${resultQuery.trim()} INTO result;`,
    // Undo every object made above: the subtransaction ends in an error it catches itself.
    `    RAISE EXCEPTION 'rolled back' USING ERRCODE = 'AT000';`,
    `  EXCEPTION WHEN SQLSTATE 'AT000' THEN NULL;`,
    `  END;`,
    `  PERFORM pg_catalog.set_config('${setting}', coalesce(result, ''), false);`,
    `END ${bodyTag}`,
  );
  return lines.join("\n");
}

/**
 * Renders the tables' expressions and indexes through PostgreSQL and reads them back.
 * Nothing is left in the database; when the block cannot run at all, nothing is known.
 */
export async function canonicalForms(query: QueryFunction, tables: readonly ThrowawayTable[]): Promise<CanonicalForms> {
  if (tables.length === 0) return empty;
  const block = canonicalFormsBlock(tables);
  if (block.split(bodyTag).length !== 3) return empty;
  try {
    await query(block);
  } catch {
    return empty; // e.g. no PL/pgSQL: the caller compares by text instead
  }
  const [row] = await query(`SELECT pg_catalog.current_setting('${setting}', true) AS forms, pg_catalog.set_config('${setting}', '', false)`);
  const text = typeof row?.forms === "string" ? row.forms : "";
  if (text === "") return empty;
  const parsed = JSON.parse(text) as {
    expressions: Record<string, string> | null;
    checks: Record<string, string> | null;
    indexes: Record<string, unknown>[] | null;
  };
  const expressions = new Map(Object.entries(parsed.expressions ?? {}));
  for (const [name, definition] of Object.entries(parsed.checks ?? {})) expressions.set(name, checkExpression(definition));
  const indexes = new Map((parsed.indexes ?? []).map((row) => [String(row.name), indexSnapshot(row)] as const));
  return { expressions, indexes };
}
