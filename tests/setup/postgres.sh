#!/usr/bin/env bash
# Makes a PostgreSQL server available on loopback for the clustered-mode tests, and prints its
# connection string (without a database name) as the last line of output.
#
# Installs Debian's postgresql when it is missing, starts the default cluster on 127.0.0.1 when it
# is down, and creates a login role that may create the tests' throw-away databases. Idempotent,
# and fast (well under a second) when the server is already up.
#
# Env: CLOUDMGMT_PG_PORT (default: the cluster's own port, 5432 on a fresh install),
#      CLOUDMGMT_PG_USER / CLOUDMGMT_PG_PASSWORD (default cloudmgmt_test / cloudmgmt_test).
set -euo pipefail
user="${CLOUDMGMT_PG_USER:-cloudmgmt_test}"
password="${CLOUDMGMT_PG_PASSWORD:-cloudmgmt_test}"

if ! command -v pg_ctlcluster >/dev/null; then
  [ "$(id -u)" = 0 ] || { echo "postgresql is not installed and this is not root: apt-get install postgresql" >&2; exit 1; }
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >&2
  apt-get install -y -q --no-install-recommends postgresql >&2
fi

version="$(ls /usr/lib/postgresql | sort -V | tail -1)"
cluster=main
if ! pg_lsclusters -h | awk -v v="$version" -v c="$cluster" '$1==v && $2==c {found=1} END {exit !found}'; then
  pg_createcluster "$version" "$cluster" >&2
fi
port="${CLOUDMGMT_PG_PORT:-$(pg_lsclusters -h | awk -v v="$version" -v c="$cluster" '$1==v && $2==c {print $3}')}"

# Debian's package does not start the server here; and pg_ctlcluster must run as the cluster's
# owner, with the server options after "--" (see stack-notes: the pg_ctlcluster trap).
if ! pg_isready -q -h 127.0.0.1 -p "$port"; then
  if pg_lsclusters -h | awk -v v="$version" -v c="$cluster" '$1==v && $2==c && $4=="online" {found=1} END {exit !found}'; then
    runuser -u postgres -- pg_ctlcluster "$version" "$cluster" stop >&2 || true
  fi
  runuser -u postgres -- pg_ctlcluster "$version" "$cluster" start -- \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c max_connections=300" >&2
  for _ in $(seq 1 100); do
    pg_isready -q -h 127.0.0.1 -p "$port" && break
    sleep 0.1 # polling a real server's start-up
  done
  pg_isready -q -h 127.0.0.1 -p "$port" || { echo "PostgreSQL did not start on 127.0.0.1:$port" >&2; exit 1; }
fi

# The role may create databases: each test class works in a fresh one and drops it afterwards.
runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 -p "$port" -h /var/run/postgresql -d postgres >&2 <<SQL
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$user') THEN
    CREATE ROLE "$user" LOGIN CREATEDB PASSWORD '$password';
  END IF;
END
\$\$;
SQL

echo "Host=127.0.0.1;Port=$port;Username=$user;Password=$password"
