// pg_dump for `upgrade --backup`: finding it, checking that it can dump the server (a
// pg_dump older than the server refuses to, and says so only after connecting), and
// running it with the connection's parameters in libpq's environment variables: never
// on the command line, where `ps` would show the password to every user of the machine.
import { spawn, spawnSync } from "node:child_process";
import { errors } from "../error-factories.js";
import type { PostgresTarget } from "./database-url.js";

export interface PgDumpTool {
  /** The program as run (`pg_dump`, found on PATH). */
  readonly program: string;
  /** `15.18`, from `pg_dump --version`. */
  readonly version: string;
  readonly major: number;
}

const PROGRAM = "pg_dump";

/** pg_dump from PATH and its version; refused (nothing has run yet) when it is not there. */
export function findPgDump(env: NodeJS.ProcessEnv = process.env): PgDumpTool {
  const result = spawnSync(PROGRAM, ["--version"], { env, encoding: "utf8" });
  if (result.error !== undefined || result.status !== 0) {
    const missing = (result.error as NodeJS.ErrnoException | undefined)?.code === "ENOENT";
    throw errors.backupFailed(
      missing
        ? "--backup needs pg_dump, which is not on PATH: nothing was applied"
        : `\`pg_dump --version\` failed (${(result.stderr || String(result.error)).trim()}): nothing was applied`,
      {
        hint: "install the PostgreSQL client tools of the server's major version or newer (Debian/Ubuntu: apt-get install postgresql-client-<major>; Alpine: apk add postgresql<major>-client) and put pg_dump on PATH, or run without --backup",
        details: { reason: missing ? "pg_dump-missing" : "pg_dump-failed" },
      },
    );
  }
  const match = /(\d+)(?:\.(\d+))?/.exec(result.stdout.replace(/^[^)]*\)/, ""));
  if (match === null) {
    throw errors.backupFailed(`cannot read pg_dump's version from ${JSON.stringify(result.stdout.trim())}: nothing was applied`, {
      hint: "check that pg_dump on PATH is PostgreSQL's",
      details: { reason: "pg_dump-failed" },
    });
  }
  return { program: PROGRAM, version: match[2] === undefined ? match[1]! : `${match[1]}.${match[2]}`, major: Number(match[1]) };
}

/** pg_dump cannot dump a server of a newer major version: refuse before it is tried. */
export function assertCanDump(tool: PgDumpTool, server: { version: string; major: number }, where: string): void {
  if (tool.major >= server.major) return;
  throw errors.backupFailed(
    `pg_dump ${tool.version} is older than the server (PostgreSQL ${server.version} at ${where}) and cannot dump it: nothing was applied`,
    {
      hint: `install pg_dump ${server.major} or newer (Debian/Ubuntu: apt-get install postgresql-client-${server.major}) and put it first on PATH, or run without --backup`,
      details: { reason: "pg_dump-too-old", pgDump: tool.version, server: server.version },
    },
  );
}

/** `server_version_num` 150018 → major 15 (90624 → 9: any pg_dump of today is newer). */
export function serverMajor(versionNum: number): number {
  return Math.floor(versionNum / 10_000);
}

/**
 * libpq's variables for `target`: PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD and the
 * SSL settings of the URL. The rest of the environment is kept (PGPASSFILE, PGSSL…).
 */
export function libpqEnvironment(target: PostgresTarget, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base, PGHOST: target.host, PGPORT: String(target.port), PGDATABASE: target.database, PGAPPNAME: "athanor-backup" };
  if (target.user !== undefined) env.PGUSER = target.user;
  const params = urlParts(target.connectionString);
  const password = params.password ?? params.search.get("password") ?? undefined;
  if (password) env.PGPASSWORD = password;
  const sslmode = params.search.get("sslmode");
  // node-postgres's no-verify is libpq's require (encrypt, do not check the certificate).
  if (sslmode) env.PGSSLMODE = sslmode === "no-verify" ? "require" : sslmode;
  for (const [name, variable] of [
    ["sslrootcert", "PGSSLROOTCERT"],
    ["sslcert", "PGSSLCERT"],
    ["sslkey", "PGSSLKEY"],
  ] as const) {
    const value = params.search.get(name);
    if (value) env[variable] = value;
  }
  return env;
}

function urlParts(connectionString: string): { password: string | undefined; search: URLSearchParams } {
  // A socket URL (postgresql://user@/db?host=/run/postgresql) has no host for WHATWG URL.
  const parseable = connectionString.replace(/^postgresql:\/\/([^/?#]*@)?(?=[/?])/, (_m, auth: string | undefined) => `postgresql://${auth ?? ""}localhost`);
  try {
    const url = new URL(parseable);
    return { password: url.password ? decodeURIComponent(url.password) : undefined, search: url.searchParams };
  } catch {
    return { password: undefined, search: new URLSearchParams() };
  }
}

/** Runs `pg_dump -Fc` of `target` into `file`; its own message (never the password) on failure. */
export async function runPgDump(tool: PgDumpTool, target: PostgresTarget, file: string): Promise<void> {
  const args = ["--format=custom", "--no-password", `--file=${file}`];
  const stderr = await new Promise<{ code: number | null; text: string }>((resolve, reject) => {
    const child = spawn(tool.program, args, { env: libpqEnvironment(target), stdio: ["ignore", "ignore", "pipe"] });
    let text = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (text += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, text }));
  });
  if (stderr.code === 0) return;
  throw errors.backupFailed(`pg_dump of ${target.description} failed: nothing was applied\n${stderr.text.trim()}`, {
    hint: "fix what pg_dump says (a missing privilege: the role needs SELECT on every table it dumps), then run the command again",
    details: { reason: "pg_dump-failed", exitCode: stderr.code },
  });
}
