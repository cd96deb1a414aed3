#!/usr/bin/env python3
"""Generate N revision files of about 100 lines each (default 10,000 files, about
1,000,000 lines) for the parse benchmark. Deterministic.

    bench/parse/generate.py --files 10000 --out /tmp/migc-parse-bench
"""
import argparse
import os

TYPES = ["int", "bigint", "text", "varchar(120)", "bool", "timestamp", "decimal(12, 2)", "uuid", "json", "date"]
MODS = ["", " not null", " not null default 0", " unique", " default current_timestamp",
        " not null check (c >= 0 and c < 1000)", " references users (id) on delete cascade", " null"]


def rev(i):
    return "%012x" % (0x100000000000 + i * 7919)


def revision(i):
    t = "table_%d" % i
    out = ["-- %s.mig: generated for the parse benchmark" % rev(i),
           "revision %s" % rev(i)]
    if i:
        out.append("parent   %s" % rev(i - 1))
    out += ['message  "revision number %d: create %s"' % (i, t),
            "created  2026-11-25T10:00:00Z", "", "upgrade {",
            "  -- the main table", "  create table %s {" % t,
            "    id bigint primary key autoincrement"]
    for c in range(36):
        out.append("    col_%d %s%s" % (c, TYPES[(i + c) % len(TYPES)], MODS[(i * 7 + c) % len(MODS)]))
    out += ["    unique %s_uq (col_1, col_2)" % t,
            "    check %s_ck (col_0 > 0 or col_3 is null)" % t, "  }"]
    for c in range(12):
        out.append("  create index %s_idx_%d on %s (col_%d, col_%d desc) where col_%d is not null"
                   % (t, c, t, c, c + 1, c + 2))
    for c in range(12):
        out.append('  add column %s.extra_%d varchar(40) not null default "x%d" -- trailing' % (t, c, c))
    out += ["  alter column %s.col_5 set not null" % t,
            "  rename column %s.col_6 to renamed_6" % t,
            '  sql postgres """select 1""" reverse """select 2"""', "}", "", "downgrade {"]
    for c in range(11, -1, -1):
        out.append("  drop column %s.extra_%d" % (t, c))
    for c in range(11, -1, -1):
        out.append("  drop index %s_idx_%d" % (t, c))
    out += ["  drop table %s" % t, "}"]
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", type=int, default=10000)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    lines = 0
    for i in range(a.files):
        text = revision(i)
        lines += text.count("\n")
        with open(os.path.join(a.out, "%s_rev_%d.mig" % (rev(i), i)), "w") as f:
            f.write(text)
    print("wrote %d files, %d lines to %s" % (a.files, lines, a.out))


main()
