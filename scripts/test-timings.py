#!/usr/bin/env python3
"""Prints the timing table of a test run: the build, each test program (the
sum of its cases), the whole run, and the ten slowest test cases.

    test-timings.py JUNIT_XML BUILD_SECONDS TESTS_SECONDS TOTAL_SECONDS

The JUnit file is what `ctest --output-junit` wrote. The budget is in
docs/development.md: the whole scripts/test.sh under 25 minutes on two cores.
"""
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict

BUDGET_SECONDS = 25 * 60


def minutes(seconds):
    seconds = int(round(seconds))
    return f"{seconds // 60:d} min {seconds % 60:02d} s"


def main():
    junit, build, tests, total = sys.argv[1], *map(float, sys.argv[2:5])
    cases = []
    for case in ET.parse(junit).getroot().iter("testcase"):
        if case.find("failure") is not None or case.find("error") is not None:
            outcome = "failed"
        elif case.find("skipped") is not None:
            outcome = "skipped"
        else:
            outcome = "passed"
        cases.append((case.get("name", "?"), float(case.get("time", 0) or 0), outcome))
    programs = defaultdict(lambda: [0, 0.0])
    for name, seconds, _ in cases:
        program = name.split(":", 1)[0] if ":" in name else name
        programs[program][0] += 1
        programs[program][1] += seconds

    print()
    print("Temps de la série de tests")
    print(f"  compilation              {minutes(build):>14}")
    for program, (count, seconds) in sorted(programs.items(), key=lambda p: -p[1][1]):
        print(f"  {program[:24]:<24} {minutes(seconds):>14}  ({count} test{'s' if count > 1 else ''}, temps cumulé)")
    print(f"  tests (durée réelle)     {minutes(tests):>14}")
    print(f"  total                    {minutes(total):>14}  (budget : {minutes(BUDGET_SECONDS)})")
    print()
    print("Les dix tests les plus lents")
    for name, seconds, _ in sorted(cases, key=lambda c: -c[1])[:10]:
        print(f"  {seconds:7.1f} s  {name}")
    if total > BUDGET_SECONDS:
        print()
        print(f"ATTENTION : {minutes(total)}, au-delà du budget de {minutes(BUDGET_SECONDS)} "
              "(docs/development.md).")
    # ctest's own summary is above the table: repeat its count last.
    count = {o: sum(1 for c in cases if c[2] == o) for o in ("passed", "failed", "skipped")}
    print()
    line = f"{count['passed']} passed, {count['failed']} failed"
    if count["skipped"]:
        line += f", {count['skipped']} skipped"
    print("ctest: " + line)


if __name__ == "__main__":
    main()
