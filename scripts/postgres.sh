#!/bin/sh
# Sourced by scripts/test.sh: starts a throwaway PostgreSQL server from
# Debian's package (installing it when missing) on a temporary directory
# and a free port, exports DYAD_POSTGRES_DSN, and stops it on exit.
# A DYAD_POSTGRES_DSN already set is used as it is.
pg_start() {
	[ -n "${DYAD_POSTGRES_DSN:-}" ] && return 0
	bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
	if [ -z "$bin" ]; then
		if [ "$(id -u)" != 0 ]; then
			echo "test.sh: PostgreSQL is not installed (apt-get install postgresql); its conformance run will skip (fail in CI)" >&2
			return 0
		fi
		echo "test.sh: installing PostgreSQL from Debian's package" >&2
		apt-get install -y postgresql >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y postgresql >/dev/null; } || return 1
		bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
	fi
	PG_DIR=$(mktemp -d /tmp/dyad-pg.XXXXXX)
	run=""
	if [ "$(id -u)" = 0 ]; then
		# PostgreSQL refuses to run as root.
		id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
		chown postgres "$PG_DIR"
		run="runuser -u postgres --"
	fi
	$run "$bin/initdb" -D "$PG_DIR/data" -A trust -U dyad -E UTF8 --locale=C --no-sync >"$PG_DIR/initdb.log" 2>&1 || { cat "$PG_DIR/initdb.log" >&2; return 1; }
	port=$((50000 + $$ % 10000))
	tries=0
	until $run "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w -t 30 \
		-o "-p $port -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off" start >/dev/null 2>&1; do
		tries=$((tries + 1))
		if [ $tries -ge 20 ]; then
			echo "test.sh: PostgreSQL did not start:" >&2
			cat "$PG_DIR/log" >&2
			return 1
		fi
		port=$((port + 1))
	done
	PG_BIN=$bin PG_RUN=$run
	export DYAD_POSTGRES_DSN="postgres://dyad@127.0.0.1:$port/postgres?sslmode=disable"
	trap pg_stop EXIT INT TERM
}

pg_stop() {
	if [ -n "${PG_DIR:-}" ]; then
		$PG_RUN "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1
		rm -rf "$PG_DIR"
		PG_DIR=""
	fi
}
