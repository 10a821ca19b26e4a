# shellcheck shell=bash
# Phase 1 of up: the Debian bookworm packages (OpenStack Zed), installed non-interactively when missing.

PACKAGES="mariadb-server rabbitmq-server memcached python3-pymysql python3-memcache
  keystone glance-api placement-api uwsgi-core uwsgi-plugin-python3
  nova-api nova-conductor nova-scheduler nova-compute nova-compute-ironic
  neutron-server neutron-linuxbridge-agent
  cinder-api cinder-scheduler cinder-volume heat-api heat-engine octavia-api octavia-worker python3-neutron-vpnaas
  python3-openstackclient python3-heatclient python3-osc-placement python3-octaviaclient qemu-utils curl iproute2"
# nova-compute needs some nova-compute-hypervisor provider; ironic's is the lightest (no libvirt, no qemu-system).
# It is never used: nova runs a fake driver.

missing_packages() {
  local package
  for package in $PACKAGES; do
    dpkg-query -W -f='${Status}\n' "$package" 2>/dev/null | grep -q '^install ok installed$' || echo "$package"
  done
}

# Answers for the packages' debconf questions: none of them may configure a database, RabbitMQ, Keystone
# or endpoints by itself; up does all of that.
debconf_preseeds() {
  local service
  for service in keystone glance nova novaapi placement neutron cinder heat octavia; do
    echo "$service $service/configure_db boolean false"
  done
  for service in glance nova placement neutron cinder heat octavia; do
    echo "$service $service/configure_rabbit boolean false"
    echo "$service $service/configure_ksat boolean false"
    echo "$service $service/configure_api-endpoint boolean false"
  done
  cat <<'PRESEEDS'
keystone keystone/create-admin-tenant boolean false
keystone keystone/register-endpoint boolean false
nova-common nova/configure_neutron boolean false
nova-common nova/configure_placement boolean false
neutron-common neutron/configure_nova boolean false
heat-common heat/configure_with_debconf boolean false
neutron-vpnaas-common neutron-vpnaas/configure-vpnaas boolean false
dbconfig-common dbconfig-common/dbconfig-install boolean false
PRESEEDS
}

install_packages() {
  local missing started
  missing=$(missing_packages | tr '\n' ' ')
  if [ -z "$missing" ]; then say "packages already installed"; return 0; fi
  say "installing: $missing"
  # Maintainer scripts must not start daemons (no init here, and they would listen on every address):
  # invoke-rc.d skips starting when policy-rc.d exits 101.
  [ -x /usr/sbin/policy-rc.d ] || { printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d; chmod 755 /usr/sbin/policy-rc.d; }
  debconf_preseeds | debconf-set-selections
  started=$(date +%s)
  # stale or absent package lists would install old versions or nothing at all
  DEBIAN_FRONTEND=noninteractive apt-get update >"$LOG_DIR/apt-update.log" 2>&1 \
    || { tail -20 "$LOG_DIR/apt-update.log"; die "apt-get update failed (log: $LOG_DIR/apt-update.log)"; }
  # shellcheck disable=SC2086 # one word per package
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold $missing >"$LOG_DIR/apt-install.log" 2>&1 \
    || { tail -30 "$LOG_DIR/apt-install.log"; die "apt-get install failed (log: $LOG_DIR/apt-install.log)"; }
  say "packages installed in $(( $(date +%s) - started ))s"
}
