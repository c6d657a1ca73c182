// Runs one command with TEST_DATABASE_URL pointing at a PostgreSQL server (the suite's
// own helper: TEST_DATABASE_URL if set, else a throwaway local server), for recording
// Alembic's online answers: node --import tsx test/oracle/with-server.ts <command...>
import { spawnSync } from "node:child_process";
import { provideServer } from "../helpers/postgres-server.js";

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error("usage: node --import tsx test/oracle/with-server.ts <command> [args...]");
  process.exit(2);
}
const server = await provideServer();
let status = 1;
try {
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, TEST_DATABASE_URL: server.url } });
  status = result.status ?? 1;
} finally {
  server.stop();
}
process.exit(status);
