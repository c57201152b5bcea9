#!/usr/bin/env bash
# scripts/postgres.sh - a PostgreSQL server on loopback for the Helpdesk tests (HELPDESK_TEST_DATABASE=PostgreSQL).
#
# Usage (as root; Debian 12; no systemd needed):
#   scripts/postgres.sh start    install Debian's postgresql if missing, create a cluster if there is none, make it
#                                listen on 127.0.0.1 only, start it (or leave it running), create the role with
#                                CREATEDB (or reset its password), then print "postgres ready: <connection>".
#                                Safe to run any number of times.
#   scripts/postgres.sh stop     stop the cluster (its data stays).
#   scripts/postgres.sh status   exit 0 if the server accepts connections.
#
# Environment variables:
#   POSTGRES_TEST_PORT       port                  (default 5432)
#   POSTGRES_TEST_USER       role the tests use    (default helpdesk)
#   POSTGRES_TEST_PASSWORD   its password          (default helpdesk-test)
# The tests read HELPDESK_TEST_POSTGRES (default Host=127.0.0.1;Port=5432;Username=helpdesk;Password=helpdesk-test,
# see Helpdesk.Tests/TestSupport/TestDatabase.cs); change both together.
set -euo pipefail

PORT=${POSTGRES_TEST_PORT:-5432}
ROLE=${POSTGRES_TEST_USER:-helpdesk}
PASSWORD=${POSTGRES_TEST_PASSWORD:-helpdesk-test}
CLUSTER=main

say() { echo "postgres.sh: $*" >&2; }

version() { ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -1; }

install_if_missing() {
    [ -n "$(version)" ] && command -v pg_ctlcluster >/dev/null && return 0
    say "installing postgresql"
    export DEBIAN_FRONTEND=noninteractive
    local created_policy=0
    if [ ! -e /usr/sbin/policy-rc.d ]; then
        # No init system: keep the package scripts from starting the server; start below does that.
        printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d
        created_policy=1
    fi
    compgen -G '/var/lib/apt/lists/*_Packages*' >/dev/null || apt-get update
    local rc=0
    apt-get install -y postgresql || { apt-get update && apt-get install -y postgresql; } || rc=$?
    [ $created_policy = 1 ] && rm -f /usr/sbin/policy-rc.d
    return $rc
}

psql_admin() { su postgres -c "psql -p $PORT -v ON_ERROR_STOP=1 -qAtX $(printf '%q ' "$@")"; }

running() { pg_ctlcluster "$(version)" $CLUSTER status >/dev/null 2>&1; }

start() {
    install_if_missing
    local v; v=$(version)
    if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$v $CLUSTER"; then
        say "creating cluster $v/$CLUSTER"
        pg_createcluster "$v" $CLUSTER --port "$PORT" -- --auth-local=peer --auth-host=scram-sha-256 >/dev/null
    fi
    local conf=/etc/postgresql/$v/$CLUSTER/postgresql.conf
    # Debian's default is localhost; pin the address and port the tests expect.
    sed -i -E "s/^#?listen_addresses *=.*/listen_addresses = '127.0.0.1'/; s/^#?port *=.*/port = $PORT/" "$conf"
    if ! running; then
        mkdir -p /var/run/postgresql && chown postgres:postgres /var/run/postgresql
        pg_ctlcluster "$v" $CLUSTER start
    fi
    for _ in $(seq 1 30); do
        su postgres -c "pg_isready -q -h 127.0.0.1 -p $PORT" && break
        sleep 1
    done
    if [ "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'")" = 1 ]; then
        psql_admin -c "ALTER ROLE \"$ROLE\" WITH LOGIN CREATEDB PASSWORD '$PASSWORD'"
    else
        psql_admin -c "CREATE ROLE \"$ROLE\" WITH LOGIN CREATEDB PASSWORD '$PASSWORD'"
    fi
    echo "postgres ready: Host=127.0.0.1;Port=$PORT;Username=$ROLE;Password=$PASSWORD"
}

case ${1:-} in
    start) start ;;
    stop) running && pg_ctlcluster "$(version)" $CLUSTER stop || true ;;
    status) su postgres -c "pg_isready -h 127.0.0.1 -p $PORT" ;;
    *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
