// After a statement gave up waiting for a lock (lock_timeout), who held it: the other
// sessions with granted locks on the tables the statement names, from pg_locks and
// pg_stat_activity. Best effort: the names come from the statement's text.

export interface LockHolderSession {
  readonly pid: number;
  readonly relation: string;
  readonly mode: string;
  readonly applicationName: string;
  readonly state: string;
  /** The session's current (or last) statement, shortened. */
  readonly query: string;
}

type Query = (sql: string, params?: readonly unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

const NAME = String.raw`(?:"(?:[^"]|"")+"|[A-Za-z_][A-Za-z0-9_$]*)`;
const RELATION = new RegExp(
  String.raw`\b(?:TABLE|INTO|UPDATE|FROM|JOIN|REFERENCES|ON|LOCK)\s+(?:(?:ONLY|IF\s+(?:NOT\s+)?EXISTS|TABLE)\s+)*(${NAME}(?:\.${NAME})?)`,
  "gi",
);
// Words that follow ON/FROM/… without naming a table (`JOIN c ON true`, `ON CONFLICT`).
const NOT_NAMES = new Set([
  "only",
  "if",
  "table",
  "select",
  "conflict",
  "delete",
  "update",
  "insert",
  "commit",
  "each",
  "true",
  "false",
  "null",
  "not",
  "lateral",
]);

/** The relation names a statement mentions, as written (quotes kept, for to_regclass). */
export function relationsIn(statement: string): string[] {
  const names = new Set<string>();
  for (const match of statement.matchAll(RELATION)) {
    const name = match[1];
    if (name !== undefined && !NOT_NAMES.has(name.toLowerCase())) names.add(name);
  }
  return [...names];
}

/** The sessions other than this one holding granted locks on the statement's tables. */
export async function findLockHolders(query: Query, statement: string): Promise<LockHolderSession[]> {
  const names = relationsIn(statement);
  if (names.length === 0) return [];
  const { rows } = await query(
    `SELECT DISTINCT l.pid, l.relation::regclass::text AS relation, l.mode, coalesce(a.application_name, '') AS application_name,
            coalesce(a.state, '') AS state, left(coalesce(a.query, ''), 200) AS query
       FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE l.locktype = 'relation' AND l.granted AND l.pid <> pg_backend_pid()
        -- Relation oids repeat across databases built the same way; only this one's count.
        AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
        AND l.relation IN (SELECT to_regclass(n) FROM unnest($1::text[]) AS n)
      ORDER BY l.pid`,
    [names],
  );
  return rows.map((row) => ({
    pid: Number(row.pid),
    relation: String(row.relation),
    mode: String(row.mode),
    applicationName: String(row.application_name),
    state: String(row.state),
    query: String(row.query).replace(/\s+/g, " ").trim(),
  }));
}

/** `pid 4242 (psql, idle in transaction: LOCK TABLE users) holds AccessExclusiveLock on users` */
export function describeHolder(holder: LockHolderSession): string {
  const app = holder.applicationName ? `${holder.applicationName}, ` : "";
  const doing = holder.query ? `: ${holder.query}` : "";
  return `pid ${holder.pid} (${app}${holder.state || "state unknown"}${doing}) holds ${holder.mode} on ${holder.relation}`;
}
