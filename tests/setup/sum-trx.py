#!/usr/bin/env python3
"""Sums the counters of every TRX file in a folder and prints 'N passed, N failed, N skipped'.

Exits non-zero when a test failed or when no test ran at all."""
import pathlib
import sys
import xml.etree.ElementTree as ET

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
files = sorted(pathlib.Path(sys.argv[1]).glob("*.trx"))
for trx in files:
    counters = ET.parse(trx).getroot().find("t:ResultSummary/t:Counters", NS)
    if counters is None:
        continue
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0))
    skipped += int(counters.get("notExecuted", 0))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed or passed == 0 else 0)
