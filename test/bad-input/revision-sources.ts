// Revision file texts for the bad-input catalogue: good ones to build a project from,
// and the means to break them one way at a time. Upgrades record themselves in `ran`
// so a test can see which revisions ran.

export interface TsRevision {
  id: string;
  down: string | string[] | null;
  message?: string;
  /** Extra metadata lines (e.g. `export const branchLabels = ["x"];`). */
  extra?: string;
  /** Statements for upgrade(); default: record the id in `ran`. */
  up?: string[];
  /** The body of upgrade() as source, overriding `up`. */
  upBody?: string;
}

export const recordRun = (id: string) => `INSERT INTO ran (revision) VALUES ('${id}')`;

export function tsRevision(spec: TsRevision): string {
  const statements = spec.up ?? [recordRun(spec.id)];
  const body = spec.upBody ?? statements.map((s) => `  await op.execute(${JSON.stringify(s)});`).join("\n");
  return `import type { Operations } from "athanor";

export const revision = "${spec.id}";
export const downRevision: string | string[] | null = ${JSON.stringify(spec.down)};
export const message = "${spec.message ?? `revision ${spec.id}`}";
export const createDate = "2025-01-01 00:00:00";
${spec.extra ?? ""}
export async function upgrade(op: Operations): Promise<void> {
${body}
}

export async function downgrade(op: Operations): Promise<void> {
  await op.execute("DELETE FROM ran WHERE revision = '${spec.id}'");
}
`;
}

export interface SqlRevision {
  id: string;
  down: string | null;
  headers?: string[];
  up?: string[];
  down_sql?: string[];
}

export function sqlRevision(spec: SqlRevision): string {
  return [
    `-- revision: ${spec.id}`,
    `-- down_revision: ${spec.down ?? "none"}`,
    `-- message: revision ${spec.id}`,
    ...(spec.headers ?? []),
    "-- +upgrade",
    ...(spec.up ?? [`${recordRun(spec.id)};`]),
    "-- +downgrade",
    ...(spec.down_sql ?? [`DELETE FROM ran WHERE revision = '${spec.id}';`]),
    "",
  ].join("\n");
}

/** The base every project starts from: creates `ran`, which later upgrades write to. */
export const baseRevision = tsRevision({
  id: "0001",
  down: null,
  message: "create ran",
  up: ["CREATE TABLE ran (revision text NOT NULL)", recordRun("0001")],
});

/** File name for a revision id, sorting in id order. */
export const fileFor = (id: string, ext: "ts" | "sql" = "ts") => `versions/20250101_${id}_rev.${ext}`;

/** A linear project 0001 → 0002 → … → 000n as a files map for makeProject. */
export function linearFiles(count: number): Record<string, string> {
  const files: Record<string, string> = { [fileFor("0001")]: baseRevision };
  for (let i = 2; i <= count; i++) {
    const id = String(i).padStart(4, "0");
    files[fileFor(id)] = tsRevision({ id, down: String(i - 1).padStart(4, "0") });
  }
  return files;
}
