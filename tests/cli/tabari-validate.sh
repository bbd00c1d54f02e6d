#!/bin/sh
# tabari-validate.sh: `parley validate` on a suite in TABARI's own format
# (tests/cli/tabari/: invented Middle-earth records, tiny .actors, .agents
# and .verbs dictionaries, an .options file and a .project file naming
# them). The suite holds one record of each kind: plain and paired events,
# {---} written both ways, {###}, {+++}, -{...}, {OPTION: ...} records, a
# record that must fail, two malformed ones, and a record without fields
# that stops the run. Also checks that `parley code --input tabari` does
# not code comment text, format detection and usage errors.
#
#   PARLEY=build/parley tests/cli/tabari-validate.sh
set -u
cd "$(dirname "$0")/../.." || exit 2
PARLEY=${PARLEY:-build/parley}
S=tests/cli/tabari
T=$(mktemp -d "${TMPDIR:-/tmp}/parley-tabari.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT INT TERM
fail=0
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
has() {     # has NAME FILE TEXT: FILE has a line containing TEXT
    grep -qF -- "$3" "$2" || { bad "$1: no line with: $3"; sed 's/^/    /' "$2" | head -n 40; }
}
hasnt() {
    if grep -qF -- "$3" "$2"; then bad "$1: unexpected line with: $3"; fi
}

# 1. the suite through its .project file (detected by the name)
"$PARLEY" validate $S/middle.project >"$T/out" 2>"$T/err"
rc=$?
[ "$rc" -eq 1 ] || bad "project: exit $rc, expected 1 (records fail)"
has "project" "$T/out" "13 passed, 4 failed, 1 skipped"
# the table: one row per id prefix
has "project" "$T/out" "PAIRED            1      0      0"
has "project" "$T/out" "NONE              2      0      0"
has "project" "$T/out" "DISCARD           2      0      0"
has "project" "$T/out" "COMPLEX           1      0      0"
has "project" "$T/out" "DASH              1      1      0"
has "project" "$T/out" "OPTION            2      0      1"
has "project" "$T/out" "COMMENT           1      0      0"
# the deliberate failure, with what was expected and what was coded
grep -A5 '^FAIL FAIL-01 (FAIL) line 76:' "$T/out" >"$T/fail1"
[ "$(sed -n 2,5p "$T/fail1" | tr '\t' ' ')" = "  expected:
    GON MOR 122
  got:
    GON MOR 112 (accused, tests/cli/tabari/middle.verbs:3)" ] ||
    { bad "FAIL-01: expected/got not reported"; cat "$T/fail1"; }
# without a dashed field an unlisted event fails the record
has "DASH-02" "$T/out" "FAIL DASH-02 (DASH) line 48:"
hasnt "DASH-01" "$T/out" "FAIL DASH-01"
# malformed records: FILE:LINE:COLUMN, and the rest go on
has "BAD-01" "$T/err" "parley: $S/middle.validation:83:4: { ROH / MOR }: not a validation field"
has "BAD-01" "$T/out" "FAIL BAD-01 (BAD) line 81: malformed validation field at line 83"
has "BAD-02" "$T/err" "parley: $S/middle.validation:87:1: unterminated comment: no */ before the record ends"
has "COMMENT-01" "$T/out" "COMMENT           1      0      0"
# options: COMMA applied (OPTION-02 passes only with comma clauses kept,
# OPTION-03 only with them dropped again); the rest named once per file
has "options" "$T/err" "parley: $S/middle.options:4: .options command \"SET: LABEL\" has no parley counterpart: not applied"
has "options" "$T/err" "parley: $S/middle.options:5: .options command \"NONEVENTS\" has no parley counterpart"
has "options" "$T/err" "parley: $S/middle.validation:61:5: .options command \"COMPLEX\" has no parley counterpart"
[ "$(grep -c '"COMPLEX"' "$T/err")" -eq 1 ] || bad "COMPLEX warned more than once"
has "project" "$T/err" "parley: $S/middle.project:11: <system> commands are not run by parley"
[ -e $S/system-command-was-run ] && { bad "<system> command was run"; rm -f $S/system-command-was-run; }
# the stop at FINAL-01: it and the two records after it are not run
has "stop" "$T/out" "note: $S/middle.validation:97: record FINAL-01 has no validation fields: validation stops there; 3 records not run (--all runs them)"
hasnt "stop" "$T/out" "AFTER-01"

# 2. the same suite with --dict and the options of its records only
"$PARLEY" validate --dict $S/middle.actors --dict $S/middle.agents --dict $S/middle.verbs \
    $S/middle.validation >"$T/out2" 2>"$T/err2"
rc=$?
[ "$rc" -eq 1 ] || bad "--dict: exit $rc, expected 1"
has "--dict" "$T/out2" "13 passed, 4 failed, 1 skipped"
hasnt "--dict" "$T/err2" "middle.options"

# 3. --all runs past the record without fields (it is skipped)
"$PARLEY" validate --all --verbose $S/middle.project >"$T/out3" 2>"$T/err3"
has "--all" "$T/out3" "SKIP FINAL-01: no validation fields"
has "--all" "$T/out3" "ok   AFTER-02"
has "--all" "$T/out3" "FAIL AFTER-01 (AFTER)"
has "--all" "$T/out3" "SKIP OPTION-01: sets options only"
has "--all" "$T/out3" "14 passed, 5 failed, 2 skipped"

# 4. --show prints the events; --trace one record's steps
"$PARLEY" validate --show --trace PAIRED-01 $S/middle.project >"$T/out4" 2>/dev/null
has "--show" "$T/out4" "ok   PAIRED-01"
grep -q '^  trace: ' "$T/out4" || bad "--trace: no trace lines"

# 5. format detection: '<' first (after blanks) is PETRARCH XML
printf '\n  <Sentences></Sentences>\n' >"$T/x.txt"
"$PARLEY" validate --dict $S/middle.actors "$T/x.txt" >"$T/out5" 2>"$T/err5"
has "detect xml" "$T/err5" "--dict is for TABARI suites"
"$PARLEY" validate --format petrarch-xml $S/middle.validation >"$T/out5" 2>"$T/err5"
rc=$?
[ "$rc" -eq 4 ] || bad "--format petrarch-xml on a TABARI file: exit $rc, expected 4"
"$PARLEY" validate --format tabari --dict $S/middle.actors --dict $S/middle.verbs \
    $S/middle.validation >"$T/out5" 2>"$T/err5"
has "--format tabari" "$T/out5" "passed"

# 6. usage and dictionary errors
"$PARLEY" validate $S/middle.validation >"$T/out6" 2>"$T/err6"
rc=$?
[ "$rc" -eq 2 ] || bad "no dictionaries: exit $rc, expected 2"
has "no dictionaries" "$T/err6" "needs dictionaries"
"$PARLEY" validate --format yaml $S/middle.validation >"$T/out6" 2>"$T/err6"
rc=$?
[ "$rc" -eq 2 ] || bad "--format yaml: exit $rc, expected 2"
printf '<actorfile> missing.actors\n<textfile> %s\n' "$PWD/$S/middle.validation" >"$T/m.project"
"$PARLEY" validate "$T/m.project" >"$T/out6" 2>"$T/err6"
rc=$?
[ "$rc" -eq 3 ] || bad "missing dictionary: exit $rc, expected 3"
has "missing dictionary" "$T/err6" "$T/missing.actors"
printf '<actorfile> %s\n' "$PWD/$S/middle.actors" >"$T/n.project"
"$PARLEY" validate "$T/n.project" >"$T/out6" 2>"$T/err6"
rc=$?
[ "$rc" -eq 2 ] || bad "no textfile: exit $rc, expected 2"
"$PARLEY" validate --help >"$T/out6" 2>&1 || bad "validate --help: nonzero exit"
has "--help" "$T/out6" "--project FILE.project"

# 7. `parley code --input tabari` does not code comment text: the comment
# names other actors and a verb of their own.
printf '000101 C-01\nGondor accused Mordor of treachery /* Rohan condemned Dale\n\\n{ ROH / DAL / 122 } */ on the road.\n' >"$T/c.tabari"
"$PARLEY" code --dict $S/middle.actors --dict $S/middle.verbs --input tabari --format tsv \
    "$T/c.tabari" >"$T/out7" 2>"$T/err7"
rc=$?
[ "$rc" -eq 0 ] || bad "code --input tabari: exit $rc"
[ "$(cut -f6-8 "$T/out7" | sed 1d | tr '\t' ' ')" = "GON MOR 112" ] ||
    { bad "code --input tabari: comment coded"; cat "$T/out7"; }
has "code text" "$T/out7" "Gondor accused Mordor of treachery on the road."
hasnt "code text" "$T/out7" "Rohan"

if [ "$fail" -eq 0 ]; then
    echo "tabari-validate.sh: all passed"
    exit 0
fi
echo "tabari-validate.sh: $fail failed"
exit 1
