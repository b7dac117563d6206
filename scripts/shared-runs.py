#!/usr/bin/env python3
"""Runs of identical lines that two files share: how much of two tables' expansions is the same
code written twice (docs/performance.md, "Generated code").

    scripts/shared-runs.py A B [LEAST]     runs of LEAST (10) or more lines, longest first

Lines are compared trimmed, and a line repeated on the lines after it counts once: a code
table's filler (`None,` four hundred times) is data, not code two expansions share.
"""
import sys


def lines(path):
    out = []
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if not out or out[-1] != line:
            out.append(line)
    return out


def runs(a, b, least):
    """Every maximal run of equal lines, as (length, line in a, line in b), 1-based."""
    found = []
    prev = [0] * (len(b) + 1)
    for i in range(1, len(a) + 1):
        cur = [0] * (len(b) + 1)
        for j in range(1, len(b) + 1):
            if a[i - 1] == b[j - 1]:
                cur[j] = prev[j - 1] + 1
                ends = i == len(a) or j == len(b) or a[i] != b[j]
                if ends and cur[j] >= least:
                    found.append((cur[j], i - cur[j] + 1, j - cur[j] + 1))
        prev = cur
    return sorted(found, reverse=True)


def main():
    a_path, b_path = sys.argv[1], sys.argv[2]
    least = int(sys.argv[3]) if len(sys.argv) > 3 else 10
    a, b = lines(a_path), lines(b_path)
    found = runs(a, b, least)
    longest = found[0][0] if found else 0
    print(f"{a_path} ({len(a)} lines) and {b_path} ({len(b)} lines): {len(found)} shared runs "
          f"of {least}+ lines, the longest {longest}, {sum(n for n, _, _ in found)} lines in all")
    for n, i, j in found[:5]:
        print(f"  {n} lines from line {i} and line {j}: {a[i - 1][:70]}")


if __name__ == "__main__":
    main()
