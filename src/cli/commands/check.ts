import { Command, Option } from "clipanion";
import { assertKnownRows } from "../../graph/current-heads.js";
import { planUpgrade } from "../../graph/plan-upgrade.js";
import type { RevisionMap } from "../../graph/revision-map.js";
import { DatabaseCommand } from "../database-command.js";

interface Problem {
  kind: "multiple-heads" | "objects-exist" | "not-at-head" | "models-differ" | "unmodelled" | "edited-revision" | "interrupted-revision";
  message: string;
}

export class CheckCommand extends DatabaseCommand {
  static override paths = [["check"]];
  static override usage = Command.Usage({
    description: "Fail when the database is behind, the heads are split, or the models differ from the revisions",
    details: `
      A gate for CI. Exits 1 with a list of problems when: there are several heads (a merge is missing); the database is not at the head(s); an applied revision's file was edited since (its sha256 differs from the one recorded in the history table); or \`generate\` would write a revision (a model changed without one); or the database has a table, enum or sequence no model declares and no \`include\` rule covers (drop it with \`generate --drop-unmodelled\`, or leave it out with \`include\`). Exits 0 when all is well. Without configured models only the first three are checked. \`--verbose\` also says which model modules were loaded and how many tables were compared.
    `,
    examples: [
      ["In CI, after upgrading a test database", "athanor upgrade && athanor check"],
      ["For a machine", "athanor check --json"],
      ["See which model modules and how many tables were compared", "athanor check --verbose"],
    ],
  });

  asJson = Option.Boolean("--json", false, { description: "Print the result as JSON" });
  verbose = Option.Boolean("-v,--verbose", false, { description: "Also list the model modules loaded and the tables compared" });

  protected async run(): Promise<number> {
    const project = await this.project();
    const map = project.revisionMap();
    const problems: Problem[] = [];
    const heads = [...map.heads];
    if (heads.length > 1) {
      problems.push({ kind: "multiple-heads", message: `several heads: ${heads.join(", ")}; join them with \`athanor merge -m "merge_heads" heads\`` });
    }
    const { compareModels, projectModels, sameRevisions } = await import("../model-diff.js");
    const report = await import("../model-report.js");
    const { describeEdit } = await import("../../runtime/edited-revisions.js");
    const { interruptedRevision } = await import("../../runtime/started-markers.js");
    const { inspectDatabase } = await import("../../runtime/inspect-database.js");
    const { untrackedTables } = await import("../../runtime/untracked-tables.js");
    const { config } = project;
    const ownTables = [config.versionTable, ...(config.historyTable === false ? [] : [{ name: config.historyTable, schema: config.versionTable.schema }])];
    // Models are compared only with a database at the heads: one behind differs from them
    // by the pending revisions' changes, and reporting those would advise a duplicate revision.
    const isAtHeads = (currentHeads: readonly string[]) => sameRevisions(currentHeads, heads);
    const models = await projectModels(project, false);
    // One read-only session for both looks (opening the embedded database takes a second).
    const { diff, edits, untracked, interrupted } = await inspectDatabase(
      project.config,
      async (db) => {
        // Rows naming no file stop the check as they stop upgrade: "run upgrade" would be wrong.
        assertKnownRows(map, db.currentHeads, db.versionTable);
        const diff = await compareModels(project, db, models, { compareWhen: isAtHeads });
        const migrator = await this.migrator(project, db.connection);
        return {
          diff,
          edits: await migrator.editedRevisions(),
          interrupted: await migrator.interruptedRevisions(),
          untracked: db.currentHeads.length === 0 ? await untrackedTables(db.connection, { schemas: config.schemas, ownTables }) : [],
        };
      },
      (line) => this.note(line),
    );
    if (!isAtHeads(diff.currentHeads) && untracked.length > 0) {
      problems.push({ kind: "objects-exist", message: builtBeforeMigrations(untracked, map) });
    } else if (!isAtHeads(diff.currentHeads)) {
      const at = diff.currentHeads.length === 0 ? "base (no revision applied)" : diff.currentHeads.join(", ");
      problems.push({ kind: "not-at-head", message: `the database is at ${at}, the head(s) are ${heads.join(", ") || "none"}; run \`athanor upgrade${heads.length > 1 ? " heads" : ""}\`` });
    }
    for (const edit of edits) problems.push({ kind: "edited-revision", message: describeEdit(edit) });
    for (const marker of interrupted) {
      const error = interruptedRevision(marker, marker.path, diff.currentHeads);
      problems.push({ kind: "interrupted-revision", message: `${error.message}; ${error.hint}` });
    }
    const result = diff.result;
    if (models) for (const warning of models.warnings) this.warn(warning);
    if (models && this.verbose) for (const line of report.comparisonLines(models, result)) this.note(line);
    if (result !== undefined && !result.empty) {
      // The operations, one a line (an autocommit block's opening line is not one).
      const changes = result.upgradeBody.split("\n").map((l) => l.trim()).filter((l) => l.startsWith("await op.") && !l.startsWith("await op.autocommitBlock("));
      problems.push({
        kind: "models-differ",
        message: `the models differ from the revisions (${changes.length} operation${changes.length === 1 ? "" : "s"}); run \`athanor generate "<message>"\`\n${changes.map((c) => `    ${c}`).join("\n")}`,
      });
    }
    if (result !== undefined && result.unmodelled.length > 0) {
      problems.push({ kind: "unmodelled", message: report.unmodelledAdvice(result.unmodelled, result.compared, project.config.schemas[0] ?? "public") });
    }
    if (this.asJson) {
      this.json({
        ok: problems.length === 0,
        database: diff.database,
        current: diff.currentHeads,
        heads,
        modelsChecked: result !== undefined,
        ...(result && models ? { models: models.modules, compared: result.compared, unmodelled: result.unmodelled } : {}),
        problems,
      });
    } else if (problems.length === 0) {
      this.out(`OK: ${diff.database} is at the head (${heads.join(", ") || "no revisions"})${result ? " and the models match" : ""}.`);
    } else {
      this.out(`FAILED: ${problems.length} problem${problems.length === 1 ? "" : "s"}`);
      for (const problem of problems) this.out(`- ${problem.message}`);
    }
    return problems.length === 0 ? 0 : 1;
  }
}

/**
 * The version table records nothing, yet the database has tables: `upgrade` would fail on
 * the first revision's CREATE, so the advice is to stamp the revision the database matches.
 */
function builtBeforeMigrations(tables: readonly string[], map: RevisionMap): string {
  const first = map.heads.length === 0 ? undefined : planUpgrade(map, [], "heads").steps[0]?.revision;
  const shown = tables.length > 5 ? `${tables.slice(0, 5).join(", ")}, …` : tables.join(", ");
  const stamp = first === undefined ? "`athanor stamp <revision>`" : `\`athanor stamp ${first}\` (or the later revision it matches)`;
  return `the database already has tables (${shown}) but its version table records no revision: it was built before migrations, and \`athanor upgrade\` would fail creating them again; if it matches revision ${first ?? "<revision>"}, record that with ${stamp}, then run \`athanor upgrade\``;
}
