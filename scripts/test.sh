#!/bin/sh
# Runs Dyad's whole test suite. Tests that need the shared corpora read them
# from ../shared/data (or $DYAD_SHARED) and skip when they are absent. A
# PostgreSQL server is started for the store's tests (scripts/postgres.sh).
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
go mod tidy -diff
# The evaluation commands are built into cmd/dyad only with -tags eval, so
# that build is vetted, checked and tested too.
go vet ./...
go vet -tags eval ./cmd/dyad
staticcheck_version=0.8.2
staticcheck=$(go env GOPATH)/bin/staticcheck
if ! "$staticcheck" -version 2>/dev/null | grep -q "$staticcheck_version"; then
	go install "honnef.co/go/tools/cmd/staticcheck@v$staticcheck_version"
fi
"$staticcheck" ./...
"$staticcheck" -tags eval ./cmd/dyad
# The UI's bundle (embedded by package web) and headless Chromium for the
# browser tests in cmd/dyad (TestUI).
scripts/ui.sh
if ! command -v chromium >/dev/null 2>&1 && [ -z "${DYAD_CHROMIUM:-}" ]; then
	echo "test.sh: installing Debian's chromium for the browser tests" >&2
	if [ "$(id -u)" = 0 ]; then sudo=; else sudo=sudo; fi
	$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
fi
# The store's conformance suite runs against a real PostgreSQL server.
. scripts/postgres.sh
pg_start
# The binary builds without cgo, statically linked, as the README says.
static=$(mktemp -d)
CGO_ENABLED=0 go build -o "$static/dyad" ./cmd/dyad
if ! go version -m "$static/dyad" | grep -q 'CGO_ENABLED=0'; then
	echo "test.sh: dyad did not build with CGO_ENABLED=0" >&2
	exit 1
fi
rm -rf "$static"
go test -count=1 ./...
go test -count=1 -tags eval ./cmd/dyad
# In CI (.ci/run), every fuzz target also mutates its corpus for 2000 inputs.
if [ "${DYAD_REQUIRE_SHARED:-}" = 1 ]; then
	./scripts/fuzz.sh
fi
