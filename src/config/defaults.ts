// Every default setting, once. The config schema fills them in, defaultSettings() returns
// them without loading zod, and the runtime, autogenerate and init fall back to them when
// a caller passes no settings: a name changed here changes everywhere.
import { availableParallelism } from "node:os";

/** Alembic's version table; the default shares a database with Alembic. */
export const DEFAULT_VERSION_TABLE = "alembic_version";
/** The step-history table, beside the version table. */
export const DEFAULT_HISTORY_TABLE = "athanor_history";
/** Where the started marks of the history live: `<history>_started`. */
export const startedMarkersTableOf = (historyTable: string): string => `${historyTable}_started`;
/** The dotenv file DATABASE_URL is read from; `.env` at the root is read after it. */
export const DEFAULT_ENV_FILE = "secrets/.env";
export const ROOT_ENV_FILE = ".env";
export const DEFAULT_VERSION_LOCATIONS: readonly string[] = ["versions"];
export const DEFAULT_SCHEMAS: readonly string[] = ["public"];
export const DEFAULT_TRANSACTION_MODE = "each" as const;
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
export const DEFAULT_REVISION_IDS = "random" as const;
/** `targets`: none, so a command runs on the one configured database. */
export const DEFAULT_TARGETS: string | readonly string[] | undefined = undefined;
/** --parallel: as many targets at once as the machine has CPUs. */
export const defaultParallelism = (): number => availableParallelism();
/** --max-connections-per-host: as many sessions to one server as targets run at once. */
export const defaultConnectionsPerHost = (parallel: number): number => parallel;
