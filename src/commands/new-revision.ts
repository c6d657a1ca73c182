// `revision` and `merge`: a new revision file on the head(s) the options name, written
// under the authoring lock (src/scripts/authoring.ts) so writers started at once behave
// as if run one after the other.
import { parseRevSpec } from "../graph/rev-spec.js";
import { writeNewRevision } from "../scripts/authoring.js";
import { dependenciesForNewRevision, parentsForMerge, parentsForNewRevision } from "../scripts/new-revision-parents.js";
import type { Project } from "./project.js";

export interface WrittenRevision {
  readonly revision: string;
  /** Relative to the project directory. */
  readonly path: string;
  readonly message: string;
}

export interface CreateRevisionOptions {
  readonly message: string;
  /** The revision to build on (default `head`; `base` starts a new base). */
  readonly head?: string | undefined;
  /** Allow `head` to name a revision that is not a head. */
  readonly splice?: boolean;
  readonly revId?: string | undefined;
  readonly branchLabels?: readonly string[];
  readonly dependsOn?: readonly string[];
  readonly versionPath?: string | undefined;
  readonly format?: "ts" | "sql";
}

/**
 * An empty revision file (Alembic's `command.revision`).
 *
 * ### Examples
 *     const project = await openProject();
 *     const { path } = await createRevision(project, { message: "add index on email" });
 */
export async function createRevision(project: Project, options: CreateRevisionOptions): Promise<WrittenRevision> {
  const map = project.revisionMap();
  const written = writeNewRevision(project.config, map, {
    revId: options.revId,
    versionPath: options.versionPath,
    message: options.message,
    downRevisions: (current) => parentsForNewRevision(current, parseRevSpec(options.head ?? "head"), options.splice ?? false),
    branchLabels: options.branchLabels ?? [],
    dependsOn: dependenciesForNewRevision(map, options.dependsOn ?? []),
    format: options.format ?? "ts",
  });
  return { path: written.path, revision: written.revision, message: options.message };
}

export interface MergeOptions {
  /** The revisions to join: ids, `heads`, labels. */
  readonly revisions: readonly string[];
  readonly message: string;
  readonly revId?: string | undefined;
  readonly branchLabels?: readonly string[];
  readonly format?: "ts" | "sql";
}

/** A merge revision whose parents are `revisions` (Alembic's `command.merge`). */
export async function mergeRevisions(project: Project, options: MergeOptions): Promise<WrittenRevision> {
  const written = writeNewRevision(project.config, project.revisionMap(), {
    revId: options.revId,
    message: options.message,
    downRevisions: (current) => parentsForMerge(current, options.revisions.map(parseRevSpec)),
    branchLabels: options.branchLabels ?? [],
    format: options.format ?? "ts",
  });
  return { path: written.path, revision: written.revision, message: options.message };
}
