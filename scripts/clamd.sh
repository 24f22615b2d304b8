#!/usr/bin/env bash
# Start (or stop) a throwaway ClamAV daemon on a local socket for tests and development.
#   scripts/clamd.sh start   installs Debian's clamav-daemon if needed, builds a small signature
#                            database with sigtool, starts clamd, prints CLAMAV_URL (unix://…)
#   scripts/clamd.sh stop    stops it
#   scripts/clamd.sh install only installs clamav-daemon (the tests start their own clamd)
# Signature downloads are not available in CI, so the database holds only two signatures:
# the EICAR test file (an MD5 signature) and the exchange's own test marker (a body signature).
# Real deployments use Debian's clamav-daemon with freshclam instead.
set -euo pipefail

CLAMD_DIR="${CLAMD_DIR:-/tmp/exchange-clamd}"
SOCKET="$CLAMD_DIR/clamd.sock"
# Kept in step with tests/uploads/samples.py.
EICAR='X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*'
MARKER='PRACTICE-EXCHANGE-TEST-SIGNATURE-3f9c1a'

install_clamav() {
  if command -v clamd >/dev/null && command -v sigtool >/dev/null; then return; fi
  echo "Installing ClamAV from Debian packages..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq clamav-daemon clamav >&2
}

build_database() {
  local db="$CLAMD_DIR/db" work; work=$(mktemp -d)
  mkdir -p "$db"
  printf '%s' "$EICAR" >"$work/eicar.com"
  (cd "$work" && sigtool --md5 eicar.com | sed 's/:eicar.com$/:Exchange.Test.EICAR/') >"$db/exchange.hdb"
  # A body signature: the marker anywhere in any file.
  echo "Exchange.Test.Marker:0:*:$(printf '%s' "$MARKER" | sigtool --hex-dump)" >"$db/exchange.ndb"
  rm -rf "$work"
}

start() {
  install_clamav
  if [ -S "$SOCKET" ] && clamdscan --config-file="$CLAMD_DIR/clamd.conf" --ping 1 >/dev/null 2>&1; then
    echo "clamd already running in $CLAMD_DIR" >&2
  else
    rm -rf "$CLAMD_DIR"
    mkdir -p "$CLAMD_DIR"
    build_database
    local user_line=""
    if [ "$(id -u)" = "0" ]; then
      # clamd refuses nothing as root, but it should not scan hostile files with root's rights.
      chown -R clamav:clamav "$CLAMD_DIR"
      user_line="User clamav"
    fi
    cat >"$CLAMD_DIR/clamd.conf" <<EOF
LocalSocket $SOCKET
LocalSocketMode 666
DatabaseDirectory $CLAMD_DIR/db
PidFile $CLAMD_DIR/clamd.pid
LogFile $CLAMD_DIR/clamd.log
TemporaryDirectory $CLAMD_DIR
StreamMaxLength 30M
MaxFileSize 30M
MaxScanSize 100M
Foreground no
$user_line
EOF
    clamd --config-file="$CLAMD_DIR/clamd.conf" >&2
    clamdscan --config-file="$CLAMD_DIR/clamd.conf" --ping 30:1 >/dev/null
  fi
  echo "unix://$SOCKET"
}

stop() {
  if [ -f "$CLAMD_DIR/clamd.pid" ]; then
    kill "$(cat "$CLAMD_DIR/clamd.pid")" 2>/dev/null || true
    for _ in $(seq 1 50); do
      kill -0 "$(cat "$CLAMD_DIR/clamd.pid" 2>/dev/null)" 2>/dev/null || break
      sleep 0.1
    done
  fi
  rm -rf "$CLAMD_DIR"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  install) install_clamav ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
