#!/bin/sh
# Runs every fuzz target of the repository for a while each: FUZZTIME
# (default 2000x: 2000 inputs, which unlike a duration cannot end before the
# baseline corpus is run; CI runs it so through scripts/test.sh). The seed
# corpora already run in "go test"; this also mutates them. For the long
# runs recorded in docs/RELIABILITY.md, give a longer time:
#   FUZZTIME=120s ./scripts/fuzz.sh
set -eu
cd "$(dirname "$0")/.."
fuzztime=${FUZZTIME:-2000x}
log=$(mktemp)
trap 'rm -f "$log"' EXIT
for dir in $(grep -rl --include='*_test.go' '^func Fuzz' . | xargs -n1 dirname | sort -u); do
	for name in $(grep -ho '^func Fuzz[A-Za-z0-9_]*' "$dir"/*_test.go | sed 's/^func //' | sort -u); do
		echo "fuzz.sh: $dir $name for $fuzztime"
		go test "$dir" -run '^$' -fuzz "^$name\$" -fuzztime "$fuzztime" -parallel 2 >"$log" 2>&1 || {
			cat "$log" >&2
			echo "fuzz.sh: $dir $name failed; the failing input is under $dir/testdata/fuzz/$name" >&2
			exit 1
		}
	done
done
