#!/usr/bin/env python3
"""Generate a linear migration history as .mig files (and, optionally, the same
history as Alembic revision files), deterministically from a seed.

Workload (as issue 6 describes it): tables of 3-7 columns, add-column and
create-index steps. `--mixed` adds renames, drops, alters and constraints for the
checker benchmarks (about 200 tables).

    bench/genhistory.py --revisions 1000 --out /tmp/h1000 [--alembic /tmp/a1000] [--mixed]
"""
import argparse
import os
import random

TYPES = [("int", "sa.Integer()"), ("bigint", "sa.BigInteger()"), ("text", "sa.Text()"),
         ("varchar(100)", "sa.String(100)"), ("bool", "sa.Boolean()"),
         ("timestamp", "sa.DateTime()"), ("decimal(12, 2)", "sa.Numeric(12, 2)")]


def rev_id(i):
    return "%012x" % (0x100000000000 + i * 7919)


class Generator:
    def __init__(self, seed, mixed, max_tables):
        self.rng = random.Random(seed)
        self.mixed = mixed
        self.max_tables = max_tables
        self.tables = {}      # name -> list of column names
        self.indexes = {}     # name -> table
        self.counter = 0

    def fresh(self, prefix):
        self.counter += 1
        return "%s_%d" % (prefix, self.counter)

    def step(self):
        """Returns (mig_lines, alembic_up_lines, alembic_down_lines, message)."""
        r = self.rng.random()
        if not self.tables or (len(self.tables) < self.max_tables and r < 0.3):
            return self.create_table()
        if self.mixed and r > 0.85:
            return self.mixed_step()
        if r < 0.65:
            return self.add_column()
        return self.create_index()

    def create_table(self):
        name = self.fresh("t")
        cols = ["id"] + [self.fresh("c") for _ in range(self.rng.randint(2, 6))]
        types = [self.rng.choice(TYPES) for _ in cols[1:]]
        self.tables[name] = cols
        mig = ["create table %s {" % name, "  id bigint primary key autoincrement"]
        up = ["op.create_table(%r," % name, "    sa.Column('id', sa.BigInteger(), primary_key=True, autoincrement=True),"]
        for c, (t, sat) in zip(cols[1:], types):
            mig.append("  %s %s" % (c, t))
            up.append("    sa.Column(%r, %s, nullable=True)," % (c, sat))
        mig.append("}")
        up.append(")")
        return mig, up, ["op.drop_table(%r)" % name], "create " + name

    def add_column(self):
        table = self.rng.choice(sorted(self.tables))
        col = self.fresh("c")
        t, sat = self.rng.choice(TYPES)
        self.tables[table].append(col)
        return (["add column %s.%s %s" % (table, col, t)],
                ["op.add_column(%r, sa.Column(%r, %s, nullable=True))" % (table, col, sat)],
                ["op.drop_column(%r, %r)" % (table, col)], "add %s.%s" % (table, col))

    def create_index(self):
        table = self.rng.choice(sorted(self.tables))
        col = self.rng.choice(self.tables[table])
        name = self.fresh("ix")
        self.indexes[name] = table
        return (["create index %s on %s (%s)" % (name, table, col)],
                ["op.create_index(%r, %r, [%r])" % (name, table, col)],
                ["op.drop_index(%r, table_name=%r)" % (name, table)], "index " + name)

    def mixed_step(self):
        table = self.rng.choice(sorted(self.tables))
        cols = self.tables[table]
        r = self.rng.random()
        if r < 0.3 and len(cols) > 2:
            old = cols[-1]
            new = self.fresh("r")
            cols[-1] = new
            return ["rename column %s.%s to %s" % (table, old, new)], None, None, "rename"
        if r < 0.5:
            col = self.fresh("c")
            cols.append(col)
            return ["add column %s.%s int not null default 0" % (table, col),
                    "alter column %s.%s set default 1" % (table, col)], None, None, "alter"
        if r < 0.7:
            col = self.fresh("u")
            cols.append(col)
            return ["add column %s.%s varchar(50)" % (table, col),
                    "add unique %s_key on %s (%s)" % (col, table, col)], None, None, "unique"
        col = self.fresh("x")
        return ["add column %s.%s text" % (table, col), "drop column %s.%s" % (table, col),
                "-- a column that lives for one revision"], None, None, "drop"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--revisions", type=int, required=True)
    ap.add_argument("--out", required=True, help="directory for .mig files")
    ap.add_argument("--alembic", help="also write an Alembic project here")
    ap.add_argument("--mixed", action="store_true")
    ap.add_argument("--tables", type=int, default=200)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    gen = Generator(args.seed, args.mixed, args.tables)
    os.makedirs(args.out, exist_ok=True)
    if args.alembic:
        os.makedirs(os.path.join(args.alembic, "versions"), exist_ok=True)
        write_alembic_scaffold(args.alembic)
    parent = None
    for i in range(args.revisions):
        rid = rev_id(i)
        mig, up, down, message = gen.step()
        lines = ["revision %s" % rid]
        if parent:
            lines.append("parent   %s" % parent)
        lines.append('message  "%s"' % message)
        lines += ["", "upgrade {"] + ["  " + l for l in mig] + ["}", ""]
        with open(os.path.join(args.out, "%s_r%d.mig" % (rid, i)), "w") as f:
            f.write("\n".join(lines))
        if args.alembic and up is not None:
            with open(os.path.join(args.alembic, "versions", "%s_r%d.py" % (rid, i)), "w") as f:
                f.write(ALEMBIC_REV % (rid, parent, "\n    ".join(up), "\n    ".join(down)))
        parent = rid


def write_alembic_scaffold(root):
    with open(os.path.join(root, "alembic.ini"), "w") as f:
        f.write("[alembic]\nscript_location = %s\nsqlalchemy.url = sqlite:///alembic.db\n" % os.path.abspath(root))
    with open(os.path.join(root, "env.py"), "w") as f:
        f.write(ALEMBIC_ENV)
    with open(os.path.join(root, "script.py.mako"), "w") as f:
        f.write("")


ALEMBIC_REV = '''from alembic import op
import sqlalchemy as sa

revision = %r
down_revision = %r
branch_labels = None
depends_on = None


def upgrade():
    %s


def downgrade():
    %s
'''

ALEMBIC_ENV = '''from alembic import context
from sqlalchemy import engine_from_config, pool

config = context.config

if context.is_offline_mode():
    context.configure(url=config.get_main_option("sqlalchemy.url"), literal_binds=True,
                      transaction_per_migration=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    engine = engine_from_config(config.get_section(config.config_ini_section), prefix="sqlalchemy.",
                                poolclass=pool.NullPool)
    with engine.connect() as connection:
        context.configure(connection=connection, transaction_per_migration=True)
        with context.begin_transaction():
            context.run_migrations()
'''

if __name__ == "__main__":
    main()
