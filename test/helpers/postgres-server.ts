// Finds a PostgreSQL server for the integration tests, in DESIGN.md's order:
// TEST_DATABASE_URL if set, else a throwaway server from the local binaries
// (initdb + pg_ctl as a non-root user, on a free loopback port). There is no Docker
// engine on our machines, so testcontainers is not tried unless one answers.
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";

export interface TestServer {
  /** Superuser URL of the maintenance database (`postgres`). */
  url: string;
  stop(): void;
}

/** A server of a test's own, which it may restart (fault tests: the server goes away mid-run). */
export interface LocalServer extends TestServer {
  /** `pg_ctl restart -m <mode>`: fast terminates sessions cleanly, immediate kills them. */
  restart(mode?: "fast" | "immediate"): void;
}

function findBinDir(): string | undefined {
  const onPath = spawnSync("sh", ["-c", "command -v pg_ctl"], { encoding: "utf8" }).stdout.trim();
  const candidates = ["/usr/lib/postgresql"].filter(existsSync).flatMap((root) =>
    readdirSync(root)
      .sort((a, b) => Number(b) - Number(a))
      .map((v) => path.join(root, v, "bin")),
  );
  if (onPath) candidates.push(path.dirname(onPath));
  return candidates.find((dir) => existsSync(path.join(dir, "initdb")) && existsSync(path.join(dir, "pg_ctl")));
}

/** A loopback port nothing listens on (at the moment it is asked). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** Postgres refuses to run as root: when we are root, run it as the `postgres` user. */
function serverUser(): { uid: number; gid: number } | undefined {
  if (userInfo().uid !== 0) return undefined;
  for (const name of ["postgres", "nobody"]) {
    const result = spawnSync("id", ["-u", name], { encoding: "utf8" });
    if (result.status === 0) {
      const uid = Number(result.stdout.trim());
      const gid = Number(spawnSync("id", ["-g", name], { encoding: "utf8" }).stdout.trim());
      return { uid, gid };
    }
  }
  throw new Error("running as root and no postgres/nobody user to run the test server as");
}

/** `port`: listen there (a test may point a command at it before the server starts). */
export async function startLocalServer(wanted: { port?: number } = {}): Promise<LocalServer> {
  const bin = findBinDir();
  if (!bin) throw new Error("no PostgreSQL binaries (initdb, pg_ctl) found; install postgresql or set TEST_DATABASE_URL");
  const user = serverUser();
  const root = mkdtempSync(path.join(tmpdir(), "athanor-pg-"));
  const dataDir = path.join(root, "data");
  if (user) {
    chownSync(root, user.uid, user.gid);
  }
  chmodSync(root, 0o755);
  const asUser = user ? { uid: user.uid, gid: user.gid } : {};
  const port = wanted.port ?? (await freePort());
  execFileSync(path.join(bin, "initdb"), ["-D", dataDir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"], {
    ...asUser,
    stdio: "pipe",
  });
  // fsync=off keeps commits cheap; synchronous_commit stays on, so a server killed with
  // `restart -m immediate` (the fault tests) keeps every transaction it acknowledged.
  const options = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  const log = path.join(root, "server.log");
  const pgCtl = (...args: string[]) => execFileSync(path.join(bin, "pg_ctl"), ["-D", dataDir, "-l", log, ...args], { ...asUser, stdio: "pipe" });
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
      spawnSync(path.join(bin, "pg_ctl"), ["-D", dataDir, "-m", "immediate", "-w", "stop"], { ...asUser, stdio: "pipe" });
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** The server the suite uses: TEST_DATABASE_URL, else a local throwaway one. */
export async function provideServer(): Promise<TestServer> {
  const fromEnv = process.env.TEST_DATABASE_URL;
  if (fromEnv) return { url: fromEnv, stop() {} };
  return startLocalServer();
}
