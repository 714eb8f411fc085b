#!/usr/bin/env python3
"""Test: lupdate over the sources finds no unfinished French string.

Runs lupdate on a copy of the .ts (the tree is not touched) and counts the
messages still marked unfinished.
"""
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

source_dir = Path(sys.argv[1])
lupdate = sys.argv[2]
ts = source_dir / "resources" / "translations" / "etabli_fr.ts"
with tempfile.TemporaryDirectory() as tmp:
    copy = Path(tmp) / "etabli_fr.ts"
    shutil.copy(ts, copy)
    subprocess.run([lupdate, "-silent", "-no-obsolete", str(source_dir / "src"), str(source_dir / "ui"),
                    "-ts", str(copy)], check=True)
    root = ET.parse(copy).getroot()
    unfinished = []
    total = 0
    for context in root.iter("context"):
        for message in context.iter("message"):
            total += 1
            tr = message.find("translation")
            if tr.get("type") == "unfinished" or not ("".join(tr.itertext())).strip():
                unfinished.append(f"[{context.find('name').text}] {message.find('source').text}")
for line in unfinished:
    print("unfinished:", line)
print(f"{total} strings, {len(unfinished)} unfinished")
sys.exit(1 if unfinished or total == 0 else 0)
