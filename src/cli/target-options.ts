// The flags of a many-target run, shared by upgrade, downgrade, current, status, check
// and sql: which targets (--targets SPEC), how many at once, how many sessions to one
// server, and whether the first failure stops new targets from starting.
import { errors } from "../error-factories.js";
import { Option } from "clipanion";

export const targetsOption = () =>
  Option.String("--targets", {
    description:
      "Run on many databases/schemas: comma-separated schema names or globs on --url (tenant_*), database URLs (postgres://host/db#schema), @FILE (one per line), or a SELECT returning schema names, e.g. --targets 'tenant_*'",
  });

export const parallelOption = () =>
  Option.String("--parallel", { description: "With --targets: how many targets run at once (default: the number of CPUs), e.g. --parallel 8" });

export const maxConnectionsPerHostOption = () =>
  Option.String("--max-connections-per-host", {
    description: "With --targets: sessions open to one server at once (default: --parallel), e.g. --max-connections-per-host 4",
  });

export const failFastOption = () =>
  Option.Boolean("--fail-fast", false, {
    description: "With --targets: after the first failed target start no other (the rest are reported as not run), e.g. --targets 'shard_*' --fail-fast",
  });

/** The flags as given on one command (each a field of it). */
export interface TargetFlags {
  readonly targets: string | undefined;
  readonly parallel: string | undefined;
  readonly maxConnectionsPerHost: string | undefined;
  readonly failFast: boolean;
}

/** A positive whole number from a flag, or USAGE naming the flag. */
export function countFlag(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1) {
    throw errors.usage(`${flag} must be a whole number of at least 1, got "${value}"`, { hint: `for example ${flag} 4` });
  }
  return count;
}

/** Without --targets (nor a config `targets`), the target flags mean nothing: say so rather than ignore them. */
export function refuseTargetFlagsAlone(flags: TargetFlags): void {
  const given = [
    flags.parallel === undefined ? undefined : "--parallel",
    flags.maxConnectionsPerHost === undefined ? undefined : "--max-connections-per-host",
    flags.failFast ? "--fail-fast" : undefined,
  ].filter((flag) => flag !== undefined);
  if (given.length === 0) return;
  throw errors.usage(`${given.join(", ")} only work${given.length === 1 ? "s" : ""} with --targets`, {
    hint: "add --targets SPEC (e.g. --targets 'tenant_*'), or set `targets` in the config file",
  });
}
