"""Prints what `make mutation` found: the score per module and in all, then every surviving mutant.

Reads mutmut's own results (`mutmut results --all true`: one line per mutant, `name: status`). The score is
killed / (killed + survived + no tests): a mutant no test reaches ("no tests") counts against it and is listed
with the survivors, since a rule no test reaches is pinned by none either. Timeouts count as killed (the
mutant hung a test).
"""

import collections
import subprocess
import sys
from pathlib import Path

VENV_BIN = Path(sys.executable).parent


def results():
    out = subprocess.run(
        [VENV_BIN / "mutmut", "results", "--all", "true"], capture_output=True, text=True, check=True
    ).stdout
    for line in out.splitlines():
        name, _, status = line.strip().rpartition(": ")
        if name:
            yield name, status


def main():
    by_module = collections.defaultdict(collections.Counter)
    left = []
    for name, status in results():
        module = name.split("x_")[0].rstrip(".") if "x_" in name else name.rsplit(".", 1)[0]
        by_module[module][status] += 1
        if status in {"survived", "no tests", "suspicious"}:
            left.append((name, status))
    if not by_module:
        print("No mutation results: run `make mutation` first.")
        return 1
    total = collections.Counter()
    print(f"{'module':55} {'killed':>7} {'survived':>9} {'no tests':>9} {'score':>7}")
    for module, counts in sorted(by_module.items()):
        total.update(counts)
        checked = sum(count for status, count in counts.items() if status != "not checked")
        print(_row(module, counts) if checked else f"{module:55} {'not run yet':>36}")
    print(_row("all", total))
    print(f"\n{len(left)} mutants left (`.venv/bin/mutmut show NAME` for the change):")
    for name, status in left:
        print(f"  {status:10} {name}")
    return 0


def _row(label, counts):
    killed = counts["killed"] + counts["timeout"]
    survived = counts["survived"]
    reached = killed + survived + counts["no tests"]
    score = 100 * killed / reached if reached else 0.0
    return f"{label:55} {killed:7} {survived:9} {counts['no tests']:9} {score:6.1f}%"


if __name__ == "__main__":
    sys.exit(main())
