#!/usr/bin/env bash
# One command to try earshot: set everything up, start the server on its embedded default
# (no Redis, no PostgreSQL), stream a demo call into it, and show the transcript. The server
# keeps running afterwards (Ctrl-C stops it).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

export PORT="${PORT:-8080}" HOST="${HOST:-127.0.0.1}"
node dist/src/cli.js serve &
server=$!
trap 'kill $server 2>/dev/null || true' INT TERM
for _ in $(seq 1 60); do
  curl -fsS "http://$HOST:$PORT/healthz" >/dev/null 2>&1 && break
  sleep 0.5
done

demo_dir=$(mktemp -d)
flite -voice slt -t "Good morning, this is Sam from Acme Recovery calling about your account. If you do not pay today a warrant will be issued for your arrest." -o "$demo_dir/demo.wav"
echo
echo "== demo call: streaming $demo_dir/demo.wav at real-time pace; events from /v1/agents/demo-agent/events =="
node dist/src/cli.js replay "$demo_dir/demo.wav" --url "ws://$HOST:$PORT" --agent demo-agent --call demo-call \
  | node -e 'require("readline").createInterface({input: process.stdin}).on("line", (l) => { const e = JSON.parse(l); if (e.type === "transcript") console.log(`${e.final ? "FINAL  " : "partial"} [${e.startMs}-${e.endMs} ms] ${e.channel}: ${e.text}`); else if (e.type === "alert") console.log(`ALERT   [${e.startMs}-${e.endMs} ms] ${e.category} (${e.severity}) "${e.text}": ${e.explanation} Say instead: ${e.suggestion ?? "-"}`); else console.log(e.type, e.callId ?? ""); })'
echo
echo "earshot is running on http://$HOST:$PORT. Pages: collector http://$HOST:$PORT/agent/demo-agent,"
echo "supervisors http://$HOST:$PORT/live, QA http://$HOST:$PORT/qa (the demo's alert and its clip are there); metrics /metrics. Ctrl-C to stop."
wait $server
