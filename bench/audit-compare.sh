#!/bin/bash
# Old vs new output of `gatehouse audit` (decision 030, stop 27): run once on the old code and once on the
# new, then compare. Table and --json on the sample and on the bench file (`npm run bench:audit` makes it),
# stdout, stderr and exit code each:
#   git stash; bench/audit-compare.sh save /tmp/before; git stash pop
#   bench/audit-compare.sh check /tmp/before
set -u
mode=$1; dir=$2
cd "$(dirname "$0")/.."
file=.gatehouse/bench-audit/snapshot-50000.json
out=$dir; [ "$mode" = check ] && out=$(mktemp -d)
mkdir -p "$out"
run() { local name=$1; shift; node bin/gatehouse.mjs "$@" > "$out/$name.out" 2> "$out/$name.err"; echo $? > "$out/$name.code"; }
run sample audit examples/snapshot.sample.json
run sample-json audit --json examples/snapshot.sample.json
run sample-fail-on audit --as-of 2027-03-01 --fail-on high examples/snapshot.sample.json
run bench audit --as-of 2026-12-04 "$file"
run bench-json audit --as-of 2026-12-04 --json "$file"
[ "$mode" = check ] || exit 0
status=0
for f in "$dir"/*; do
  if cmp -s "$f" "$out/$(basename "$f")"; then echo "same: $(basename "$f") ($(wc -c < "$f") bytes)"; else echo "DIFFERENT: $(basename "$f")"; status=1; fi
done
rm -rf "$out"
exit $status
