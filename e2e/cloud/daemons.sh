# shellcheck shell=bash
# How each daemon of the local cloud starts (all listen on 127.0.0.1 only). start_daemon (lib.sh) skips what runs.

# done_once STEP COMMAND...: runs a one-time step (db sync, bootstrap...) unless it already succeeded once;
# reset forgets those marks together with the databases they refer to.
done_once() {
  local step=$1; shift
  [ -f "$STATE_DIR/done/$step" ] && return 0
  mkdir -p "$STATE_DIR/done"
  say "$step"
  "$@" >>"$LOG_DIR/setup.log" 2>&1 || { tail -20 "$LOG_DIR/setup.log"; die "$step failed (log: $LOG_DIR/setup.log)"; }
  touch "$STATE_DIR/done/$step"
}

start_mariadb() {
  mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld
  [ -d /var/lib/mysql/mysql ] || mariadb-install-db --user=mysql --datadir=/var/lib/mysql >>"$LOG_DIR/setup.log" 2>&1
  mariadb_answers || start_daemon mariadb /usr/sbin/mariadbd --user=mysql --pid-file=/run/mysqld/zenith-cloud.pid
  wait_until 60 mariadb_answers || die "mariadb did not start (log: $LOG_DIR/mariadb.out)"
}

rabbitmq_answers() { rabbitmqctl -q await_startup >/dev/null 2>&1; }

start_rabbitmq() {
  # as the rabbitmq user through setpriv, not the package's wrapper: the wrapper's su puts the Erlang VM
  # in a session of its own, out of reach of down
  rabbitmq_answers || start_daemon rabbitmq setpriv --reuid=rabbitmq --regid=rabbitmq --init-groups \
    env HOME=/var/lib/rabbitmq /usr/lib/rabbitmq/bin/rabbitmq-server
  wait_until 90 rabbitmq_answers || die "rabbitmq did not start (log: $LOG_DIR/rabbitmq.out)"
  rabbitmqctl -q list_users | grep -q '^openstack\b' || rabbitmqctl -q add_user openstack "$SERVICE_PASSWORD" >/dev/null
  rabbitmqctl -q set_permissions openstack '.*' '.*' '.*' >/dev/null
}

memcached_answers() { (exec 3<>"/dev/tcp/$HOST_IP/11211") 2>/dev/null; }

start_memcached() {
  start_daemon memcached /usr/bin/memcached -u memcache -l "$HOST_IP" -p 11211 -U 0 -m 64
  wait_until 20 memcached_answers || die "memcached did not start"
}

create_databases() {
  local db user
  for db in $DATABASES; do sql "CREATE DATABASE IF NOT EXISTS $db CHARACTER SET utf8mb4;"; done
  for user in $DB_USERS; do
    sql "CREATE USER IF NOT EXISTS '$user'@'localhost' IDENTIFIED BY '$SERVICE_PASSWORD';
         CREATE USER IF NOT EXISTS '$user'@'127.0.0.1' IDENTIFIED BY '$SERVICE_PASSWORD';"
  done
  for db in $DATABASES; do
    user=${db%%_*}   # nova_api, nova_cell0 -> nova
    sql "GRANT ALL PRIVILEGES ON $db.* TO '$user'@'localhost'; GRANT ALL PRIVILEGES ON $db.* TO '$user'@'127.0.0.1';"
  done
}

drop_databases() {
  local db user
  for db in $DATABASES; do sql "DROP DATABASE IF EXISTS $db;"; done
  for user in $DB_USERS; do sql "DROP USER IF EXISTS '$user'@'localhost', '$user'@'127.0.0.1';"; done
}

# uwsgi_app NAME PORT WSGI_FILE PROCESSES: keystone, placement and octavia-api. uwsgi's --http-socket closes each
# connection after the response without saying so; keystoneauth then reuses a dead pooled connection (nova-compute
# died of it), hence the explicit "Connection: close".
uwsgi_app() {
  start_daemon "$1" uwsgi --plugin python3 --http-socket "$HOST_IP:$2" --wsgi-file "$3" \
    --master --processes "$4" --threads 4 --enable-threads --lazy-apps --die-on-term --need-app \
    --buffer-size 65535 --add-header "Connection: close" --logto "$LOG_DIR/$1-uwsgi.log"
}

start_keystone() {
  done_once "keystone db sync" keystone-manage db_sync
  [ -f "$STATE_DIR/keystone/fernet-keys/0" ] \
    || keystone-manage fernet_setup --keystone-user root --keystone-group root >>"$LOG_DIR/setup.log" 2>&1
  [ -f "$STATE_DIR/keystone/credential-keys/0" ] \
    || keystone-manage credential_setup --keystone-user root --keystone-group root >>"$LOG_DIR/setup.log" 2>&1
  # admin user, project and role, region RegionOne, identity endpoints; once: it would reset admin's password
  done_once "keystone bootstrap" keystone-manage bootstrap --bootstrap-username admin \
    --bootstrap-password "$ADMIN_PASSWORD" --bootstrap-project-name admin --bootstrap-role-name admin \
    --bootstrap-service-name keystone --bootstrap-region-id "$REGION" --bootstrap-public-url "$KEYSTONE_URL/v3/" \
    --bootstrap-internal-url "$KEYSTONE_URL/v3/" --bootstrap-admin-url "$KEYSTONE_URL/v3/"
  uwsgi_app keystone 5000 /usr/bin/keystone-wsgi-public 2
  wait_until 60 api_answers "$KEYSTONE_URL/v3" || die "keystone does not answer (log: $LOG_DIR/keystone-uwsgi.log)"
}

start_placement() {
  done_once "placement db sync" placement-manage db sync
  uwsgi_app placement 8778 /usr/bin/placement-api 1
}

start_glance() {
  done_once "glance db sync" glance-manage --config-file /etc/glance/glance-api.conf db_sync
  start_daemon glance-api glance-api --config-file /etc/glance/glance-api.conf
}

start_nova() {
  done_once "nova api db sync" nova-manage api_db sync
  done_once "nova cell0 mapping" nova-manage cell_v2 map_cell0 --database_connection "$(database_url nova nova_cell0)"
  done_once "nova cell1 creation" nova-manage cell_v2 create_cell --name=cell1
  done_once "nova db sync" nova-manage db sync
  local daemon
  for daemon in nova-api nova-conductor nova-scheduler; do
    start_daemon "$daemon" "$daemon" --config-file /etc/nova/nova.conf --log-file "$LOG_DIR/$daemon.log"
  done
  start_daemon nova-compute nova-compute --config-file /etc/nova/nova-compute-zenith.conf --log-file "$LOG_DIR/nova-compute.log"
}

neutron_rpc_ready() { rabbitmqctl -q list_queues name 2>/dev/null | grep -qx q-plugin; }

start_neutron() {
  local configs=(--config-file /etc/neutron/neutron.conf --config-file /etc/neutron/plugins/ml2/ml2_conf.ini)
  # the bridge of the external flat network "public" (no uplink; this kernel has no dummy links)
  ip link show brpublic >/dev/null 2>&1 || { ip link add brpublic type bridge && ip link set brpublic up; }
  done_once "neutron db sync" neutron-db-manage "${configs[@]}" upgrade heads
  # a cloud synced before vpnaas was installed lacks its tables, and the plugin queries them at start
  done_once "neutron-vpnaas db sync" neutron-db-manage "${configs[@]}" --subproject neutron-vpnaas upgrade head
  start_daemon neutron-server neutron-server "${configs[@]}" --log-file "$LOG_DIR/neutron-server.log"
  is_running neutron-linuxbridge-agent && return 0
  # an agent started before the server's RPC worker declared its queue loses its first calls (60 s timeouts)
  wait_until 90 neutron_rpc_ready || die "neutron-server RPC queue q-plugin missing (log: $LOG_DIR/neutron-server.log)"
  start_daemon neutron-linuxbridge-agent neutron-linuxbridge-agent --config-file /etc/neutron/neutron.conf \
    --config-file /etc/neutron/plugins/ml2/linuxbridge_agent.ini --log-file "$LOG_DIR/neutron-linuxbridge-agent.log"
}

start_cinder() {
  done_once "cinder db sync" cinder-manage --config-file /etc/cinder/cinder.conf db sync
  start_daemon cinder-api cinder-api --config-file /etc/cinder/cinder.conf --log-file "$LOG_DIR/cinder-api.log"
  start_daemon cinder-scheduler cinder-scheduler --config-file /etc/cinder/cinder.conf --log-file "$LOG_DIR/cinder-scheduler.log"
  start_daemon cinder-volume env PYTHONPATH="$STATE_DIR/python" \
    cinder-volume --config-file /etc/cinder/cinder.conf --log-file "$LOG_DIR/cinder-volume.log"
}

start_heat() {
  done_once "heat db sync" heat-manage --config-file /etc/heat/heat.conf db_sync
  start_daemon heat-api heat-api --config-file /etc/heat/heat.conf --log-file "$LOG_DIR/heat-api.log"
  start_daemon heat-engine heat-engine --config-file /etc/heat/heat.conf --log-file "$LOG_DIR/heat-engine.log"
}

octavia_rpc_ready() { rabbitmqctl -q list_queues name 2>/dev/null | grep -qx octavia_provisioning_v2; }

# The worker needs only MariaDB and RabbitMQ (no-op drivers call no other service): up starts it before Keystone,
# so that its ~12 s start overlaps the other services' instead of adding to them.
start_octavia_worker() {
  # one self-signed CA with an unencrypted key: the worker signs each (no-op) amphora's certificate with it
  if [ ! -f "$OCTAVIA_CERTS/ca.pem" ]; then
    install -d -m 700 "$OCTAVIA_CERTS"
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=zenith-cloud octavia CA" \
      -keyout "$OCTAVIA_CERTS/ca.key" -out "$OCTAVIA_CERTS/ca.pem" >>"$LOG_DIR/setup.log" 2>&1
  fi
  done_once "octavia db sync" octavia-db-manage --config-file /etc/octavia/octavia.conf upgrade head
  start_daemon octavia-worker octavia-worker --config-file /etc/octavia/octavia.conf \
    --log-file "$LOG_DIR/octavia-worker.log"
}

start_octavia() {
  start_octavia_worker
  # the API casts each create to the worker's queue: a cast sent before the queue exists is lost, and the load
  # balancer would stay PENDING_CREATE (immutable) for good
  wait_until 90 octavia_rpc_ready || die "octavia-worker queue missing (log: $LOG_DIR/octavia-worker.log)"
  # reads /etc/octavia/octavia.conf by oslo.config's default search (octavia-wsgi passes no arguments)
  uwsgi_app octavia-api 9876 /usr/bin/octavia-wsgi 1
}

compute_host_mapped() {
  nova-manage cell_v2 discover_hosts >/dev/null 2>&1
  nova-manage cell_v2 list_hosts 2>/dev/null | grep -q " $NODE_NAME "
}
