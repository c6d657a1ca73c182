// Who and what is running a migration, for the history table: the OS user and host of
// the client (the server only knows current_user) and athanor's own version.
import { readFileSync } from "node:fs";
import { hostname, userInfo } from "node:os";

let version: string | undefined;

/** athanor's version from its package.json (src/runtime and dist/runtime sit at the same depth). */
export function athanorVersion(): string {
  if (version === undefined) {
    try {
      const manifest = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version?: unknown };
      version = typeof manifest.version === "string" ? manifest.version : "unknown";
    } catch {
      version = "unknown";
    }
  }
  return version;
}

/** `alice@buildhost`; the user from the environment when the OS has no passwd entry (containers). */
export function clientIdentity(): string {
  let user: string;
  try {
    user = userInfo().username;
  } catch {
    user = process.env.USER ?? process.env.USERNAME ?? "unknown";
  }
  return `${user}@${hostname()}`;
}
