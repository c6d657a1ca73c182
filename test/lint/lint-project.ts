// Writes revisions, TypeScript or SQL, into a throwaway project and lints them the way
// `athanor lint` does (files read, TS upgrade() run offline), so each rule is tested
// through the real path: file → operations or statements → findings.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { revisionsToLint } from "../../src/commands/lint.js";
import { parseRevSpecOrRange } from "../../src/graph/rev-spec.js";
import { RevisionMap } from "../../src/graph/revision-map.js";
import type { LintFinding } from "../../src/lint/lint.js";
import { lintSources } from "../../src/runtime/lint-revisions.js";
import { scanRevisionFiles } from "../../src/scripts/scan-version-locations.js";

export interface RevisionSpec {
  /** SQL statements (without `;`) for a SQL revision, or lines of `upgrade(op)` for a TypeScript one. */
  readonly body: readonly string[];
  readonly transactional?: boolean;
  /** Set the revision's own lock_timeout (default: yes, so only the rule under test speaks). */
  readonly lockTimeout?: boolean;
  /** Comment lines put in the file (`athanor-lint-disable …` without the comment marker). */
  readonly comments?: readonly string[];
}

export interface WrittenRevision {
  readonly path: string;
  /** The file line of each body entry. */
  readonly lines: readonly number[];
}

export class LintProject {
  // A space in the path: stack frames name the file as an escaped file:// URL.
  readonly dir = mkdtempSync(path.join(tmpdir(), "athanor lint-"));
  #count = 0;

  constructor() {
    mkdirSync(path.join(this.dir, "versions"));
  }

  /** Adds a revision after the previous one. */
  add(format: "ts" | "sql", spec: RevisionSpec): WrittenRevision {
    this.#count += 1;
    const id = String(this.#count).padStart(4, "0");
    const down = this.#count === 1 ? null : String(this.#count - 1).padStart(4, "0");
    const file = `versions/${id}_rev.${format}`;
    const { text, lines } = format === "sql" ? sqlText(id, down, spec) : tsText(id, down, spec);
    writeFileSync(path.join(this.dir, file), text);
    return { path: file, lines };
  }

  /** Lints `spec` (default every revision, as `base:head`). */
  async lint(spec = "base:head", settings: { lockTimeout?: number; disable?: string[] } = {}): Promise<LintFinding[]> {
    const map = RevisionMap.fromSources(scanRevisionFiles([{ path: "versions", recursive: false }], { cwd: this.dir }));
    return lintSources(revisionsToLint(map, parseRevSpecOrRange(spec)), { cwd: this.dir, ...settings });
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function sqlText(id: string, down: string | null, spec: RevisionSpec): { text: string; lines: number[] } {
  const head = [`-- revision: ${id}`, `-- down_revision: ${down ?? "none"}`, "-- message: rev"];
  if (spec.transactional === false) head.push("-- transactional: false");
  if (spec.lockTimeout !== false) head.push("-- lock_timeout: 2s");
  for (const comment of spec.comments ?? []) head.push(`-- ${comment}`);
  head.push("-- +upgrade");
  const lines = spec.body.map((_, i) => head.length + 1 + i);
  return { text: `${[...head, ...spec.body.map((s) => `${s};`), "-- +downgrade", ""].join("\n")}`, lines };
}

function tsText(id: string, down: string | null, spec: RevisionSpec): { text: string; lines: number[] } {
  const head = [
    'import type { Operations } from "athanor";',
    "",
    `export const revision = "${id}";`,
    `export const downRevision: string | null = ${JSON.stringify(down)};`,
    'export const message = "rev";',
  ];
  if (spec.transactional === false) head.push("export const transactional = false;");
  if (spec.lockTimeout !== false) head.push('export const lockTimeout = "2s";');
  for (const comment of spec.comments ?? []) head.push(`// ${comment}`);
  head.push("", "export async function upgrade(op: Operations): Promise<void> {");
  const lines = spec.body.map((_, i) => head.length + 1 + i);
  const tail = ["}", "", "export async function downgrade(_op: Operations): Promise<void> {}", ""];
  return { text: [...head, ...spec.body.map((line) => `  ${line}`), ...tail].join("\n"), lines };
}
