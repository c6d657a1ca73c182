// The runtime's public surface for src/cli and src/index.ts: the Migrator that runs
// plans online or offline, and the connection pieces `current`/`check` may need.
export { Migrator, type MigratorConfig, type MigratorOptions, type RunOptions, type RunResult } from "./migrator.js";
export { parseDatabaseUrl, redactUrl, embeddedDataDir, type DatabaseTarget, type PostgresTarget, type PgliteTarget } from "./database-url.js";
export { openConnection, type Connection, type QueryResult, type OpenOptions } from "./connection.js";
export { VersionTable, type VersionTableSettings } from "./version-table.js";
export type { TextOutput } from "./offline-writer.js";
export type { TransactionMode } from "./execute-plan.js";
export { HistoryTable, type HistoryEntry, type HistoryDirection } from "./history-table.js";
export { describeEdit, type EditedRevision } from "./edited-revisions.js";
