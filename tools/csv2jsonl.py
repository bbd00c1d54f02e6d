#!/usr/bin/env python3
"""csv2jsonl.py: turn the Wikinews CSV files (url,date,title,text) into
parley's JSON Lines input (id, date, title, text, url). Standard library only."""
import csv
import json
import sys

csv.field_size_limit(1 << 30)
out = sys.stdout
for path in sys.argv[1:]:
    with open(path, newline="", encoding="utf-8") as f:
        for n, row in enumerate(csv.DictReader(f), 1):
            rec = {
                "id": "%s:%d" % (path.rsplit("/", 1)[-1], n),
                "date": row["date"].replace("-", ""),
                "title": row["title"],
                "text": row["text"],
                "url": row["url"],
            }
            out.write(json.dumps(rec, ensure_ascii=False, sort_keys=False) + "\n")
