"""Random revision DAGs for the Alembic oracle, as fixture revision records.

Shapes that stress the graph rules: several bases, branch points, merges of 2 and 3
parents, branch labels on bases and branch starts, depends_on across branches, and short
ids sharing prefixes so prefix resolution has ambiguous and too-short cases.
"""
from __future__ import annotations

import random

HEX = "0123456789abcdef"


def _new_id(rng: random.Random, used: set, stems: list) -> str:
    """4-6 hex chars; ids often share a 4-char stem so 'abcd' is an ambiguous prefix,
    and sometimes an id is exactly a stem that longer ids extend."""
    while True:
        if stems and rng.random() < 0.45:
            rid = rng.choice(stems) + "".join(rng.choice(HEX) for _ in range(rng.choice((0, 1, 2))))
        else:
            rid = "".join(rng.choice(HEX) for _ in range(4))
            stems.append(rid)
            if rng.random() < 0.6:
                rid += "".join(rng.choice(HEX) for _ in range(rng.choice((1, 2))))
        if rid not in used:
            used.add(rid)
            return rid


def _ancestors(revisions: dict, rid: str, with_deps: bool = True) -> set:
    seen, stack = set(), [rid]
    while stack:
        r = revisions[stack.pop()]
        for p in r["downRevisions"] + (r["_depIds"] if with_deps else []):
            if p not in seen:
                seen.add(p)
                stack.append(p)
    return seen


def generate_graph(rng: random.Random) -> list:
    count = 3 + int(23 * rng.random() ** 1.8)  # 3..25, mostly small: big plans make big fixtures
    used: set = set()
    stems: list = []
    order: list = []
    revisions: dict = {}
    labels_used = 0
    for i in range(count):
        rid = _new_id(rng, used, stems)
        heads = [r for r in order if not any(r in revisions[o]["downRevisions"] for o in order)]
        roll = rng.random()
        if i == 0 or roll < 0.1:
            parents: list = []
        elif roll < 0.3 and len(heads) >= 2:
            parents = rng.sample(heads, 3 if len(heads) >= 3 and rng.random() < 0.35 else 2)
        elif roll < 0.75 and heads:
            parents = [rng.choice(heads)]
        else:
            parents = [rng.choice(order)]  # often an inner revision: a new branch point
        labels: list = []
        # a base, or the second child of a revision: the start of a branch
        starts_branch = not parents or (len(parents) == 1 and parents[0] not in heads)
        if starts_branch and rng.random() < 0.35:
            labels = ["lb%d" % labels_used]
            labels_used += 1
        deps: list = []
        dep_ids: list = []
        if order and rng.random() < 0.18:
            ancestors = set(parents)
            for p in parents:
                ancestors |= _ancestors(revisions, p)
            candidates = [r for r in order if r not in ancestors]
            if candidates:
                target = rng.choice(candidates)
                dep_ids = [target]
                own = revisions[target]["branchLabels"]
                # depends_on may name a branch label; Alembic resolves it to the labelled revision
                deps = [own[0]] if own and rng.random() < 0.3 else [target]
                if rng.random() < 0.2:
                    more = [r for r in candidates if r != target]
                    if more:
                        extra = rng.choice(more)
                        deps.append(extra)
                        dep_ids.append(extra)
        revisions[rid] = {
            "revision": rid,
            "downRevisions": parents,
            "branchLabels": labels,
            "dependsOn": deps,
            "file": "%04d_%s.py" % (i + 1, rid),
            "_depIds": dep_ids,
        }
        order.append(rid)
    return [{k: v for k, v in revisions[r].items() if not k.startswith("_")} for r in order]


def reference_graph() -> list:
    """The sample graph of shared/reference/alembic.md."""

    def rev(rid, down, file, labels=(), deps=()):
        return {"revision": rid, "downRevisions": list(down), "branchLabels": list(labels), "dependsOn": list(deps), "file": file}

    return [
        rev("0001", [], "0001_initial_schema.py"),
        rev("0002", ["0001"], "0002_add_users.py"),
        rev("0003", ["0002"], "0003_feature_a.py"),
        rev("0004", ["0002"], "0004_feature_b.py"),
        rev("0005", ["0003", "0004"], "0005_merge_heads.py"),
        rev("0006", ["0005"], "0006_after_merge.py"),
        rev("a100", [], "a100_audit_base.py", labels=["audit"]),
        rev("a101", ["a100"], "a101_audit_two.py", deps=["0002"]),
    ]
