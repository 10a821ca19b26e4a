#!/usr/bin/env bash
# `npm run demo`: install what is missing, start the local OpenStack when no cloud is configured,
# build, and serve the dashboard.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -f node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

local_cloud=false
if [ -z "${OS_CLOUD:-}" ] && [ -z "${OS_AUTH_URL:-}" ]; then
  local_cloud=true
  bash e2e/cloud/up
  export OS_CLIENT_CONFIG_FILE="$PWD/e2e/cloud/.state/clouds.yaml" OS_CLOUD=zenith-demo
fi

npm run --silent build

port=${ZENITH_PORT:-8080}
host=${ZENITH_HOST:-127.0.0.1}
echo
echo "Zenith is starting on http://${host}:${port}/"
if [ "$local_cloud" = true ]; then
  echo "Local OpenStack logins (domain Default):"
  echo "  demo  / ${ZENITH_CLOUD_DEMO_PASSWORD:-demo}   (projects demo and demo-2)"
  echo "  admin / ${ZENITH_CLOUD_ADMIN_PASSWORD:-admin}  (admin)"
fi
[ "$host" = 127.0.0.1 ] && echo "(loopback only; set ZENITH_HOST=0.0.0.0 to serve other machines, behind TLS)"
echo
exec node server/dist/index.js
