#!/usr/bin/env python3
"""gen-gazetteer.py: build parley's gazetteer table (src/enrich/gazetteer_table.c)
from GeoNames (Debian libtimezonemap-data: cities15000.txt, admin1Codes.txt,
countryInfo.txt; CC-BY-4.0, credit GeoNames), ISO 3166 (Debian iso-codes),
WordNet (Debian wordnet-base: which names are also common words or persons)
and data/gazetteer.extra.txt (aliases, stop names, risky names).

  tools/gen-gazetteer.py GEONAMES_DIR ISO_3166_1_JSON WORDNET_DIR EXTRA > src/enrich/gazetteer_table.c

The output depends only on the inputs (sorted everywhere). The C side is
src/enrich/gazetteer.h; the name fold here must match prl_gz_fold there:
NFKD, combining marks dropped, a few letters without a decomposition mapped
(GZ_SPECIAL), upper case, '-' and white space as one space, apostrophes and
dots dropped; a name whose fold is not plain ASCII letters, digits and
spaces is left out.
"""
import json
import math
import sys
import unicodedata

GZ_SPECIAL = {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
              "ı": "i", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ß": "ss",
              "þ": "th", "Þ": "TH", "ð": "d", "Ð": "D", "ħ": "h", "Ħ": "H"}
APOS = "'\u2019\u2018`\u02bb\u02bc\u00b4"
MAX_WORDS = 6
ALT_MIN_POP = 15000

def fold(s):
    out = []
    for ch in s:
        if ch in GZ_SPECIAL:
            out.append(GZ_SPECIAL[ch].upper())
            continue
        for d in unicodedata.normalize("NFKD", ch):
            if unicodedata.combining(d):
                continue
            if d in APOS or d == ".":
                continue
            if d == "-" or d == "\u2010" or d == "\u2013" or d.isspace():
                out.append(" ")
                continue
            out.append(d.upper())
    k = " ".join("".join(out).split())
    if not k or any(not (c.isascii() and (c.isalnum() or c == " ")) for c in k):
        return None
    if len(k.split()) > MAX_WORDS:
        return None
    return k

def fnv1a(s):
    h = 0x811c9dc5
    for b in s.encode():
        h ^= b
        h = (h * 0x01000193) & 0xffffffff
    return h

def cstr(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'

def wordnet(dirname):
    """Lower-case words (common words) and capitalized noun.person words."""
    common, person, proper, located = set(), set(), set(), set()
    for part in ("noun", "verb", "adj", "adv"):
        with open(f"{dirname}/data.{part}", encoding="latin-1") as f:
            for line in f:
                if line.startswith("  "):
                    continue
                t = line.split()
                lexfile, n = int(t[1]), int(t[3], 16)
                for i in range(n):
                    w = t[4 + 2 * i].split("(")[0].replace("_", " ")
                    if w == w.lower():
                        common.add(w.upper())
                    elif part == "noun" and lexfile == 18:
                        person.add(w.upper())
                    elif part == "noun" and lexfile == 15:
                        located.add(w.upper())
                    elif part == "noun":
                        proper.add(w.upper())
    return common, person, proper - located

def main():
    if len(sys.argv) != 5:
        sys.exit("usage: gen-gazetteer.py GEONAMES_DIR ISO_3166_1_JSON WORDNET_DIR EXTRA")
    gdir, isojson, wndir, extra = sys.argv[1:]
    common, person, notplace = wordnet(wndir)

    aliases, cameo, stop, risky, extra_names = [], {}, set(), set(), []
    with open(extra, encoding="utf-8") as f:
        for ln, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            t = line.split("\t")
            if t[0] == "alias" and len(t) == 3:
                aliases.append((t[1], t[2]))
            elif t[0] == "cameo" and len(t) == 3:
                cameo[t[2]] = t[1]
            elif t[0] == "name" and len(t) == 3 and t[1].isdigit():
                extra_names.append((int(t[1]), t[2]))
            elif t[0] in ("stop", "risky") and len(t) == 2 and fold(t[1]):
                (stop if t[0] == "stop" else risky).add(fold(t[1]))
            else:
                sys.exit(f"{extra}:{ln}: malformed line")

    countries = {}      # iso2 -> dict
    with open(f"{gdir}/countryInfo.txt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            t = line.rstrip("\n").split("\t")
            countries[t[0]] = dict(iso2=t[0], iso3=t[1], fips=t[3], name=t[4],
                                   pop=int(t[7] or 0), gid=int(t[16] or 0))
    admin1 = {}
    with open(f"{gdir}/admin1Codes.txt", encoding="utf-8") as f:
        for line in f:
            t = line.rstrip("\n").split("\t")
            if len(t) >= 4 and "." in t[0]:
                admin1[t[0]] = dict(code=t[0], name=t[1], ascii=t[2], gid=int(t[3] or 0))
    cities = []
    with open(f"{gdir}/cities15000.txt", encoding="utf-8") as f:
        for line in f:
            t = line.rstrip("\n").split("\t")
            if len(t) < 15 or t[8] not in countries:
                continue
            cities.append(dict(gid=int(t[0]), name=t[1], ascii=t[2],
                               alts=t[3].split(",") if t[3] else [],
                               lat=float(t[4]), lon=float(t[5]), fcode=t[7],
                               cc=t[8], a1=t[10], pop=int(t[14] or 0)))
    cities.sort(key=lambda c: c["gid"])

    # Countries and ADM1 regions have no coordinates in these files: use the
    # mean position of their cities (longitudes as a circular mean).
    def centre(cs):
        lat = sum(c["lat"] for c in cs) / len(cs)
        x = sum(math.cos(math.radians(c["lon"])) for c in cs)
        y = sum(math.sin(math.radians(c["lon"])) for c in cs)
        return lat, math.degrees(math.atan2(y, x))
    by_cc, by_a1 = {}, {}
    for c in cities:
        by_cc.setdefault(c["cc"], []).append(c)
        if c["a1"]:
            by_a1.setdefault(c["cc"] + "." + c["a1"], []).append(c)

    def fips_of(cc, a1):
        # GeoNames has one Palestinian territory; FIPS 10-4 (and GDELT)
        # has two: the Gaza Strip (GZ) and the West Bank (WE).
        if cc == "PS" and a1 in ("GZ", "WE"):
            return a1
        return countries[cc]["fips"]

    places = []         # dicts with type, name, cc, a1, lat, lon, pop, gid
    for cc in sorted(countries):
        if cc not in by_cc:
            continue
        lat, lon = centre(by_cc[cc])
        k = countries[cc]
        places.append(dict(type=1, name=k["name"], cc=cc, a1="", lat=lat, lon=lon,
                           pop=k["pop"], gid=k["gid"], keys=[]))
    a1place = {}
    for code in sorted(admin1):
        if code not in by_a1:
            continue
        cc, a1 = code.split(".", 1)
        if cc not in countries:
            continue
        lat, lon = centre(by_a1[code])
        a1place[code] = len(places)
        places.append(dict(type=2 if cc == "US" else 5, name=admin1[code]["name"], cc=cc,
                           a1=a1, lat=lat, lon=lon, pop=sum(c["pop"] for c in by_a1[code]),
                           gid=admin1[code]["gid"], keys=[]))
    for c in cities:
        places.append(dict(type=3 if c["cc"] == "US" else 4, name=c["name"], cc=c["cc"],
                           a1=c["a1"], lat=c["lat"], lon=c["lon"], pop=c["pop"],
                           gid=c["gid"], keys=[], city=c))

    # Names: key -> list of (place index, alternate?).
    names = {}
    def add(key, pi, alt):
        if not key or key in stop:
            return
        lst = names.setdefault(key, [])
        for j, (p, a) in enumerate(lst):
            if p == pi:
                if a and not alt:
                    lst[j] = (pi, 0)
                return
        lst.append((pi, alt))
    country_place = {p["cc"]: i for i, p in enumerate(places) if p["type"] == 1}
    iso = json.load(open(isojson, encoding="utf-8"))["3166-1"]
    for i, p in enumerate(places):
        if p["type"] == 1:
            add(fold(p["name"]), i, 0)
        elif p["type"] in (2, 5):
            a = admin1[p["cc"] + "." + p["a1"]]
            add(fold(a["name"]), i, 0)
            add(fold(a["ascii"]), i, 0)
        else:
            c = p["city"]
            add(fold(c["name"]), i, 0)
            add(fold(c["ascii"]), i, 0)
    # ISO 3166 names, and the hand-written aliases.
    for e in iso:
        cc = e["alpha_2"]
        if cc not in country_place:
            continue
        for f in ("name", "common_name"):
            n = e.get(f)
            if n and "," not in n and "(" not in n:
                add(fold(n), country_place[cc], 0)
    for cc, n in aliases:
        if cc in country_place:
            add(fold(n), country_place[cc], 0)
    by_gid = {p["gid"]: i for i, p in enumerate(places) if p["type"] in (3, 4)}
    for gid, n in extra_names:
        if gid in by_gid:
            add(fold(n), by_gid[gid], 0)
    # Alternate names of cities: only the ones English news would write
    # (Latin letters, every word capitalized, not a code, not a common
    # word).
    # An alternate name that is also a main name counts only for a city
    # bigger than every place of that main name ("Washington" for
    # Washington, D.C., not for the towns called Washington).
    main_pop = {}
    for k, v in names.items():
        cp = [places[p]["pop"] for p, _ in v if places[p]["type"] in (3, 4)]
        if cp:
            main_pop[k] = max(cp)
    for i, p in enumerate(places):
        c = p.get("city")
        if not c or c["pop"] < ALT_MIN_POP:
            continue
        for a in c["alts"]:
            if len(a) < 4 or a.isupper() or any(ch.isdigit() for ch in a):
                continue
            if not all(w[:1].isupper() or w in ("al", "el", "de", "la", "an", "as", "ad", "ar")
                       for w in a.replace("-", " ").split()):
                continue
            k = fold(a)
            # ("White House" is Casablanca's, "Reading" a town's)
            if not k or k in common or k in notplace or \
                    (k in main_pop and main_pop[k] >= c["pop"]):
                continue
            add(k, i, 1)

    # Per key flags: 1 = common word, 2 = person's name (both need a cue).
    def kflags(k):
        f = 0
        if k in common:
            f |= 1
        if k in person or k in risky:
            f |= 2
        return f

    # Order: by key; a key's places by (alternate, -population, index).
    keys = sorted(names)
    for k in keys:
        names[k].sort(key=lambda pa: (pa[1], -places[pa[0]]["pop"], pa[0]))

    # String pool.
    pool, poolmap = [], {}
    size = [0]
    def s(x):
        if x in poolmap:
            return poolmap[x]
        off = size[0]
        poolmap[x] = off
        pool.append(x)
        size[0] += len(x.encode()) + 1
        return off
    s("")

    country_list = sorted(country_place)
    cindex = {cc: i for i, cc in enumerate(country_list)}
    out = sys.stdout
    out.write("/* gazetteer_table.c: generated by tools/gen-gazetteer.py from GeoNames\n"
              " * (cities15000, admin1Codes, countryInfo; CC-BY-4.0, geonames.org), ISO 3166\n"
              " * (iso-codes), WordNet and data/gazetteer.extra.txt. Do not edit; run\n"
              " * `make regen-gazetteer`. The layout is in src/enrich/gazetteer.h. */\n")
    out.write('#include "enrich/gazetteer.h"\n\n')

    lines = []
    lines.append(f"const prl_gz_country prl_gz_countries[{len(country_list)}] = {{\n")
    for cc in country_list:
        k = countries[cc]
        cam = sorted(c for c, v in cameo.items() if v == cc)
        lines.append(f"    {{{s(cc)}, {s(k['iso3'])}, {s(cam[0] if cam else '')}, "
                     f"{s(k['fips'])}, {s(k['name'])}, {country_place[cc]}}},\n")
    lines.append("};\n\n")
    lines.append(f"const prl_gz_place prl_gz_places[{len(places)}] = {{\n")
    for p in places:
        a1 = p["cc"] + "." + p["a1"] if p["a1"] else ""
        a1name = admin1[a1]["name"] if a1 in admin1 else ""
        fc = p["city"]["fcode"] if "city" in p else ""
        seat = 2 if fc == "PPLC" else 1 if fc == "PPLA" else 0
        fips = fips_of(p["cc"], p["a1"])
        if p["cc"] == "PS" and p["a1"] in ("GZ", "WE"):
            adm1 = p["a1"]
        elif a1 in admin1:
            adm1 = fips + p["a1"]
        else:
            adm1 = ""
        lines.append(f"    {{{s(p['name'])}, {s(a1name)}, {s(adm1)}, {s(fips)}, "
                     f"{round(p['lat'] * 1e5)}, {round(p['lon'] * 1e5)}, {p['pop']}u, "
                     f"{p['gid']}u, {a1place.get(a1, 0xffffffff)}u, {cindex[p['cc']]}, "
                     f"{p['type']}, {seat}}},\n")
    lines.append("};\n\n")
    refs = []
    lines.append(f"const prl_gz_key prl_gz_keys[{len(keys)}] = {{\n")
    for k in keys:
        lines.append(f"    {{{s(k)}, {len(k)}, {fnv1a(k)}u, {len(refs)}, "
                     f"{len(names[k])}, {kflags(k)}}},\n")
        refs.extend(names[k])
    lines.append("};\n\n")
    lines.append(f"const uint32_t prl_gz_refs[{len(refs)}] = {{\n")
    for j in range(0, len(refs), 8):
        lines.append("    " + " ".join(f"{p | (a << 31)}u," for p, a in refs[j:j + 8]) + "\n")
    lines.append("};\n\n")
    nh = 1
    while nh * 2 < 3 * len(keys):
        nh *= 2
    tab = [0] * nh
    for i, k in enumerate(keys):
        h = fnv1a(k) & (nh - 1)
        while tab[h]:
            h = (h + 1) & (nh - 1)
        tab[h] = i + 1
    lines.append(f"const uint32_t prl_gz_hash[{nh}] = {{\n")
    for j in range(0, nh, 12):
        lines.append("    " + " ".join(f"{v}," for v in tab[j:j + 12]) + "\n")
    lines.append("};\n\n")

    out.write(f"const char prl_gz_str[{size[0]}] =\n")
    for x in pool:
        out.write("    " + cstr(x) + ' "\\0"\n')
    out.write(";\n\n")
    out.write("".join(lines))
    out.write(f"const prl_gz_table prl_gz = {{\n    prl_gz_str, {size[0]}u,\n"
              f"    prl_gz_countries, {len(country_list)}u,\n"
              f"    prl_gz_places, {len(places)}u,\n"
              f"    prl_gz_keys, {len(keys)}u,\n"
              f"    prl_gz_refs, {len(refs)}u,\n"
              f"    prl_gz_hash, {nh}u,\n    {MAX_WORDS}u,\n}};\n")

if __name__ == "__main__":
    main()
