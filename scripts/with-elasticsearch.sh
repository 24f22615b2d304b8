#!/usr/bin/env bash
# Runs a command against a throwaway Elasticsearch server: starts it with scripts/elasticsearch.sh,
# exports SEARCH_URL, runs the command, stops the server (and deletes its data) whatever happened,
# and exits with the command's status.
#   scripts/with-elasticsearch.sh .venv/bin/python -m pytest tests/search -q
# A server already running on ES_PORT is reused, and stopped at the end all the same.
set -euo pipefail
[ $# -gt 0 ] || { echo "usage: $0 COMMAND [ARGS...]" >&2; exit 2; }

here=$(cd "$(dirname "$0")" && pwd)
trap '"$here/elasticsearch.sh" stop || true' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

SEARCH_URL=$("$here/elasticsearch.sh" start)
export SEARCH_URL

status=0
"$@" || status=$?
exit "$status"
