"""Seeds the local cloud through openstacksdk (one process: each `openstack` CLI call costs ~1.4 s).

Every step finds before it creates, so running it again changes nothing.
  seed.py identity   service users, roles, catalog (RegionOne + RegionTwo), users demo/admin, projects demo, demo-2,
                     users reader (reader roles on demo) and mfa (member on demo, password + TOTP required)
  seed.py resources  public image cirros-tiny, flavors, external network public, demo-net/demo-subnet/demo-router
Settings come from the environment (set by up, from lib.sh).
"""
import base64
import os
import sys

import openstack
from openstack import exceptions

env = os.environ
HOST = env['HOST_IP']
REGIONS = (env['REGION'], env['SECOND_REGION'])
CATALOG = (  # (service name, type, URL): every region, every interface gets the same URL
    ('keystone', 'identity', f'http://{HOST}:5000/v3/'),
    ('glance', 'image', f'http://{HOST}:9292'),
    ('placement', 'placement', f'http://{HOST}:8778'),
    ('nova', 'compute', f'http://{HOST}:8774/v2.1'),
    ('neutron', 'network', f'http://{HOST}:9696'),
    ('cinderv3', 'volumev3', f'http://{HOST}:8776/v3/%(project_id)s'),
    ('cinder', 'block-storage', f'http://{HOST}:8776/v3/%(project_id)s'),
    ('heat', 'orchestration', f'http://{HOST}:8004/v1/%(tenant_id)s'),
    ('octavia', 'load-balancer', f'http://{HOST}:9876'),
)
SERVICE_USERS = ('glance', 'nova', 'placement', 'neutron', 'cinder', 'heat', 'octavia')
# Octavia's default policy admits nobody on member/reader alone: it wants its own roles (on top of member/reader
# under the new defaults), and counts a project-scoped admin as admin only with load-balancer_admin.
OCTAVIA_ROLES = ('load-balancer_observer', 'load-balancer_global_observer', 'load-balancer_member',
                 'load-balancer_quota_admin', 'load-balancer_admin')
DEMO_ROLES = ('member', 'reader', 'heat_stack_owner', 'load-balancer_member')
ADMIN_ROLES = ('admin', 'load-balancer_admin')
# user mfa must give a password and a TOTP code (Keystone answers a password alone with 401 and an auth receipt)
MFA_OPTIONS = {'multi_factor_auth_rules': [['password', 'totp']], 'multi_factor_auth_enabled': True}
FLAVORS = (('m1.tiny', 1, 512, 1), ('m1.small', 1, 2048, 20), ('m1.medium', 2, 4096, 40))  # vCPUs, MiB, GiB


def connect():
    return openstack.connect(
        auth_url=env['KEYSTONE_URL'] + '/v3', username='admin', password=env['ADMIN_PASSWORD'],
        project_name='admin', user_domain_name='Default', project_domain_name='Default',
        region_name=env['REGION'], interface='public')


def seed_identity(cloud):
    identity = cloud.identity
    default = identity.find_domain('default')

    def project(name, description):
        return (identity.find_project(name, domain_id=default.id)
                or identity.create_project(name=name, domain_id=default.id, description=description))

    def user(name, password, domain, default_project=None):
        found = identity.find_user(name, domain_id=domain.id)
        if found:
            return found  # never reset a password: that would end the sessions of whoever uses the cloud
        extra = {'default_project_id': default_project.id} if default_project else {}
        return identity.create_user(name=name, password=password, domain_id=domain.id, is_enabled=True, **extra)

    roles = {name: identity.find_role(name) or identity.create_role(name=name)
             for name in ('admin', 'member', 'reader', 'service', 'heat_stack_owner', 'heat_stack_user')
             + OCTAVIA_ROLES}

    service = project('service', 'OpenStack service users')
    for name in SERVICE_USERS:
        service_user = user(name, env['SERVICE_PASSWORD'], default)
        identity.assign_project_role_to_user(service, service_user, roles['admin'])
        identity.assign_project_role_to_user(service, service_user, roles['service'])

    heat_domain = identity.find_domain('heat') or identity.create_domain(
        name='heat', description='Projects and users Heat creates for stacks')
    identity.assign_domain_role_to_user(
        heat_domain, user('heat_domain_admin', env['SERVICE_PASSWORD'], heat_domain), roles['admin'])

    demo_projects = [project('demo', 'Demo project'), project('demo-2', 'Second demo project')]
    demo = user('demo', env['DEMO_PASSWORD'], default, default_project=demo_projects[0])
    admin = identity.find_user('admin', domain_id=default.id)
    for admin_project in [identity.find_project('admin', domain_id=default.id), *demo_projects]:
        for role in ADMIN_ROLES:
            identity.assign_project_role_to_user(admin_project, admin, roles[role])
    for demo_project in demo_projects:
        for role in DEMO_ROLES:
            identity.assign_project_role_to_user(demo_project, demo, roles[role])

    reader = user('reader', env['READER_PASSWORD'], default, default_project=demo_projects[0])
    for role in ('reader', 'load-balancer_observer'):
        identity.assign_project_role_to_user(demo_projects[0], reader, roles[role])
    seed_mfa_user(identity, user('mfa', env['MFA_PASSWORD'], default, default_project=demo_projects[0]),
                  demo_projects[0], roles['member'])

    for region in REGIONS:
        try:
            identity.get_region(region)
        except exceptions.NotFoundException:
            identity.create_region(id=region)
    services = {s.type: s for s in identity.services()}
    endpoints = {(e.service_id, e.region_id, e.interface) for e in identity.endpoints()}
    for name, service_type, url in CATALOG:
        entry = services.get(service_type) or identity.create_service(
            name=name, type=service_type, description=name, is_enabled=True)
        for region in REGIONS:
            for interface in ('public', 'internal', 'admin'):
                if (entry.id, region, interface) not in endpoints:
                    identity.create_endpoint(service_id=entry.id, interface=interface, url=url, region_id=region)


def seed_mfa_user(identity, mfa, project, member):
    """MFA rules on user mfa and one TOTP credential, whose secret goes to MFA_TOTP_SECRET_FILE for the e2e."""
    identity.assign_project_role_to_user(project, mfa, member)
    options = identity.get(f'/users/{mfa.id}').json()['user'].get('options', {})
    if any(options.get(key) != value for key, value in MFA_OPTIONS.items()):
        identity.patch(f'/users/{mfa.id}', json={'user': {'options': MFA_OPTIONS}}).raise_for_status()
    totp = next(iter(identity.credentials(user_id=mfa.id, type='totp')), None)
    if not totp:  # Keystone's TOTP blob: a base32 secret (160 random bits, RFC 4226's recommended size), unpadded
        secret = base64.b32encode(os.urandom(20)).decode().rstrip('=')
        totp = identity.create_credential(type='totp', user_id=mfa.id, blob=secret)
    path = env['MFA_TOTP_SECRET_FILE']
    os.makedirs(os.path.dirname(path), exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(descriptor, 0o600)
    with os.fdopen(descriptor, 'w') as file:
        file.write(totp.blob + '\n')


def seed_resources(cloud):
    demo = cloud.identity.find_project('demo', domain_id='default')

    image = cloud.image.find_image('cirros-tiny')
    if image and image.status != 'active':  # left over from an interrupted upload
        cloud.image.delete_image(image)
        image = None
    if not image:
        cloud.create_image('cirros-tiny', filename=env['TINY_IMAGE'], disk_format='qcow2', container_format='bare',
                           visibility='public', wait=True)

    for name, vcpus, ram, disk in FLAVORS:
        if not cloud.compute.find_flavor(name, ignore_missing=True):
            cloud.compute.create_flavor(name=name, vcpus=vcpus, ram=ram, disk=disk, is_public=True)

    network = cloud.network
    public = network.find_network('public') or network.create_network(
        name='public', is_router_external=True, provider_network_type='flat', provider_physical_network='public')
    if not network.find_subnet('public-subnet', network_id=public.id):
        network.create_subnet(
            name='public-subnet', network_id=public.id, ip_version=4, cidr='203.0.113.0/24', gateway_ip='203.0.113.1',
            allocation_pools=[{'start': '203.0.113.10', 'end': '203.0.113.250'}], is_dhcp_enabled=False)

    demo_net = network.find_network('demo-net', project_id=demo.id) or network.create_network(
        name='demo-net', project_id=demo.id)
    demo_subnet = network.find_subnet('demo-subnet', network_id=demo_net.id) or network.create_subnet(
        name='demo-subnet', network_id=demo_net.id, project_id=demo.id, ip_version=4, cidr='10.0.0.0/24')
    router = network.find_router('demo-router', project_id=demo.id) or network.create_router(
        name='demo-router', project_id=demo.id)
    if not router.external_gateway_info:
        network.update_router(router, external_gateway_info={'network_id': public.id})
    on_subnet = any(ip['subnet_id'] == demo_subnet.id
                    for port in network.ports(device_id=router.id) for ip in port.fixed_ips)
    if not on_subnet:
        network.add_interface_to_router(router, subnet_id=demo_subnet.id)


if __name__ == '__main__':
    {'identity': seed_identity, 'resources': seed_resources}[sys.argv[1]](connect())
