#!/bin/sh
# Dyad's demo: builds the UI when needed, ingests the example articles and
# the seed article into a store, and serves the UI and the API.
#   scripts/demo.sh [--addr 127.0.0.1:8080] [--db dyad-demo.db]
set -eu
cd "$(dirname "$0")/.."
addr=127.0.0.1:8080
db=dyad-demo.db
while [ $# -gt 0 ]; do
	case "$1" in
	--addr) addr=$2; shift 2 ;;
	--db) db=$2; shift 2 ;;
	*) echo "demo.sh: unknown argument $1 (use --addr HOST:PORT, --db PATH)" >&2; exit 2 ;;
	esac
done
scripts/ui.sh
go build -o dyad ./cmd/dyad
inputs=examples
if [ -d ../shared/seed ]; then inputs="$inputs ../shared/seed"; fi
# The seed article carries no date; the examples carry their own.
./dyad ingest $inputs --db "$db" --date 2007-06-07
echo "demo.sh: open http://$addr/#/dyad?a=IRQREB&b=IMGMUSALQ&interval=month (Ctrl-C stops)"
exec ./dyad serve --db "$db" --addr "$addr"
