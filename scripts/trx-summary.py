#!/usr/bin/env python3
"""Counts test outcomes in every TRX file under a folder and prints 'N passed, N failed, N skipped'.

Exits 1 when any test failed or when no test ran at all."""
import glob
import sys
import xml.etree.ElementTree as ET

NS = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"
passed = failed = skipped = 0
failures = []
for path in sorted(glob.glob(f"{sys.argv[1]}/**/*.trx", recursive=True)):
    for result in ET.parse(path).getroot().iter(f"{NS}UnitTestResult"):
        outcome = result.get("outcome", "")
        if outcome == "Passed":
            passed += 1
        elif outcome in ("NotExecuted", "Inconclusive", "Skipped"):
            skipped += 1
        else:
            failed += 1
            failures.append(result.get("testName", "?"))
for name in failures:
    print(f"FAILED: {name}")
print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed or passed + skipped == 0 else 0)
