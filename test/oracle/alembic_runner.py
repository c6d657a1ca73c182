"""Runs Alembic in-process on one generated graph and turns its answers into fixture cases.

A graph becomes a real script directory (env.py + one .py file per revision whose
upgrade/downgrade print `SELECT 'up:<id>'`); plans come from offline --sql runs, parsed
back into steps and version-table changes. Imported only after os.listdir is patched.
"""
from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import tempfile
import traceback
import urllib.parse
import uuid
import warnings

from alembic import command, util
from alembic.config import Config
from alembic.runtime.environment import EnvironmentContext
from alembic.script import ScriptDirectory
from alembic.script.revision import RevisionError, _relative_destination

ENV_PY = '''
from alembic import context
from sqlalchemy import create_engine, pool

if context.is_offline_mode():
    context.configure(dialect_name="postgresql", transactional_ddl=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    engine = create_engine(context.config.get_main_option("sqlalchemy.url"), poolclass=pool.NullPool)
    with engine.connect() as connection:
        context.configure(connection=connection)
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()
'''

REVISION_PY = '''from alembic import op

revision = {revision!r}
down_revision = {down!r}
branch_labels = {labels!r}
depends_on = {deps!r}


def upgrade():
    op.execute("SELECT 'up:{revision}'")


def downgrade():
    op.execute("SELECT 'down:{revision}'")
'''

RUNNING = re.compile(r"^-- Running (\S+) (.*?) ->(.*)$")
BODY = re.compile(r"^SELECT '(up|down):([^']+)';$")
INSERT = re.compile(r"^INSERT INTO alembic_version \(version_num\) VALUES \('([^']+)'\)")
UPDATE = re.compile(r"^UPDATE alembic_version SET version_num='([^']+)' WHERE alembic_version.version_num = '([^']+)';$")
DELETE = re.compile(r"^DELETE FROM alembic_version WHERE alembic_version.version_num = '([^']+)';$")


def _scalar_or_tuple(ids: list):
    if not ids:
        return None
    return ids[0] if len(ids) == 1 else tuple(ids)


def _ids(items) -> list:
    out = []
    for item in items:
        if item is None or item == "base":
            continue
        out.append(item if isinstance(item, str) else item.revision)
    return out


def _split(ids: str) -> list:
    ids = ids.strip()
    return [] if not ids else [s.strip() for s in ids.split(",")]


def describe_error(exc: BaseException) -> dict:
    """{errorClass, message} for Alembic's own errors, {alembicCrash} for anything else."""
    if isinstance(exc, util.CommandError):
        cause = exc.__cause__
        if isinstance(cause, RevisionError):
            # the CLI prints the CommandError's text; the RevisionError under it often says more
            error = {"errorClass": type(cause).__name__, "message": str(exc)}
            if str(cause) != str(exc):
                error["causeMessage"] = str(cause)
            return {"error": error}
        return {"error": {"errorClass": "CommandError", "message": str(exc)}}
    if isinstance(exc, RevisionError):
        return {"error": {"errorClass": type(exc).__name__, "message": str(exc)}}
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if "/alembic/" in f.filename]
    where = " at %s:%d" % (frames[-1].filename.split("/alembic/")[-1], frames[-1].lineno) if frames else ""
    return {"alembicCrash": "%s: %s%s" % (type(exc).__name__, exc, where)}


def parse_sql(sql: str, start: list) -> dict:
    """Offline SQL → steps with versionChanges, and the rows left after applying them."""
    steps: list = []
    rows = list(start)
    created = dropped = False
    for line in sql.splitlines():
        line = line.rstrip()
        m = RUNNING.match(line)
        if m:
            kind = m.group(1)
            steps.append({
                "direction": "upgrade" if kind == "upgrade" else "downgrade" if kind == "downgrade" else kind,
                "revision": None,
                "from": _split(m.group(2)),
                "to": _split(m.group(3)),
                "versionChanges": [],
            })
            continue
        if line.startswith("CREATE TABLE alembic_version"):
            created = True
        elif line.startswith("DROP TABLE alembic_version"):
            dropped = True
        elif BODY.match(line):
            steps[-1]["revision"] = BODY.match(line).group(2)
        elif INSERT.match(line):
            rev = INSERT.match(line).group(1)
            steps[-1]["versionChanges"].append({"kind": "insert", "revision": rev})
            rows.append(rev)
        elif UPDATE.match(line):
            to, frm = UPDATE.match(line).groups()
            steps[-1]["versionChanges"].append({"kind": "update", "from": frm, "to": to})
            rows[rows.index(frm)] = to
        elif DELETE.match(line):
            rev = DELETE.match(line).group(1)
            steps[-1]["versionChanges"].append({"kind": "delete", "revision": rev})
            rows.remove(rev)
    for step in steps:
        if step["revision"] is None:
            del step["revision"]  # stamp steps run no revision code
    return {"steps": steps, "end": rows, "createsVersionTable": created, "dropsVersionTable": dropped}


class AlembicProject:
    """A throwaway Alembic script directory holding one graph."""

    def __init__(self, revisions: list) -> None:
        self.revisions = revisions

    def __enter__(self) -> "AlembicProject":
        self.dir = tempfile.mkdtemp(prefix="athanor-oracle-")
        os.makedirs(os.path.join(self.dir, "versions"))
        with open(os.path.join(self.dir, "env.py"), "w") as f:
            f.write(ENV_PY)
        for rev in self.revisions:
            with open(os.path.join(self.dir, "versions", rev["file"]), "w") as f:
                f.write(REVISION_PY.format(
                    revision=rev["revision"],
                    down=_scalar_or_tuple(rev["downRevisions"]),
                    labels=tuple(rev["branchLabels"]) or None,
                    deps=tuple(rev["dependsOn"]) or None,
                ))
        self.script = ScriptDirectory.from_config(self.config())
        return self

    def __exit__(self, *exc) -> None:
        shutil.rmtree(self.dir, ignore_errors=True)

    def config(self, buffer=None, url=None) -> Config:
        cfg = Config(output_buffer=buffer, stdout=io.StringIO())
        cfg.set_main_option("script_location", self.dir)
        if url:
            cfg.set_main_option("sqlalchemy.url", url)
        return cfg

    def describe(self) -> dict:
        rmap = self.script.revision_map
        out = {
            "heads": list(rmap.heads),
            "headsResolvingDependencies": list(rmap._real_heads),
            "bases": list(rmap.bases),
        }
        try:
            walked = list(self.script.walk_revisions())
            out["branchpoints"] = [sc.revision for sc in walked if sc.is_branch_point]
            out["history"] = [sc.revision for sc in walked]
        except Exception as exc:  # recorded, never fatal: athanor must do better
            out["branchpoints"] = []
            out["history"] = []
            out["historyError"] = describe_error(exc)
        return out

    def run_case(self, case: dict) -> dict:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                answer = self._answer(case)
            except Exception as exc:
                answer = describe_error(exc)
        out = {k: v for k, v in case.items() if k != "recordSql"}
        out.update(answer)
        messages = [str(w.message) for w in caught if w.category is UserWarning]
        if messages:
            out["warnings"] = messages
        return out

    def _answer(self, case: dict) -> dict:
        kind = case["kind"]
        if kind == "resolve":
            return {"result": self.resolve(case["spec"])}
        if kind == "history":
            base, _, head = case["range"].partition(":")
            return {"result": [sc.revision for sc in self.script.walk_revisions(base=base or "base", head=head or "heads")]}
        if kind in ("upgrade", "downgrade"):
            return {"result": self.offline(kind, case["from"], case["target"])}
        if kind == "stamp":
            return {"result": self.offline("stamp", case["from"], case["targets"])}
        if kind == "stampSql":
            return self.stamp_sql(case["args"], case.get("recordSql", False))
        raise ValueError(kind)

    def stamp_sql(self, args: list, record_sql: bool) -> dict:
        """Exactly `alembic stamp <args...> --sql` (command.stamp): the start is the revision
        before the first `:`; with record_sql also the script as Alembic printed it."""
        buffer = io.StringIO()
        command.stamp(self.config(buffer), list(args), sql=True)
        starts = [a.split(":", 1)[0] for a in args if ":" in a]
        start = [] if not starts or starts[0] == "base" else [self.script.get_revision(starts[0]).revision]
        out = {"from": start, "result": parse_sql(buffer.getvalue(), start)}
        if record_sql:
            out["sql"] = buffer.getvalue()
        return out

    def resolve(self, spec: str) -> list:
        """`alembic show <spec>`'s revisions; a walk (`rev+1`, `rev-2`, `head-1`) is resolved
        the way a downgrade target is, since `show` does not accept walks at all."""
        if _relative_destination.match(spec):
            with self.script._catch_revision_errors():
                _, rev = self.script.revision_map._parse_downgrade_target((), spec, True)
            return _ids([rev])
        return _ids(self.script.get_revisions(spec))

    def offline(self, kind: str, start: list, target) -> dict:
        """Same as `alembic <kind> <start>:<target> --sql`; a start of several ids is what a
        version table holding those rows would give (the CLI's range takes one id only)."""
        buffer = io.StringIO()
        cfg = self.config(buffer)
        script = ScriptDirectory.from_config(cfg)

        def plan(rev, context):
            if kind == "upgrade":
                return script._upgrade_revs(target, rev)
            if kind == "downgrade":
                return script._downgrade_revs(target, rev)
            return script._stamp_revs(util.to_tuple(target), rev)

        with EnvironmentContext(cfg, script, fn=plan, as_sql=True, starting_rev=tuple(start) or None, destination_rev=target):
            script.run_env()
        return parse_sql(buffer.getvalue(), start)

    def run_online(self, url: str, commands: list) -> dict:
        """Runs each command for real; records the version table after each (sorted)."""
        rows_after, errors = [], []
        for cmd in commands:
            cfg = self.config(url=url)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                try:
                    if cmd[0] == "upgrade":
                        command.upgrade(cfg, cmd[1])
                    elif cmd[0] == "downgrade":
                        command.downgrade(cfg, cmd[1])
                    elif cmd[0] == "stamp":
                        command.stamp(cfg, cmd[1], purge="--purge" in cmd[2:])
                    errors.append(None)
                except Exception as exc:
                    errors.append(describe_error(exc))
            rows_after.append(version_rows(url))
        out = {"kind": "online", "commands": commands, "rowsAfter": rows_after}
        if any(errors):
            out["errors"] = errors
        return out


def _psycopg_url(url: str) -> str:
    return re.sub(r"^postgres(ql)?(\+\w+)?://", "postgresql://", url)


def version_rows(url: str) -> list:
    import psycopg2

    conn = psycopg2.connect(_psycopg_url(url))
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT to_regclass('alembic_version') IS NOT NULL")
            if not cur.fetchone()[0]:
                return []
            cur.execute("SELECT version_num FROM alembic_version ORDER BY version_num")
            return [r[0] for r in cur.fetchall()]
    finally:
        conn.close()


@contextlib.contextmanager
def online_database(server_url: str):
    """A fresh database on the server for one command sequence, dropped afterwards."""
    import psycopg2

    name = "oracle_" + uuid.uuid4().hex[:12]
    admin = psycopg2.connect(_psycopg_url(server_url))
    admin.autocommit = True
    try:
        with admin.cursor() as cur:
            cur.execute('CREATE DATABASE "%s"' % name)
        parts = urllib.parse.urlsplit(_psycopg_url(server_url))
        yield urllib.parse.urlunsplit(parts._replace(path="/" + name))
        with admin.cursor() as cur:
            cur.execute('DROP DATABASE "%s"' % name)
    finally:
        admin.close()
