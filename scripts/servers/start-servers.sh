#!/usr/bin/env bash
# Start real servers for the standards adapters' integration and browser tests:
#   - MapServer 8 (OGC API Features) as a CGI behind lighttpd, serving copies of
#     fixtures/town/*.features.json
#   - mosquitto 2 (MQTT on a plain port and over WebSockets)
# both on 127.0.0.1 only, on our own ports, as our own processes (Debian does not start its
# daemons here, and we must not touch system instances).
#
# Settings (environment, defaults in common.sh):
#   CITYOPS_SERVERS_DIR      run dir               /tmp/cityops-servers
#   CITYOPS_OGC_PORT         lighttpd port         8088
#   CITYOPS_MQTT_WS_PORT     MQTT over WebSockets  9001
#   CITYOPS_MQTT_PORT        plain MQTT            1884
#   CITYOPS_SERVERS_FIXTURES GeoJSON source dir    <repo>/fixtures/town
#   CITYOPS_SERVERS_TIMEOUT  readiness timeout, s  20
# Writes $CITYOPS_SERVERS_DIR/servers.env (KEY=value lines, sourceable and dotenv-parsable).
set -euo pipefail
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

SYSTEM_PACKAGES=(cgi-mapserver mapserver-bin lighttpd mosquitto mosquitto-clients)

# Wall-clock timings for the summary line (bash 5: EPOCHREALTIME, microseconds).
now_us() { echo "${EPOCHREALTIME/[.,]/}"; }
since() { local us=$(($(now_us) - $1)); printf '%d.%01ds' $((us / 1000000)) $((us % 1000000 / 100000)); }
t0=$(now_us)

# Same pattern as .ci/run: ask dpkg for the exact status (a package that was removed but
# not purged is still "known" to dpkg-query -W), install only if something is missing.
system_packages() {
  local missing=() package
  for package in "${SYSTEM_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
  done
  if ((${#missing[@]} == 0)); then
    return 0
  fi
  echo "installing: ${missing[*]}"
  local sudo=()
  ((EUID == 0)) || sudo=(sudo)
  # Chained: `set -e` does not apply inside a function that runs as an `if` condition.
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update &&
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "${SYSTEM_PACKAGES[@]}"
}

die() {
  echo "start-servers: $*" >&2
  exit 1
}

# port_open PORT: something accepts TCP connections on 127.0.0.1:PORT.
port_open() {
  (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null
}

# render TEMPLATE OUTPUT: replace the @NAME@ placeholders. Values are restricted to path
# and URL characters (checked below), so they are safe inside the sed replacement.
render() {
  sed -e "s|@RUN_DIR@|$RUN_DIR|g" \
    -e "s|@DATA_DIR@|$DATA_DIR|g" \
    -e "s|@OGC_URL@|$OGC_URL|g" \
    -e "s|@OGC_PORT@|$OGC_PORT|g" \
    -e "s|@MQTT_PORT@|$MQTT_PORT|g" \
    -e "s|@MQTT_WS_PORT@|$MQTT_WS_PORT|g" \
    "$1" >"$2"
  if grep -qE '@[A-Z_]+@' "$2"; then
    die "unreplaced placeholder in $2: $(grep -oE '@[A-Z_]+@' "$2" | sort -u | tr '\n' ' ')"
  fi
}

# fail_start MESSAGE LOG...: show the logs, stop whatever did start, give up.
fail_start() {
  echo "start-servers: $1" >&2
  shift
  local log
  for log in "$@"; do
    [[ -s $log ]] || continue
    echo "--- tail of $log" >&2
    tail -n 20 "$log" >&2
  done
  "$SERVERS_HOME/stop-servers.sh" >&2 || true
  exit 1
}

# --- checks before touching anything ------------------------------------------------------

for port in "$OGC_PORT" "$MQTT_WS_PORT" "$MQTT_PORT"; do
  [[ $port =~ ^[0-9]+$ ]] && ((port > 0 && port < 65536)) || die "bad port: $port"
done
[[ $OGC_PORT != "$MQTT_WS_PORT" && $OGC_PORT != "$MQTT_PORT" && $MQTT_WS_PORT != "$MQTT_PORT" ]] ||
  die "ports must differ: $OGC_PORT $MQTT_WS_PORT $MQTT_PORT"
# The run dir ends up in sed replacements, a MapServer regex (MS_MAP_PATTERN) and quoted
# config strings: keep it to plain path characters.
[[ $RUN_DIR == /* && $RUN_DIR =~ ^[A-Za-z0-9._/-]+$ ]] ||
  die "CITYOPS_SERVERS_DIR must be an absolute path of [A-Za-z0-9._/-]: $RUN_DIR"
ls "$FIXTURES_DIR"/*.features.json >/dev/null 2>&1 || die "no *.features.json in $FIXTURES_DIR"

for name in "${SERVER_NAMES[@]}"; do
  if pid_alive "$name"; then
    die "$name already running from $RUN_DIR (pid $(<"$RUN_DIR/$name.pid")); run stop-servers.sh first"
  fi
done
for port in "$OGC_PORT" "$MQTT_WS_PORT" "$MQTT_PORT"; do
  port_open "$port" && die "port $port on $HOST is already in use (set CITYOPS_OGC_PORT/CITYOPS_MQTT_WS_PORT/CITYOPS_MQTT_PORT)"
done

# --- packages -------------------------------------------------------------------------------

system_packages || die "installing ${SYSTEM_PACKAGES[*]} failed"
t_install=$(since "$t0")
t1=$(now_us)

# --- run dir ----------------------------------------------------------------------------------

mkdir -p "$RUN_DIR"
RUN_DIR=$(cd "$RUN_DIR" && pwd)
DATA_DIR="$RUN_DIR/data"
LOG_DIR="$RUN_DIR/logs"
# Only what this script creates is removed (the run dir may be user-supplied). The data is
# a fresh copy on every start so each run begins from the pristine fixtures, whatever the
# previous run's tests rewrote.
rm -rf "$DATA_DIR" "$LOG_DIR" "$RUN_DIR/htdocs" "$RUN_DIR/tmp"
rm -f "$ENV_FILE" "$RUN_DIR"/{cityops.map,mapserver.conf,lighttpd.conf,mosquitto.conf} "$RUN_DIR"/{lighttpd,mosquitto}.pid
mkdir -p "$DATA_DIR" "$LOG_DIR" "$RUN_DIR/htdocs" "$RUN_DIR/tmp"
cp "$FIXTURES_DIR"/*.features.json "$DATA_DIR/"

render "$SERVERS_HOME/mapserver/cityops.map" "$RUN_DIR/cityops.map"
render "$SERVERS_HOME/mapserver/mapserver.conf" "$RUN_DIR/mapserver.conf"
render "$SERVERS_HOME/mapserver/lighttpd.conf" "$RUN_DIR/lighttpd.conf"
render "$SERVERS_HOME/mosquitto/mosquitto.conf" "$RUN_DIR/mosquitto.conf"

lighttpd -tt -f "$RUN_DIR/lighttpd.conf" >"$LOG_DIR/lighttpd.configtest.log" 2>&1 ||
  fail_start "lighttpd rejects $RUN_DIR/lighttpd.conf" "$LOG_DIR/lighttpd.configtest.log"

# --- start --------------------------------------------------------------------------------------

# Foreground processes put in the background: $! is the server's own pid (no daemon fork
# to chase, no pid file in /run). stdin from /dev/null so they never hold a terminal.
lighttpd -D -f "$RUN_DIR/lighttpd.conf" </dev/null >>"$LOG_DIR/lighttpd.out" 2>&1 &
echo $! >"$RUN_DIR/lighttpd.pid"
mosquitto -c "$RUN_DIR/mosquitto.conf" </dev/null >>"$LOG_DIR/mosquitto.log" 2>&1 &
echo $! >"$RUN_DIR/mosquitto.pid"

# --- wait until both answer -----------------------------------------------------------------

deadline=$((SECONDS + READY_TIMEOUT))
ogc_ready=false mqtt_ready=false ws_ready=false
while :; do
  pid_alive lighttpd || fail_start "lighttpd exited" "$LOG_DIR/lighttpd.out" "$LOG_DIR/lighttpd.error.log"
  pid_alive mosquitto || fail_start "mosquitto exited" "$LOG_DIR/mosquitto.log"
  # /collections runs the CGI and opens the mapfile, so 200 means the whole chain works
  # (lighttpd alone answering is not enough).
  if ! $ogc_ready; then
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$OGC_URL/collections?f=json" || true)
    [[ $code == 200 ]] && ogc_ready=true
  fi
  # A retained $SYS topic arrives at once from a broker that accepts clients.
  if ! $mqtt_ready; then
    mosquitto_sub -h "$HOST" -p "$MQTT_PORT" -t '$SYS/broker/version' -C 1 -W 2 >/dev/null 2>&1 && mqtt_ready=true
  fi
  if ! $ws_ready; then
    port_open "$MQTT_WS_PORT" && ws_ready=true
  fi
  $ogc_ready && $mqtt_ready && $ws_ready && break
  ((SECONDS < deadline)) ||
    fail_start "not ready after ${READY_TIMEOUT}s (ogc=$ogc_ready mqtt=$mqtt_ready ws=$ws_ready, last OGC status ${code:-none})" \
      "$LOG_DIR/lighttpd.error.log" "$LOG_DIR/mapserver.log" "$LOG_DIR/mosquitto.log"
  sleep 0.2
done

# Plain KEY=value (no quotes, no spaces in values): `set -a; . servers.env` in shell and a
# dotenv parser in Node read it the same way.
cat >"$ENV_FILE" <<EOF
CITYOPS_OGC_URL=$OGC_URL
CITYOPS_MQTT_WS_URL=$MQTT_WS_URL
CITYOPS_MQTT_HOST=$HOST
CITYOPS_MQTT_PORT=$MQTT_PORT
CITYOPS_SERVERS_DATA=$DATA_DIR
CITYOPS_SERVERS_DIR=$RUN_DIR
EOF

cat <<EOF
servers ready (package check/install ${t_install}, start to ready $(since "$t1"))
  OGC API Features  $OGC_URL   (lighttpd pid $(<"$RUN_DIR/lighttpd.pid"))
  MQTT WebSockets   $MQTT_WS_URL   (mosquitto pid $(<"$RUN_DIR/mosquitto.pid"))
  MQTT plain        mqtt://$HOST:$MQTT_PORT
  data              $DATA_DIR
  env file          $ENV_FILE
  logs              $LOG_DIR
EOF
