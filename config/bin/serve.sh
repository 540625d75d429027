#!/usr/bin/env bash
# Serves Agendum on http://127.0.0.1:8000 with a Celery worker beside it.
# Ctrl-C (or either process dying) stops both.
set -uo pipefail
cd "$(dirname "$0")/../.."
BIN=.venv/bin
PORT="${PORT:-8000}"

"$BIN/celery" -A config worker --loglevel=INFO --concurrency=2 --hostname="agendum@%h" &
worker=$!
"$BIN/gunicorn" config.wsgi --bind "127.0.0.1:$PORT" --workers 2 --threads 4 \
  --access-logfile - --graceful-timeout 5 &
web=$!

stop() {
  trap - INT TERM EXIT
  kill -TERM "$web" "$worker" 2>/dev/null
  wait "$web" "$worker" 2>/dev/null
}
trap stop INT TERM EXIT
echo "Agendum is served at http://127.0.0.1:$PORT (Ctrl-C stops the web server and the worker)."
wait -n "$web" "$worker"
