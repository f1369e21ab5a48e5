#!/usr/bin/env python3
"""Time Between on a generated vault against the libcmark floor (see bench/README.md).

    python3 bench/run.py [--n 10000] [--runs 5]

Expects the vault from bench/generate.py, the floor program (bench/work/floor) and a
release build of between (.build-release/release/between); `make bench` provides all
three. Each figure is the median of RUNS timed runs after one untimed warm-up. Prints a
table and writes bench/results-N.json. A command that is missing or fails (exit status
other than 0 or 1) gives an "n/a" row, never a crash. Standard library only.
"""

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OK_STATUSES = (0, 1)  # 1 means "findings" (diagnostics) for Between, still a finished run


class Unavailable(Exception):
    """The command is missing (usage error) or failed: its row is reported as n/a."""


def run(cmd, capture=False):
    """Runs cmd once; returns (seconds, exit status, peak RSS in KiB, stdout text or None).

    Timing is wall-clock around the whole process. The peak RSS is that child's own,
    from wait4(2), so every run gets its own figure."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        try:
            proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL,
                                    stdout=out if capture else subprocess.DEVNULL, stderr=err)
        except OSError as e:
            raise Unavailable("cannot run %s: %s" % (cmd[0], e.strerror))
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode not in OK_STATUSES:
            err.seek(0)
            lines = err.read().decode("utf-8", "replace").strip().splitlines()
            detail = lines[0] if lines else "no message"
            raise Unavailable("exit %d: %s" % (proc.returncode, detail[:100]))
        text = None
        if capture:
            out.seek(0)
            text = out.read().decode("utf-8", "replace")
        return seconds, proc.returncode, usage.ru_maxrss, text


def progress(row):
    """One line on stderr as each figure is measured."""
    value = "%.3f s" % row["seconds"] if row["seconds"] is not None else "n/a (%s)" % row["note"]
    print("  %-32s %s" % (row["label"], value), file=sys.stderr)


class Bench:
    def __init__(self, args):
        self.runs = args.runs
        self.vault = os.path.abspath(args.vault)
        self.between = os.path.abspath(args.between)
        self.floor = os.path.abspath(args.floor)
        with open(self.vault.rstrip("/") + ".json") as f:
            self.meta = json.load(f)  # written by generate.py: files, bytes, first, last
        self.rows = []

    def between_cmd(self, *words):
        return [self.between, *words, "--vault", self.vault]

    def index(self):
        run(self.between_cmd("index", "--quiet"))

    def drop_index(self):
        shutil.rmtree(os.path.join(self.vault, ".between"), ignore_errors=True)

    def measure(self, cmd, before=None, after=None):
        """One warm-up, then RUNS timed runs of cmd, each between untimed before(i)/after(i).
        Returns (median seconds, all timed samples, largest peak RSS in MiB)."""
        samples, peak = [], 0
        for i in range(self.runs + 1):
            if before:
                before(i)
            try:
                seconds, _, rss, _ = run(cmd)
            finally:
                if after:
                    after(i)
            if i > 0:  # run 0 is the warm-up
                samples.append(seconds)
                peak = max(peak, rss)
        return statistics.median(samples), samples, peak / 1024

    def row(self, key, label, command, kind=None, **kw):
        """Measures one row; an unavailable command becomes an n/a row with the reason.
        kind names the target of docs/conventions.md it is judged by (see judge())."""
        entry = {"key": key, "label": label, "command": " ".join(command), "kind": kind,
                 "seconds": None, "samples": [], "peak_rss_mib": None, "note": None}
        try:
            entry["seconds"], entry["samples"], entry["peak_rss_mib"] = self.measure(command, **kw)
        except Unavailable as e:
            entry["note"] = str(e)
        self.rows.append(entry)
        progress(entry)
        return entry

    # --- the rows -------------------------------------------------------------

    def all(self):
        self.row("floor", "floor (C + libcmark)", [self.floor, self.vault])
        counted = run([self.floor, self.vault], capture=True)[3].strip()
        if counted != str(self.meta["files"]):
            print("bench: warning: floor parsed %s files, the vault has %s" % (counted, self.meta["files"]),
                  file=sys.stderr)

        cold = self.row("cold", "cold index", self.between_cmd("index", "--quiet"), "cold",
                        before=lambda i: self.drop_index())
        self.ensure_index()
        self.row("warm", "warm index, nothing changed", self.between_cmd("index", "--quiet"), "incremental")
        self.row("changed", "one file changed", self.between_cmd("index", "--quiet"), "incremental",
                 before=self.change_file, after=self.restore_file)
        self.row("added", "one file added", self.between_cmd("index", "--quiet"), "incremental",
                 before=self.add_file, after=self.remove_file)

        self.ensure_index()
        # The default table, as people type them (the broad one prints ~7,500 rows at 10,000 files).
        self.row("query_selective", "query, selective", self.between_cmd(
            "query", "type = thought-record and distress >= 90 and date >= 2024-01-01"), "query")
        self.row("query_broad", "query, broad", self.between_cmd("query", "mood exists"), "query")

        # Two weeks ending on the vault's last day (fixed, so results don't depend on today),
        # and everything from its first day. Output goes to a pipe to /dev/null, not `-o /dev/null`
        # (an atomic -o writes a temp file beside the target and renames it over the target).
        last = dt.date.fromisoformat(self.meta["last"])
        since = (last - dt.timedelta(days=13)).isoformat()
        self.row("digest_2w", "digest, 2 weeks", self.between_cmd(
            "digest", "--since", since, "--until", last.isoformat()), "query")
        self.row("digest_all", "digest, whole vault", self.between_cmd(
            "digest", "--since", self.meta["first"], "--until", last.isoformat()), "query")

        self.search_rows()
        self.memory_row(cold)
        self.ensure_index()

    def ensure_index(self):
        try:
            self.index()
        except Unavailable:
            pass  # index rows are n/a already; later commands index implicitly or are n/a too

    def journal_files(self):
        found = []
        for folder, dirs, files in os.walk(os.path.join(self.vault, "journal")):
            dirs.sort()
            found += [os.path.join(folder, f) for f in sorted(files) if f.endswith(".md")]
        return found

    def change_file(self, i):
        """Appends a line to a different journal file on each run; restore_file puts it back."""
        files = self.journal_files()
        self.changed_path = files[(i * 7919) % len(files)]
        with open(self.changed_path, "rb") as f:
            self.changed_original = f.read()
        with open(self.changed_path, "ab") as f:
            f.write(b"\nAdded later: slept better after writing this down.\n")

    def restore_file(self, i):
        with open(self.changed_path, "wb") as f:
            f.write(self.changed_original)
        self.ensure_index()

    def add_file(self, i):
        """Creates a new entry the day after the vault's last; remove_file deletes it again."""
        day = dt.date.fromisoformat(self.meta["last"]) + dt.timedelta(days=1)
        folder = os.path.join(self.vault, "journal", "%04d" % day.year, "%02d" % day.month)
        os.makedirs(folder, exist_ok=True)
        self.added_path = os.path.join(folder, "%s-2130-mood.md" % day.isoformat())
        with open(self.added_path, "w") as f:
            f.write("---\ntype: mood\ndate: %sT21:30\nmood: 6\ndistress: 30\ntags: [bench]\n---\n\n"
                    "# Evening check-in\n\nA quiet day. Walked to the shop and back.\n\n"
                    "- [ ] plan tomorrow\n\nIs it okay to skip the breathing on good days?\n" % day.isoformat())

    def remove_file(self, i):
        os.remove(self.added_path)
        try:
            os.rmdir(os.path.dirname(self.added_path))  # only if the month folder was new
        except OSError:
            pass
        self.ensure_index()

    def search_rows(self):
        """The first search after a cold index (it may fill the full-text tables) and the next one."""
        search = self.between_cmd("search", "panic")
        first = {"key": "search_first", "label": "search, first after cold index", "command": " ".join(search),
                 "kind": "first", "seconds": None, "samples": [], "peak_rss_mib": None, "note": None}
        later = dict(first, key="search_later", label="search, later", kind=None, samples=[])
        try:
            for i in range(self.runs + 1):
                self.drop_index()
                self.ensure_index()
                t_first = run(search)[0]
                t_later = run(search)[0]
                if i > 0:
                    first["samples"].append(t_first)
                    later["samples"].append(t_later)
            first["seconds"] = statistics.median(first["samples"])
            later["seconds"] = statistics.median(later["samples"])
        except Unavailable as e:
            first["note"] = later["note"] = str(e)
        self.rows += [first, later]
        progress(first)
        progress(later)

    def memory_row(self, cold):
        self.rows.append({"key": "cold_peak_rss", "label": "peak memory, cold index", "command": cold["command"],
                          "kind": "memory", "mib": cold["peak_rss_mib"], "note": cold["note"]})


# --- report -------------------------------------------------------------------

def judge(row, floor_s, cold_s, n):
    """(target text, met?) for a row, from the table in docs/conventions.md ("Performance targets");
    met is None when unknown.

    Ratios (to the floor, to the cold index) are judged at every size, since they must stay
    the same as the vault grows; absolute times are set at 10,000 files and judged only there."""
    kind, s, mib = row["kind"], row.get("seconds"), row.get("mib")
    if kind in ("query", "first") and n != 10000:
        return ("< 0.1 s" if kind == "query" else "<= 1 s") + " (set at 10,000)", None
    if kind == "cold":
        return "<= 2.5x floor", (s <= 2.5 * floor_s) if s is not None and floor_s else None
    if kind == "incremental":
        if s is None or not cold_s:
            return "<= 10% of cold", None
        return "<= 10%% of cold (%.0f%%)" % (100 * s / cold_s), s <= 0.1 * cold_s
    if kind == "query":
        return "< 0.1 s at 10,000", (s < 0.1) if s is not None else None
    if kind == "first":
        return "<= 1 s", (s <= 1.0) if s is not None else None
    if kind == "memory":
        return "< 150 MiB at 50,000", (mib < 150) if mib is not None else None
    return "", None


def report(bench, args):
    rows = bench.rows
    by_key = {r["key"]: r for r in rows}
    floor_s = by_key["floor"]["seconds"]
    cold_s = by_key["cold"]["seconds"]
    for r in rows:
        r["ratio_to_floor"] = (r["seconds"] / floor_s) if r.get("seconds") is not None and floor_s else None
        r["target"], r["meets_target"] = judge(r, floor_s, cold_s, args.n)

    meta = bench.meta
    print()
    print("Between benchmark: %d files, %.1f MB (%s to %s), median of %d runs after 1 warm-up, %d CPUs"
          % (meta["files"], meta["bytes"] / 1e6, meta["first"], meta["last"], args.runs, os.cpu_count()))
    print()
    header = "%-32s %10s %9s   %-28s %s" % ("operation", "median", "x floor", "target (docs/conventions.md)", "")
    print(header)
    print("-" * len(header))
    for r in rows:
        if "mib" in r:
            value = "%.1f MiB" % r["mib"] if r["mib"] is not None else "n/a"
            ratio = ""
        else:
            value = "%.3f s" % r["seconds"] if r["seconds"] is not None else "n/a"
            ratio = "%.2f" % r["ratio_to_floor"] if r["ratio_to_floor"] is not None else ""
        verdict = {True: "ok", False: "MISS", None: ""}[r["meets_target"]]
        print("%-32s %10s %9s   %-28s %s" % (r["label"], value, ratio, r["target"], verdict))
    notes = sorted({r["note"] for r in rows if r.get("note")})
    if notes:
        print()
        for note in notes:
            print("n/a: " + note)

    result = {"n": args.n, "runs": args.runs, "vault": meta,
              "machine": {"cpus": os.cpu_count(), "platform": platform.platform()},
              "date": getattr(bench, "date", None) or dt.datetime.now().isoformat(timespec="seconds"), "rows": rows}
    with open(args.out, "w") as f:
        json.dump(result, f, indent=2)
    print()
    print("wrote " + (os.path.relpath(args.out, ROOT) if args.out.startswith(ROOT + os.sep) else args.out))


class Saved:
    """A finished run read back from its results file, for --report."""
    def __init__(self, saved):
        self.rows, self.meta, self.date = saved["rows"], saved["vault"], saved.get("date")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10000, help="vault size (as given to generate.py)")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per figure")
    parser.add_argument("--vault", help="default: bench/work/vault-N")
    parser.add_argument("--between", default=os.path.join(ROOT, ".build-release", "release", "between"))
    parser.add_argument("--floor", default=os.path.join(ROOT, "bench", "work", "floor"))
    parser.add_argument("--out", help="default: bench/results-N.json")
    parser.add_argument("--report", action="store_true",
                        help="measure nothing: print the table again from the results file (--out)")
    args = parser.parse_args()
    args.vault = args.vault or os.path.join(ROOT, "bench", "work", "vault-%d" % args.n)
    args.out = args.out or os.path.join(ROOT, "bench", "results-%d.json" % args.n)
    if args.report:
        with open(args.out) as f:
            saved = json.load(f)
        args.runs = saved["runs"]
        report(Saved(saved), args)
        return
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    for path in (args.floor, args.vault):
        if not os.path.exists(path):
            parser.error("missing %s (run `make bench`, which builds it)" % path)
    if not os.path.exists(args.between):
        print("bench: warning: %s not found; its rows will be n/a" % args.between, file=sys.stderr)

    bench = Bench(args)
    print("bench: measuring (%d runs + 1 warm-up each)" % args.runs, file=sys.stderr)
    bench.all()
    report(bench, args)


if __name__ == "__main__":
    main()
