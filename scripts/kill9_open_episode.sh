#!/usr/bin/env bash
# Must-show of issue 15: kill -9 the monitor while an alert episode is open, start it again, and print what a real
# mosquitto_sub saw: the old episode's `end` (reason monitor_restart) and seq going on across the restart.
# Needs a Release build of src/Npa.Monitor (./npa build) and Debian's mosquitto + mosquitto-clients.
#   scripts/kill9_open_episode.sh            # prints the capture; exits 1 if the old episode was never ended
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
DLL="src/Npa.Monitor/bin/${NPA_CONFIGURATION:-Release}/net10.0/linux-x64/npa-monitor.dll"
[ -f "$DLL" ] || { echo "build the monitor first: ./npa build" >&2; exit 2; }
work="$(mktemp -d /tmp/npa-kill9-XXXXXX)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
web="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

printf 'listener %s 127.0.0.1\nallow_anonymous true\npersistence false\n' "$port" > "$work/mosquitto.conf"
/usr/sbin/mosquitto -c "$work/mosquitto.conf" 2>"$work/mosquitto.log" & pids+=($!)
sleep 0.5
mosquitto_sub -h 127.0.0.1 -p "$port" -q 1 -v -t 'npa/beds/+/alert' -t 'npa/beds/+/state' > "$work/capture.txt" & pids+=($!)

# Rest 6 s, then pain that holds for ten minutes: the episode is open whenever the kill comes.
cat > "$work/pain.json" <<'JSON'
{ "bedId": "bed-1", "seed": 1, "loop": false,
  "segments": [ { "name": "rest", "duration": "00:00:06", "nipsFrom": 0, "nipsTo": 1 },
                { "name": "peak pain", "duration": "00:10:00", "nipsFrom": 6, "nipsTo": 7 } ] }
JSON
cat > "$work/monitor.json" <<JSON
{ "Beds": [ { "Id": "bed-1", "Camera": { "Kind": "Simulated" }, "Seed": 1, "Script": "$work/pain.json" } ],
  "Capture": { "AssessmentRateHz": 4, "Detector": { "Kind": "BlazeFace" } },
  "Inference": { "ModelPath": "models/demo", "WatchModel": false },
  "Mqtt": { "Mode": "External", "Host": "127.0.0.1", "Port": $port },
  "Alerts": { "StartScore": 2.5, "EndScore": 2.0 },
  "Storage": { "DataDirectory": "$work/data" },
  "Web": { "BindAddress": "127.0.0.1", "Port": $web } }
JSON

wait_for() { # pattern, seconds
  local i; for ((i = 0; i < $2 * 10; i++)); do grep -q "$1" "$work/capture.txt" && return 0; sleep 0.1; done
  echo "timed out after $2 s waiting for $1" >&2; return 1
}

dotnet "$DLL" run --config "$work/monitor.json" > "$work/monitor-1.log" 2>&1 & first=$!; pids+=($first)
wait_for '"event":"start"' 120
wait_for '"event":"update"' 30 || true
episode="$(grep '"event":"start"' "$work/capture.txt" | head -1 | sed -E 's/.*"episode_id":"([^"]+)".*/\1/')"
echo "episode $episode is open; kill -9 $first"
kill -9 "$first"; wait "$first" 2>/dev/null || true
before="$(wc -l < "$work/capture.txt")"

dotnet "$DLL" run --config "$work/monitor.json" > "$work/monitor-2.log" 2>&1 & second=$!; pids+=($second)
wait_for "\"episode_id\":\"$episode\".*\"reason\":\"monitor_restart\"\|\"event\":\"end\".*\"episode_id\":\"$episode\"" 60
sleep 3
kill -TERM "$second"; wait "$second" 2>/dev/null || true
sleep 1

echo
echo "== mosquitto_sub -v -t 'npa/beds/+/alert' -t 'npa/beds/+/state' (kill -9 after line $before) =="
n=0
while IFS= read -r line; do
  n=$((n + 1)); topic="${line%% *}"; payload="${line#* }"
  summary="$(jq -c '{seq, event, episode_id, reason, category, time}' <<<"$payload" 2>/dev/null | sed 's/,"[a-z_]*":null//g')"
  printf '%3d %-24s %s\n' "$n" "$topic" "$summary"
  [ "$n" -eq "$before" ] && echo "    ---- kill -9, restart ----"
done < "$work/capture.txt"

echo
echo "== seq per topic (must only rise; a repeat is an at-least-once redelivery) =="
for t in npa/beds/bed-1/alert npa/beds/bed-1/state; do
  printf '%s: %s\n' "$t" "$(grep "^$t " "$work/capture.txt" | sed 's/^[^ ]* //' | jq -r .seq | tr '\n' ' ')"
done
if grep "\"episode_id\":\"$episode\"" "$work/capture.txt" | grep -q '"event":"end"'; then
  echo "old episode $episode ended after the restart: $(grep "\"episode_id\":\"$episode\"" "$work/capture.txt" | grep '"event":"end"' | head -1 | sed 's/^[^ ]* //' | jq -c '{seq, event, reason}')"
else
  echo "old episode $episode was never ended" >&2; exit 1
fi
