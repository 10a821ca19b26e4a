# Horizon beside the local cloud, for bench/vs-horizon.ts only: copied by bench/horizon/install.sh into
# /etc/openstack-dashboard/local_settings.d/ as its last snippet (Debian's own settings files stay untouched).
DEBUG = False
ALLOWED_HOSTS = ['127.0.0.1', 'localhost']

OPENSTACK_HOST = '127.0.0.1'
OPENSTACK_KEYSTONE_URL = 'http://127.0.0.1:5000/v3'
OPENSTACK_KEYSTONE_MULTIDOMAIN_SUPPORT = False
OPENSTACK_KEYSTONE_DEFAULT_DOMAIN = 'Default'
OPENSTACK_KEYSTONE_DEFAULT_ROLE = 'member'

# Debian's default cache is a LocMemCache per process: with two uwsgi workers a session made by one is unknown to
# the other. Sessions live in the cloud's memcached instead, under their own prefix.
SESSION_ENGINE = 'django.contrib.sessions.backends.cache'
CACHES = {
    'default': {
        'BACKEND': 'django.core.cache.backends.memcached.PyMemcacheCache',
        'LOCATION': '127.0.0.1:11211',
        'KEY_PREFIX': 'zenith-bench-horizon',
    },
}

# Plain HTTP on loopback.
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
