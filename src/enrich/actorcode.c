/* actorcode.c: the actor-code splitter behind GDELT's Actor*CountryCode,
 * KnownGroupCode, EthnicCode, Religion1-2Code and Type1-3Code columns.
 *
 * A CAMEO actor code is a run of 3-character elements (CAMEO manual 1.1b3,
 * chapter 3): "USAGOV" is USA + GOV, "PSEREBHMS" is PSE + REB + HMS,
 * "IGOUNOKID" is IGO + UNO + KID. Each element goes to the first column it
 * fits, in this order (the tables overlap, so the order is the rule):
 *   1. country, while no country is set yet (so the first element, and a
 *      later one as in "NGOUSA");
 *   2. known group, while none is set (UNO, IRC, AMN are also types: as
 *      in GDELT, "IGOUNO" gives known group UNO and type IGO);
 *   3. religion 1, then religion 2;
 *   4. type 1, 2, then 3;
 *   5. ethnic group, while none is set (last: GDELT's ethnic table reuses
 *      many country, religion and type codes, e.g. "chr", "cop"); written
 *      in lower case, as GDELT writes ethnic codes.
 * An element that fits nowhere (an unknown code, a full column) is
 * skipped. Matching ignores case; a part is written as its table spells it.
 *
 * The tables below are the files data/cameo/country.txt .. type.txt
 * verbatim (test_gdelt.c checks they agree), compiled in so nothing is read
 * at run time. */
#include "enrich/actorcode.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

static const char *const country_codes[] = {
    "ABW", "AFG", "AFR", "AGO", "AIA", "ALA", "ALB", "AND", "ANT", "ARE",
    "ARG", "ARM", "ASA", "ASM", "ATF", "ATG", "AUS", "AUT", "AZE", "BDI",
    "BEL", "BEN", "BES", "BFA", "BGD", "BGR", "BHR", "BHS", "BIH", "BLK",
    "BLM", "BLR", "BLZ", "BMU", "BOL", "BRA", "BRB", "BRN", "BTN", "BVT",
    "BWA", "CAF", "CAN", "CAS", "CAU", "CCK", "CEU", "CFR", "CHE", "CHL",
    "CHN", "CIV", "CMR", "COD", "COG", "COK", "COL", "COM", "CPV", "CRB",
    "CRI", "CUB", "CUW", "CXR", "CYM", "CYP", "CZE", "DEU", "DJI", "DMA",
    "DNK", "DOM", "DZA", "EAF", "ECU", "EEU", "EGY", "EIN", "ERI", "ESH",
    "ESP", "EST", "ETH", "EUR", "FIN", "FJI", "FLK", "FRA", "FRO", "FSM",
    "GAB", "GBR", "GEO", "GGY", "GHA", "GIB", "GIN", "GLP", "GMB", "GNB",
    "GNQ", "GRC", "GRD", "GRL", "GTM", "GUF", "GUM", "GUY", "HKG", "HMD",
    "HND", "HRV", "HTI", "HUN", "IDN", "IMY", "IND", "IOT", "IRL", "IRN",
    "IRQ", "ISL", "ISR", "ITA", "JAM", "JEY", "JOR", "JPN", "KAZ", "KEN",
    "KGZ", "KHM", "KIR", "KNA", "KOR", "KSV", "KWT", "LAM", "LAO", "LBN",
    "LBR", "LBY", "LCA", "LIE", "LKA", "LSO", "LTU", "LUX", "LVA", "MAC",
    "MAF", "MAR", "MCO", "MDA", "MDG", "MDT", "MDV", "MEA", "MEX", "MHL",
    "MKD", "MLI", "MLT", "MMR", "MNE", "MNG", "MNP", "MOZ", "MRT", "MSR",
    "MTQ", "MUS", "MWI", "MYS", "MYT", "NAF", "NAM", "NCL", "NER", "NFK",
    "NGA", "NIC", "NIU", "NLD", "NMR", "NOR", "NPL", "NRU", "NZL", "OMN",
    "PAK", "PAN", "PCN", "PER", "PGS", "PHL", "PLW", "PNG", "POL", "PRI",
    "PRK", "PRT", "PRY", "PSE", "PYF", "QAT", "REU", "ROU", "RUS", "RWA",
    "SAF", "SAM", "SAS", "SAU", "SCN", "SDN", "SEA", "SEN", "SGP", "SGS",
    "SHN", "SJM", "SLB", "SLE", "SLV", "SMR", "SOM", "SPM", "SRB", "SSD",
    "STP", "SUR", "SVK", "SVN", "SWE", "SWZ", "SXM", "SYC", "SYR", "TCA",
    "TCD", "TGO", "THA", "TJK", "TKL", "TKM", "TMP", "TON", "TTO", "TUN",
    "TUR", "TUV", "TWN", "TZA", "UGA", "UKR", "UMI", "URY", "USA", "UZB",
    "VAT", "VCT", "VEN", "VGB", "VIR", "VNM", "VUT", "WAF", "WLF", "WSM",
    "WST", "YEM", "ZAF", "ZMB", "ZWE",
};

static const char *const knowngroup_codes[] = {
    "AAM", "ABD", "ACC", "ADB", "AEU", "AFB", "ALQ", "AMF", "AML", "AMN",
    "AMU", "ANO", "APE", "ARL", "ASL", "ASN", "ATD", "BCA", "BIS", "BTH",
    "CEM", "CFA", "CIS", "CMN", "COE", "CPA", "CPC", "CRC", "CSS", "CWN",
    "DFL", "EBR", "ECA", "EEC", "EFT", "ENN", "FAO", "FID", "FIS", "FLN",
    "FTA", "GCC", "GIA", "GOE", "GOS", "GSP", "GSS", "HCH", "HCR", "HEZ",
    "HIP", "HMS", "HRW", "IAC", "IAD", "IAE", "IAF", "ICC", "ICG", "ICJ",
    "ICO", "IDB", "IGC", "IHF", "ILO", "IMF", "IOM", "IPU", "IRC", "ISJ",
    "ITP", "JUR", "KDP", "KID", "LBA", "LKD", "MBR", "MRZ", "MSF", "MSP",
    "NAT", "NEP", "NON", "OAS", "OAU", "OIC", "OPC", "PAP", "PFL", "PLF",
    "PLO", "PLS", "PMD", "PRC", "PSE", "RCR", "RND", "SAA", "SAD", "SCE",
    "SHA", "SOT", "TAL", "UEM", "UNO", "WAD", "WAM", "WAS", "WBK", "WCT",
    "WEF", "WFP", "WHO", "WTO", "XFM",
};

static const char *const ethnic_codes[] = {
    "aar", "abk", "abr", "ace", "acg", "ach", "ada", "adi", "adj", "ady",
    "afa", "afr", "ahm", "ain", "aja", "aka", "aku", "ala", "alb", "ale",
    "alg", "alt", "alu", "amb", "ame", "amh", "anp", "apa", "ara", "arb",
    "arg", "arm", "arn", "arp", "arw", "asa", "ash", "asm", "ast", "asy",
    "ata", "atg", "ath", "ats", "aus", "auu", "ava", "awa", "aym", "aze",
    "bad", "bah", "bai", "bak", "bal", "bam", "ban", "baq", "bar", "bas",
    "bay", "bda", "bej", "bel", "bem", "ben", "ber", "bey", "bho", "bih",
    "bii", "bik", "bin", "bis", "bke", "bkn", "bkw", "bla", "blg", "blk",
    "bln", "bmr", "bni", "bnt", "bny", "bod", "bol", "bon", "bos", "bou",
    "bra", "brb", "bre", "brh", "brk", "brm", "bsh", "bst", "bsu", "bte",
    "btk", "bua", "bud", "bug", "bul", "byn", "cab", "cad", "cap", "car",
    "cat", "ceb", "cha", "chc", "che", "chg", "chi", "chk", "chl", "chm",
    "chn", "cho", "chp", "chr", "cht", "chv", "chw", "chy", "cir", "cmc",
    "col", "con", "cop", "cor", "cos", "cot", "cpe", "cpf", "cpp", "cre",
    "crh", "cri", "cro", "crp", "csb", "csr", "cth", "cus", "cze", "dai",
    "dak", "dal", "dam", "dan", "dao", "dar", "dau", "day", "del", "den",
    "dgr", "din", "div", "dje", "doi", "dom", "don", "dox", "dra", "dru",
    "drz", "dsb", "dua", "dut", "dyu", "dzo", "eat", "ecu", "efi", "ein",
    "eka", "eng", "esh", "est", "eth", "eur", "eve", "ewe", "ewo", "fan",
    "fao", "fat", "fij", "fil", "fin", "fiu", "fon", "fre", "fri", "frr",
    "fru", "ful", "fur", "gar", "gay", "gba", "gel", "geo", "ger", "gia",
    "gil", "gin", "gio", "gla", "gle", "glg", "glv", "gon", "gor", "gra",
    "grb", "gre", "grn", "gsw", "gua", "guj", "gun", "gwi", "had", "hai",
    "har", "hat", "hau", "haw", "haz", "her", "hgh", "hil", "him", "hin",
    "hjw", "hmn", "hmo", "hni", "hoa", "hon", "hrt", "hrv", "hsb", "hui",
    "hun", "hup", "hut", "iba", "ibo", "ice", "idg", "idn", "iii", "ijo",
    "iku", "ilo", "ind", "inh", "ipk", "ira", "iro", "ita", "jan", "jav",
    "jew", "jhw", "jin", "jol", "jpn", "kaa", "kab", "kac", "kad", "kak",
    "kal", "kam", "kan", "kao", "kar", "kas", "kau", "kav", "kaz", "kbd",
    "kby", "kch", "kha", "khi", "khk", "khm", "khu", "kik", "kin", "kir",
    "kis", "klm", "kmb", "kno", "knr", "kok", "kom", "kon", "kor", "kos",
    "kou", "kpe", "krh", "krl", "krm", "kro", "kru", "kua", "kum", "kur",
    "kut", "lad", "lak", "lam", "lao", "lar", "lav", "lba", "lds", "len",
    "lez", "lgb", "lhu", "lii", "lim", "lin", "lit", "lol", "lom", "lov",
    "loz", "lsu", "ltk", "ltn", "ltz", "lua", "lub", "lug", "luh", "lui",
    "lul", "lun", "luo", "lus", "mac", "mad", "maf", "mag", "mah", "mai",
    "mak", "mal", "man", "mao", "mar", "mas", "may", "mba", "mbe", "mbk",
    "mbo", "mbu", "mdf", "mdh", "mdi", "mdr", "men", "mia", "mic", "mij",
    "min", "miz", "mla", "mld", "mlg", "mlo", "mlt", "mnc", "mnd", "mng",
    "mnh", "mni", "mnj", "mnn", "mno", "mns", "mny", "moh", "mok", "mon",
    "mos", "mri", "mrn", "mro", "msk", "msl", "mtn", "mtz", "mun", "muo",
    "mus", "mwl", "mwr", "mya", "mye", "myn", "myv", "nag", "nah", "nai",
    "nam", "nap", "nau", "nav", "nax", "nba", "nbl", "nca", "nde", "ndo",
    "nep", "ner", "new", "ngn", "ngo", "nia", "nib", "nir", "niu", "nkm",
    "nng", "nog", "nor", "nso", "nub", "nur", "nuu", "nya", "nyk", "nym",
    "nyn", "nyo", "nze", "nzi", "oci", "ogo", "oji", "ojw", "oki", "ori",
    "orm", "oru", "osa", "oss", "oto", "ova", "paa", "pac", "pag", "pal",
    "pam", "pan", "pap", "par", "pau", "per", "pgn", "phu", "pnm", "pol",
    "pom", "pon", "por", "ppl", "pro", "pru", "psh", "pum", "pus", "qia",
    "qiz", "que", "raj", "ran", "rap", "rar", "rel", "roh", "rom", "rum",
    "run", "rup", "rus", "sad", "sag", "sah", "sal", "sar", "sas", "sat",
    "scn", "sco", "sel", "sen", "sfi", "sha", "she", "shi", "shl", "shn",
    "shy", "sid", "sin", "sio", "sla", "slo", "slr", "slv", "smi", "smo",
    "sna", "snd", "snk", "som", "son", "sot", "spa", "srd", "srn", "srp",
    "srr", "ssw", "sui", "suk", "sun", "sus", "swa", "swe", "swf", "swt",
    "tab", "tah", "tai", "tam", "tao", "tat", "taw", "tay", "tel", "tem",
    "ter", "tes", "tet", "tgk", "tgl", "tha", "tib", "tig", "tir", "tiv",
    "tkl", "tli", "tmh", "tms", "tog", "ton", "tor", "tou", "tpi", "tra",
    "tri", "trn", "tsi", "tsn", "tso", "tts", "tuj", "tuk", "tum", "tup",
    "tur", "tuu", "tvl", "twi", "twn", "tyv", "udm", "uig", "ukr", "umb",
    "und", "urd", "uzb", "vaa", "vai", "ven", "vie", "vil", "vnz", "vot",
    "wak", "wal", "war", "was", "wel", "wen", "whi", "wln", "wol", "xal",
    "xho", "xib", "xnc", "yao", "yap", "yor", "ypk", "yug", "zag", "zap",
    "zay", "zen", "zha", "znd", "zom", "zor", "zul", "zun", "zza",
};

static const char *const religion_codes[] = {
    "ADR", "ALE", "ATH", "BAH", "BUD", "CHR", "CON", "CPT", "CTH", "DOX",
    "DRZ", "HIN", "HSD", "ITR", "JAN", "JEW", "JHW", "LDS", "MOS", "MRN",
    "NRM", "PAG", "PRO", "SFI", "SHI", "SHN", "SIK", "SUN", "TAO", "UDX",
    "ZRO",
};

static const char *const type_codes[] = {
    "AGR", "AMN", "BUS", "COP", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV",
    "GOV", "GRP", "HLH", "HRI", "IGO", "IMG", "INS", "INT", "IRC", "JUD",
    "LAB", "LEG", "MED", "MIL", "MNC", "MOD", "NGM", "NGO", "OPP", "PKO",
    "RAD", "REB", "REF", "SEP", "SET", "SPY", "UAF", "UIS", "UNO",
};

#define COUNT(a) (sizeof (a) / sizeof (a)[0])

const char *const *prl_actor_table(int which, size_t *n)
{
    switch (which) {
    case PRL_ACTOR_COUNTRY: *n = COUNT(country_codes); return country_codes;
    case PRL_ACTOR_KNOWNGROUP: *n = COUNT(knowngroup_codes); return knowngroup_codes;
    case PRL_ACTOR_ETHNIC: *n = COUNT(ethnic_codes); return ethnic_codes;
    case PRL_ACTOR_RELIGION: *n = COUNT(religion_codes); return religion_codes;
    case PRL_ACTOR_TYPE: *n = COUNT(type_codes); return type_codes;
    default: *n = 0; return NULL;
    }
}

const char *prl_actor_lookup(int which, const char *code3)
{
    size_t n;
    const char *const *t = prl_actor_table(which, &n);
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcasecmp(code3, t[mid]);
        if (c == 0)
            return t[mid];
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

static void put(char dst[4], const char *src)
{
    memcpy(dst, src, 3);
    dst[3] = '\0';
}

void prl_actor_split(const char *code, prl_actor_parts *out)
{
    memset(out, 0, sizeof *out);
    if (!code)
        return;
    size_t len = strlen(code);
    for (size_t at = 0; at + 3 <= len; at += 3) {
        char el[4];
        int ok = 1;
        for (int k = 0; k < 3; k++) {
            unsigned char ch = (unsigned char)code[at + k];
            ok &= isalnum(ch) != 0;
            el[k] = (char)ch;
        }
        el[3] = '\0';
        if (!ok)
            continue;       /* "---", "/" joins and the like carry no part */
        const char *hit;
        if (!out->country[0] && (hit = prl_actor_lookup(PRL_ACTOR_COUNTRY, el))) {
            put(out->country, hit);
        } else if (!out->knowngroup[0] &&
                   (hit = prl_actor_lookup(PRL_ACTOR_KNOWNGROUP, el))) {
            put(out->knowngroup, hit);
        } else if ((hit = prl_actor_lookup(PRL_ACTOR_RELIGION, el)) &&
                   !out->religion[1][0]) {
            put(out->religion[out->religion[0][0] ? 1 : 0], hit);
        } else if ((hit = prl_actor_lookup(PRL_ACTOR_TYPE, el)) && !out->type[2][0]) {
            put(out->type[!out->type[0][0] ? 0 : !out->type[1][0] ? 1 : 2], hit);
        } else if (!out->ethnic[0] && (hit = prl_actor_lookup(PRL_ACTOR_ETHNIC, el))) {
            put(out->ethnic, hit);
        }
    }
}
