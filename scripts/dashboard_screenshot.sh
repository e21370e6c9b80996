#!/usr/bin/env bash
# Reproduces docs/images/dashboard-severe.png: the monitor on the shipped configs/monitor.json (what `./npa run` uses),
# on free loopback ports so that it can run beside another monitor, and a screenshot by headless Chromium once the
# first scripted peak shows as severe on the page.
# Needs a Release build (./npa build), Debian's mosquitto-clients, jq and chromium (./npa setup installs them).
#   scripts/dashboard_screenshot.sh [OUT.png]     # default docs/images/dashboard-severe.png
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
out="$(readlink -f "${1:-docs/images/dashboard-severe.png}")"
DLL="src/Npa.Monitor/bin/${NPA_CONFIGURATION:-Release}/net10.0/linux-x64/npa-monitor.dll"
[ -f "$DLL" ] || { echo "build the monitor first: ./npa build" >&2; exit 2; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
work="$(mktemp -d /tmp/npa-shot-XXXXXX)"
mqtt_port="$(free_port)"; web_port="$(free_port)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

NPA_Mqtt__Port="$mqtt_port" NPA_Web__Port="$web_port" NPA_Storage__DataDirectory="$work/data" \
  dotnet "$DLL" run --config configs/monitor.json > "$work/monitor.log" 2>&1 & pids+=($!)
for ((i = 0; i < 600; i++)); do curl -sf "http://127.0.0.1:$web_port/" > /dev/null && break; sleep 0.2; done
mosquitto_sub -V mqttv5 -h 127.0.0.1 -p "$mqtt_port" -i npa-viewer -v -t 'npa/beds/+/state' > "$work/state.txt" & pids+=($!)

# The page holds a live event stream open, so Chromium's own --screenshot never sees the load end. Playwright (the
# driver that the Microsoft.Playwright test package ships, run on Debian's Chromium; nothing is downloaded) waits until
# a bed tile turns severe: the default script repeats every 65 s with its NIPS 6-7 peak at 30-45 s.
driver="tests/Npa.Monitor.Tests/bin/${NPA_CONFIGURATION:-Release}/net10.0/linux-x64/.playwright"
[ -x "$driver/node/linux-x64/node" ] || { echo "build the tests first: ./npa build" >&2; exit 2; }
NPA_URL="http://127.0.0.1:$web_port/" NPA_OUT="$out" NPA_PLAYWRIGHT="$(readlink -f "$driver/package")" \
  timeout 240 "$driver/node/linux-x64/node" -e '
const { chromium } = require(process.env.NPA_PLAYWRIGHT);
(async () => {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(process.env.NPA_URL);
  await page.waitForSelector(".tile.band-severe", { timeout: 200000 });
  await page.waitForTimeout(1500);
  await page.screenshot({ path: process.env.NPA_OUT });
  await browser.close();
})().catch(e => { console.error(e.message); process.exit(1); });'
echo "last severe state on MQTT: $(grep '"category":"severe"' "$work/state.txt" | tail -1 | cut -d' ' -f2- | jq -c "{bed_id, smoothed_score, category, time}" 2>/dev/null)"
echo "wrote $out"
