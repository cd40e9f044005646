#!/bin/sh
# Builds Dyad's UI bundle (web/dist, embedded in the dyad binary) when it
# is missing or older than its sources: npm ci from web/package-lock.json
# when web/node_modules is missing, then esbuild through `go run ./web/build`.
set -eu
cd "$(dirname "$0")/.."
if [ ! -d web/node_modules ] || [ web/package-lock.json -nt web/node_modules ]; then
	if ! command -v npm >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
		apt-get install -y npm >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y npm >/dev/null; } || true
	fi
	if ! command -v npm >/dev/null 2>&1; then
		echo "ui.sh: npm is needed once to fetch the UI's libraries (Debian: apt-get install npm)" >&2
		exit 1
	fi
	(cd web && npm ci --no-audit --no-fund --loglevel=error)
fi
if [ ! -f web/dist/index.html ] || [ -n "$(find web/src -newer web/dist/index.html -print -quit)" ]; then
	go run ./web/build
fi
