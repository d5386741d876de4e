# shellcheck shell=bash
# Throwaway PostgreSQL cluster for the test suite (bash only).
# `source .ci/postgres.sh` starts one on 127.0.0.1 and exports QUIZGEN_TEST_DB; `postgres_stop` deletes it.

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    echo "usage: source ${BASH_SOURCE[0]}   # then postgres_stop when done" >&2
    exit 2
fi

_pg_log() {
    printf 'postgres.sh: %s\n' "$*" >&2
}

_pg_find_bindir() {
    local ctl
    # Debian keeps each major version off PATH under /usr/lib/postgresql; take the newest.
    ctl=$(printf '%s\n' /usr/lib/postgresql/*/bin/pg_ctl | sort -V | tail -n 1)
    if [[ ! -x "$ctl" ]]; then
        ctl=$(command -v pg_ctl) || return 1
    fi
    # initdb must come from the same installation as pg_ctl, even when PATH holds a symlink.
    ctl=$(readlink -f "$ctl")
    [[ -x "$(dirname "$ctl")/initdb" ]] || return 1
    dirname "$ctl"
}

_pg_install() {
    if [[ $EUID -ne 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
        _pg_log "no pg_ctl under /usr/lib/postgresql/*/bin or on PATH; please install PostgreSQL"
        return 1
    fi
    _pg_log "no PostgreSQL found, installing it from Debian packages"
    DEBIAN_FRONTEND=noninteractive apt-get update -q &&
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postgresql
}

_pg_free_port() {
    local port
    if port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null) &&
        [[ -n "$port" ]]; then
        echo "$port"
        return 0
    fi
    for ((port = 54329; port < 54529; port++)); do
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return 0
        fi
    done
    return 1
}

_pg_random_password() {
    # Hex keeps the password safe to embed in a URL without escaping.
    openssl rand -hex 16 2>/dev/null || od -An -N16 -tx1 /dev/urandom | tr -d ' \n'
}

# PostgreSQL refuses to run as root, so root hands the cluster to the postgres system user.
_pg_as_owner() {
    if [[ $EUID -eq 0 ]]; then
        (cd "$_PG_DIR" && runuser -u postgres -- "$@")
    else
        (cd "$_PG_DIR" && "$@")
    fi
}

postgres_start() {
    local bindir port password
    if [[ -n "${_PG_DIR:-}" ]]; then
        _pg_log "a cluster is already running in $_PG_DIR"
        return 1
    fi
    if ! bindir=$(_pg_find_bindir); then
        _pg_install || return 1
        bindir=$(_pg_find_bindir) || { _pg_log "PostgreSQL installed but pg_ctl/initdb not found"; return 1; }
    fi

    _PG_BINDIR=$bindir
    _PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/quizgen-pg.XXXXXX") || return 1
    if [[ $EUID -eq 0 ]]; then
        if ! id -u postgres >/dev/null 2>&1; then
            useradd --system --user-group --no-create-home --home-dir /nonexistent \
                --shell /usr/sbin/nologin postgres || { postgres_stop; return 1; }
        fi
        chown postgres: "$_PG_DIR"
        if ! runuser -u postgres -- test -w "$_PG_DIR"; then
            _pg_log "$_PG_DIR is not reachable by the postgres user; set TMPDIR to a shared directory"
            postgres_stop
            return 1
        fi
    fi

    password=$(_pg_random_password)
    if [[ ${#password} -ne 32 ]]; then
        _pg_log "could not generate a password"
        postgres_stop
        return 1
    fi
    port=$(_pg_free_port) || { _pg_log "no free TCP port found"; postgres_stop; return 1; }

    (umask 077 && printf '%s\n' "$password" >"$_PG_DIR/pwfile")
    [[ $EUID -ne 0 ]] || chown postgres: "$_PG_DIR/pwfile"
    if ! _pg_as_owner "$bindir/initdb" -D "$_PG_DIR/data" -U quizgen --pwfile="$_PG_DIR/pwfile" \
        --auth=scram-sha-256 -E UTF8 --no-locale --no-sync >"$_PG_DIR/initdb.log" 2>&1; then
        _pg_log "initdb failed:"
        tail -n 40 "$_PG_DIR/initdb.log" >&2
        postgres_stop
        return 1
    fi
    rm -f "$_PG_DIR/pwfile"

    # A private socket directory keeps clear of any other local server; durability is
    # pointless for a cluster that is deleted afterwards and would only slow the tests.
    cat >>"$_PG_DIR/data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$_PG_DIR'
fsync = off
synchronous_commit = off
full_page_writes = off
EOF

    if ! _pg_as_owner "$bindir/pg_ctl" -D "$_PG_DIR/data" -l "$_PG_DIR/postgres.log" -w -t 60 start >/dev/null; then
        _pg_log "server failed to start; end of its log:"
        tail -n 40 "$_PG_DIR/postgres.log" >&2
        postgres_stop
        return 1
    fi

    export QUIZGEN_TEST_DB="postgresql+psycopg://quizgen:${password}@127.0.0.1:${port}/postgres"
    _pg_log "$("$bindir/postgres" --version) running in $_PG_DIR"
    _pg_log "QUIZGEN_TEST_DB=postgresql+psycopg://quizgen:***@127.0.0.1:${port}/postgres"
}

# Always succeeds, so that it cannot turn a passing run into a failing one from an EXIT trap.
postgres_stop() {
    if [[ -z "${_PG_DIR:-}" ]]; then
        return 0
    fi
    if [[ -f "$_PG_DIR/data/postmaster.pid" ]]; then
        _pg_as_owner "$_PG_BINDIR/pg_ctl" -D "$_PG_DIR/data" -m fast -w -t 30 stop >/dev/null ||
            _pg_as_owner "$_PG_BINDIR/pg_ctl" -D "$_PG_DIR/data" -m immediate -w -t 30 stop >/dev/null ||
            _pg_log "could not stop the server in $_PG_DIR"
    fi
    rm -rf "$_PG_DIR" || true
    unset _PG_DIR _PG_BINDIR QUIZGEN_TEST_DB
    return 0
}

postgres_start
