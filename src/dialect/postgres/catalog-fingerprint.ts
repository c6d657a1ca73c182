// One number for a database's schema: an md5 over one line per schema, relation,
// column, constraint, index, enum value and sequence (sorted, so column order does not
// count), in one catalog query. `athanor test` compares fingerprints around each
// downgrade, a third of the cost of a full introspection on PGlite, and introspects only
// when they differ (bench/README.md, benchmark 6). It sees at least what introspect()
// compares, and also views and materialized views by name.
import type { QueryFunction } from "./introspect-types.js";

const linesQuery = `
WITH s AS (
  SELECT oid, nspname FROM pg_catalog.pg_namespace WHERE nspname !~ '^pg_' AND nspname <> 'information_schema'
), r AS (
  SELECT c.oid, s.nspname, c.relname, c.relkind FROM pg_catalog.pg_class c JOIN s ON s.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p', 'S', 'v', 'm', 'f') AND NOT (c.relname = ANY($1) OR s.nspname || '.' || c.relname = ANY($1))
)
SELECT concat_ws(' ', 's', nspname) AS line FROM s
  UNION ALL SELECT concat_ws(' ', 'r', nspname, relname, relkind::text, obj_description(oid, 'pg_class')) FROM r
  UNION ALL SELECT concat_ws(' ', 'a', r.nspname, r.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
      a.attidentity::text, a.attgenerated::text, pg_get_expr(d.adbin, d.adrelid), col_description(a.attrelid, a.attnum))
    FROM pg_catalog.pg_attribute a JOIN r ON r.oid = a.attrelid
    LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
    WHERE a.attnum > 0 AND NOT a.attisdropped
  UNION ALL SELECT concat_ws(' ', 'k', r.nspname, r.relname, con.conname, pg_get_constraintdef(con.oid))
    FROM pg_catalog.pg_constraint con JOIN r ON r.oid = con.conrelid
  UNION ALL SELECT concat_ws(' ', 'i', pg_get_indexdef(i.indexrelid), obj_description(i.indexrelid, 'pg_class'))
    FROM pg_catalog.pg_index i JOIN r ON r.oid = i.indrelid
  UNION ALL SELECT concat_ws(' ', 'e', s.nspname, t.typname, e.enumsortorder, e.enumlabel)
    FROM pg_catalog.pg_enum e JOIN pg_catalog.pg_type t ON t.oid = e.enumtypid JOIN s ON s.oid = t.typnamespace
  UNION ALL SELECT concat_ws(' ', 'q', r.nspname, r.relname, format_type(sq.seqtypid, NULL), sq.seqstart, sq.seqincrement,
      sq.seqmin, sq.seqmax, sq.seqcache, sq.seqcycle)
    FROM pg_catalog.pg_sequence sq JOIN r ON r.oid = sq.seqrelid`;

const fingerprintQuery = `SELECT md5(string_agg(line, E'\\n' ORDER BY line)) AS fingerprint FROM (${linesQuery}) lines`;

/**
 * The schema's fingerprint, leaving out `excludeTables` (names, or `schema.name`).
 *
 * ### Examples
 * ```ts
 * const before = await catalogFingerprint(query, ["alembic_version"]);
 * ```
 */
export async function catalogFingerprint(query: QueryFunction, excludeTables: readonly string[]): Promise<string> {
  const [row] = await query(fingerprintQuery, [[...excludeTables]]);
  return String(row?.fingerprint ?? "");
}

/** The lines the fingerprint is made of, sorted: what to compare when two fingerprints differ. */
export async function catalogLines(query: QueryFunction, excludeTables: readonly string[]): Promise<string[]> {
  return (await query(`SELECT line FROM (${linesQuery}) lines ORDER BY line`, [[...excludeTables]])).map((row) => String(row.line));
}

const relationKinds: Record<string, string> = { r: "table", p: "table", S: "sequence", v: "view", m: "materialized view", f: "foreign table" };

/**
 * What differs between two sets of catalog lines, in words where the line is a relation
 * (`view active_users still there after downgrade`), else the line itself.
 */
export function lineDifferences(expected: readonly string[], actual: readonly string[], when: string): string[] {
  const had = new Set(expected);
  const has = new Set(actual);
  const words = (line: string) => {
    const relation = /^r (\S+) (\S+) (\S)/.exec(line);
    if (relation === null) return line.slice(2);
    const name = relation[1] === "public" ? relation[2] : `${relation[1]}.${relation[2]}`;
    return `${relationKinds[relation[3]!] ?? "relation"} ${name}`;
  };
  const missing = expected.filter((line) => !has.has(line));
  const extra = actual.filter((line) => !had.has(line));
  // A relation's columns, constraints and sequence options go with it: say the relation once.
  const relations = new Set([...missing, ...extra].flatMap((line) => (line.startsWith("r ") ? [line.split(" ").slice(1, 3).join(" ")] : [])));
  const ofRelation = (line: string) => /^[akq] /.test(line) && relations.has(line.split(" ").slice(1, 3).join(" "));
  return [
    ...missing.filter((line) => !ofRelation(line)).map((line) => `${words(line)} missing ${when}`),
    ...extra.filter((line) => !ofRelation(line)).map((line) => `${words(line)} still there ${when}`),
  ];
}
