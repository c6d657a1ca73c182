#!/usr/bin/python3
"""Records Alembic's answers on generated revision graphs as JSON fixtures.

athanor's graph must answer every question the way Alembic 1.8.1 does (heads, rev specs,
history order, upgrade/downgrade plans and their version-table changes). This script
builds random DAGs as real Alembic script directories, asks Alembic in-process (offline
--sql mode for plans, parsing the SQL it prints), and writes test/fixtures/alembic/*.json
for test/graph/alembic-oracle.test.ts. Stdlib + alembic only; see test/oracle/README.md.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys

sys.dont_write_bytecode = True  # same file names are rewritten per graph; never trust a .pyc

# Alembic's RevisionMap sees the revision files in os.listdir order and walks independent
# branches in that order, so its plans differ between filesystems. athanor orders by file
# name instead; with os.listdir returning sorted names, Alembic's answers are the ones
# athanor must reproduce. Patched before alembic is imported, for every caller.
_real_listdir = os.listdir
os.listdir = lambda path=".": sorted(_real_listdir(path))  # type: ignore[assignment]

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from graph_generator import generate_graph, reference_graph  # noqa: E402
from case_generator import generate_cases, generate_online_sequences, reference_cases, reference_stamp_sql_cases, stamp_sql_cases  # noqa: E402


def worker(args: argparse.Namespace) -> None:
    """Records every graph of one seed under the current PYTHONHASHSEED; JSON on stdout."""
    from alembic_runner import AlembicProject, online_database

    graphs = []
    specs = [("reference", reference_graph())] if args.reference else [
        ("g%03d" % (i + 1), generate_graph(random.Random("%d/%d" % (args.seed, i)))) for i in range(args.graphs)
    ]
    for index, (name, revisions) in enumerate(specs):
        rng = random.Random("%d/%d/cases" % (args.seed, index))
        with AlembicProject(revisions) as project:
            graph = {"name": name, "revisions": revisions}
            graph.update(project.describe())
            cases = reference_cases() if args.reference else []
            cases += generate_cases(rng, revisions, project)
            stamp_rng = random.Random("%s/%d/stamp-sql" % ("reference" if args.reference else args.seed, index))
            cases += reference_stamp_sql_cases() if args.reference else stamp_sql_cases(stamp_rng, revisions)
            graph["cases"] = [project.run_case(case) for case in cases]
            if args.url and (args.reference or index < args.online_graphs):
                for commands in generate_online_sequences(rng, revisions, args.reference):
                    with online_database(args.url) as url:
                        graph["cases"].append(project.run_online(url, commands))
        graphs.append(graph)
    json.dump(graphs, sys.stdout)


def run_worker(args: argparse.Namespace, hash_seed: int) -> list:
    argv = [sys.executable, os.path.abspath(__file__), "--worker", "--seed", str(args.seed), "--graphs", str(args.graphs)]
    if args.reference:
        argv.append("--reference")
    if args.url:
        argv += ["--url", args.url, "--online-graphs", str(args.online_graphs)]
    env = dict(os.environ, PYTHONHASHSEED=str(hash_seed))
    out = subprocess.run(argv, env=env, check=True, stdout=subprocess.PIPE).stdout
    return json.loads(out)


def merge_hash_runs(runs: list) -> list:
    """Alembic keeps some ids in Python sets (dependencies, branch heads), so a few answers
    change with the string-hash seed. Keep the first run's answer and flag the case, so the
    test can compare those without insisting on Alembic's accidental order."""
    first = runs[0]
    for g, graph in enumerate(first):
        for c, case in enumerate(graph["cases"]):
            variants = [run[g]["cases"][c] for run in runs]
            if any(v != case for v in variants[1:]):
                case["variesWithHashSeed"] = True
        for key in ("heads", "bases", "branchpoints", "history"):
            if any(run[g][key] != graph[key] for run in runs[1:]):
                graph.setdefault("variesWithHashSeed", []).append(key)
    return first


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=1, help="random seed: the same seed writes the same file")
    parser.add_argument("--graphs", type=int, default=30, help="how many random graphs")
    parser.add_argument("--reference", action="store_true", help="record the reference graph of shared/reference/alembic.md instead")
    parser.add_argument("--online", action="store_true", help="also run upgrade/downgrade/stamp sequences on PostgreSQL")
    parser.add_argument("--url", default=None, help="PostgreSQL superuser URL for --online (default: $TEST_DATABASE_URL)")
    parser.add_argument("--online-graphs", type=int, default=6, help="how many graphs get online sequences")
    parser.add_argument("--hash-seeds", default="0,1,2", help="PYTHONHASHSEED values to run under (first one is recorded)")
    parser.add_argument("--output", default=None, help="output file (default: test/fixtures/alembic/random-<seed>.json)")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args)
        return
    if args.online:
        args.url = args.url or os.environ.get("TEST_DATABASE_URL")
        if not args.url:
            parser.error("--online needs --url or TEST_DATABASE_URL")
    else:
        args.url = None
    import alembic

    runs = [run_worker(args, int(s)) for s in args.hash_seeds.split(",")]
    fixture = {"alembicVersion": alembic.__version__, "seed": None if args.reference else args.seed, "graphs": merge_hash_runs(runs)}
    name = "reference.json" if args.reference else "random-%d.json" % args.seed
    output = args.output or os.path.join(HERE, "..", "fixtures", "alembic", name)
    os.makedirs(os.path.dirname(output), exist_ok=True)
    with open(output, "w") as f:
        f.write(format_fixture(fixture))
    cases = sum(len(g["cases"]) for g in fixture["graphs"])
    print("wrote %s: %d graphs, %d cases" % (os.path.relpath(output), len(fixture["graphs"]), cases), file=sys.stderr)


def format_fixture(fixture: dict) -> str:
    """One revision or case per line: small, and a diff shows which answer changed."""
    lines = ['{"alembicVersion": %s, "seed": %s, "graphs": [' % (json.dumps(fixture["alembicVersion"]), json.dumps(fixture["seed"]))]
    for g, graph in enumerate(fixture["graphs"]):
        head = {k: v for k, v in graph.items() if k not in ("revisions", "cases")}
        lines.append("{" + json.dumps(head)[1:-1] + ', "revisions": [')
        lines.append(",\n".join(json.dumps(r) for r in graph["revisions"]) + "],")
        lines.append('"cases": [')
        lines.append(",\n".join(json.dumps(c) for c in graph["cases"]) + "]")
        lines.append("}" + ("," if g < len(fixture["graphs"]) - 1 else ""))
    lines.append("]}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
