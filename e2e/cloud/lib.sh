# shellcheck shell=bash
# Shared settings and helpers of the local cloud scripts (up, down, status, reset, smoke).
# Sourced, never run. Every daemon is a plain background process: no systemd on the machines this runs on.

# The Debian OpenStack console scripts need Debian's python3 and modules; a pyenv (or other) shim earlier on
# PATH would hide them.
export PATH=/usr/sbin:/usr/bin:/sbin:/bin
export LC_ALL=C.UTF-8
# Any rabbitmqctl call starts epmd when none runs: it must listen on loopback only too.
export ERL_EPMD_ADDRESS=127.0.0.1
unset OS_CLOUD OS_AUTH_URL OS_USERNAME OS_PASSWORD OS_PROJECT_NAME OS_TOKEN OS_REGION_NAME

CLOUD_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
STATE_DIR=/var/lib/zenith-cloud
LOG_DIR=$STATE_DIR/log
PID_DIR=$STATE_DIR/run
CLOUDS_YAML=$CLOUD_DIR/.state/clouds.yaml

HOST_IP=127.0.0.1
NODE_NAME=zenith-cloud          # nova/neutron/cinder "host": port binding needs nova and neutron to agree
REGION=RegionOne
SECOND_REGION=RegionTwo         # same URLs as RegionOne, only there so region switching is testable
KEYSTONE_URL=http://$HOST_IP:5000
ADMIN_PASSWORD=${ZENITH_CLOUD_ADMIN_PASSWORD:-admin}
DEMO_PASSWORD=${ZENITH_CLOUD_DEMO_PASSWORD:-demo}
READER_PASSWORD=${ZENITH_CLOUD_READER_PASSWORD:-reader}   # user reader: only the reader role on demo
MFA_PASSWORD=${ZENITH_CLOUD_MFA_PASSWORD:-mfa}            # user mfa: password + TOTP (MFA rules)
# the base32 TOTP secret of user mfa, as Keystone holds it (read back on every up), for the e2e to compute codes
MFA_TOTP_SECRET_FILE=$CLOUD_DIR/.state/mfa-totp-secret
# Service users, databases and RabbitMQ: a loopback-only development cloud, so one well-known password.
SERVICE_PASSWORD=zenith

DATABASES="keystone glance placement nova_api nova nova_cell0 neutron cinder heat octavia"
DB_USERS="keystone glance placement nova neutron cinder heat octavia"
INFRA_DAEMONS="mariadb rabbitmq memcached"
OPENSTACK_DAEMONS="keystone placement glance-api nova-api nova-conductor nova-scheduler nova-compute
  neutron-server neutron-linuxbridge-agent cinder-api cinder-scheduler cinder-volume heat-api heat-engine octavia-worker octavia-api"
# name=URL of each API; any HTTP answer below 500 means the API is serving
APIS="keystone=$KEYSTONE_URL/v3 glance=http://$HOST_IP:9292/ placement=http://$HOST_IP:8778/
  nova=http://$HOST_IP:8774/ neutron=http://$HOST_IP:9696/ cinder=http://$HOST_IP:8776/ heat=http://$HOST_IP:8004/
  octavia=http://$HOST_IP:9876/"

# nova loads compute drivers only from the nova.virt package, so its fake-driver subclass must live there
NOVA_FAKE_DRIVER=/usr/lib/python3/dist-packages/nova/virt/zenith_fake.py
# the VPNaaS driver too sits beside the stock ones, so that neutron-server loads it however it is started (no PYTHONPATH)
VPN_FAKE_DRIVER=/usr/lib/python3/dist-packages/neutron_vpnaas/services/vpn/service_drivers/zenith_fake.py

SCRIPT_START=$(date +%s)
say() { printf '[%s %3ss] %s\n' "${0##*/}" "$(( $(date +%s) - SCRIPT_START ))" "$*"; }
die() { say "FATAL: $*" >&2; exit 1; }
elapsed() { echo $(( $(date +%s) - SCRIPT_START )); }

require_root() { [ "$(id -u)" = 0 ] || die "run as root"; }

pid_of() { cat "$PID_DIR/$1.pid" 2>/dev/null; }
is_running() { local pid; pid=$(pid_of "$1") && [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; }

# start_daemon NAME COMMAND...: runs COMMAND in its own session (so its PID is also its process group,
# which down signals as a whole), output appended to $LOG_DIR/NAME.out, PID saved in $PID_DIR/NAME.pid.
start_daemon() {
  local name=$1; shift
  if is_running "$name"; then return 0; fi
  (
    # The daemon must not inherit the caller's other open files: a lock a test script holds while it restarts a
    # service would otherwise stay held for as long as the daemon runs.
    for fd in /proc/self/fd/*; do fd=${fd##*/}; [ "$fd" -gt 2 ] && eval "exec $fd>&-" 2>/dev/null; done
    exec setsid "$@" >>"$LOG_DIR/$name.out" 2>&1 </dev/null
  ) &
  echo $! >"$PID_DIR/$name.pid"
  say "started $name (pid $!)"
}

# stop_daemons NAME...: SIGTERM to each process group at once, SIGKILL whatever is left after 30 s.
stop_daemons() {
  local name pid waited left
  for name in "$@"; do is_running "$name" && kill -TERM -- "-$(pid_of "$name")" 2>/dev/null; done
  for waited in $(seq 1 30); do
    left=""
    for name in "$@"; do is_running "$name" && left="$left $name"; done
    [ -z "$left" ] && break
    sleep 1
  done
  for name in $left; do
    say "$name ignored SIGTERM for 30 s: SIGKILL"
    kill -KILL -- "-$(pid_of "$name")" 2>/dev/null
  done
  for name in "$@"; do
    pid=$(pid_of "$name") || continue
    rm -f "$PID_DIR/$name.pid"
    say "stopped $name (pid $pid)"
  done
}

# service_daemons SERVICE: the daemons of one service, those named after it (heat -> heat-api heat-engine; keystone ->
# keystone); fails for a name that is not a service of the cloud. What restart, stop and start act on.
service_daemons() {
  local daemon daemons=""
  for daemon in $OPENSTACK_DAEMONS; do
    case $daemon in "$1" | "$1"-*) daemons="$daemons $daemon" ;; esac
  done
  [ -n "$daemons" ] && declare -F "start_$1" >/dev/null || return 1
  echo "$daemons"
}

# api_url SERVICE: the URL that says whether the service's API serves (from APIS)
api_url() {
  local api
  for api in $APIS; do [ "${api%%=*}" = "$1" ] && echo "${api#*=}" && return 0; done
  return 1
}

api_answers() { # URL
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$1" 2>/dev/null) || true
  [ -n "$code" ] && [ "$code" != 000 ] && [ "$code" -lt 500 ]
}

wait_until() { # TIMEOUT_SECONDS COMMAND...: retries COMMAND every second
  local timeout=$1 i; shift
  for i in $(seq 1 "$timeout"); do "$@" && return 0; sleep 1; done
  "$@"
}

sql() { mysql --protocol=socket -uroot -e "$1"; }
mariadb_answers() { mysqladmin --protocol=socket -uroot ping >/dev/null 2>&1; }
