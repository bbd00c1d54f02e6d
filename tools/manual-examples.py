#!/usr/bin/env python3
"""manual-examples.py: the example sentences of the CAMEO manual 1.1b3,
with the event code each illustrates, and their scoring against parley's
output. Standard library only; tests/cli/manual-examples.sh runs it.

    manual-examples.py extract MANUAL.md DATE > examples.jsonl
    manual-examples.py score examples.jsonl events.tsv [MIN_ROOT_PCT]

The manual (../shared/reference/CAMEO.Manual.1.1b3.md) is a conversion of
the PDF: chapter 2 is a run of markdown tables whose rows are "CAMEO | 010",
"Name | Decline comment", "Example | <sentence>", "Example Note | ...". The
conversion is lossy, so the code of an example is found in three ways:
  - a row whose value is a code ("CAMEO | 010", also "NAME | 012");
  - a "Name" row whose text is a code's name in chapter 6 (the condensed
    list "011: Decline comment"), compared without case or punctuation;
  - otherwise the last code seen; the "## 2.N" heading gives the root, and
    a code outside the heading's root is never used.
The examples carry no coded triple and no date (the leads have weekdays,
not dates), so only the code is checked, and DATE is used for all of them.
Cells that are not a lead (a bare code, a note such as "Two reciprocal
events are coded", a sentence cut off by a page break) are dropped;
sentences of notes that the conversion ran into an example are removed,
and so is the next example's sentence when the conversion ran it into
this cell as well as giving it its own row.

score reads parley's TSV (--format tsv) and counts an example right at the
root (two digits) when one of its events has the example's root, and right
in full when one has its code: the other events of a lead may be proper
events too ("urged Uganda ... accusing them of killing" also codes 112).
It prints a table per root and overall, and exits 1 when the overall root
share is under MIN_ROOT_PCT."""
import difflib
import json
import re
import sys

ROW = re.compile(r"^\|\s*([^|]*?)\s*\|\s*(.*?)\s*\|")
CODE = re.compile(r"^(?:CAMEO\s+)?(\d{3,4})$")
HEADING = re.compile(r"^## 2\.(\d+)\s")
CH6 = re.compile(r"^(?:- )?(\d{3,4}): (.+)$")
# A sentence of a coder's note, not of a news lead.
NOTE = re.compile(r"\b(coded|code|events? (are|is)|example|this lead|the lead"
                  r"|future tense|NEED EXAMPLE)\b|^(Note|Because|Given|Due to"
                  r"|Unlike|While|Allowing)\b", re.I)


def norm(s):
    """Lower case letters only: the conversion splits words ("Threate n")."""
    s = s.lower().replace("not specified below", "")
    return "".join(re.findall(r"[a-z]+", s))


def chapter6(lines):
    """name (normalized) -> code, from the condensed list of chapter 6."""
    names = {}
    in6 = False
    last = None  # [code, name] of the last entry: long names run on
    for line in lines:
        line = line.strip()
        if line.startswith("## Chapter 6"):
            in6 = True
        elif line.startswith("## Chapter 7"):
            break
        elif in6:
            m = CH6.match(line)
            if m:
                last = [m.group(1), m.group(2)]
                names.setdefault(norm(last[1]), last[0])
            elif line.startswith("#"):
                last = None
            elif last and line and len(line) < 40:
                del names[norm(last[1])]  # "125: Reject proposal to meet," / "discuss,"
                last[1] += " " + line
                names.setdefault(norm(last[1]), last[0])
    return names


def code_of_name(names, text, root, prefix):
    """The chapter 6 code of root whose name is most like the start of the
    text (a "NAME Description" row runs the name into the description;
    chapter 2 words some names differently from chapter 6), or None when
    none is close: the row is then a misplaced description."""
    t = norm(text)
    best, best_r, best_len = None, 0.0, 0
    for name, code in names.items():
        if not code.startswith(root) or not name:
            continue
        r = difflib.SequenceMatcher(None, name, t[:len(name)] if prefix else t).ratio()
        if r > best_r or (r == best_r and best and len(name) > best_len):
            best, best_r, best_len = code, r, len(name)  # the longer name: more specific
    return best if best_r >= 0.75 else None


def clean(text):
    """The lead in an Example cell, or None when the cell holds none."""
    text = re.sub(r"\s+", " ", text).strip()
    if CODE.match(text):
        return None
    parts = re.split(r"(?<=[.!?\"])\s+(?=[A-Z\"])", text)
    keep = [p for p in parts if not NOTE.search(p)]
    lead = " ".join(keep).strip()
    if not lead or not (lead[0].isupper() or lead[0] == '"'):
        return None  # empty, or the tail of a lead cut by a page break
    if lead[-1] not in '.!?"\'' or len(lead.split()) < 6:
        return None  # a code name or a fragment
    return lead


def extract(path, date):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    names = chapter6(lines)
    root = None
    code = None
    just_coded = False
    n = 0
    recs = []
    for lineno, line in enumerate(lines, 1):
        if line.startswith("## Chapter 3"):
            break
        m = HEADING.match(line)
        if m:
            root = "%02d" % int(m.group(1))
            code = None
            continue
        m = ROW.match(line)
        if not m or root is None:
            continue
        key = m.group(1).lower()
        val = m.group(2)
        c = CODE.match(val)
        coded, just_coded = just_coded, False
        if key.startswith(("cameo", "name")):
            if c and c.group(1).startswith(root):
                code = c.group(1)
                just_coded = True
            elif not c and not coded:  # a name after a code row is that code's
                found = code_of_name(names, val, root, "description" in key)
                if found:
                    code = found
            continue
        if key != "example" or code is None:
            continue
        lead = clean(val)
        if lead is None:
            continue
        n += 1
        recs.append({"id": "manual:%d:%s" % (lineno, code), "date": date, "text": lead})
    # The conversion sometimes ran the next Example cell into this one
    # ("... to resign ... scandals. The UN Security Council has called on
    # Haiti's ...", then that sentence again in its own row): cut it off.
    for rec, nxt in zip(recs, recs[1:]):
        tail = nxt["text"]
        if rec["text"].endswith(" " + tail):
            head = clean(rec["text"][:-len(tail)])
            if head:
                rec["text"] = head
    for rec in recs:
        sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
    if n == 0:
        sys.stderr.write("manual-examples: %s: no examples found\n" % path)
        sys.exit(2)


def score(examples, events, minpct):
    want = {}
    with open(examples, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            want[rec["id"]] = rec["id"].rsplit(":", 1)[1]
    got = {}
    with open(events, encoding="utf-8") as f:
        head = f.readline().rstrip("\n").split("\t")
        di, ci = head.index("doc"), head.index("code")
        for line in f:
            cols = line.rstrip("\n").split("\t")
            got.setdefault(cols[di], set()).add(cols[ci])
    per = {}
    for doc, code in want.items():
        codes = got.get(doc, set())
        r = per.setdefault(code[:2], [0, 0, 0, 0])
        r[0] += 1
        r[1] += any(c[:2] == code[:2] for c in codes)
        r[2] += code in codes
        r[3] += not codes
    tot = [sum(r[i] for r in per.values()) for i in range(4)]
    print("root  examples  root-right  full-right  no-event")
    for root in sorted(per):
        r = per[root]
        print("%-4s  %8d  %5d %3.0f%%  %5d %3.0f%%  %8d" % (
            root, r[0], r[1], 100.0 * r[1] / r[0], r[2], 100.0 * r[2] / r[0], r[3]))
    rootpct = 100.0 * tot[1] / tot[0]
    print("all   %8d  %5d %4.1f%%  %4d %4.1f%%  %8d" % (
        tot[0], tot[1], rootpct, tot[2], 100.0 * tot[2] / tot[0], tot[3]))
    if rootpct < minpct:
        print("manual-examples: root share %.1f%% is under %.1f%%" % (rootpct, minpct))
        sys.exit(1)


def main(argv):
    if len(argv) == 4 and argv[1] == "extract":
        extract(argv[2], argv[3])
    elif len(argv) in (4, 5) and argv[1] == "score":
        score(argv[2], argv[3], float(argv[4]) if len(argv) == 5 else 0.0)
    else:
        sys.stderr.write(__doc__.split("\n\n")[1] + "\n")
        sys.exit(2)


if __name__ == "__main__":
    main(sys.argv)
