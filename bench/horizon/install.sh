#!/bin/bash
# Debian's Horizon (openstack-dashboard) beside the local cloud, for bench/vs-horizon.ts: never part of the
# default install or of CI. Idempotent: installs the packages if missing, puts bench/horizon/local_settings.py in
# Horizon's local_settings.d (Debian's files untouched), refreshes the static files when that changed, and serves
# Horizon with uwsgi on 127.0.0.1:$HORIZON_PORT (2 processes x 2 threads) unless it already answers there.
#
#   bash bench/horizon/install.sh          # install, configure and start (as root, with the cloud up)
#   bash bench/horizon/install.sh stop     # stop the uwsgi it started
#
# Facts behind each step: ../shared/devcloud/horizon.md (Horizon 23 on Debian bookworm).
set -euo pipefail
# The cloud's helpers (say, die, start_daemon, stop_daemons, wait_until, api_answers), with Horizon's own state.
# shellcheck source=../../e2e/cloud/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../../e2e/cloud/lib.sh"
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
STATE_DIR=/var/lib/zenith-bench-horizon
LOG_DIR=$STATE_DIR/log
PID_DIR=$STATE_DIR/run
HORIZON_PORT=${HORIZON_PORT:-8290}
HORIZON_URL=http://$HOST_IP:$HORIZON_PORT
PACKAGES="openstack-dashboard uwsgi-core uwsgi-plugin-python3 python3-pymemcache"
SETTINGS=/etc/openstack-dashboard/local_settings.d/_9000_zenith_bench.py
STATIC=/var/lib/openstack-dashboard/static
SECRET_DIR=/var/lib/openstack-dashboard/secret-key
MANAGE="/usr/bin/python3 /usr/share/openstack-dashboard/manage.py"

require_root
mkdir -p "$LOG_DIR" "$PID_DIR"

if [ "${1:-}" = stop ]; then
  stop_daemons horizon
  exit 0
fi

api_answers "$KEYSTONE_URL/v3" || die "the local cloud does not answer: run bash e2e/cloud/up"

missing=$(for package in $PACKAGES; do dpkg-query -W -f '${Status}\n' "$package" 2>/dev/null | grep -q '^install ok installed$' || echo "$package"; done | tr '\n' ' ')
if [ -n "$missing" ]; then
  say "installing: $missing"
  # Maintainer scripts must not start daemons (invoke-rc.d skips them when policy-rc.d exits 101).
  [ -x /usr/sbin/policy-rc.d ] || { printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d; chmod 755 /usr/sbin/policy-rc.d; }
  DEBIAN_FRONTEND=noninteractive apt-get update >"$LOG_DIR/apt-update.log" 2>&1 || die "apt-get update failed ($LOG_DIR/apt-update.log)"
  # shellcheck disable=SC2086 # one word per package
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold $missing >"$LOG_DIR/apt-install.log" 2>&1 \
    || die "apt-get install failed ($LOG_DIR/apt-install.log)"
  say "installed"
fi

if ! cmp -s "$BENCH_DIR/local_settings.py" "$SETTINGS"; then
  install -m 644 "$BENCH_DIR/local_settings.py" "$SETTINGS"
  say "settings written to $SETTINGS: collecting and compressing the static files again"
  $MANAGE collectstatic --noinput >"$LOG_DIR/collectstatic.log" 2>&1 || die "collectstatic failed ($LOG_DIR/collectstatic.log)"
  $MANAGE compress --force >"$LOG_DIR/compress.log" 2>&1 || die "compress failed ($LOG_DIR/compress.log)"
  stop_daemons horizon
fi
# manage.py, run as root, makes the secret key readable by root only: the workers run as www-data.
chown -R www-data:www-data "$SECRET_DIR"

if ! is_running horizon; then
  # uwsgi's http-socket does not keep connections alive: say so, or clients reuse a connection it has closed.
  start_daemon horizon uwsgi --plugin python3 --http-socket "$HOST_IP:$HORIZON_PORT" \
    --wsgi-file /usr/share/openstack-dashboard/wsgi.py --master --processes 2 --threads 2 --enable-threads \
    --lazy-apps --die-on-term --need-app --uid www-data --gid www-data --buffer-size 65535 \
    --static-map "/static=$STATIC" --static-expires "$STATIC/.* 86400" \
    --add-header "Connection: close" --logto "$LOG_DIR/horizon-uwsgi.log"
fi
wait_until 120 api_answers "$HORIZON_URL/auth/login/" || die "Horizon does not answer on $HORIZON_URL (log: $LOG_DIR/horizon-uwsgi.log)"
say "Horizon $(dpkg-query -W -f '${Version}' openstack-dashboard) answers on $HORIZON_URL/"
