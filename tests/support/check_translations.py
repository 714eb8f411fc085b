#!/usr/bin/env python3
"""Test: lupdate over the sources finds no unfinished French string, and the
French is written as the French write it.

Runs lupdate on a copy of the .ts (the tree is not touched) and counts the
messages still marked unfinished; then looks for a missing elision ("de
exporter" for "d'exporter", "que il", "si il"). ("de le", "à les" are left
alone: "de le réactiver" is right, the "le" a pronoun.)
"""
import re
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
# "de", "le", "la", "que", "ne", "je", "se", "me", "te", "jusque", "lorsque",
# "puisque" elide before a vowel; "si" before "il".
vowel = "[aeiouyéèêëàâîïôûœAEIOUYÉÈÊËÀÂÎÏÔÛŒ]"
elision = re.compile(r"(?<![\w'’-])((?:de|le|la|que|ne|je|se|me|te|jusque|lorsque|puisque) +" + vowel +
                     r"|si +ils?\b)", re.IGNORECASE)
badly_written = []
for message in ET.parse(ts).getroot().iter("message"):
    tr = message.find("translation")
    text = "".join(tr.itertext()) if tr is not None else ""
    for m in elision.finditer(text):
        badly_written.append(f"{m.group(0)!r} in: {text}")
for line in unfinished:
    print("unfinished:", line)
for line in badly_written:
    print("elision or contraction missing:", line)
print(f"{total} strings, {len(unfinished)} unfinished, {len(badly_written)} badly written")
sys.exit(1 if unfinished or badly_written or total == 0 else 0)
