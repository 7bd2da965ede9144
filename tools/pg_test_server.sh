#!/usr/bin/env bash
# A throwaway PostgreSQL server for the store tests and CI: `start` (initialise once, then start;
# nothing when already running) or `stop`. It listens on 127.0.0.1:54329 only, trusts local
# connections, and keeps its cluster in /tmp/eventwire-pg (owned by `postgres` when run as root).
# Tests reach it as EVENTWIRE_TEST_POSTGRES=postgresql://postgres@127.0.0.1:54329/postgres.
set -euo pipefail

DATA=${EVENTWIRE_PG_DATA:-/tmp/eventwire-pg}
PORT=${EVENTWIRE_PG_PORT:-54329}

server_bin() {
    ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

# Run a command as the cluster's owner: `postgres` for root (initdb refuses root), else oneself.
as_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

BIN=$(server_bin)
if [ -z "$BIN" ] || [ ! -x "$BIN/pg_ctl" ]; then
    [ "${1:-}" = stop ] && exit 0
    echo "PostgreSQL server binaries not found: installing Debian's postgresql" >&2
    apt-get update -q && apt-get install -y -q postgresql
    BIN=$(server_bin)
fi

case "${1:-}" in
start)
    if [ ! -f "$DATA/PG_VERSION" ]; then
        mkdir -p "$DATA"
        [ "$(id -u)" = 0 ] && chown postgres: "$DATA"
        chmod 700 "$DATA"
        as_owner "$BIN/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
        cat <<EOF | as_owner tee -a "$DATA/postgresql.conf" >/dev/null
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = ''
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
    fi
    if as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
        echo "PostgreSQL test server already running on 127.0.0.1:$PORT"
    else
        as_owner "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w start >/dev/null
        echo "PostgreSQL test server started on 127.0.0.1:$PORT ($DATA)"
    fi
    ;;
stop)
    if [ -f "$DATA/PG_VERSION" ] && as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
        as_owner "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null
        echo "PostgreSQL test server stopped"
    fi
    ;;
*)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
