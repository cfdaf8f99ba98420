#!/usr/bin/env python3
"""Prints the statistics table of a Gatling report (index.html) as text: one row per request name.

Usage: gatling-stats.py [report-dir ...]   (default: the newest report under benchmarks/target/gatling)
"""
import glob
import html
import os
import re
import sys

COLUMNS = ["total", "ok", "ko", "%ko", "req/s", "min", "p50", "p75", "p95", "p99", "max", "mean", "stddev"]


def rows(index_html):
    text = open(index_html, encoding="utf-8").read()
    for tr in re.findall(r"<tr[^>]*>(.*?)</tr>", text, re.S):
        cells = [html.unescape(re.sub(r"<[^>]+>", "", c)).strip().split("\n")[0].strip()
                 for c in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", tr, re.S)]
        if len(cells) == len(COLUMNS) + 1 and cells[1].replace(",", "").isdigit():
            yield cells


def main(dirs):
    if not dirs:
        reports = sorted(glob.glob("benchmarks/target/gatling/*/index.html"), key=os.path.getmtime)
        if not reports:
            sys.exit("no Gatling report found")
        dirs = [os.path.dirname(reports[-1])]
    for d in dirs:
        print(d)
        print("%-32s " % "request" + " ".join("%7s" % c for c in COLUMNS))
        for cells in rows(os.path.join(d, "index.html")):
            print("%-32s " % cells[0][:32] + " ".join("%7s" % c for c in cells[1:]))


if __name__ == "__main__":
    main(sys.argv[1:])
