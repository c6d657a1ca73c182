// `athanor rebase`: re-parent the local revisions onto the upstream head after a pull,
// instead of a merge revision. Local means: a file the upstream branch does not hold
// (git) that no database given has applied (its version table's lineage, or its history
// table). Refuses, changing nothing, when a revision to move is applied somewhere, when
// a file to rewrite has changes not committed, or when the result is not one head.
import path from "node:path";
import { errors } from "../error-factories.js";
import { ancestorsOf, defaultOnto, planRebase, type RebasePlan } from "../graph/plan-rebase.js";
import { resolveRevision } from "../graph/resolve-rev-spec.js";
import { parseRevSpec, type RevSpec } from "../graph/rev-spec.js";
import type { RevisionMap } from "../graph/revision-map.js";
import { filesAt, gitRoot, refExists, uncommitted, upstreamOf } from "../scripts/git.js";
import { rewriteDownRevisions } from "../scripts/rewrite-down-revision.js";
import { migratorFor, openProject, type Project } from "./project.js";
import { silentReporter, type Reporter } from "./reporter.js";

export interface RebaseOptions {
  /** The revision the local ones go on (default: the one head the upstream holds). */
  readonly onto?: string | undefined;
  /** The branch whose files are shared (default: the current branch's upstream). */
  readonly upstream?: string | undefined;
  /** Databases whose applied revisions must not move (default: the configured one). */
  readonly databaseUrls?: readonly string[];
  /** Plan only: no file is written. */
  readonly dryRun?: boolean;
  readonly reporter?: Reporter;
}

export interface RebaseResult extends RebasePlan {
  /** False with dryRun or when nothing moves. */
  readonly written: boolean;
  readonly upstream: string | null;
  /** The databases asked, as output names them. */
  readonly databases: readonly string[];
}

export async function rebaseRevisions(project: Project, options: RebaseOptions = {}): Promise<RebaseResult> {
  const reporter = options.reporter ?? silentReporter;
  const { config } = project;
  const map = project.revisionMap();
  const ontoSpec = options.onto === undefined ? undefined : parseRevSpec(options.onto);
  const absolute = (file: string) => path.resolve(config.cwd, file);

  // What git says is shared: the files the upstream branch holds.
  const root = gitRoot(config.cwd);
  const upstream = root === null ? null : (options.upstream ?? upstreamOf(config.cwd));
  if (root === null) reporter.warn("not a git repository: only the databases say which revisions are shared");
  else if (upstream === null)
    reporter.warn("the current branch has no upstream: only the databases say which revisions are shared (name one with --upstream origin/main)");
  else if (!refExists(root, upstream)) {
    throw errors.usage(`--upstream ${upstream} names no commit in ${root}`, {
      hint: "Name a branch such as origin/main (`git branch -r` lists them).",
      details: { upstream },
    });
  }
  const onUpstream = root !== null && upstream !== null ? filesAt(root, upstream, config.versionLocations.map(absolute)) : new Set<string>();
  const candidates = new Set(map.revisions.filter((r) => !onUpstream.has(absolute(r.path))).map((r) => r.id));

  // What the databases say is applied: their heads' lineage and every revision in their history.
  const urls = options.databaseUrls && options.databaseUrls.length > 0 ? options.databaseUrls : [undefined];
  const applied = new Map<string, string>();
  const databases: string[] = [];
  for (const url of urls) {
    const target = url === undefined ? project : await openProject({ cwd: config.cwd, overrides: { databaseUrl: url } });
    const migrator = await migratorFor(target, { onProgress: reporter.note, onNotice: reporter.note, onWarning: reporter.warn });
    databases.push(migrator.target.description);
    const heads = await migrator.currentHeads();
    const history = migrator.historyTable === undefined ? [] : await migrator.appliedHistory();
    for (const head of heads) for (const id of map.get(head) ? ancestorsOf(map, head) : []) applied.set(id, migrator.target.description);
    for (const entry of history) if (!applied.has(entry.revision)) applied.set(entry.revision, migrator.target.description);
  }
  // Without git, what no database applied is local.
  const local = root === null || upstream === null ? new Set([...candidates].filter((id) => !applied.has(id))) : candidates;

  const onto = ontoSpec === undefined ? defaultOnto(map, local) : resolveOnto(map, ontoSpec);
  const plan = planRebase(map, onto, local);
  for (const move of plan.moves) {
    const where = applied.get(move.revision);
    if (where !== undefined) {
      throw errors.usage(`Revision ${move.revision} (${move.path}) is applied on ${where}: rewriting its parents would leave that database's history wrong`, {
        hint: `Merge instead (\`athanor merge -m "merge_heads" heads\`), or downgrade ${where} below ${move.revision} first.`,
        details: { revision: move.revision, database: where },
      });
    }
  }
  if (root !== null) {
    const dirty = uncommitted(
      root,
      plan.moves.map((m) => absolute(m.path)),
    );
    if (dirty.length > 0) {
      const shown = dirty.map((f) => path.relative(config.cwd, f));
      throw errors.usage(
        `${shown.join(", ")} ${shown.length === 1 ? "has" : "have"} changes not committed: rebase rewrites ${shown.length === 1 ? "it" : "them"}`,
        {
          hint: "Commit (or stash) them first, so the rewrite is a change of its own.",
          details: { files: shown },
        },
      );
    }
  }
  const write = !options.dryRun && plan.moves.length > 0;
  if (write) for (const move of plan.moves) rewriteDownRevisions(absolute(move.path), map.require(move.revision).source, move.to);
  return { ...plan, written: write, upstream, databases };
}

function resolveOnto(map: RevisionMap, spec: RevSpec): string {
  const revision = resolveRevision(map, spec);
  if (revision === null) throw errors.usage("--onto base: the local revisions go on a revision, not on base", { hint: "Name the upstream head." });
  return revision.id;
}
