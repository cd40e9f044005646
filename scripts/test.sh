#!/bin/sh
# Runs Dyad's whole test suite. Tests that need the shared corpora read them
# from ../shared/data (or $DYAD_SHARED) and skip when they are absent.
set -eu
cd "$(dirname "$0")/.."
if ! command -v go >/dev/null 2>&1; then
	echo "test.sh: Go is not installed; get Go 1.26 or newer from https://go.dev/dl/" >&2
	exit 1
fi
unformatted=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))
if [ -n "$unformatted" ]; then
	echo "test.sh: gofmt would change:" >&2
	echo "$unformatted" >&2
	exit 1
fi
go vet ./...
go test -count=1 ./...
