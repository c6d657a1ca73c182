"""Which questions to ask Alembic about one graph: rev specs, history ranges, upgrade,
downgrade and stamp plans from several starting states, and online command sequences.
Deterministic for a given random.Random; knows the graph only through its records.
"""
from __future__ import annotations

import random


class GraphFacts:
    """Ancestry of a generated graph (parents plus dependencies), for picking sensible
    starting states and ranges; Alembic, not this class, gives the answers."""

    def __init__(self, revisions: list) -> None:
        self.ids = [r["revision"] for r in revisions]
        self.by_label = {label: r["revision"] for r in revisions for label in r["branchLabels"]}
        self.labels = sorted(self.by_label)
        self.parents = {
            r["revision"]: list(r["downRevisions"]) + [self.by_label.get(d, d) for d in r["dependsOn"]] for r in revisions
        }
        self.children = {i: [c for c in self.ids if i in self.parents[c]] for i in self.ids}
        self.heads = [i for i in self.ids if not self.children[i]]

    def ancestors(self, rid: str) -> set:
        seen, stack = set(), [rid]
        while stack:
            for p in self.parents[stack.pop()]:
                if p not in seen:
                    seen.add(p)
                    stack.append(p)
        return seen

    def descendants(self, rid: str) -> set:
        return {i for i in self.ids if rid in self.ancestors(i)}

    def antichain(self, rng: random.Random, size: int) -> list:
        """A plausible version table: revisions none of which is an ancestor of another."""
        picked = rng.sample(self.ids, min(size, len(self.ids)))
        keep = [p for p in picked if not any(p in self.ancestors(q) for q in picked if q != p)]
        return sorted(keep, key=self.ids.index)


def _some(rng: random.Random, items, count: int) -> list:
    items = list(items)
    return rng.sample(items, min(count, len(items)))


def resolve_specs(rng: random.Random, g: GraphFacts) -> list:
    specs = ["head", "heads", "base"]
    specs += _some(rng, g.ids, 3)
    stems = sorted({i[:4] for i in g.ids if len(i) > 4})
    specs += _some(rng, stems, 2)
    specs += [i[:3] for i in _some(rng, g.ids, 1)]
    specs.append("9f9f9f")  # names nothing (generated ids never start with 9f9f9f)
    for label in _some(rng, g.labels, 2):
        specs += ["%s@head" % label, "%s@base" % label, label, "%s@heads" % label]
    specs += ["%s@head" % i for i in _some(rng, g.ids, 2)]
    specs += ["%s@heads" % i for i in _some(rng, g.ids, 1)]
    specs += ["%s+1" % i for i in _some(rng, g.ids, 2)]
    specs += ["%s-1" % i for i in _some(rng, g.ids, 2)]
    specs += ["%s+2" % i for i in _some(rng, g.ids, 1)]
    specs += ["%s-2" % i for i in _some(rng, g.ids, 1)]
    specs.append("head-1")
    for label in _some(rng, g.labels, 1):
        specs.append("%s@head-1" % label)
    return [{"kind": "resolve", "spec": s} for s in dict.fromkeys(specs)]


def history_ranges(rng: random.Random, g: GraphFacts) -> list:
    ranges = []
    for b in _some(rng, g.ids, 2):
        below = sorted(g.ancestors(b), key=g.ids.index)
        if below:
            ranges.append("%s:%s" % (rng.choice(below), b))
    ranges += ["%s:" % i for i in _some(rng, g.ids, 1)]
    ranges += [":%s" % i for i in _some(rng, g.ids, 1)]
    for b in _some(rng, g.ids, 1):
        unrelated = [i for i in g.ids if i != b and i not in g.ancestors(b) and i not in g.descendants(b)]
        if unrelated:
            ranges.append("%s:%s" % (rng.choice(unrelated), b))  # not an ancestor: an error
    return [{"kind": "history", "range": r} for r in dict.fromkeys(ranges)]


def upgrade_cases(rng: random.Random, g: GraphFacts) -> list:
    pairs = [([], "heads"), ([], "head"), ([], "+1")]
    pairs += [([], i) for i in _some(rng, g.ids, 1)]
    pairs += [([], "%s@head" % label) for label in _some(rng, g.labels, 1)]
    pairs += [([], "%s+1" % i) for i in _some(rng, g.ids, 1)]
    if rng.random() < 0.3:
        pairs += [([], "%s+1" % h) for h in _some(rng, g.heads, 1)]  # walks past a head
    for start in _some(rng, g.ids, 1):
        pairs += [([start], "heads"), ([start], "+1")]
        above = sorted(g.descendants(start), key=g.ids.index)
        if above:
            pairs.append(([start], rng.choice(above)))
    chain = g.antichain(rng, 3)
    pairs += [(chain, "heads"), (chain, "+1")]
    return [{"kind": "upgrade", "from": f, "target": t} for f, t in pairs]


def downgrade_cases(rng: random.Random, g: GraphFacts) -> list:
    everything = list(g.heads)
    pairs = [(everything, "base"), (everything, "-1")]
    pairs += [(everything, i) for i in _some(rng, g.ids, 1)]
    pairs += [(everything, "%s@base" % label) for label in _some(rng, g.labels, 1)]
    pairs += [(everything, "%s-1" % i) for i in _some(rng, g.ids, 1)]
    for start in _some(rng, g.ids, 1):
        pairs += [([start], "base"), ([start], "-1"), ([start], "-2")]
        below = sorted(g.ancestors(start), key=g.ids.index)
        if below:
            pairs.append(([start], rng.choice(below)))
    chain = g.antichain(rng, 3)
    pairs += [(chain, "base"), (chain, rng.choice(g.ids))]
    return [{"kind": "downgrade", "from": f, "target": t} for f, t in pairs]


def stamp_cases(rng: random.Random, g: GraphFacts) -> list:
    pairs = [([], ["heads"]), ([], [rng.choice(g.ids)]), ([], g.antichain(rng, 2))]
    chain = g.antichain(rng, 3)
    pairs += [(chain, [rng.choice(g.ids)]), (chain, ["heads"]), (chain, ["base"])]
    return [{"kind": "stamp", "from": f, "targets": t} for f, t in pairs]


def stamp_sql_cases(rng: random.Random, revisions: list) -> list:
    """`stamp <args> --sql` as typed: `from:to` ranges (from one id or base, to ids, heads,
    base), several ranges sharing a start, a plain destination beside a range, and the
    refusals (two starts, several heads as a start). Own rng: adding these leaves the
    other cases of a seed as they were."""
    g = GraphFacts(revisions)
    x = rng.choice(g.ids)
    above = sorted(g.descendants(x), key=g.ids.index)
    below = sorted(g.ancestors(x), key=g.ids.index)
    unrelated = [i for i in g.ids if i != x and i not in above and i not in below]
    args = [["base:heads"], ["base:base"], ["base:%s" % rng.choice(g.ids)], [":%s" % rng.choice(g.ids)]]
    args += [["%s:%s" % (x, t)] for t in ["base", "heads", x] + _some(rng, above, 1) + _some(rng, below, 1) + _some(rng, unrelated, 1)]
    # a second destination off x's line works in Alembic; on it, Alembic often crashes (KeyError)
    a, b = rng.choice(g.ids), rng.choice(unrelated or g.ids)
    args += [["%s:%s" % (x, a), "%s:%s" % (x, b)], [a, "%s:%s" % (x, b)], ["%s:%s" % (x, a), b]]
    y = rng.choice([i for i in g.ids if i != x] or [x])
    args += [["%s:%s" % (x, a), "%s:%s" % (y, b)], ["heads:%s" % a]]
    for label in _some(rng, g.labels, 1):
        args += [["%s@head:%s" % (label, a)], ["%s:%s@head" % (x, label)]]
    unique = list(dict.fromkeys(tuple(a) for a in args))
    return [{"kind": "stampSql", "args": list(a)} for a in unique]


def reference_stamp_sql_cases() -> list:
    """The sample graph's offline stamps, with Alembic's script text for the CLI test."""
    args = [
        ["0002:0004"], ["0003:0005"], ["0005:0003"], ["0004:0003"], ["0002:base"], ["base:0002"], ["base:base"],
        ["base"], ["0006:heads"], ["0002:heads"], ["a100:0002"], ["0002:audit@head"], ["0002:0003", "0002:0004"],
        ["0001", "0002:0004"], ["0003:base", "0003:0004"], ["0004:0004"], ["0002:0006", "0003:a101"], ["heads:0001"],
    ]
    return [{"kind": "stampSql", "args": a, "recordSql": True} for a in args]


def generate_cases(rng: random.Random, revisions: list, project=None) -> list:
    g = GraphFacts(revisions)
    return (
        resolve_specs(rng, g) + history_ranges(rng, g) + upgrade_cases(rng, g) + downgrade_cases(rng, g) + stamp_cases(rng, g)
    )


def generate_online_sequences(rng: random.Random, revisions: list, reference: bool) -> list:
    if reference:
        return [[
            ["upgrade", "0003"], ["upgrade", "heads"], ["downgrade", "-1"], ["downgrade", "base"],
            ["stamp", "0002"], ["stamp", "heads", "--purge"], ["stamp", "0009"],
            ["upgrade", "audit@head"], ["downgrade", "0001"], ["upgrade", "heads"], ["downgrade", "audit@base"],
        ]]
    g = GraphFacts(revisions)
    target = g.labels[0] + "@head" if g.labels else rng.choice(g.ids)
    return [
        [["upgrade", rng.choice(g.ids)], ["upgrade", "heads"], ["downgrade", "-1"], ["stamp", rng.choice(g.ids)],
         ["downgrade", "base"], ["stamp", "heads", "--purge"]],
        [["upgrade", "+1"], ["upgrade", "+1"], ["upgrade", target], ["downgrade", rng.choice(g.ids)],
         ["upgrade", "heads"], ["downgrade", "base"]],
    ]


def reference_cases() -> list:
    """The transcripts of shared/reference/alembic.md, asked first."""
    return [
        {"kind": "upgrade", "from": [], "target": "0005"},
        {"kind": "downgrade", "from": ["0006"], "target": "0002"},
        {"kind": "upgrade", "from": [], "target": "audit@head"},
        {"kind": "stamp", "from": [], "targets": ["heads"]},
        {"kind": "stamp", "from": [], "targets": ["0005"]},
        {"kind": "history", "range": "0004:0006"},
        {"kind": "resolve", "spec": "0009"},
        {"kind": "resolve", "spec": "00"},
        {"kind": "resolve", "spec": "000"},
    ]
