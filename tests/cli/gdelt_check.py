#!/usr/bin/env python3
"""gdelt_check.py: check a GDELT 2.0 event export (and its mentions table)
written by parley, row by row, with Python's csv module and GDELT's own
column names and types (../shared/data/gdelt-format, when present; the
same 61 and 16 names are built in so the check runs without ../shared).

    gdelt_check.py EVENTS.tsv MENTIONS.tsv DATA_CAMEO_DIR [SHARED_FORMAT_DIR]

Prints one line per problem (FILE:LINE: message) and exits 1 if any.
Standard library only."""
import csv
import os
import re
import sys

EVENT_COLS = (
    "GLOBALEVENTID SQLDATE MonthYear Year FractionDate "
    "Actor1Code Actor1Name Actor1CountryCode Actor1KnownGroupCode Actor1EthnicCode "
    "Actor1Religion1Code Actor1Religion2Code Actor1Type1Code Actor1Type2Code Actor1Type3Code "
    "Actor2Code Actor2Name Actor2CountryCode Actor2KnownGroupCode Actor2EthnicCode "
    "Actor2Religion1Code Actor2Religion2Code Actor2Type1Code Actor2Type2Code Actor2Type3Code "
    "IsRootEvent EventCode EventBaseCode EventRootCode QuadClass GoldsteinScale "
    "NumMentions NumSources NumArticles AvgTone "
    "Actor1Geo_Type Actor1Geo_FullName Actor1Geo_CountryCode Actor1Geo_ADM1Code "
    "Actor1Geo_ADM2Code Actor1Geo_Lat Actor1Geo_Long Actor1Geo_FeatureID "
    "Actor2Geo_Type Actor2Geo_FullName Actor2Geo_CountryCode Actor2Geo_ADM1Code "
    "Actor2Geo_ADM2Code Actor2Geo_Lat Actor2Geo_Long Actor2Geo_FeatureID "
    "ActionGeo_Type ActionGeo_FullName ActionGeo_CountryCode ActionGeo_ADM1Code "
    "ActionGeo_ADM2Code ActionGeo_Lat ActionGeo_Long ActionGeo_FeatureID "
    "DATEADDED SOURCEURL").split()
MENTION_COLS = (
    "GLOBALEVENTID EventTimeDate MentionTimeDate MentionType MentionSourceName "
    "MentionIdentifier SentenceID Actor1CharOffset Actor2CharOffset ActionCharOffset "
    "InRawText Confidence MentionDocLen MentionDocTone MentionDocTranslationInfo "
    "Extras").split()

problems = []


def bad(where, msg):
    problems.append("%s: %s" % (where, msg))


def read_columns(path):
    """(names, types) from a GDELT2.*.columns.tsv file."""
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    return [r["Name"] for r in rows], [r["Type"] for r in rows]


def codes(path, fold=False):
    out = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                out.add(line.upper() if fold else line)
    return out


def typed(where, name, typ, v):
    if v == "":
        return None
    try:
        if typ == "INTEGER":
            if not re.fullmatch(r"-?[0-9]+", v):
                raise ValueError
            return int(v)
        if typ == "FLOAT":
            return float(v)
    except ValueError:
        bad(where, "%s: %r is not %s" % (name, v, typ))
        return None
    return v


def check_geo(where, g, s):
    """A place's 8 columns: all empty (not placed), or a GDELT type 1-5, a
    full name, a 2-letter FIPS country, an ADM1 code starting with it, no
    ADM2, coordinates in range and a feature id (docs/geo.md)."""
    v = {c: s[g + c] for c in ("Type", "FullName", "CountryCode", "ADM1Code",
                               "ADM2Code", "Lat", "Long", "FeatureID")}
    if all(x == "" for x in v.values()):
        return
    if v["Type"] not in ("1", "2", "3", "4", "5"):
        bad(where, "%sType %r" % (g, v["Type"]))
    if not v["FullName"]:
        bad(where, "%sFullName empty" % g)
    if not re.fullmatch(r"[A-Z]{2}", v["CountryCode"]):
        bad(where, "%sCountryCode %r is not FIPS 10-4" % (g, v["CountryCode"]))
    if not v["ADM1Code"].startswith(v["CountryCode"]):
        bad(where, "%sADM1Code %r not in country %r" % (g, v["ADM1Code"], v["CountryCode"]))
    if v["ADM2Code"]:
        bad(where, "%sADM2Code %r: parley has no ADM2" % (g, v["ADM2Code"]))
    try:
        lat, lon = float(v["Lat"]), float(v["Long"])
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            bad(where, "%sLat/Long %r %r out of range" % (g, v["Lat"], v["Long"]))
    except ValueError:
        bad(where, "%sLat/Long %r %r" % (g, v["Lat"], v["Long"]))
    if not v["FeatureID"]:
        bad(where, "%sFeatureID empty" % g)
    if v["Type"] == "1" and v["FeatureID"] != v["CountryCode"]:
        bad(where, "%sFeatureID %r: a country's is its code" % (g, v["FeatureID"]))


def main():
    events_path, mentions_path, cameo = sys.argv[1:4]
    fmt = sys.argv[4] if len(sys.argv) > 4 else ""
    etypes = mtypes = None
    if fmt and os.path.isfile(os.path.join(fmt, "GDELT2.export.columns.tsv")):
        names, etypes = read_columns(os.path.join(fmt, "GDELT2.export.columns.tsv"))
        if names != EVENT_COLS:
            bad(fmt, "GDELT2.export.columns.tsv disagrees with the built-in names")
        names, mtypes = read_columns(os.path.join(fmt, "GDELT2.mentions.columns.tsv"))
        if names != MENTION_COLS:
            bad(fmt, "GDELT2.mentions.columns.tsv disagrees with the built-in names")
    if etypes is None:
        ints = {"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "IsRootEvent", "QuadClass",
                "NumMentions", "NumSources", "NumArticles", "Actor1Geo_Type",
                "Actor2Geo_Type", "ActionGeo_Type", "DATEADDED"}
        floats = {"FractionDate", "GoldsteinScale", "AvgTone"} | {
            c for c in EVENT_COLS if c.endswith("_Lat") or c.endswith("_Long")}
        etypes = ["INTEGER" if c in ints else "FLOAT" if c in floats else "STRING"
                  for c in EVENT_COLS]
        mints = {"GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType",
                 "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset",
                 "InRawText", "Confidence", "MentionDocLen"}
        mtypes = ["INTEGER" if c in mints else "FLOAT" if c == "MentionDocTone"
                  else "STRING" for c in MENTION_COLS]

    tables = {
        "CountryCode": codes(os.path.join(cameo, "country.txt")),
        "KnownGroupCode": codes(os.path.join(cameo, "knowngroup.txt")),
        "EthnicCode": codes(os.path.join(cameo, "ethnic.txt")),
        "Religion1Code": codes(os.path.join(cameo, "religion.txt")),
        "Religion2Code": codes(os.path.join(cameo, "religion.txt")),
        "Type1Code": codes(os.path.join(cameo, "type.txt")),
        "Type2Code": codes(os.path.join(cameo, "type.txt")),
        "Type3Code": codes(os.path.join(cameo, "type.txt")),
    }

    events = {}
    with open(events_path, newline="", encoding="utf-8") as f:
        reader = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        for n, row in enumerate(reader, 1):
            where = "%s:%d" % (events_path, n)
            if len(row) != 61:
                bad(where, "%d columns, expected 61" % len(row))
                continue
            r = {c: typed(where, c, t, v) for c, t, v in zip(EVENT_COLS, etypes, row)}
            s = dict(zip(EVENT_COLS, row))
            gid = r["GLOBALEVENTID"]
            if gid is None or not 0 < gid < 2 ** 53:
                bad(where, "GLOBALEVENTID %r not in 1..2^53-1" % s["GLOBALEVENTID"])
            if gid in events:
                bad(where, "GLOBALEVENTID %d repeated" % gid)
            events[gid] = r
            d = s["SQLDATE"]
            if d:
                if not re.fullmatch(r"(19|20)[0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])", d):
                    bad(where, "SQLDATE %r is not YYYYMMDD" % d)
                if s["MonthYear"] != d[:6] or s["Year"] != d[:4]:
                    bad(where, "MonthYear/Year do not match SQLDATE")
                frac = int(d[:4]) + ((int(d[4:6]) - 1) * 30 + int(d[6:8])) / 365
                if r["FractionDate"] is None or abs(r["FractionDate"] - frac) > 0.00006:
                    bad(where, "FractionDate %r, expected %.4f" % (s["FractionDate"], frac))
                if s["DATEADDED"] != d + "000000":
                    bad(where, "DATEADDED %r" % s["DATEADDED"])
            code, base, root = s["EventCode"], s["EventBaseCode"], s["EventRootCode"]
            if not re.fullmatch(r"[0-9]{2,4}", code):
                bad(where, "EventCode %r is not a zero-padded CAMEO code" % code)
            if base != code[:3] or root != code[:2] or not re.fullmatch(r"[0-9]{2}", root):
                bad(where, "EventBaseCode %r / EventRootCode %r do not fit %r" % (base, root, code))
            q = r["QuadClass"]
            if q not in (1, 2, 3, 4):
                bad(where, "QuadClass %r" % s["QuadClass"])
            elif re.fullmatch(r"[0-9]{2}", root) and 1 <= int(root) <= 20:
                rn = int(root)
                want = 1 if rn <= 5 else 2 if rn <= 9 else 3 if rn <= 14 else 4
                if q != want:
                    bad(where, "QuadClass %d for root %s, GDELT has %d" % (q, root, want))
            g = r["GoldsteinScale"]
            if g is not None and not -10 <= g <= 10:
                bad(where, "GoldsteinScale %r out of -10..10" % g)
            if s["IsRootEvent"] not in ("0", "1"):
                bad(where, "IsRootEvent %r" % s["IsRootEvent"])
            nm, ns, na = r["NumMentions"], r["NumSources"], r["NumArticles"]
            if None in (nm, ns, na) or not (1 <= ns <= na <= nm):
                bad(where, "counts: mentions %r, sources %r, articles %r" % (nm, ns, na))
            for a in ("Actor1", "Actor2"):
                ac = s[a + "Code"]
                if ac and not re.fullmatch(r"[A-Za-z0-9]+", ac):
                    bad(where, "%sCode %r" % (a, ac))
                for part, known in tables.items():
                    v = s[a + part]
                    if v and v not in known:
                        bad(where, "%s%s %r is not in the CAMEO table" % (a, part, v))
                    if v and v.upper() not in ac.upper():
                        bad(where, "%s%s %r is not part of %r" % (a, part, v, ac))
                if re.search(r"[a-z]", s[a + "Name"]):
                    bad(where, "%sName %r not upper case" % (a, s[a + "Name"]))
            for g in ("Actor1Geo_", "Actor2Geo_", "ActionGeo_"):
                check_geo(where, g, s)
            if s["AvgTone"] != "":
                bad(where, "AvgTone %r: tone is not computed" % s["AvgTone"])
            if not s["SOURCEURL"]:
                bad(where, "empty SOURCEURL")

    per_event = {}
    with open(mentions_path, newline="", encoding="utf-8") as f:
        reader = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        for n, row in enumerate(reader, 1):
            where = "%s:%d" % (mentions_path, n)
            if len(row) != 16:
                bad(where, "%d columns, expected 16" % len(row))
                continue
            r = {c: typed(where, c, t, v) for c, t, v in zip(MENTION_COLS, mtypes, row)}
            gid = r["GLOBALEVENTID"]
            if gid not in events:
                bad(where, "GLOBALEVENTID %r has no event row" % gid)
                continue
            per_event.setdefault(gid, []).append(r)
            if r["MentionType"] not in (1, 2):
                bad(where, "MentionType %r" % r["MentionType"])
            if r["Confidence"] is None or not 1 <= r["Confidence"] <= 100:
                bad(where, "Confidence %r" % r["Confidence"])
            for c in ("Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset"):
                v = r[c]
                if v is None or v < -1 or (r["MentionDocLen"] is not None and v > r["MentionDocLen"]):
                    bad(where, "%s %r" % (c, v))
            if r["SentenceID"] is None or r["SentenceID"] < 1:
                bad(where, "SentenceID %r" % r["SentenceID"])
            if r["EventTimeDate"] != events[gid]["DATEADDED"]:
                bad(where, "EventTimeDate differs from the event's DATEADDED")
    for gid, ev in events.items():
        ms = per_event.get(gid, [])
        if len(ms) != ev["NumMentions"]:
            bad(events_path, "event %d: NumMentions %r but %d mention rows"
                % (gid, ev["NumMentions"], len(ms)))
        arts = {m["MentionIdentifier"] for m in ms}
        if len(arts) > ev["NumArticles"]:
            bad(events_path, "event %d: NumArticles %r but %d identifiers"
                % (gid, ev["NumArticles"], len(arts)))

    for p in problems[:40]:
        print(p)
    if len(problems) > 40:
        print("... and %d more" % (len(problems) - 40))
    print("gdelt_check: %d events, %d mentions, %d problems"
          % (len(events), sum(len(v) for v in per_event.values()), len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
