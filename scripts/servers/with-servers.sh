#!/usr/bin/env bash
# with-servers.sh COMMAND [ARGS...]
# Start the test servers, run COMMAND with servers.env exported (CITYOPS_OGC_URL,
# CITYOPS_MQTT_WS_URL, ...), stop the servers whatever happens, exit with COMMAND's status.
set -euo pipefail
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

if (($# == 0)); then
  echo "usage: $0 COMMAND [ARGS...]" >&2
  exit 2
fi

# Set before starting so a start that fails half way is cleaned up too (stopping with no
# pid files is a no-op). INT/TERM become a normal exit so the EXIT trap runs.
trap '"$SERVERS_HOME/stop-servers.sh" || true' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

"$SERVERS_HOME/start-servers.sh"

set -a
# shellcheck disable=SC1090
source "$ENV_FILE"
set +a

# Not `exec`: the trap must outlive the command. `|| status=$?` keeps set -e from exiting
# before the status is captured.
status=0
"$@" || status=$?
exit "$status"
