#!/bin/sh
# Installs the PostgreSQL server binaries that the store tests start
# (internal/store/postgres/pgtest) on Debian or Ubuntu. Safe to re-run.
set -eu

if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    echo "install-postgres: PostgreSQL binaries already present"
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "install-postgres: run as root to apt-get install postgresql" >&2
    exit 1
fi

# Tests create their own throwaway clusters: skip the package's default one.
mkdir -p /etc/postgresql-common
if [ ! -e /etc/postgresql-common/createcluster.conf ]; then
    echo "create_main_cluster = false" >/etc/postgresql-common/createcluster.conf
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends postgresql
