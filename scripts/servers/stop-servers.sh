#!/usr/bin/env bash
# Stop the servers start-servers.sh started: only the pids it recorded in the run dir,
# never anything found by name (other lighttpd/mosquitto instances may be running).
set -euo pipefail
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

status=0
for name in "${SERVER_NAMES[@]}"; do
  pidfile="$RUN_DIR/$name.pid"
  [[ -e $pidfile ]] || continue
  if ! pid_alive "$name"; then
    echo "$name: not running (stale pid file removed)"
    rm -f "$pidfile"
    continue
  fi
  pid=$(<"$pidfile")
  kill -TERM "$pid" 2>/dev/null || true
  # Both exit within milliseconds on TERM; wait up to 5 s before insisting.
  for _ in $(seq 50); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    echo "$name: pid $pid ignored TERM, sending KILL"
    kill -KILL "$pid" 2>/dev/null || true
    sleep 0.2
  fi
  if kill -0 "$pid" 2>/dev/null; then
    echo "$name: pid $pid still running" >&2
    status=1
  else
    echo "$name: stopped (pid $pid)"
    rm -f "$pidfile"
  fi
done
# The env file describes running servers; without them it would mislead.
((status == 0)) && rm -f "$ENV_FILE"
exit "$status"
