// Writes a new revision file from a template (the project's templates dir, else the
// built-in templates/). The rendered text is read back with the same reader the graph
// uses before it lands, and it lands atomically without ever replacing a file.
import { existsSync, linkSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { AthanorError } from "../errors.js";
import { errors } from "../error-factories.js";
import type { RevisionSource } from "../graph/revision-source.js";
import { readSqlMetadata, sqlSpelling } from "./read-sql-revision.js";
import { readTsMetadata } from "./read-ts-metadata.js";
import { renderTemplate, type TemplateValues } from "./render-template.js";
import { formatCreateDate, revisionFileName } from "./revision-file-name.js";
import { toRevisionSource, type RawMetadata } from "./revision-metadata.js";
import { REVISION_ID_RULE, revisionIdProblem } from "../graph/revision-id-rule.js";
import { scanRevisionFiles } from "./scan-version-locations.js";

/** The templates shipped with athanor (`templates/` beside `src/` and `dist/`). */
export const BUILTIN_TEMPLATES_DIR = fileURLToPath(new URL("../../templates/", import.meta.url));

const OPERATIONS_IMPORT = 'import type { Operations } from "athanor";';

export interface WriteRevisionOptions {
  /** The version location to write into; it must exist. */
  readonly directory: string;
  readonly revision: string;
  /** Parents: [] for a new base, several for a merge. */
  readonly downRevisions: readonly string[];
  readonly branchLabels?: readonly string[];
  readonly dependsOn?: readonly string[];
  /** A squash revision's replaced revisions, oldest first (the `${replaces}` placeholder). */
  readonly replaces?: readonly string[];
  readonly message: string;
  readonly createDate: Date;
  readonly format: "ts" | "sql";
  /** Statements of `upgrade` (TypeScript) or the upgrade section (SQL), unindented. */
  readonly upgradeBody?: string;
  readonly downgradeBody?: string;
  /** Extra import lines for a TypeScript revision (the Operations type is always imported). */
  readonly imports?: readonly string[];
  /** A directory holding revision.ts.tmpl / revision.sql.tmpl; missing ones fall back to the built-ins. */
  readonly templatesDir?: string;
  /** Ids already used in every version location; when omitted, `directory` is scanned. */
  readonly existingRevisions?: Iterable<string>;
  /** Render and read back, but write nothing (`squash --dry-run`). */
  readonly dryRun?: boolean;
}

export interface WrittenRevision {
  /** Absolute path of the new file. */
  readonly path: string;
  /** The new file's metadata, as the scanner reads it (its `path` is the absolute path). */
  readonly source: RevisionSource;
  /** The file's text, as written (or, with dryRun, as it would be). */
  readonly text: string;
}

/**
 * Renders and writes a new revision file named `YYYYMMDD_<rev>_<slug>.<ts|sql>`.
 *
 * ### Examples
 * ```ts
 * writeRevisionFile({ directory: "versions", revision: "0002", downRevisions: ["0001"],
 *   message: "add users", createDate: new Date(), format: "ts" });
 * ```
 */
export function writeRevisionFile(options: WriteRevisionOptions): WrittenRevision {
  const directory = path.resolve(options.directory);
  checkRevisionId(options, directory);
  const { templatePath, template } = readTemplate(options);
  const text = renderTemplate(template, templateValues(options), templatePath);
  const fileName = revisionFileName(options);
  const target = path.join(directory, fileName);
  const source = readBack(text, target, fileName, options, templatePath);
  const fileText = text.endsWith("\n") ? text : `${text}\n`;
  if (!options.dryRun) writeNewFile(target, fileText);
  return { path: target, source, text: fileText };
}

function checkRevisionId(options: WriteRevisionOptions, directory: string): void {
  const problem = revisionIdProblem(options.revision);
  if (problem !== undefined) {
    throw errors.usage(`revision id ${JSON.stringify(options.revision)} is not valid: ${problem}; no revision file was written`, {
      hint: `A revision id is ${REVISION_ID_RULE}; pick another id, or let athanor generate one.`,
      details: { revision: options.revision },
    });
  }
  const existing = options.existingRevisions ?? scanRevisionFiles([{ path: directory, recursive: true }], { cwd: directory }).map((s) => s.revision);
  for (const id of existing) {
    if (id === options.revision) {
      throw errors.duplicateRevision(`revision id ${options.revision} already exists`, {
        hint: "Choose another id (or leave it out and athanor picks a new one).",
        details: { revision: options.revision },
      });
    }
  }
}

function readTemplate(options: WriteRevisionOptions): { templatePath: string; template: string } {
  const name = `revision.${options.format}.tmpl`;
  const custom = options.templatesDir === undefined ? undefined : path.resolve(options.templatesDir, name);
  const templatePath = custom !== undefined && existsSync(custom) ? custom : path.join(BUILTIN_TEMPLATES_DIR, name);
  try {
    return { templatePath, template: readFileSync(templatePath, "utf8").replace(/\r\n/g, "\n") };
  } catch (error) {
    throw errors.invalidTemplate(`cannot read the template ${templatePath}: ${(error as Error).message}`, { cause: error });
  }
}

function templateValues(options: WriteRevisionOptions): TemplateValues {
  const branchLabels = options.branchLabels ?? [];
  const dependsOn = options.dependsOn ?? [];
  const replaces = options.replaces ?? [];
  const createDate = formatCreateDate(options.createDate);
  if (options.format === "sql") {
    return {
      revision: options.revision,
      downRevision: options.downRevisions.length === 0 ? "none" : options.downRevisions.join(", "),
      branchLabels: branchLabels.join(", "),
      dependsOn: dependsOn.join(", "),
      replaces: replaces.length === 0 ? "" : `-- replaces: ${replaces.join(", ")}`,
      message: options.message.replace(/\s*\n\s*/g, " "), // a header value is one line
      createDate,
      imports: "",
      upgradeBody: options.upgradeBody ?? "",
      downgradeBody: options.downgradeBody ?? "",
    };
  }
  const down = options.downRevisions;
  return {
    revision: JSON.stringify(options.revision),
    downRevision: down.length === 0 ? "null" : down.length === 1 ? JSON.stringify(down[0]) : listLiteral(down),
    branchLabels: listLiteral(branchLabels),
    dependsOn: listLiteral(dependsOn),
    replaces: replaces.length === 0 ? "" : `export const replaces: string[] = ${listLiteral(replaces)};`,
    message: JSON.stringify(options.message),
    createDate: JSON.stringify(createDate),
    imports: [...new Set([OPERATIONS_IMPORT, ...(options.imports ?? [])])].join("\n"),
    upgradeBody: options.upgradeBody ?? "",
    downgradeBody: options.downgradeBody ?? "",
  };
}

function listLiteral(items: readonly string[]): string {
  return `[${items.map((item) => JSON.stringify(item)).join(", ")}]`;
}

/** Reads the rendered text as the scanner will, so a template that breaks the metadata never writes a file. */
function readBack(text: string, target: string, fileName: string, options: WriteRevisionOptions, templatePath: string): RevisionSource {
  let raw: RawMetadata;
  let source: RevisionSource;
  try {
    raw = options.format === "sql" ? readSqlMetadata(text, target) : readTsMetadata(text, target);
    source = toRevisionSource(raw, { path: target, format: options.format, sortKey: fileName, spell: options.format === "sql" ? sqlSpelling : (f) => f });
  } catch (error) {
    throw errors.invalidTemplate(`${templatePath} renders a file athanor cannot read back: ${(error as Error).message}`, {
      hint: "Keep the metadata declarations of the built-in template (literal values from the placeholders).",
      cause: error,
    });
  }
  const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  if (
    source.revision !== options.revision ||
    !same(source.downRevisions, options.downRevisions) ||
    !same(source.branchLabels, options.branchLabels ?? []) ||
    !same(source.dependsOn, options.dependsOn ?? []) ||
    !same(source.replaces ?? [], options.replaces ?? [])
  ) {
    throw errors.invalidTemplate(`${templatePath} does not declare the revision's metadata from its placeholders`, {
      hint: "Use ${revision}, ${downRevision}, ${branchLabels} and ${dependsOn} as the values of the metadata declarations, and put ${replaces} on a line of its own (squash writes `replaces` there).",
    });
  }
  return source;
}

/**
 * Writes a temporary dotfile (which the scanner skips) in the same directory, then
 * hard-links it to the final name: link() fails rather than replacing an existing file,
 * and readers never see a half-written revision.
 */
function writeNewFile(target: string, text: string): void {
  const directory = path.dirname(target);
  const temporary = path.join(directory, `.${path.basename(target)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    writeFileSync(temporary, text, { flag: "wx" });
  } catch (error) {
    throw directoryError(error, directory);
  }
  try {
    try {
      linkSync(temporary, target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EEXIST") throw error;
      // Filesystems without hard links: exclusive create still never overwrites.
      writeFileSync(target, text, { flag: "wx" });
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") {
      throw errors.fileExists(`${target} already exists; athanor never overwrites a revision file`, {
        hint: "Use another message (the file name comes from it) or remove the existing file.",
        details: { file: target },
      });
    }
    throw directoryError(error, directory);
  } finally {
    unlinkSync(temporary);
  }
}

function directoryError(error: unknown, directory: string): AthanorError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") {
    return errors.noVersionsDirectory(`no versions directory at ${directory}`, {
      hint: `Run \`athanor init\` to create a project, or create it with \`mkdir -p ${directory}\`.`,
      details: { path: directory },
    });
  }
  return errors.unwritableDirectory(`cannot write a revision file in ${directory}: ${(error as Error).message}`, {
    hint: "Check the directory's permissions (and that the filesystem is not read-only).",
    details: { path: directory, code },
    cause: error,
  });
}
