#!/usr/bin/env bash
# Re-record the MapServer responses in recorded/ (fixtures for unit tests of the OGC API
# Features adapter). Needs running servers (start-servers.sh, default ports: the hrefs in
# the bodies contain the base URL, so record with the defaults) and fresh data (start
# copies pristine fixtures).
#
# Each body is stored byte for byte as the server sent it; recorded/index.json lists the
# request URL, HTTP status and Content-Type of each file.
set -euo pipefail
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

OUT="$SERVERS_HOME/recorded"
mkdir -p "$OUT"

# A bbox in the west of the town; with limit=2 the page is small but still has a next
# link, which shows that MapServer drops bbox from it.
BBOX=121.45,31.21,121.46,31.22

# file|path-and-query (relative to the API root)
REQUESTS=(
  "landing.json|?f=json"
  "collections.json|/collections?f=json"
  "collection-hydrants.json|/collections/hydrants?f=json"
  "roads-items-bbox-limit2.json|/collections/roads/items?f=json&limit=2&bbox=$BBOX"
  "roads-items-offset2-limit2.json|/collections/roads/items?f=json&limit=2&offset=2"
  "hydrants-item-h-42.json|/collections/hydrants/items/h-42?f=json"
  "spaces-item-ps-001.json|/collections/spaces/items/ps-001?f=json"
  "roads-items-empty-bbox.json|/collections/roads/items?f=json&bbox=0,0,1,1"
  "error-unknown-collection.json|/collections/nope/items?f=json"
  "error-unknown-item.json|/collections/hydrants/items/h-999999?f=json"
  "error-bad-bbox.json|/collections/roads/items?f=json&bbox=121.45,31.21,121.46"
  "error-offset-out-of-range.json|/collections/spaces/items?f=json&offset=20"
)

index="["
sep=""
for entry in "${REQUESTS[@]}"; do
  file=${entry%%|*}
  url="$OGC_URL${entry#*|}"
  # -w prints status and content type after the body has gone to the file.
  meta=$(curl -sS -o "$OUT/$file" -w '%{http_code} %{content_type}' "$url")
  status=${meta%% *}
  ctype=${meta#* }
  printf '%-34s %s %s\n' "$file" "$status" "$ctype"
  index+="$sep
  {\"file\": \"$file\", \"url\": \"$url\", \"status\": $status, \"contentType\": \"$ctype\"}"
  sep=","
done
printf '%s\n]\n' "$index" >"$OUT/index.json"
echo "wrote $OUT/index.json"
