// A throwaway PostgreSQL server of a test's own, which the test may restart (fault
// tests: the server goes away mid-run and comes back). Same recipe as
// postgres-server.ts (initdb + pg_ctl on a free loopback port, as a non-root user).
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";

export interface RestartableServer {
  /** Superuser URL of the `postgres` database. */
  readonly url: string;
  /** `pg_ctl restart -m <mode>`: fast terminates sessions cleanly, immediate kills them. */
  restart(mode?: "fast" | "immediate"): void;
  stop(): void;
}

function binDir(): string {
  const onPath = spawnSync("sh", ["-c", "command -v pg_ctl"], { encoding: "utf8" }).stdout.trim();
  const candidates = existsSync("/usr/lib/postgresql")
    ? readdirSync("/usr/lib/postgresql").sort((a, b) => Number(b) - Number(a)).map((v) => path.join("/usr/lib/postgresql", v, "bin"))
    : [];
  if (onPath) candidates.push(path.dirname(onPath));
  const found = candidates.find((dir) => existsSync(path.join(dir, "initdb")) && existsSync(path.join(dir, "pg_ctl")));
  if (!found) throw new Error("no PostgreSQL binaries (initdb, pg_ctl) found for a restartable test server");
  return found;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

function runAs(): { uid?: number; gid?: number } {
  if (userInfo().uid !== 0) return {};
  for (const name of ["postgres", "nobody"]) {
    const uid = spawnSync("id", ["-u", name], { encoding: "utf8" });
    if (uid.status === 0) return { uid: Number(uid.stdout.trim()), gid: Number(spawnSync("id", ["-g", name], { encoding: "utf8" }).stdout.trim()) };
  }
  throw new Error("running as root and no postgres/nobody user to run the test server as");
}

export async function startRestartableServer(): Promise<RestartableServer> {
  const bin = binDir();
  const user = runAs();
  const root = mkdtempSync(path.join(tmpdir(), "athanor-pg-restart-"));
  const dataDir = path.join(root, "data");
  if (user.uid !== undefined) chownSync(root, user.uid, user.gid!);
  chmodSync(root, 0o755);
  const port = await freePort();
  execFileSync(path.join(bin, "initdb"), ["-D", dataDir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"], { ...user, stdio: "pipe" });
  const options = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50`;
  const log = path.join(root, "server.log");
  const pgCtl = (...args: string[]) => execFileSync(path.join(bin, "pg_ctl"), ["-D", dataDir, "-l", log, ...args], { ...user, stdio: "pipe" });
  pgCtl("-o", options, "-w", "-t", "60", "start");
  let stopped = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    restart(mode = "fast") {
      pgCtl("-o", options, "-m", mode, "-w", "-t", "60", "restart");
    },
    stop() {
      if (stopped) return;
      stopped = true;
      spawnSync(path.join(bin, "pg_ctl"), ["-D", dataDir, "-m", "immediate", "-w", "stop"], { ...user, stdio: "pipe" });
      rmSync(root, { recursive: true, force: true });
    },
  };
}
