"""Prints one run of bench/cluster/run.sh: Gatling's per-action figures (read from its HTML report,
as Gatling 3.15 writes no JSON statistics), its error messages, and each node's heap over time.

Usage: summary.py DIR NODES   (DIR holds gatling.log, heap.txt and the report's folder name in report.txt)
"""
import html
import re
import sys
from collections import defaultdict
from pathlib import Path

directory, nodes = Path(sys.argv[1]), sys.argv[2]
report = Path((directory / "report.txt").read_text().strip())
page = (report / "index.html").read_text(encoding="utf-8")

# Gatling's statistics table: total, OK, KO, %KO, req/s, min, p50, p75, p95, p99, max, mean, std dev.
print(f"{nodes} node(s) — {report}")
print(f"{'action':<26}{'count':>8}{'errors':>8}{'req/s':>8}{'p50 ms':>8}{'p95 ms':>8}{'p99 ms':>8}{'max ms':>8}")
rows = re.findall(r'<tr id="([^"]+)"[^>]*>(.*?)</tr>', page, re.S)
for row_id, row in rows:
    name = re.search(r'class="ellipsed-name">([^<]*)<', row)
    cells = dict(re.findall(r'<td class="value [a-z ]*col-(\d+)">([^<]*)</td>', row))
    if not name or "2" not in cells:
        continue
    label = "ALL (global)" if row_id == "ROOT" else html.unescape(name.group(1))
    print(f"{label:<26}{cells['2']:>8}{cells['4']:>8}{cells['6']:>8}{cells['8']:>8}{cells['10']:>8}{cells['11']:>8}{cells['12']:>8}")

log = (directory / "gatling.log").read_text(encoding="utf-8", errors="replace")
errors = log.split("---- Errors ----")
if len(errors) > 1:
    print("Errors (Gatling):")
    print("\n".join(line for line in errors[-1].splitlines()[1:] if line.startswith(">"))[:3000])
else:
    print("Errors: none")

samples = defaultdict(list)
for line in (directory / "heap.txt").read_text().splitlines():
    second, node, used = line.split()
    samples[node].append((int(second), int(used) // 1024))
for node, values in samples.items():
    by_minute = defaultdict(list)
    for second, used in values:
        by_minute[second // 60].append(used)
    trail = "  ".join(f"{minute}m:{min(v)}-{max(v)}" for minute, v in sorted(by_minute.items()))
    print(f"heap used MB, {node} (min-max per minute, {len(values)} samples): {trail}")
