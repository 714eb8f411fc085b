#!/usr/bin/env python3
"""Fills unfinished messages of a Qt .ts file from TSV files (English<TAB>French).

Plural messages (%n) take the French text for every form: write it so that it
reads well for 1 and for more ("%n jeune(s)") or give two forms separated by
" || " (singular || plural).
Prints the unfinished messages left, and exits 1 if any remain.
"""
import sys
import xml.etree.ElementTree as ET


def load(paths):
    table = {}
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.rstrip("\n")
                if not line.strip() or line.startswith("#"):
                    continue
                en, fr = line.split("\t", 1)
                table[en.replace("\\n", "\n")] = fr.replace("\\n", "\n")
    return table


def main():
    ts_path, tsv_paths = sys.argv[1], sys.argv[2:]
    table = load(tsv_paths)
    tree = ET.parse(ts_path)
    left = []
    for context in tree.getroot().iter("context"):
        for message in context.iter("message"):
            source = message.find("source").text or ""
            translation = message.find("translation")
            if translation.get("type") != "unfinished":
                continue
            if source in table:
                french = table[source]
                if message.get("numerus") == "yes":
                    for child in list(translation):
                        translation.remove(child)
                    forms = french.split(" || ")
                    if len(forms) == 1:
                        forms = forms * 2
                    for form in forms:
                        el = ET.SubElement(translation, "numerusform")
                        el.text = form
                    translation.text = None
                else:
                    translation.text = french
                del translation.attrib["type"]
            else:
                left.append((context.find("name").text, source))
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    # Keep the DOCTYPE that lupdate expects.
    with open(ts_path, encoding="utf-8") as f:
        text = f.read()
    if "<!DOCTYPE TS>" not in text:
        text = text.replace("?>\n", "?>\n<!DOCTYPE TS>\n", 1)
        with open(ts_path, "w", encoding="utf-8") as f:
            f.write(text)
    for ctx, src in left:
        print(f"unfinished [{ctx}] {src!r}")
    print(f"{len(left)} unfinished French string(s)")
    return 1 if left else 0


if __name__ == "__main__":
    sys.exit(main())
