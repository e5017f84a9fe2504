#!/usr/bin/env bash
# up.sh - stand up a minimal, real OpenStack (Zed, from Debian bookworm's own
# packages) on 127.0.0.1 only, for the OpenStack adapter's integration tests
# (tests/CloudMgmt.Adapters.OpenStack.Tests runs it; tests/run-all.sh starts it
# early, in parallel with the build). Derived from the workplace's reference peer
# set-up; the project carries its own copy so that a clone needs nothing else.
#
# What runs (each a plain background process, PID files under $STATE/run):
#   mariadb    private instance   127.0.0.1:3307   (databases keystone, placement, nova_api, nova_cell0, nova_cell1)
#   keystone   identity v3        uwsgi  127.0.0.1:5000
#   placement  placement 1.x      uwsgi  127.0.0.1:8778
#   nova-api   compute v2.1       uwsgi  127.0.0.1:8774
#   rabbitmq   AMQP bus for nova  beam   127.0.0.1:5672   (+ epmd 127.0.0.1:4369, dist 127.0.0.1:25672)
#   nova-conductor, nova-scheduler, nova-compute (virt driver: fake.*Driver, no libvirt/qemu)
#   stub       tiny stand-ins for the image (9292) and network (9696) APIs, only as much
#              as nova needs to boot/delete servers with "networks": "none"
#
# Usage (as root):  [OPENSTACK_PEER_STATE=/tmp/openstack-peer] ./up.sh
#   then:           . "$OPENSTACK_PEER_STATE/openrc"
# Idempotent: a second run leaves running services alone and re-checks health.
# Stop with down.sh; reset everything with: ./down.sh && rm -rf "$OPENSTACK_PEER_STATE".
#
# Knobs (environment variables, all optional):
#   OPENSTACK_PEER_STATE            state folder (configs, MariaDB data, keys, logs, PIDs)   /tmp/openstack-peer
#   OPENSTACK_PEER_COMPUTE          1 = also run rabbitmq + conductor/scheduler/compute, 0 = APIs only   1
#   OPENSTACK_PEER_COMPUTES         number of fake nova-compute hosts (peer-compute-1..N)   1
#   OPENSTACK_PEER_COMPUTE_DRIVER   fake.MediumFakeDriver (10 vCPU, 8 GiB, 1028 GB per host);
#                                   fake.SmallFakeDriver (2/8192/1028), fake.FakeDriver (1000/800000/600000)
#   OPENSTACK_PEER_ADMIN_PASSWORD   admin's password                     peer-admin
#   OPENSTACK_PEER_SERVICE_PASSWORD password of the nova/placement service users   peer-service
#   OPENSTACK_PEER_SKIP_INSTALL     1 = never call apt-get (fail if packages are missing)   0
#   OPENSTACK_PEER_{KEYSTONE,PLACEMENT,NOVA,RABBIT,EPMD,IMAGE,NETWORK,DB}_PORT   5000 8778 8774 5672 4369 9292 9696 3307
#   OPENSTACK_PEER_TIMEOUT          seconds to wait for each service to become healthy   180
set -euo pipefail

# ---------------------------------------------------------------------------
# Settings
# ---------------------------------------------------------------------------
STATE="$(realpath -m "${OPENSTACK_PEER_STATE:-/tmp/openstack-peer}")"
HOST=127.0.0.1
KEYSTONE_PORT="${OPENSTACK_PEER_KEYSTONE_PORT:-5000}"
PLACEMENT_PORT="${OPENSTACK_PEER_PLACEMENT_PORT:-8778}"
NOVA_PORT="${OPENSTACK_PEER_NOVA_PORT:-8774}"
RABBIT_PORT="${OPENSTACK_PEER_RABBIT_PORT:-5672}"
RABBIT_DIST_PORT=$((RABBIT_PORT + 20000))
EPMD_PORT="${OPENSTACK_PEER_EPMD_PORT:-4369}"
IMAGE_PORT="${OPENSTACK_PEER_IMAGE_PORT:-9292}"
NETWORK_PORT="${OPENSTACK_PEER_NETWORK_PORT:-9696}"
DB_PORT="${OPENSTACK_PEER_DB_PORT:-3307}"
WITH_COMPUTE="${OPENSTACK_PEER_COMPUTE:-1}"
COMPUTES="${OPENSTACK_PEER_COMPUTES:-1}"
COMPUTE_DRIVER="${OPENSTACK_PEER_COMPUTE_DRIVER:-fake.MediumFakeDriver}"
ADMIN_PASSWORD="${OPENSTACK_PEER_ADMIN_PASSWORD:-peer-admin}"
SERVICE_PASSWORD="${OPENSTACK_PEER_SERVICE_PASSWORD:-peer-service}"
RABBIT_USER=openstack
RABBIT_PASSWORD="$SERVICE_PASSWORD"
DB_USER=openstack
DB_PASSWORD="$SERVICE_PASSWORD"
TIMEOUT="${OPENSTACK_PEER_TIMEOUT:-180}"
REGION=RegionOne
IMAGE_ID=6d1f3e2a-5b4c-4e8f-9a0b-000000000001   # the one image the image stub serves

KEYSTONE_URL="http://$HOST:$KEYSTONE_PORT"
PLACEMENT_URL="http://$HOST:$PLACEMENT_PORT"
NOVA_URL="http://$HOST:$NOVA_PORT/v2.1"
IMAGE_URL="http://$HOST:$IMAGE_PORT"
NETWORK_URL="http://$HOST:$NETWORK_PORT"

# Always Debian's interpreter: the packages live in /usr/lib/python3/dist-packages,
# and a python3 earlier in PATH (pyenv, venv) would not see them.
PY=/usr/bin/python3
UWSGI=/usr/bin/uwsgi-core

ETC="$STATE/etc"; LOG="$STATE/log"; RUN="$STATE/run"; DATA="$STATE/data"; BIN="$STATE/bin"
T0=$(date +%s)

log() { printf '[up.sh %3ss] %s\n' "$(( $(date +%s) - T0 ))" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

[ "$(id -u)" = 0 ] || die "run as root (apt-get, and services run as root)"

# ---------------------------------------------------------------------------
# 1. Packages (Debian bookworm, OpenStack Zed). Python libraries only: the
#    service packages (keystone, nova-api, ...) would run dbconfig-common and
#    init scripts; we configure and start everything ourselves instead.
# ---------------------------------------------------------------------------
PKGS=(python3-keystone python3-placement python3-nova python3-pymysql uwsgi-core uwsgi-plugin-python3
      mariadb-server curl jq)
[ "$WITH_COMPUTE" = 1 ] && PKGS+=(rabbitmq-server)

mkdir -p "$ETC/keystone" "$ETC/placement" "$ETC/nova" "$LOG" "$RUN" "$DATA" "$BIN" \
         "$STATE/keystone/fernet-keys" "$STATE/keystone/credential-keys" \
         "$STATE/nova/instances" "$STATE/nova/lock" "$STATE/rabbitmq"
chmod 700 "$STATE/keystone" "$STATE/keystone/fernet-keys" "$STATE/keystone/credential-keys"

missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  [ "${OPENSTACK_PEER_SKIP_INSTALL:-0}" = 1 ] && die "missing packages: ${missing[*]}"
  log "installing: ${missing[*]} (takes ~3 min on 2 cores)"
  # Keep maintainer scripts from starting services (rabbitmq-server would
  # otherwise start on 0.0.0.0 as a system service): policy-rc.d exit 101.
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
    trap 'rm -f /usr/sbin/policy-rc.d' EXIT   # ours: removed again whatever happens
  fi
  export DEBIAN_FRONTEND=noninteractive
  if ! { apt-get update -q && apt-get install -y -q --no-install-recommends "${missing[@]}"; } >>"$LOG/apt.log" 2>&1; then
    tail -30 "$LOG/apt.log" >&2
    die "apt-get failed (log: $LOG/apt.log)"
  fi
  log "packages installed"
fi


# ---------------------------------------------------------------------------
# Process helpers. A PID file holds "PID STARTTIME" (field 22 of
# /proc/PID/stat), so a recycled PID is never mistaken for ours.
# ---------------------------------------------------------------------------
starttime() { cut -d')' -f2- "/proc/$1/stat" 2>/dev/null | awk '{print $20}'; }

is_running() {   # is_running NAME
  local f="$RUN/$1.pid" pid st
  [ -f "$f" ] || return 1
  read -r pid st < "$f" || return 1
  [ -n "$pid" ] && [ "$(starttime "$pid")" = "$st" ]
}

port_busy() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }

start_bg() {     # start_bg NAME PORT|- COMMAND...  (output goes to $LOG/NAME.log)
  local name=$1 port=$2; shift 2
  if is_running "$name"; then log "$name already running (pid $(cut -d' ' -f1 "$RUN/$name.pid"))"; return 0; fi
  if [ "$port" != - ] && port_busy "$port"; then
    die "port $HOST:$port (for $name) is taken by a process up.sh did not start"
  fi
  # setsid: own session, so a Ctrl-C in the caller's terminal does not reach it.
  # In a non-interactive script the child is no group leader, so setsid does not
  # fork and $! is the service's own PID.
  setsid "$@" >>"$LOG/$name.log" 2>&1 </dev/null &
  local pid=$!
  sleep 0.2
  echo "$pid $(starttime "$pid")" > "$RUN/$name.pid"
  is_running "$name" || { tail -20 "$LOG/$name.log" >&2; die "$name exited at once (log: $LOG/$name.log)"; }
  log "started $name (pid $pid)"
}

wait_until() {   # wait_until DESCRIPTION NAME-OF-PROCESS-TO-WATCH|- COMMAND...
  local what=$1 name=$2; shift 2
  local deadline=$(( $(date +%s) + TIMEOUT ))
  until "$@" >/dev/null 2>&1; do
    if [ "$name" != - ] && ! is_running "$name"; then
      tail -30 "$LOG/$name.log" >&2; die "$name died while waiting for: $what (log: $LOG/$name.log)"
    fi
    [ "$(date +%s)" -lt "$deadline" ] || die "timed out after ${TIMEOUT}s waiting for: $what"
    sleep 1
  done
  log "ready: $what"
}

http_ok() { curl -sf -o /dev/null --max-time 5 "$1"; }   # 2xx/3xx

# One thread per worker (eventlet-patched nova wants that; keystone/placement
# scale by processes) and --lazy-apps: each worker loads the app, and opens its
# DB connections, after the fork. uwsgi's --http-socket closes the connection
# after each response without saying so; "Connection: close" tells clients not
# to reuse it (else pooled clients - keystoneauth, .NET HttpClient - fail at random).
uwsgi_cmd() {    # uwsgi_cmd PORT WSGI-FILE PROCESSES THREADS -> sets array UW (the command line)
  UW=("$UWSGI" --plugin python3 --http-socket "$HOST:$1" --wsgi-file "$2"
      --master --processes "$3" --threads "$4" --enable-threads
      --die-on-term --need-app --lazy-apps --buffer-size 65535 --disable-logging --log-4xx --log-5xx
      --add-header 'Connection: close')
}

# ---------------------------------------------------------------------------
# 2. Configuration files (rewritten on every run; state stays)
# ---------------------------------------------------------------------------
db_url() { echo "mysql+pymysql://$DB_USER:$DB_PASSWORD@$HOST:$DB_PORT/$1?charset=utf8"; }

authtoken() {    # [keystone_authtoken] section for a service user
  cat <<EOF
[keystone_authtoken]
www_authenticate_uri = $KEYSTONE_URL
auth_url = $KEYSTONE_URL
auth_type = password
user_domain_name = Default
project_domain_name = Default
project_name = service
username = $1
password = $SERVICE_PASSWORD
region_name = $REGION
EOF
}

cat > "$ETC/keystone/keystone.conf" <<EOF
[DEFAULT]
debug = false
[database]
connection = $(db_url keystone)
[token]
provider = fernet
expiration = 14400
[fernet_tokens]
key_repository = $STATE/keystone/fernet-keys
[fernet_receipts]
key_repository = $STATE/keystone/fernet-keys
[credential]
key_repository = $STATE/keystone/credential-keys
[identity]
# bcrypt cost 4 (the minimum): password checks take ms instead of ~0.25 s
password_hash_rounds = 4
EOF

{ cat <<EOF
[DEFAULT]
debug = false
[api]
auth_strategy = keystone
[placement_database]
connection = $(db_url placement)
EOF
  authtoken placement; } > "$ETC/placement/placement.conf"

{ cat <<EOF
[DEFAULT]
debug = false
host = openstack-peer
my_ip = $HOST
state_path = $STATE/nova
instances_path = $STATE/nova/instances
transport_url = rabbit://$RABBIT_USER:$RABBIT_PASSWORD@$HOST:$RABBIT_PORT/
compute_driver = $COMPUTE_DRIVER
enabled_apis = osapi_compute
# no neutron: do not poll it for instance network info
heal_instance_info_cache_interval = -1
[api]
auth_strategy = keystone
[api_database]
connection = $(db_url nova_api)
[database]
connection = $(db_url nova_cell1)
[wsgi]
api_paste_config = $ETC/nova/api-paste.ini
[conductor]
workers = 1
[scheduler]
workers = 1
# new fake compute hosts are mapped to cell1 within a minute
discover_hosts_in_cells_interval = 60
[oslo_concurrency]
lock_path = $STATE/nova/lock
[oslo_messaging_rabbit]
heartbeat_timeout_threshold = 0
[vnc]
enabled = false
[placement]
auth_type = password
auth_url = $KEYSTONE_URL
user_domain_name = Default
project_domain_name = Default
project_name = service
username = nova
password = $SERVICE_PASSWORD
region_name = $REGION
valid_interfaces = public
[glance]
endpoint_override = $IMAGE_URL
[neutron]
endpoint_override = $NETWORK_URL
auth_type = password
auth_url = $KEYSTONE_URL
user_domain_name = Default
project_domain_name = Default
project_name = service
username = nova
password = $SERVICE_PASSWORD
region_name = $REGION
EOF
  authtoken nova; } > "$ETC/nova/nova.conf"

for i in $(seq 1 "$COMPUTES"); do   # per-compute-host override: its name
  printf '[DEFAULT]\nhost = peer-compute-%s\n' "$i" > "$ETC/nova/nova-compute-$i.conf"
done

# Nova's paste pipeline (the osapi_compute part of nova's etc/nova/api-paste.ini;
# Debian ships it in nova-common, which we do not install).
cat > "$ETC/nova/api-paste.ini" <<EOF
[composite:osapi_compute]
use = call:nova.api.openstack.urlmap:urlmap_factory
/: oscomputeversions
/v2: oscomputeversion_legacy_v2
/v2.1: oscomputeversion_v2
/v2/+: openstack_compute_api_v21_legacy_v2_compatible
/v2.1/+: openstack_compute_api_v21

[composite:openstack_compute_api_v21]
use = call:nova.api.auth:pipeline_factory_v21
keystone = healthcheck cors http_proxy_to_wsgi compute_req_id faultwrap request_log sizelimit osprofiler authtoken keystonecontext osapi_compute_app_v21

[composite:openstack_compute_api_v21_legacy_v2_compatible]
use = call:nova.api.auth:pipeline_factory_v21
keystone = healthcheck cors http_proxy_to_wsgi compute_req_id faultwrap request_log sizelimit osprofiler authtoken keystonecontext legacy_v2_compatible osapi_compute_app_v21

[filter:healthcheck]
use = egg:oslo.middleware#healthcheck
backends = disable_by_file
disable_by_file_path = $STATE/nova/healthcheck_disable

[filter:request_log]
paste.filter_factory = nova.api.openstack.requestlog:RequestLog.factory

[filter:compute_req_id]
paste.filter_factory = nova.api.compute_req_id:ComputeReqIdMiddleware.factory

[filter:faultwrap]
paste.filter_factory = nova.api.openstack:FaultWrapper.factory

[filter:osprofiler]
paste.filter_factory = nova.profiler:WsgiMiddleware.factory

[filter:sizelimit]
paste.filter_factory = oslo_middleware:RequestBodySizeLimiter.factory

[filter:http_proxy_to_wsgi]
paste.filter_factory = oslo_middleware.http_proxy_to_wsgi:HTTPProxyToWSGI.factory

[filter:legacy_v2_compatible]
paste.filter_factory = nova.api.openstack:LegacyV2CompatibleWrapper.factory

[app:osapi_compute_app_v21]
paste.app_factory = nova.api.openstack.compute:APIRouterV21.factory

[pipeline:oscomputeversions]
pipeline = cors faultwrap request_log http_proxy_to_wsgi oscomputeversionapp

[pipeline:oscomputeversion_v2]
pipeline = cors compute_req_id faultwrap request_log http_proxy_to_wsgi oscomputeversionapp_v2

[pipeline:oscomputeversion_legacy_v2]
pipeline = cors compute_req_id faultwrap request_log http_proxy_to_wsgi legacy_v2_compatible oscomputeversionapp_v2

[app:oscomputeversionapp]
paste.app_factory = nova.api.openstack.compute.versions:Versions.factory

[app:oscomputeversionapp_v2]
paste.app_factory = nova.api.openstack.compute.versions:VersionsV2.factory

[filter:cors]
paste.filter_factory = oslo_middleware.cors:filter_factory
oslo_config_project = nova

[filter:keystonecontext]
paste.filter_factory = nova.api.auth:NovaKeystoneContext.factory

[filter:authtoken]
paste.filter_factory = keystonemiddleware.auth_token:filter_factory
EOF

# Small launchers (what Debian's service packages would put in /usr/bin).
cat > "$BIN/nova-api-wsgi.py" <<'EOF'
from nova.api.openstack.compute.wsgi import init_application
application = init_application()
EOF
for svc in conductor scheduler compute manage; do
  printf '#!%s\nimport sys\nfrom nova.cmd.%s import main\nsys.exit(main())\n' "$PY" "$svc" > "$BIN/nova-$svc"
  chmod 755 "$BIN/nova-$svc"
done

# The image/network stand-ins. Nova needs an image API to look up imageRef and a
# network API to list (no) ports of a server; nothing else is emulated.
cat > "$BIN/stub.py" <<'EOF'
"""Minimal stand-ins for glance v2 (one public image) and neutron v2.0 (empty lists)."""
import json
import re
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

host, image_port, network_port, image_id = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
IMAGE = {
    "id": image_id, "name": "peer-fake-image", "status": "active", "visibility": "public",
    "protected": False, "os_hidden": False, "owner": None, "size": 1048576, "virtual_size": None,
    "min_ram": 0, "min_disk": 0, "disk_format": "raw", "container_format": "bare",
    "checksum": None, "os_hash_algo": None, "os_hash_value": None, "tags": [],
    "created_at": "2024-01-01T00:00:00Z", "updated_at": "2024-01-01T00:00:00Z",
    "self": "/v2/images/" + image_id, "file": "/v2/images/%s/file" % image_id,
    "schema": "/v2/schemas/image",
}
NULLABLE = lambda t: {"type": ["null", t]}
SCHEMA = {
    "name": "image", "additionalProperties": {"type": "string"},
    "properties": {k: NULLABLE("string") for k in IMAGE if isinstance(IMAGE[k], str) or IMAGE[k] is None},
    "links": [{"rel": "self", "href": "{self}"}, {"rel": "enclosure", "href": "{file}"},
              {"rel": "describedby", "href": "{schema}"}],
}
SCHEMA["properties"].update({"size": NULLABLE("integer"), "virtual_size": NULLABLE("integer"),
                             "min_ram": NULLABLE("integer"), "min_disk": NULLABLE("integer"),
                             "protected": {"type": "boolean"}, "os_hidden": {"type": "boolean"},
                             "tags": {"type": "array", "items": {"type": "string"}},
                             "locations": {"type": "array"}})


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        sys.stderr.write("%s %s\n" % (self.server.server_port, fmt % args))

    def send(self, code, body):
        data = json.dumps(body).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        path = self.path.split("?", 1)[0].rstrip("/")
        base = "http://%s:%d" % (host, self.server.server_port)
        if self.server.server_port == image_port:
            if path in ("", "/versions"):
                return self.send(300, {"versions": [{"id": "v2.6", "status": "CURRENT",
                                                     "links": [{"rel": "self", "href": base + "/v2/"}]}]})
            if path == "/v2/schemas/image":
                return self.send(200, SCHEMA)
            if path == "/v2/images":
                return self.send(200, {"images": [IMAGE], "first": "/v2/images", "schema": "/v2/schemas/images"})
            if path == "/v2/images/" + image_id:
                return self.send(200, IMAGE)
            return self.send(404, {"message": "not found (image stub)", "code": "404 Not Found"})
        if path == "":
            return self.send(200, {"versions": [{"id": "v2.0", "status": "CURRENT",
                                                 "links": [{"rel": "self", "href": base + "/v2.0/"}]}]})
        m = re.fullmatch(r"/v2\.0/([a-z0-9_-]+?)(?:\.json)?", path)
        if m:  # any collection is empty
            return self.send(200, {m.group(1).replace("-", "_"): []})
        return self.send(404, {"NeutronError": {"type": "NotFound", "message": "not found (network stub)", "detail": ""}})

    def do_POST(self):
        self.send(501, {"message": "not implemented by the stub"})
    do_PUT = do_DELETE = do_PATCH = do_POST


servers = [ThreadingHTTPServer((host, p), Handler) for p in (image_port, network_port)]
threading.Thread(target=servers[1].serve_forever, daemon=True).start()
servers[0].serve_forever()
EOF

# ---------------------------------------------------------------------------
# 3. MariaDB: a private instance in $STATE/mysql (Debian's system instance in
#    /var/lib/mysql is neither used nor started). sqlite is not enough: nova's
#    api, conductor and scheduler processes write the same databases at once and
#    sqlite answers "database is locked"; PostgreSQL hits a placement bug
#    (GET /usages at microversion >= 1.38 fails with a GROUP BY error). MySQL/
#    MariaDB is what upstream OpenStack tests with. Durability is relaxed: this
#    is a throw-away peer.
# ---------------------------------------------------------------------------
MY="$STATE/mysql"
if [ ! -d "$MY/data/mysql" ]; then
  mkdir -p "$MY/data"
  /usr/bin/mariadb-install-db --no-defaults --user=root --datadir="$MY/data" \
    --auth-root-authentication-method=socket --skip-test-db >>"$LOG/mariadb-install-db.log" 2>&1 \
    || { tail -20 "$LOG/mariadb-install-db.log" >&2; die "mariadb-install-db failed"; }
fi
start_bg mariadb "$DB_PORT" /usr/sbin/mariadbd --no-defaults --user=root --datadir="$MY/data" \
  --socket="$MY/mysqld.sock" --pid-file="$MY/mysqld.pid" --port="$DB_PORT" --bind-address="$HOST" \
  --skip-name-resolve --skip-log-bin --log-error="$LOG/mariadb.err" --max-connections=500 \
  --character-set-server=utf8mb4 --collation-server=utf8mb4_general_ci \
  --innodb-buffer-pool-size=64M --innodb-flush-log-at-trx-commit=0 --innodb-doublewrite=0
sql() { /usr/bin/mariadb --no-defaults --socket="$MY/mysqld.sock" -uroot -N -B -e "$1"; }
wait_until "mariadb $HOST:$DB_PORT" mariadb /usr/bin/mariadb-admin --no-defaults --socket="$MY/mysqld.sock" -uroot ping
sql "CREATE USER IF NOT EXISTS '$DB_USER'@'$HOST' IDENTIFIED BY '$DB_PASSWORD';
     ALTER USER '$DB_USER'@'$HOST' IDENTIFIED BY '$DB_PASSWORD';"
for db in keystone placement nova_api nova_cell0 nova_cell1; do
  sql "CREATE DATABASE IF NOT EXISTS $db; GRANT ALL PRIVILEGES ON $db.* TO '$DB_USER'@'$HOST';"
done

# ---------------------------------------------------------------------------
# 4. RabbitMQ (own epmd, own node, state and logs under $STATE/rabbitmq)
# ---------------------------------------------------------------------------
if [ "$WITH_COMPUTE" = 1 ]; then
  R="$STATE/rabbitmq"
  mkdir -p "$R/mnesia" "$LOG/rabbitmq"
  : > "$R/rabbitmq-env.conf"
  echo '[].' > "$R/enabled_plugins"
  cat > "$R/rabbitmq.conf" <<EOF
listeners.tcp.1 = $HOST:$RABBIT_PORT
default_user = $RABBIT_USER
default_pass = $RABBIT_PASSWORD
disk_free_limit.absolute = 50MB
log.console = false
log.file.level = warning
EOF
  rabbit_env=(env HOME="$R" ERL_EPMD_ADDRESS="$HOST" ERL_EPMD_PORT="$EPMD_PORT"
              RABBITMQ_CONF_ENV_FILE="$R/rabbitmq-env.conf" RABBITMQ_CONFIG_FILE="$R/rabbitmq.conf"
              RABBITMQ_ENABLED_PLUGINS_FILE="$R/enabled_plugins" RABBITMQ_MNESIA_BASE="$R/mnesia"
              RABBITMQ_LOG_BASE="$LOG/rabbitmq" RABBITMQ_NODENAME=rabbit@localhost
              RABBITMQ_NODE_IP_ADDRESS="$HOST" RABBITMQ_NODE_PORT="$RABBIT_PORT"
              RABBITMQ_DIST_PORT="$RABBIT_DIST_PORT"
              RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}")
  # epmd: start our own on loopback, unless one (ours or not) already listens there.
  if ! is_running epmd && ! port_busy "$EPMD_PORT"; then
    start_bg epmd "$EPMD_PORT" /usr/bin/epmd -address "$HOST" -port "$EPMD_PORT"
  fi
  start_bg rabbitmq "$RABBIT_PORT" "${rabbit_env[@]}" /usr/lib/rabbitmq/bin/rabbitmq-server
fi

start_bg stub "$IMAGE_PORT" "$PY" "$BIN/stub.py" "$HOST" "$IMAGE_PORT" "$NETWORK_PORT" "$IMAGE_ID"

# ---------------------------------------------------------------------------
# 5. Schemas: placement + nova (in the background) while keystone gets its
#    schema, fernet keys and bootstrap (admin user/project/role, identity
#    endpoint) in the foreground. Marker files make this a one-time step.
# ---------------------------------------------------------------------------
NM=("$BIN/nova-manage" --config-file "$ETC/nova/nova.conf")
dbjob=
if [ ! -f "$DATA/.placement-nova-ready" ]; then
  log "placement + nova: db sync, cell0 and cell1 (background)"
  ( /usr/bin/placement-manage --config-file "$ETC/placement/placement.conf" db sync &&
    "${NM[@]}" api_db sync &&
    "${NM[@]}" cell_v2 map_cell0 --database_connection "$(db_url nova_cell0)" &&
    "${NM[@]}" cell_v2 create_cell --name cell1 --verbose &&
    "${NM[@]}" db sync &&
    touch "$DATA/.placement-nova-ready" ) >>"$LOG/nova-manage.log" 2>&1 &
  dbjob=$!
fi

KM=(/usr/bin/keystone-manage --config-file "$ETC/keystone/keystone.conf")
if [ ! -f "$DATA/.keystone-ready" ]; then
  log "keystone: db_sync, fernet keys, bootstrap"
  { "${KM[@]}" db_sync &&
    "${KM[@]}" fernet_setup --keystone-user root --keystone-group root &&
    "${KM[@]}" credential_setup --keystone-user root --keystone-group root &&
    "${KM[@]}" bootstrap --bootstrap-password "$ADMIN_PASSWORD" \
      --bootstrap-username admin --bootstrap-project-name admin --bootstrap-role-name admin \
      --bootstrap-service-name keystone --bootstrap-region-id "$REGION" \
      --bootstrap-admin-url "$KEYSTONE_URL/v3/" --bootstrap-internal-url "$KEYSTONE_URL/v3/" \
      --bootstrap-public-url "$KEYSTONE_URL/v3/"
  } >>"$LOG/keystone-manage.log" 2>&1 || { tail -20 "$LOG/keystone-manage.log" >&2; die "keystone-manage failed"; }
  touch "$DATA/.keystone-ready"
fi
uwsgi_cmd "$KEYSTONE_PORT" /usr/bin/keystone-wsgi-public 2 1
start_bg keystone "$KEYSTONE_PORT" "${UW[@]}" --env "OS_KEYSTONE_CONFIG_DIR=$ETC/keystone"

if [ -n "$dbjob" ]; then
  wait "$dbjob" || { tail -20 "$LOG/nova-manage.log" >&2; die "placement-manage/nova-manage failed (log: $LOG/nova-manage.log)"; }
  log "placement + nova schemas ready"
fi
uwsgi_cmd "$PLACEMENT_PORT" /usr/bin/placement-api 1 1
start_bg placement "$PLACEMENT_PORT" "${UW[@]}" --env "OS_PLACEMENT_CONFIG_DIR=$ETC/placement"

# ---------------------------------------------------------------------------
# 6. Keystone objects for the other services (idempotent, plain REST)
# ---------------------------------------------------------------------------
wait_until "keystone $KEYSTONE_URL/v3" keystone http_ok "$KEYSTONE_URL/v3"

TOKEN=$(curl -sS -i -X POST "$KEYSTONE_URL/v3/auth/tokens" -H 'Content-Type: application/json' -d '{
  "auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "admin",
           "domain": {"id": "default"}, "password": "'"$ADMIN_PASSWORD"'"}}},
           "scope": {"project": {"name": "admin", "domain": {"id": "default"}}}}}' \
  | tr -d '\r' | awk 'tolower($1) == "x-subject-token:" {print $2}')
[ -n "$TOKEN" ] || die "could not get an admin token from keystone"

ks() {  # ks METHOD PATH [JSON]  -> response body; fails on HTTP errors
  curl -sS -f -X "$1" "$KEYSTONE_URL/v3$2" -H "X-Auth-Token: $TOKEN" \
       -H 'Content-Type: application/json' ${3:+-d "$3"}
}
first_id() { jq -r "$1 | if length > 0 then .[0].id else empty end"; }

service_project=$(ks GET "/projects?name=service&domain_id=default" | first_id .projects)
[ -n "$service_project" ] || service_project=$(ks POST /projects \
  '{"project": {"name": "service", "domain_id": "default", "description": "service users"}}' | jq -r .project.id)
admin_role=$(ks GET "/roles?name=admin" | first_id .roles)

for user in nova placement; do
  uid=$(ks GET "/users?name=$user&domain_id=default" | first_id .users)
  if [ -z "$uid" ]; then
    uid=$(ks POST /users '{"user": {"name": "'$user'", "domain_id": "default", "password": "'"$SERVICE_PASSWORD"'"}}' | jq -r .user.id)
  fi
  ks PUT "/projects/$service_project/users/$uid/roles/$admin_role" >/dev/null
done

ensure_service() {  # ensure_service TYPE NAME URL  (public, internal and admin endpoints)
  local type=$1 name=$2 url=$3 sid iface eid
  sid=$(ks GET "/services?type=$type" | first_id .services)
  [ -n "$sid" ] || sid=$(ks POST /services '{"service": {"type": "'$type'", "name": "'$name'", "enabled": true}}' | jq -r .service.id)
  for iface in public internal admin; do
    eid=$(ks GET "/endpoints?service_id=$sid&interface=$iface" | first_id .endpoints)
    if [ -z "$eid" ]; then
      ks POST /endpoints '{"endpoint": {"service_id": "'$sid'", "interface": "'$iface'", "region_id": "'$REGION'", "url": "'$url'"}}' >/dev/null
    else
      ks PATCH "/endpoints/$eid" '{"endpoint": {"url": "'$url'", "region_id": "'$REGION'"}}' >/dev/null
    fi
  done
}
ensure_service placement placement "$PLACEMENT_URL"
ensure_service compute nova "$NOVA_URL"
ensure_service image glance "$IMAGE_URL"
ensure_service network neutron "$NETWORK_URL"
log "keystone: service project, users nova/placement, catalog (identity, placement, compute, image, network)"

# ---------------------------------------------------------------------------
# 7. Nova services
# ---------------------------------------------------------------------------
if [ "$WITH_COMPUTE" = 1 ]; then
  wait_until "rabbitmq $HOST:$RABBIT_PORT" rabbitmq port_busy "$RABBIT_PORT"
  start_bg nova-conductor - "$BIN/nova-conductor" --config-file "$ETC/nova/nova.conf"
  start_bg nova-scheduler - "$BIN/nova-scheduler" --config-file "$ETC/nova/nova.conf"
  for i in $(seq 1 "$COMPUTES"); do
    start_bg "nova-compute-$i" - "$BIN/nova-compute" --config-file "$ETC/nova/nova.conf" \
      --config-file "$ETC/nova/nova-compute-$i.conf"
  done
fi
uwsgi_cmd "$NOVA_PORT" "$BIN/nova-api-wsgi.py" 2 1
start_bg nova-api "$NOVA_PORT" "${UW[@]}" --env "OS_NOVA_CONFIG_DIR=$ETC/nova"

wait_until "placement $PLACEMENT_URL" placement http_ok "$PLACEMENT_URL/"
wait_until "nova-api $NOVA_URL" nova-api http_ok "http://$HOST:$NOVA_PORT/"

nova() {  # nova METHOD PATH [JSON]
  curl -sS -X "$1" "$NOVA_URL$2" -H "X-Auth-Token: $TOKEN" -H 'Content-Type: application/json' \
       -H 'OpenStack-API-Version: compute latest' ${3:+-d "$3"}
}

# A few flavors, as a fresh devstack would have (409 when they exist: fine).
for f in "1 m1.tiny 1 512 1" "2 m1.small 1 2048 20" "3 m1.medium 2 4096 40"; do
  set -- $f
  nova POST /flavors '{"flavor": {"id": "'$1'", "name": "'$2'", "vcpus": '$3', "ram": '$4', "disk": '$5'}}' >/dev/null
done

if [ "$WITH_COMPUTE" = 1 ]; then
  # Each compute host registers its service; then map it to cell1 (discover_hosts).
  computes_up() {
    local n
    n=$(nova GET '/os-services?binary=nova-compute' | jq '[.services[] | select(.state == "up")] | length')
    [ "${n:-0}" -ge "$COMPUTES" ]
  }
  wait_until "$COMPUTES nova-compute service(s) up" nova-compute-1 computes_up
  "${NM[@]}" cell_v2 discover_hosts --verbose >>"$LOG/nova-manage.log" 2>&1
  hypervisors_ok() {
    local n
    n=$(nova GET /os-hypervisors | jq '.hypervisors | length')
    [ "${n:-0}" -ge "$COMPUTES" ]
  }
  wait_until "$COMPUTES hypervisor(s) listed" nova-compute-1 hypervisors_ok
fi

# ---------------------------------------------------------------------------
# 8. Credentials
# ---------------------------------------------------------------------------
cat > "$STATE/openrc" <<EOF
# OpenStack peer on $HOST (state: $STATE). Source me.
export OS_AUTH_URL=$KEYSTONE_URL/v3
export OS_IDENTITY_API_VERSION=3
export OS_AUTH_TYPE=password
export OS_USERNAME=admin
export OS_PASSWORD=$ADMIN_PASSWORD
export OS_PROJECT_NAME=admin
export OS_USER_DOMAIN_NAME=Default
export OS_PROJECT_DOMAIN_NAME=Default
export OS_REGION_NAME=$REGION
export OS_INTERFACE=public
export OS_PEER_STATE=$STATE
export OS_PEER_KEYSTONE_URL=$KEYSTONE_URL/v3
export OS_PEER_PLACEMENT_URL=$PLACEMENT_URL
export OS_PEER_COMPUTE_URL=$NOVA_URL
export OS_PEER_IMAGE_URL=$IMAGE_URL
export OS_PEER_NETWORK_URL=$NETWORK_URL
export OS_PEER_IMAGE_ID=$IMAGE_ID
export OS_PEER_SERVICE_PASSWORD=$SERVICE_PASSWORD
EOF
chmod 600 "$STATE/openrc"
log "OpenStack peer is up (state: $STATE, credentials: $STATE/openrc)"
cat "$STATE/openrc"
