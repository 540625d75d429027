#!/usr/bin/env bash
# Serves Agendum on http://127.0.0.1:8000 with a Celery worker and Celery beat beside it:
# the same three processes as a deployment (deploy/agendum-{web,worker,beat}.service).
# Beat runs as its own process rather than inside the worker (-B) so that the sweeper, which
# hands over queued publications and takes back the claims of dead workers, keeps running
# when the worker is killed or restarted. Ctrl-C (or any process dying) stops all three.
set -uo pipefail
cd "$(dirname "$0")/../.."
BIN=.venv/bin
PORT="${PORT:-8000}"

"$BIN/celery" -A config worker --loglevel=INFO --concurrency=2 --hostname="agendum@%h" &
worker=$!
"$BIN/celery" -A config beat --loglevel=INFO &
beat=$!
# Sync workers (WEB_WORKERS, 2 by default): this script serves browsers directly, and browsers
# keep connections alive; a gthread worker keeps each such connection to itself, so a few
# clients can pin one worker while the other idles (issue 15, wrk with keep-alive: 1,098 req/s
# for 2 x 4 threads against 2,382 for 2 sync workers). A sync worker closes every connection,
# so each request goes to whichever worker is free; sync workers also hold 25-35 MB less each
# (bench/workers.py). README, "Production sizing", has the figures and the proxy set-up.
# The app is preloaded in the arbiter and shared by the workers (config/gunicorn_settings.py).
"$BIN/gunicorn" config.wsgi --config config/gunicorn_settings.py --bind "127.0.0.1:$PORT" \
  --workers "${WEB_WORKERS:-2}" --access-logfile - --graceful-timeout 5 &
web=$!

stop() {
  trap - INT TERM EXIT
  kill -TERM "$web" "$worker" "$beat" 2>/dev/null
  wait "$web" "$worker" "$beat" 2>/dev/null
}
trap stop INT TERM EXIT
echo "Agendum is served at http://127.0.0.1:$PORT (Ctrl-C stops the web server, the worker and beat)."
wait -n "$web" "$worker" "$beat"
