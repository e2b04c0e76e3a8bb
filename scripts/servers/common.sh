# Shared settings for start-servers.sh, stop-servers.sh and with-servers.sh (sourced, not
# run). Every value can be overridden from the environment so parallel runs or a busy port
# do not need edits here.

SERVERS_HOME=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SERVERS_HOME/../.." && pwd)

# All state of one run (rendered configs, data copy, logs, pid files) lives here.
RUN_DIR=${CITYOPS_SERVERS_DIR:-/tmp/cityops-servers}
OGC_PORT=${CITYOPS_OGC_PORT:-8088}
MQTT_WS_PORT=${CITYOPS_MQTT_WS_PORT:-9001}
MQTT_PORT=${CITYOPS_MQTT_PORT:-1884}
FIXTURES_DIR=${CITYOPS_SERVERS_FIXTURES:-$REPO_ROOT/fixtures/town}
READY_TIMEOUT=${CITYOPS_SERVERS_TIMEOUT:-20}

# 127.0.0.1, not localhost: the mosquitto WebSocket listener is IPv4 only, and localhost
# may resolve to ::1 first.
HOST=127.0.0.1
# /cgi-bin/mapserv is the CGI, "cityops" the MAPS alias in mapserver.conf, then the API.
OGC_URL="http://$HOST:$OGC_PORT/cgi-bin/mapserv/cityops/ogcapi"
MQTT_WS_URL="ws://$HOST:$MQTT_WS_PORT"
ENV_FILE="$RUN_DIR/servers.env"

# The processes this tooling starts, by pid file name; stop-servers.sh kills nothing else.
SERVER_NAMES=(lighttpd mosquitto)

# pid_alive NAME: the pid recorded for NAME is running and still is that program (a pid
# file left from an earlier run could point at a recycled pid of something else).
pid_alive() {
  local pidfile="$RUN_DIR/$1.pid" pid
  [[ -s $pidfile ]] || return 1
  pid=$(<"$pidfile")
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  [[ $(cat "/proc/$pid/comm" 2>/dev/null) == "$1" ]]
}
