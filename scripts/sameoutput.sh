#!/bin/sh
# Checks that dyad built from the working tree gives exactly the output of
# dyad built at another commit (default main) on real text: every sentence,
# token, tag, lemma, head, label and entity of `dyad parse --format json`
# and every event of `dyad code --json`, over UD EWT dev and train (their
# sentences as running text) and the shared news pages and texts. It is
# the test for changes that must not change a parse: model formats,
# loading, speed-ups.
#
#   scripts/sameoutput.sh [REV]      # exit status 1 if any output differs
set -eu
cd "$(dirname "$0")/.."
rev=${1:-main}
shared=${DYAD_SHARED:-../shared/data}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/old"
git archive "$rev" | tar -x -C "$tmp/old"
(cd "$tmp/old" && CGO_ENABLED=0 go build -o "$tmp/dyad-old" ./cmd/dyad)
CGO_ENABLED=0 go build -o "$tmp/dyad-new" ./cmd/dyad
for part in dev train; do
	sed -n 's/^# text = //p' "$shared/nlp/ud-ewt/en_ewt-ud-$part.conllu" >"$tmp/ewt-$part.txt"
done
"$tmp/dyad-new" extract --json "$shared/news/text/bbc-2005" "$shared/news/html" \
	"$shared/extraction/scrapinghub/html" >"$tmp/news.jsonl" 2>/dev/null || [ -s "$tmp/news.jsonl" ]
for v in old new; do
	for part in dev train; do
		"$tmp/dyad-$v" parse --plain --format json "$tmp/ewt-$part.txt" >"$tmp/$v-ewt-$part"
	done
	"$tmp/dyad-$v" parse --format json "$tmp/news.jsonl" >"$tmp/$v-news"
	"$tmp/dyad-$v" code --json "$tmp/news.jsonl" >"$tmp/$v-events" 2>/dev/null
done
echo "sameoutput: $rev ($(git rev-parse --short "$rev")) against the working tree, $(wc -l <"$tmp/news.jsonl") news articles"
status=0
for out in ewt-dev ewt-train news events; do
	if cmp -s "$tmp/old-$out" "$tmp/new-$out"; then
		echo "same: $out ($(wc -c <"$tmp/new-$out") bytes)"
	else
		echo "DIFFERENT: $out" >&2
		status=1
	fi
done
exit $status
