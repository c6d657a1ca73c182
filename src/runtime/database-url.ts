// Turns a DATABASE_URL into a connection target: node-postgres for postgres:// (the
// SQLAlchemy driver suffix of +asyncpg/+psycopg URLs is ignored), PGlite for pglite://
// or no URL at all. Also redacts URLs for display: a password never reaches output.
import path from "node:path";
import { errors } from "../error-factories.js";

/** Where the embedded database lives when no DATABASE_URL is configured. */
export const embeddedDataDir = ".athanor/pglite";

export interface PostgresTarget {
  readonly kind: "postgres";
  /** The URL node-postgres receives: scheme normalised, everything else as given. */
  readonly connectionString: string;
  readonly host: string;
  readonly port: number;
  readonly database: string;
  readonly user: string | undefined;
  /** `host:port/db`, for messages. */
  readonly description: string;
}

export interface PgliteTarget {
  readonly kind: "pglite";
  /** Absolute data directory, or null for an in-memory database. */
  readonly dataDir: string | null;
  readonly description: string;
  /** True when no URL was configured and athanor fell back to `.athanor/pglite`. */
  readonly embeddedDefault: boolean;
}

export type DatabaseTarget = PostgresTarget | PgliteTarget;

/** Where the URL was set (config's databaseUrlOrigin): named instead of a URL that cannot be shown. */
export interface UrlOrigin {
  readonly shown: string;
  readonly note?: string | undefined;
}

const postgresScheme = /^(postgres|postgresql)(\+[A-Za-z0-9_]+)?:\/\//i;
const sslModes = new Set(["disable", "allow", "prefer", "require", "verify-ca", "verify-full", "no-verify"]);

/**
 * The target a URL names; `undefined` means the embedded PGlite default.
 *
 * ### Examples
 * ```ts
 * parseDatabaseUrl("postgresql+asyncpg://app:pw@db:5432/app", cwd).description; // "db:5432/app"
 * parseDatabaseUrl(undefined, cwd); // { kind: "pglite", dataDir: "<cwd>/.athanor/pglite", embeddedDefault: true }
 * ```
 */
export function parseDatabaseUrl(url: string | undefined, cwd: string, origin: UrlOrigin = { shown: "DATABASE_URL" }): DatabaseTarget {
  if (url === undefined || url.trim() === "") {
    const dataDir = path.resolve(cwd, embeddedDataDir);
    return { kind: "pglite", dataDir, description: `pglite:${embeddedDataDir}`, embeddedDefault: true };
  }
  const trimmed = url.trim();
  if (/^pglite:\/\//i.test(trimmed)) return parsePglite(trimmed.slice("pglite://".length), cwd);
  if (postgresScheme.test(trimmed)) return parsePostgres(trimmed, origin);
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(trimmed)?.[1];
  // Only the scheme and the host part are shown: the rest may be a password.
  const where = hostPart(trimmed);
  throw errors.configInvalid(
    scheme ? `unsupported database URL scheme "${scheme}" in ${origin.shown}${where === undefined ? "" : ` (${where})`}` : `${origin.shown} is not a URL`,
    { hint: withNote(origin, "use postgresql://user:password@host:5432/dbname, pglite://path/to/dir or pglite://memory") },
  );
}

/** `host:port/db` of a URL whose authority ends in `@host…`, when that much is plain. */
function hostPart(url: string): string | undefined {
  const match = /@([A-Za-z0-9.[\]:-]+)(\/[A-Za-z0-9_.-]*)?(?:[?#]|$)/.exec(url);
  return match ? `${match[1]}${match[2] ?? ""}` : undefined;
}

function withNote(origin: UrlOrigin, hint: string): string {
  return origin.note === undefined ? hint : `${origin.note}; ${hint}`;
}

function parsePglite(rest: string, cwd: string): PgliteTarget {
  if (rest === "") {
    throw errors.configInvalid("pglite:// needs a data directory", {
      hint: "use pglite://.athanor/pglite (relative to the project), pglite:///absolute/dir or pglite://memory",
    });
  }
  if (rest.toLowerCase() === "memory") return { kind: "pglite", dataDir: null, description: "pglite:memory", embeddedDefault: false };
  const dataDir = path.resolve(cwd, decodeURIComponent(rest));
  return { kind: "pglite", dataDir, description: `pglite:${rest}`, embeddedDefault: false };
}

function parsePostgres(url: string, origin: UrlOrigin): PostgresTarget {
  const normalised = url.replace(postgresScheme, "postgresql://");
  let parsed: URL;
  const standIn = /^postgresql:\/\/([^/?#]*@)?[/?]/.test(normalised);
  try {
    // A socket URL (`postgresql://user@/db?host=/run/postgresql`) has an empty host,
    // which WHATWG URL refuses; parse it with a stand-in host (the ?host= wins anyway).
    parsed = new URL(normalised.replace(/^postgresql:\/\/([^/?#]*@)?(?=[/?])/, (_match, auth: string | undefined) => `postgresql://${auth ?? ""}localhost`));
  } catch {
    // Never printed, not even redacted: which part is the password is what failed to parse.
    throw errors.configInvalid(`${origin.shown} cannot be parsed as a URL (not shown: it may hold the password)`, {
      hint: withNote(origin, "percent-encode special characters in the user name and password (@ as %40, # as %23, / as %2F, : as %3A, % as %25)"),
      details: { origin: origin.shown },
    });
  }
  refuseBadPercent(parsed, origin);
  // asyncpg spells sslmode as ?ssl=require; node-postgres expects sslmode.
  const ssl = parsed.searchParams.get("ssl");
  if (ssl !== null && sslModes.has(ssl) && !parsed.searchParams.has("sslmode")) {
    parsed.searchParams.delete("ssl");
    parsed.searchParams.set("sslmode", ssl);
  }
  const socketHost = parsed.searchParams.get("host");
  const host = socketHost ?? (decodeURIComponent(parsed.hostname) || "localhost");
  const port = Number(parsed.port || parsed.searchParams.get("port") || 5432);
  const user = parsed.username ? decodeURIComponent(parsed.username) : undefined;
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, "")) || user || "postgres";
  return {
    kind: "postgres",
    connectionString: standIn ? normalised : parsed.toString(),
    host,
    port,
    database,
    user,
    description: `${host}:${port}/${database}`,
  };
}

/** `%` not followed by two hex digits: decodeURIComponent (ours and node-postgres's) throws "URI malformed". */
function refuseBadPercent(parsed: URL, origin: UrlOrigin): void {
  const parts: [string, string][] = [
    ["the user name", parsed.username],
    ["the password", parsed.password],
    ["the host", parsed.hostname],
    ["the database name", parsed.pathname],
  ];
  for (const [part, text] of parts) {
    if (!/%(?![0-9A-Fa-f]{2})/.test(text)) continue;
    throw errors.configInvalid(`${origin.shown}: ${part} has a \`%\` not followed by two hex digits (URI malformed)`, {
      hint: withNote(origin, "write a literal % as %25 (and percent-encode @ # / : the same way)"),
      details: { origin: origin.shown, part },
    });
  }
}

/**
 * The URL with its password (in the authority or a `password=` parameter) replaced by
 * `***`. Never throws and never returns the password, whatever the input.
 */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    for (const key of [...parsed.searchParams.keys()]) {
      if (/pass/i.test(key)) parsed.searchParams.set(key, "***");
    }
    return parsed.toString();
  } catch {
    // Unparseable: cut anything between "user:" and the last "@" of the authority,
    // and libpq keyword style `password=...`.
    return url.replace(/^([A-Za-z][A-Za-z0-9+.-]*:\/\/[^:/?#@]*):[^/?#]*@/, "$1:***@").replace(/(password\s*=\s*)('[^']*'|\S+)/gi, "$1***");
  }
}
