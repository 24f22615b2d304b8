#!/usr/bin/env bash
# The production smoke stage (`make smoke`, and .ci/run): a fresh PostgreSQL database, README's
# production steps run exactly as an operator runs them, then gunicorn and a real task worker
# checked through the requests a reverse proxy sends (scripts/smoke_checks.py). Fails on any miss.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
WORK=$(mktemp -d /tmp/exchange-smoke.XXXXXX)
export PG_PORT=${SMOKE_PG_PORT:-55472} PG_DIR=${SMOKE_PG_DIR:-/tmp/exchange-smoke-pg} PG_DB=exchange_smoke
export SMOKE_PORT=${SMOKE_PORT:-8765} SMOKE_HOST=exchange.example
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  scripts/postgres.sh stop || true
  [ -n "${CLAMD_STARTED:-}" ] && scripts/clamd.sh stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
step() { echo "--> $*"; }

step "a fresh PostgreSQL database"
DATABASE_URL=$(PG_FRESH=1 scripts/postgres.sh start)

# The configuration an operator writes into the environment file (deploy/practice-exchange.env).
export DJANGO_SETTINGS_MODULE=exchange.settings.production
export DATABASE_URL
SECRET_KEY=$($PY -c 'import secrets; print(secrets.token_urlsafe(50))')
export SECRET_KEY
export ALLOWED_HOSTS=$SMOKE_HOST CSRF_TRUSTED_ORIGINS=https://$SMOKE_HOST WAGTAILADMIN_BASE_URL=https://$SMOKE_HOST
export STATIC_ROOT=$WORK/static MEDIA_ROOT=$WORK/media
if command -v clamd >/dev/null && command -v sigtool >/dev/null; then
  # Outside $WORK: clamd runs as the clamav user, who cannot enter root's private temp folder.
  export CLAMD_DIR=/tmp/exchange-smoke-clamd
  CLAMAV_URL=$(scripts/clamd.sh start)
  CLAMD_STARTED=1
  export CLAMAV_URL
  step "uploads scanned by clamd at $CLAMAV_URL"
elif [ "${REQUIRE_CLAMAV:-0}" = "1" ]; then
  echo "REQUIRE_CLAMAV=1 but clamd is not installed (scripts/clamd.sh install)" >&2; exit 1
else
  export CLAMAV_ENABLED=0
  step "clamd is not installed here (scripts/clamd.sh install): uploads are not scanned in this run"
fi

# README's production steps, in this order.
step "manage.py migrate"
$PY manage.py migrate --no-input -v0
step "manage.py collectstatic"
$PY manage.py collectstatic --no-input -v0
step "manage.py createsuperuser (from DJANGO_SUPERUSER_* variables)"
export DJANGO_SUPERUSER_USERNAME=smoke-admin DJANGO_SUPERUSER_EMAIL=smoke-admin@exchange.example
DJANGO_SUPERUSER_PASSWORD=$($PY -c 'import secrets; print(secrets.token_urlsafe(24))')
export DJANGO_SUPERUSER_PASSWORD
$PY manage.py createsuperuser --no-input
step "manage.py load_demo and update_index (an operator imports their own: import_resources FILE)"
$PY manage.py load_demo >"$WORK/load_demo.log" 2>&1 || { tail -n 30 "$WORK/load_demo.log"; exit 1; }
grep -E "^Demo " "$WORK/load_demo.log" | sed 's/^/  /'
$PY manage.py update_index >"$WORK/update_index.log" 2>&1 || { tail -n 30 "$WORK/update_index.log"; exit 1; }
step "manage.py db_worker and gunicorn (deploy/systemd/), on 127.0.0.1:$SMOKE_PORT"
$PY manage.py db_worker --no-startup-delay >"$WORK/worker.log" 2>&1 &
pids+=($!)
.venv/bin/gunicorn exchange.wsgi --bind "127.0.0.1:$SMOKE_PORT" --workers 2 --access-logfile - \
  >"$WORK/gunicorn.log" 2>&1 &
pids+=($!)

# Only for this check: the admin's second factor, a TOTP device with a key the checks know.
SMOKE_TOTP_KEY=$($PY -c 'import secrets; print(secrets.token_hex(20))')
export SMOKE_USER=$DJANGO_SUPERUSER_USERNAME SMOKE_PASSWORD=$DJANGO_SUPERUSER_PASSWORD SMOKE_TOTP_KEY
$PY manage.py shell -v0 -c "
from django.contrib.auth import get_user_model
from django_otp.plugins.otp_totp.models import TOTPDevice
user = get_user_model().objects.get(username='$SMOKE_USER')
TOTPDevice.objects.create(user=user, name='smoke', key='$SMOKE_TOTP_KEY', confirmed=True)"

step "waiting for gunicorn"
for _ in $(seq 1 60); do
  curl -fsS -o /dev/null -H "Host: $SMOKE_HOST" -H "X-Forwarded-Proto: https" "http://127.0.0.1:$SMOKE_PORT/robots.txt" && break
  sleep 1
done

step "the worker runs what publishing queued (text extraction, emails), outside any request"
$PY manage.py shell -v0 -c "
import sys, time
from django_tasks_db.models import DBTaskResult
deadline = time.monotonic() + 300
while DBTaskResult.objects.filter(status__in=['READY', 'RUNNING']).exists() and time.monotonic() < deadline:
    time.sleep(1)
done = DBTaskResult.objects.filter(status='SUCCESSFUL').count()
left = DBTaskResult.objects.exclude(status='SUCCESSFUL').values_list('task_path', 'status')
print(f'  {done} background tasks run by db_worker; not done: {list(left) or \"none\"}')
sys.exit(1 if left or not done else 0)"

step "pages, assets, errors, a download and the admin sign-in through the proxy"
status=0
$PY scripts/smoke_checks.py pages || status=1

step "every periodic job once (deploy/jobs.toml)"
jobs=$($PY scripts/deploy_units.py --commands) || { echo "  MISS the periodic jobs could not be listed"; status=1; }
while read -r job; do
  [ -n "$job" ] || continue
  echo "  manage.py $job"
  # shellcheck disable=SC2086 # a job's arguments are words
  if ! $PY manage.py $job >"$WORK/job.log" 2>&1; then
    echo "  MISS periodic job failed: $job"; tail -n 20 "$WORK/job.log"; status=1
  else
    sed 's/^/    /' "$WORK/job.log" | grep -v "AXES: BEGIN" || true
  fi
done <<<"$jobs"

step "health: /health/live and /health/ready (worker_heartbeat above queued the task the worker answers)"
for _ in $(seq 1 30); do
  curl -fsS -o /dev/null -H "Host: 127.0.0.1" "http://127.0.0.1:$SMOKE_PORT/health/ready" && break
  sleep 1
done
$PY scripts/smoke_checks.py ready || status=1

step "the database stopped: the readiness probe names it, pages show the exchange's own 500 page"
scripts/postgres.sh stop
$PY scripts/smoke_checks.py error || status=1

if [ "$status" != 0 ]; then
  echo "Smoke stage FAILED. gunicorn's log:"; tail -n 40 "$WORK/gunicorn.log"
  echo "worker's log:"; tail -n 40 "$WORK/worker.log"
  exit 1
fi
echo "Smoke stage passed: production settings under gunicorn with a real db_worker, on PostgreSQL."
