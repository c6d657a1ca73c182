// PostgreSQL privilege errors (SQLSTATE 42501) and a version table of another shape:
// neither is a bug nor a broken revision, but a database set up for someone else. Say
// which grant is missing, or what athanor expects the table to look like.
import type { AthanorError } from "../errors.js";
import { errors } from "../error-factories.js";

interface PostgresFields {
  code?: string;
  message?: string;
}

export function isPrivilegeError(cause: unknown): boolean {
  return cause instanceof Error && (cause as PostgresFields).code === "42501";
}

/** The GRANT that would have let `message` ("permission denied for table x") through. */
function missingGrant(message: string, role: string): string {
  const object = /permission denied for (table|relation|sequence|schema|database|function) "?([^"\s]+)"?/i.exec(message);
  if (object === null) return `ask the database owner for the privilege the statement needs, for role ${role}`;
  const [, kind, name] = object;
  switch (kind!.toLowerCase()) {
    case "schema":
      return `GRANT USAGE, CREATE ON SCHEMA ${name} TO ${role}`;
    case "database":
      return `GRANT CONNECT, CREATE ON DATABASE ${name} TO ${role}`;
    case "sequence":
      return `GRANT USAGE, SELECT, UPDATE ON SEQUENCE ${name} TO ${role}`;
    case "function":
      return `GRANT EXECUTE ON FUNCTION ${name} TO ${role}`;
    default:
      return `GRANT SELECT, INSERT, UPDATE, DELETE ON ${name} TO ${role}`;
  }
}

/** A privilege error, exit 4: `what` is the action that was refused ("reading alembic_version"). */
export function privilegeDenied(cause: Error, role: string | undefined, what: string, extra: Record<string, unknown> = {}): AthanorError {
  const grant = missingGrant(cause.message, role ?? "<the role athanor connects as>");
  return errors.permissionDenied(`${what}: ${cause.message}`, {
    hint: `the role${role === undefined ? "" : ` ${role}`} lacks a privilege; as the owner of the object (or a superuser) run: ${grant}; or connect as a role that has it`,
    details: { ...extra, sqlState: "42501", role, grant },
    cause,
  });
}

/** The version table exists but has no `version_num` column: another tool's table of that name. */
export function foreignVersionTable(table: string, cause: unknown): AthanorError {
  return errors.versionTableMismatch(`the table ${table} is not a version table athanor can use: it has no version_num column`, {
    hint: `athanor (like Alembic) expects ${table}(version_num varchar(32) primary key), one row per current head; if ${table} belongs to another tool, point athanor at a table of its own with \`versionTable: { name: "athanor_version" }\` (and \`schema\`) in athanor.config.ts`,
    details: { table },
    cause,
  });
}
