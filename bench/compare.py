#!/usr/bin/env python3
"""migc against Alembic and the sqlite3 CLI on the same generated histories.

    bench/compare.py [--sizes 1000,5000,10000] [--runs 5] [--skip-alembic]

Builds migc in release mode, generates linear histories (bench/genhistory.py: tables
of 3-7 columns, add-column and create-index steps), installs Alembic 1.20.1 into
bench/.venv when missing, runs each piece of work alternately (migc, peer, migc,
peer, ...) and prints medians, ratios and peak RSS. Figures only: nothing here fails.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "bench", "out")
VENV = os.path.join(ROOT, "bench", ".venv")
MIGC = os.path.join(ROOT, ".build", "release", "migc")


def run(cmd, cwd=None, stdin=None, env=None):
    """Runs cmd, returns (seconds, peak RSS MiB). Raises on failure."""
    start = time.perf_counter()
    fin = open(stdin, "rb") if stdin else subprocess.DEVNULL
    proc = subprocess.Popen(cmd, cwd=cwd, stdin=fin, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    err = proc.stderr.read().decode(errors="replace")
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError("%s failed (%d): %s" % (" ".join(cmd), proc.returncode, err[-2000:]))
    return elapsed, usage.ru_maxrss / 1024.0


def ensure_alembic():
    alembic = os.path.join(VENV, "bin", "alembic")
    if not os.path.exists(alembic):
        subprocess.check_call([sys.executable, "-m", "venv", VENV])
        subprocess.check_call([os.path.join(VENV, "bin", "pip"), "install", "-q",
                               "alembic==1.20.1", "sqlalchemy"])
    return alembic


def fresh(path):
    for p in (path, path + "-journal", path + "-wal", path + "-shm"):
        if os.path.exists(p):
            os.remove(p)


class Measure:
    def __init__(self, runs):
        self.runs = runs
        self.rows = []

    def pair(self, label, migc_work, peer_label, peer_work):
        """Alternates the two pieces of work; records medians."""
        mt, mm, pt, pm = [], [], [], []
        for _ in range(self.runs):
            t, m = migc_work()
            mt.append(t); mm.append(m)
            if peer_work:
                t, m = peer_work()
                pt.append(t); pm.append(m)
        row = (label, statistics.median(mt), max(mm), peer_label,
               statistics.median(pt) if pt else None, max(pm) if pm else None)
        self.rows.append(row)
        print_row(row)
        sys.stdout.flush()


def print_row(row):
    label, mt, mm, peer, pt, pm = row
    if pt is None:
        print("%-44s migc %8.3f s %7.1f MiB" % (label, mt, mm))
    else:
        print("%-44s migc %8.3f s %7.1f MiB | %-22s %8.3f s %7.1f MiB | ratio %.2fx"
              % (label, mt, mm, peer, pt, pm, mt / pt if pt else float("nan")))


def affinity(declared):
    """SQLite's type affinity rules (https://sqlite.org/datatype3.html 3.1)."""
    t = (declared or "").upper()
    if "INT" in t:
        return "INTEGER"
    if "CHAR" in t or "CLOB" in t or "TEXT" in t:
        return "TEXT"
    if "BLOB" in t or not t:
        return "BLOB"
    if "REAL" in t or "FLOA" in t or "DOUB" in t:
        return "REAL"
    return "NUMERIC"


def sqlite_schema(path, skip):
    """Tables (columns: name, affinity, not null), indexes (table, columns, unique)."""
    import sqlite3
    con = sqlite3.connect(path)
    tables = {}
    indexes = {}
    names = [r[0] for r in con.execute("select name from sqlite_master where type='table' and name not like 'sqlite_%'")]
    for t in names:
        if t in skip:
            continue
        cols = []
        for cid, name, typ, notnull, default, pk in con.execute("pragma table_info('%s')" % t):
            cols.append((name, affinity(typ), bool(notnull) or bool(pk)))
        tables[t] = cols
        for _, iname, unique, origin, _ in con.execute("pragma index_list('%s')" % t):
            if origin != "c":
                continue
            icols = [r[2] for r in con.execute("pragma index_info('%s')" % iname)]
            indexes[iname] = (t, tuple(icols), bool(unique))
    con.close()
    return tables, indexes


def same_schema_as_alembic(cli_db, alembic_db):
    a = sqlite_schema(cli_db, {"migc_version", "migc_history"})
    b = sqlite_schema(alembic_db, {"alembic_version"})
    if a == b:
        return "same schema as Alembic (%d tables, %d indexes: names, column affinities, nullability, index columns)" % (len(a[0]), len(a[1]))
    diffs = [t for t in set(a[0]) | set(b[0]) if a[0].get(t) != b[0].get(t)]
    idiffs = [i for i in set(a[1]) | set(b[1]) if a[1].get(i) != b[1].get(i)]
    return "DIFFERENT from Alembic: tables %s, indexes %s" % (sorted(diffs)[:5], sorted(idiffs)[:5])


def single_transaction(script, out):
    """The same DDL in one transaction: drop per-revision BEGIN/COMMIT lines."""
    with open(script) as f, open(out, "w") as g:
        g.write("BEGIN;\n")
        for line in f:
            if line.strip().upper() in ("BEGIN;", "COMMIT;", "BEGIN TRANSACTION;"):
                continue
            g.write(line)
        g.write("COMMIT;\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1000,5000,10000")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--skip-alembic", action="store_true")
    args = ap.parse_args()
    subprocess.check_call(["swift", "build", "-c", "release", "--product", "migc"], cwd=ROOT)
    alembic = None if args.skip_alembic else ensure_alembic()
    os.makedirs(OUT, exist_ok=True)
    m = Measure(args.runs)
    print("medians of %d runs; peak RSS is the max over runs" % args.runs)
    for n in [int(s) for s in args.sizes.split(",")]:
        mig = os.path.join(OUT, "h%d" % n)
        alem = os.path.join(OUT, "a%d" % n)
        if not os.path.isdir(mig):
            subprocess.check_call([sys.executable, os.path.join(ROOT, "bench", "genhistory.py"),
                                   "--revisions", str(n), "--out", mig, "--alembic", alem])
        db = os.path.join(OUT, "migc%d.db" % n)
        adb = os.path.join(alem, "alembic.db")
        script = os.path.join(OUT, "build%d.sql" % n)
        single = os.path.join(OUT, "build%d.single.sql" % n)
        cli = os.path.join(OUT, "cli%d.db" % n)
        with_alembic = alembic and n <= 5000

        def migc(*argv):
            return [MIGC] + list(argv) + ["--dir", mig]

        def migc_db(*argv):
            return migc(*argv) + ["--database", "sqlite:" + db]

        def upgrade(extra):
            def work():
                fresh(db)
                return run(migc_db("upgrade", "head", *extra))
            return work

        def alembic_upgrade():
            fresh(adb)
            return run([alembic, "-c", "alembic.ini", "upgrade", "head"], cwd=alem)

        run(migc("build", "--dialect", "sqlite", "-o", script))
        single_transaction(script, single)

        def cli_run(path):
            def work():
                fresh(cli)
                return run(["sqlite3", cli], stdin=path)
            return work

        m.pair("build --dialect sqlite, %d" % n, lambda: run(migc("build", "--dialect", "sqlite", "-o", script)),
               "alembic upgrade --sql" if with_alembic else None,
               (lambda: run([alembic, "-c", "alembic.ini", "upgrade", "head", "--sql"], cwd=alem)) if with_alembic else None)
        m.pair("upgrade head (replay, per-revision), %d" % n, upgrade(["--no-fold", "--transaction", "per-revision"]),
               "sqlite3 CLI, commit each", cli_run(script))
        m.pair("upgrade head (replay, single), %d" % n, upgrade(["--no-fold", "--transaction", "single"]),
               "sqlite3 CLI, one txn", cli_run(single))
        m.pair("upgrade head (fold, fresh db), %d" % n, upgrade([]),
               "alembic upgrade head" if with_alembic else None, alembic_upgrade if with_alembic else None)
        fresh(db)
        run(migc_db("upgrade", "head"))
        if with_alembic:
            fresh(adb)
            alembic_upgrade()
            cli_run(script)()
            print("  sqlite3 CLI on the built script, %d revisions: %s" % (n, same_schema_as_alembic(cli, adb)))
        for cmd in ("current", "heads", "history"):
            argv = migc_db(cmd) if cmd == "current" else migc(cmd)
            m.pair("%s, %d" % (cmd, n), lambda argv=argv: run(argv),
                   "alembic " + cmd if with_alembic else None,
                   (lambda cmd=cmd: run([alembic, "-c", "alembic.ini", cmd], cwd=alem)) if with_alembic else None)
    print()
    print("| work | migc s | migc MiB | peer | peer s | peer MiB | ratio |")
    print("|---|---|---|---|---|---|---|")
    for label, mt, mm, peer, pt, pm in m.rows:
        if pt is None:
            print("| %s | %.3f | %.1f | | | | |" % (label, mt, mm))
        else:
            print("| %s | %.3f | %.1f | %s | %.3f | %.1f | %.2fx |" % (label, mt, mm, peer, pt, pm, mt / pt))


if __name__ == "__main__":
    main()
