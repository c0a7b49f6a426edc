#!/usr/bin/env bash
# The container's health: the service's readiness group (actuator, on its own port MANAGEMENT_SERVER_PORT, the API
# port + 1000). Plain bash and /dev/tcp, so the runtime image needs no curl or wget.
set -euo pipefail
exec 3<>"/dev/tcp/127.0.0.1/${MANAGEMENT_SERVER_PORT:-9080}"
printf 'GET /actuator/health/readiness HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
read -r -t 4 _ status _ <&3
[ "${status}" = "200" ]
