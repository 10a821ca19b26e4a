# shellcheck shell=bash
# Phase 3 of up: every configuration file, generated from lib.sh's settings. Each *_conf function prints one
# file; write_configs writes those that changed (a running daemon only reads its file at start: see changed_configs).

CHANGED_CONFIGS=""
# `..._conf | write_config PATH` must run write_config in this shell, or what it adds to CHANGED_CONFIGS is lost
# with the pipeline's subshell (and up would never warn about a changed config). Scripts run without job control.
shopt -s lastpipe

# write_config PATH [MODE]: stdin -> PATH, only when the content differs. An existing file keeps its owner and
# mode (the packages' configs are root:<service> 0640); a new one gets MODE (default 0644).
write_config() {
  local new
  new=$(cat)
  if [ -f "$1" ] && [ "$(cat "$1")" = "$new" ]; then return 0; fi
  [ -f "$1" ] || install -m "${2:-0644}" /dev/null "$1"
  printf '%s\n' "$new" >"$1"
  CHANGED_CONFIGS="$CHANGED_CONFIGS $1"
}

database_url() { echo "mysql+pymysql://$1:$SERVICE_PASSWORD@$HOST_IP/$2?charset=utf8mb4"; }
RABBIT_URL="rabbit://openstack:$SERVICE_PASSWORD@$HOST_IP:5672/"

# password credentials of service user $1 (keystoneauth options, used in several sections)
service_credentials() {
  cat <<EOT
auth_url = $KEYSTONE_URL
auth_type = password
user_domain_name = Default
project_domain_name = Default
project_name = service
username = $1
password = $SERVICE_PASSWORD
region_name = $REGION
EOT
}

# [keystone_authtoken] of an API validating tokens as service user $1. service_token_roles_required: the
# OSSA-2023-003 fix in these packages trusts service tokens only with this set (and nova sending them).
authtoken_section() {
  cat <<EOT
[keystone_authtoken]
www_authenticate_uri = $KEYSTONE_URL
memcached_servers = $HOST_IP:11211
service_token_roles = service
service_token_roles_required = true
$(service_credentials "$1")
EOT
}

# sections every oslo service shares. A 5 s graceful shutdown: the 60 s default makes down wait for heat-engine.
# Policy: upstream's own new defaults (the secure RBAC personas), not Zed's deprecated ones, which let a user with
# only the reader role write. With them a reader reads, a member writes in its project and a project-scoped admin
# administers (Zed's nova, neutron, glance, cinder and heat all take role:admin on a project token as admin). $1: a
# file of local overrides, if the service has one.
common_sections() {
  cat <<EOT
[oslo_policy]
enforce_new_defaults = true
${1:+policy_file = $1}
[oslo_concurrency]
lock_path = $STATE_DIR/lock
[oslo_messaging_notifications]
driver = noop
EOT
}

mariadb_conf() {
  cat <<EOT
[mysqld]
bind-address = $HOST_IP
port = 3306
max_connections = 1000
innodb_buffer_pool_size = 128M
performance_schema = off
character-set-server = utf8mb4
collation-server = utf8mb4_general_ci
EOT
}

# RabbitMQ node, Erlang distribution and epmd all on 127.0.0.1 only
rabbitmq_env_conf() {
  cat <<EOT
NODENAME=rabbit@localhost
NODE_IP_ADDRESS=$HOST_IP
NODE_PORT=5672
DIST_PORT=25672
SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
CTL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
EOT
}

rabbitmq_conf() {
  cat <<EOT
listeners.tcp.default = $HOST_IP:5672
loopback_users = none
vm_memory_high_watermark.absolute = 1GB
disk_free_limit.absolute = 200MB
EOT
}

keystone_conf() {
  cat <<EOT
[DEFAULT]
log_file = $LOG_DIR/keystone.log
[database]
connection = $(database_url keystone keystone)
[token]
provider = fernet
expiration = 43200
[auth]
# Zed's defaults plus totp: the seeded user mfa needs password + TOTP (auth receipts), and Zenith offers both TOTP
# and application credential logins
methods = external,password,token,oauth1,mapped,application_credential,totp
[fernet_tokens]
key_repository = $STATE_DIR/keystone/fernet-keys
[fernet_receipts]
key_repository = $STATE_DIR/keystone/fernet-keys
[credential]
key_repository = $STATE_DIR/keystone/credential-keys
[security_compliance]
# a rule every seeded password meets (admin, demo, reader, mfa), so that Zenith's password forms can show Keystone's
# own refusal; a real cloud sets a stronger one
password_regex = ^.{3,}$
password_regex_description = Passwords need at least 3 characters
[cache]
enabled = true
backend = oslo_cache.memcache_pool
memcache_servers = $HOST_IP:11211
EOT
}

# The port of the HTTP server the image import e2e test starts on $HOST_IP to serve a disk for web-download
# (e2e/support/image-upload.ts webDownloadPort says the same).
GLANCE_WEB_DOWNLOAD_TEST_PORT=9299

# web-download filtering ([import_filtering_opts]): Glance refuses loopback targets unless the host is listed in
# allowed_hosts, and by default allows any host on ports 80/443 only. Here, the only URLs web-download may fetch
# are plain http on $HOST_IP:$GLANCE_WEB_DOWNLOAD_TEST_PORT: what the import test serves, and nothing else on this
# machine (its APIs, databases and the metadata address stay out of reach of a user's import URL). The same
# filter applies to http image locations.
glance_conf() {
  cat <<EOT
[DEFAULT]
graceful_shutdown_timeout = 5
bind_host = $HOST_IP
bind_port = 9292
workers = 1
log_file = $LOG_DIR/glance-api.log
# glance applies the new policy defaults only with this too (see common_sections)
enforce_secure_rbac = true
enabled_backends = fs:file
transport_url = $RABBIT_URL
# these list options take their values in brackets (oslo.config ListOpt with bounds)
enabled_import_methods = [glance-direct,web-download,copy-image]
[import_filtering_opts]
allowed_schemes = [http]
allowed_hosts = [$HOST_IP]
allowed_ports = [$GLANCE_WEB_DOWNLOAD_TEST_PORT]
[glance_store]
default_backend = fs
[fs]
filesystem_store_datadir = $STATE_DIR/glance/images
[os_glance_staging_store]
filesystem_store_datadir = $STATE_DIR/glance/staging
[os_glance_tasks_store]
filesystem_store_datadir = $STATE_DIR/glance/tasks
[database]
connection = $(database_url glance glance)
$(authtoken_section glance)
[paste_deploy]
flavor = keystone
$(common_sections)
EOT
}

placement_conf() {
  cat <<EOT
[DEFAULT]
log_file = $LOG_DIR/placement.log
[placement_database]
connection = $(database_url placement placement)
[api]
auth_strategy = keystone
$(authtoken_section placement)
EOT
}

# nova.conf without the database sections: nova-compute must never get DB URLs (it logs errors if it does)
nova_compute_conf() {
  cat <<EOT
[DEFAULT]
graceful_shutdown_timeout = 5
host = $NODE_NAME
my_ip = $HOST_IP
state_path = $STATE_DIR/nova
instances_path = $STATE_DIR/nova/instances
transport_url = $RABBIT_URL
# only the compute API: there is no metadata service (no real guests to ask it)
enabled_apis = osapi_compute
osapi_compute_listen = $HOST_IP
osapi_compute_listen_port = 8774
osapi_compute_workers = 1
compute_driver = zenith_fake.FakeDriver
# nothing plugs the fake guests' ports, so never wait for neutron's vif-plugged event
vif_plugging_is_fatal = false
vif_plugging_timeout = 0
allow_resize_to_same_host = true
[api]
auth_strategy = keystone
$(authtoken_section nova)
[service_user]
send_service_user_token = true
$(service_credentials nova)
[placement]
$(service_credentials placement)
valid_interfaces = public
[neutron]
$(service_credentials neutron)
valid_interfaces = public
service_metadata_proxy = false
[cinder]
os_region_name = $REGION
catalog_info = volumev3::publicURL
$(service_credentials cinder)
[glance]
valid_interfaces = public
[conductor]
workers = 1
[scheduler]
workers = 1
discover_hosts_in_cells_interval = 10
[vnc]
enabled = false
[wsgi]
api_paste_config = /etc/nova/api-paste.ini
$(common_sections)
EOT
}

nova_conf() {
  nova_compute_conf
  cat <<EOT
[api_database]
connection = $(database_url nova nova_api)
[database]
connection = $(database_url nova nova)
EOT
}

neutron_conf() {
  cat <<EOT
[DEFAULT]
graceful_shutdown_timeout = 5
host = $NODE_NAME
bind_host = $HOST_IP
bind_port = 9696
core_plugin = ml2
# vpnaas needs the router plugin (its l3 extension)
service_plugins = router,vpnaas
allow_overlapping_ips = true
auth_strategy = keystone
transport_url = $RABBIT_URL
state_path = $STATE_DIR/neutron
api_workers = 1
rpc_workers = 1
# the one rpc worker also consumes agent state reports: saves a ~150 MiB process
rpc_state_report_workers = 0
notify_nova_on_port_status_changes = true
notify_nova_on_port_data_changes = true
[experimental]
# Zed calls ML2/linuxbridge experimental: server and agent refuse to start without this
linuxbridge = true
[database]
connection = $(database_url neutron neutron)
$(authtoken_section neutron)
[nova]
$(service_credentials nova)
[agent]
root_helper = sudo /usr/bin/neutron-rootwrap /etc/neutron/rootwrap.conf
[service_providers]
# neutron-server exits when the vpnaas plugin has no VPN provider. The stock IPsec driver plus the status reports of
# the VPN agent this cloud does not run (fakes/zenith_vpn_fake.py)
service_provider = VPN:zenith_fake:neutron_vpnaas.services.vpn.service_drivers.zenith_fake.FakeDriver:default
$(common_sections /etc/neutron/policy.yaml)
EOT
}

# Overrides of Neutron's default policy (the rest stays Zed's). A project member may create shared networks: a
# rule no default cloud has, so the e2e can show that what Zenith offers comes from the cloud, not from role names.
# Anyone may read a network's router:external, as under the deprecated rules: Zed's new default shows it only to
# the network's project and admins, so every other project saw the external network as an ordinary one (no
# floating IP pool, no router gateway; stack-export.spec failed so).
neutron_policy() {
  cat <<EOT
"create_network:shared": "rule:admin_only or role:member"
"get_network:router:external": "@"
EOT
}

ml2_conf() {
  cat <<EOT
[ml2]
type_drivers = flat,vxlan,local
tenant_network_types = vxlan
mechanism_drivers = linuxbridge,l2population
extension_drivers = port_security
[ml2_type_flat]
flat_networks = public
[ml2_type_vxlan]
vni_ranges = 1:1000
[securitygroup]
enable_ipset = false
EOT
}

linuxbridge_agent_conf() {
  cat <<EOT
[linux_bridge]
# the external network's bridge has no uplink: nothing leaves the machine
bridge_mappings = public:brpublic
[vxlan]
enable_vxlan = true
local_ip = $HOST_IP
l2_population = true
[securitygroup]
enable_security_group = true
# security groups stay fully usable through the API; noop keeps the agent out of the host's iptables
firewall_driver = noop
[agent]
polling_interval = 5
EOT
}

cinder_conf() {
  cat <<EOT
[DEFAULT]
graceful_shutdown_timeout = 5
host = $NODE_NAME
my_ip = $HOST_IP
state_path = $STATE_DIR/cinder
transport_url = $RABBIT_URL
auth_strategy = keystone
osapi_volume_listen = $HOST_IP
osapi_volume_listen_port = 8776
osapi_volume_workers = 1
enabled_backends = fake
glance_api_servers = http://$HOST_IP:9292
api_paste_config = /etc/cinder/api-paste.ini
[fake]
volume_driver = zenith_cinder_fake.FakeDriver
volume_backend_name = fake
[database]
connection = $(database_url cinder cinder)
$(authtoken_section cinder)
[nova]
$(service_credentials nova)
$(common_sections)
EOT
}

heat_conf() {
  cat <<EOT
[DEFAULT]
graceful_shutdown_timeout = 5
host = $NODE_NAME
transport_url = $RABBIT_URL
num_engine_workers = 1
stack_user_domain_name = heat
stack_domain_admin = heat_domain_admin
stack_domain_admin_password = $SERVICE_PASSWORD
heat_metadata_server_url = http://$HOST_IP:8000
heat_waitcondition_server_url = http://$HOST_IP:8000/v1/waitcondition
# off by default in Heat ("preview" features); Zenith offers both, so its e2e must be able to prove them
enable_stack_abandon = true
enable_stack_adopt = true
[heat_api]
bind_host = $HOST_IP
bind_port = 8004
workers = 1
[database]
connection = $(database_url heat heat)
$(authtoken_section heat)
[trustee]
auth_type = password
auth_url = $KEYSTONE_URL
username = heat
password = $SERVICE_PASSWORD
user_domain_name = Default
[clients_keystone]
auth_uri = $KEYSTONE_URL
$(common_sections)
EOT
}

OCTAVIA_CERTS=$STATE_DIR/octavia/certs

# Octavia with the amphora provider and the no-op controller drivers of Octavia's own no-op API gate job: the worker
# runs the real provisioning flows against no-op compute, amphora, network and image drivers, so load balancers and
# their children go ACTIVE with no amphora VM, no Neutron port and no Glance image.
octavia_conf() {
  cat <<EOT
[DEFAULT]
graceful_shutdown_timeout = 5
host = $NODE_NAME
transport_url = $RABBIT_URL
[api_settings]
bind_host = $HOST_IP
bind_port = 9876
# a DictOpt: the description may hold neither "," nor ":"
enabled_provider_drivers = amphora:The Octavia Amphora driver
default_provider_driver = amphora
# TLS termination needs certificates from Barbican, which this cloud has not: a clear 400 instead of a failed lookup
allow_tls_terminated_listeners = false
[database]
connection = $(database_url octavia octavia)
[controller_worker]
amphora_driver = amphora_noop_driver
compute_driver = compute_noop_driver
network_driver = network_noop_driver
image_driver = image_noop_driver
workers = 1
# even with no-op drivers every amphora create flow reads this file and signs a certificate with the CA below
client_ca = $OCTAVIA_CERTS/ca.pem
[certificates]
cert_manager = local_cert_manager
ca_certificate = $OCTAVIA_CERTS/ca.pem
ca_private_key = $OCTAVIA_CERTS/ca.key
[oslo_messaging]
# the worker's v1 consumer needs a topic (the amphora provider itself casts to octavia_provisioning_v2)
topic = octavia_prov
$(authtoken_section octavia)
[service_auth]
$(service_credentials octavia)
$(common_sections)
EOT
}

clouds_yaml() {
  local cloud user password project
  echo "# Generated by e2e/cloud/up: the local development cloud (loopback only)."
  echo "clouds:"
  for cloud in admin demo reader; do
    user=$cloud; project=$cloud
    case $cloud in
      admin) password=$ADMIN_PASSWORD ;;
      demo) password=$DEMO_PASSWORD ;;
      reader) password=$READER_PASSWORD; project=demo ;;
    esac
    cat <<EOT
  zenith-$cloud:
    auth:
      auth_url: $KEYSTONE_URL/v3
      username: $user
      password: "$password"
      project_name: $project
      user_domain_name: Default
      project_domain_name: Default
    region_name: $REGION
    regions: [$REGION, $SECOND_REGION]
    interface: public
    identity_api_version: 3
EOT
  done
}

write_configs() {
  mkdir -p "$STATE_DIR"/{keystone/fernet-keys,keystone/credential-keys,glance/images,glance/staging,glance/tasks,nova/instances,neutron,cinder,heat,lock,python}
  chmod 700 "$STATE_DIR/keystone/fernet-keys" "$STATE_DIR/keystone/credential-keys"
  mariadb_conf | write_config /etc/mysql/mariadb.conf.d/99-zenith-cloud.cnf
  rabbitmq_env_conf | write_config /etc/rabbitmq/rabbitmq-env.conf
  rabbitmq_conf | write_config /etc/rabbitmq/rabbitmq.conf
  keystone_conf | write_config /etc/keystone/keystone.conf
  glance_conf | write_config /etc/glance/glance-api.conf
  placement_conf | write_config /etc/placement/placement.conf
  nova_conf | write_config /etc/nova/nova.conf
  nova_compute_conf | write_config /etc/nova/nova-compute-zenith.conf 0600
  neutron_conf | write_config /etc/neutron/neutron.conf
  neutron_policy | write_config /etc/neutron/policy.yaml
  ml2_conf | write_config /etc/neutron/plugins/ml2/ml2_conf.ini
  linuxbridge_agent_conf | write_config /etc/neutron/plugins/ml2/linuxbridge_agent.ini
  cinder_conf | write_config /etc/cinder/cinder.conf
  heat_conf | write_config /etc/heat/heat.conf
  octavia_conf | write_config /etc/octavia/octavia.conf
  write_config "$NOVA_FAKE_DRIVER" <"$CLOUD_DIR/fakes/zenith_fake.py"
  write_config "$STATE_DIR/python/zenith_cinder_fake.py" <"$CLOUD_DIR/fakes/zenith_cinder_fake.py"
  write_config "$VPN_FAKE_DRIVER" <"$CLOUD_DIR/fakes/zenith_vpn_fake.py"
  mkdir -p "$(dirname "$CLOUDS_YAML")"
  clouds_yaml | write_config "$CLOUDS_YAML" 0600
}
