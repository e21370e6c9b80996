// The ward page: every bed of every monitor on the broker, over Server-Sent Events from the station. The DOM is
// built with textContent only (no HTML from the server). Tiles are kept in the station's severity order.
'use strict';
(() => {
  const CATEGORY_TEXT = { no_pain: 'no pain', mild_moderate: 'mild to moderate', severe: 'severe' };
  const W = 300, H = 96, LEFT = 22, RIGHT = 296, TOP = 6, BOTTOM = 78;
  const beds = new Map();
  let historyMs = 15 * 60 * 1000;
  let canCommand = true;
  const $ = (id) => document.getElementById(id);

  function el(tag, cls, parent) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (parent) parent.appendChild(e);
    return e;
  }

  function svgEl(tag, attrs, parent) {
    const e = document.createElementNS('http://www.w3.org/2000/svg', tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    if (parent) parent.appendChild(e);
    return e;
  }

  function clock(iso) { return new Date(iso).toLocaleTimeString('en-GB'); }
  function hhmm(ms) { return new Date(ms).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' }); }

  function button(parent, action, text) {
    const b = el('button', '', parent);
    b.type = 'button';
    b.dataset.action = action;
    b.textContent = text;
    b.addEventListener('click', () => send(parent.closest('[data-bed]').dataset.bed, action));
    return b;
  }

  function createTile(id) {
    const tile = el('section', 'tile band-none', $('beds'));
    tile.dataset.bed = id;
    const head = el('header', '', tile);
    el('h2', '', head).textContent = id;
    const owner = el('span', 'owner', head);
    const camera = el('span', 'camera', head);
    const staleness = el('div', 'staleness', tile);
    const banner = el('div', 'alert-banner', tile);
    const alarm = el('div', 'alarm', tile);
    const row = el('div', 'score-row', tile);
    const score = el('span', 'score', row);
    const category = el('span', 'category', row);
    const svg = svgEl('svg', { class: 'chart', viewBox: `0 0 ${W} ${H}`, role: 'img' }, tile);
    const grid = svgEl('g', { class: 'axis-y' }, svg);
    for (const level of [0, 3, 5, 7]) {
      svgEl('line', { class: 'guide', x1: LEFT, x2: RIGHT, y1: y(level), y2: y(level) }, grid);
      svgEl('text', { x: LEFT - 4, y: y(level) + 3, 'text-anchor': 'end' }, grid).textContent = String(level);
    }
    const axis = svgEl('g', { class: 'axis-x' }, svg);
    const line = svgEl('path', { class: 'line', d: '' }, svg);
    const lows = svgEl('g', { class: 'lows' }, svg);
    const controls = el('div', 'controls', tile);
    const ack = button(controls, 'ack', 'Acknowledge');
    const minutes = el('input', 'minutes', controls);
    Object.assign(minutes, { type: 'number', min: 1, max: 120, value: 15, title: 'minutes for silence and hold' });
    el('span', '', controls).textContent = 'min';
    const silence = button(controls, 'silence', 'Silence');
    const hold = button(controls, 'hold', 'Hold for care');
    const resume = button(controls, 'resume', 'Resume');
    const status = el('div', 'command-status', tile);
    const footer = el('footer', 'model', tile);
    const t = { tile, owner, camera, staleness, banner, alarm, score, category, svg, axis, line, lows, ack, minutes, silence, hold, resume, status, footer, history: [], view: null };
    beds.set(id, t);
    return t;
  }

  function y(score) { return BOTTOM - (score / 7) * (BOTTOM - TOP); }

  // The x axis is the last historyMs up to now, ticked at round minutes, so a nurse reads when a rise happened.
  function drawChart(t) {
    const now = Math.max(Date.now(), t.history.length ? t.history[t.history.length - 1].t : 0);
    const from = now - historyMs;
    t.history = t.history.filter((p) => p.t >= from);
    const x = (ms) => LEFT + ((ms - from) / historyMs) * (RIGHT - LEFT);
    let d = '';
    let pen = false;
    t.lows.replaceChildren();
    for (const p of t.history) {
      if (p.low) { svgEl('circle', { class: 'low', cx: x(p.t).toFixed(1), cy: y(p.s).toFixed(1), r: 1.5 }, t.lows); pen = false; continue; }
      d += `${pen ? 'L' : 'M'}${x(p.t).toFixed(1)} ${y(p.s).toFixed(1)} `;
      pen = true;
    }
    t.line.setAttribute('d', d.trim());
    const steps = [1, 2, 5, 10, 15, 30, 60, 120].map((m) => m * 60000);
    const step = steps.find((s) => historyMs / s <= 5) || steps[steps.length - 1];
    t.axis.replaceChildren();
    for (let tick = Math.ceil(from / step) * step; tick <= now; tick += step) {
      svgEl('line', { class: 'tick', x1: x(tick), x2: x(tick), y1: BOTTOM, y2: BOTTOM + 3 }, t.axis);
      const label = svgEl('text', { x: x(tick), y: H - 6, 'text-anchor': 'middle' }, t.axis);
      label.textContent = hhmm(tick);
      label.dataset.t = String(tick);
    }
  }

  function render(v) {
    const t = beds.get(v.bed) || createTile(v.bed);
    t.view = v;
    const band = v.category || 'none';
    t.tile.className = `tile band-${band}`;
    Object.assign(t.tile.dataset, { category: band, stale: String(v.stale), rank: String(v.rank), monitor: v.monitor || '' });
    t.owner.textContent = v.monitor ? `${v.monitor} · ${v.monitorState}` : 'no monitor claims this bed';
    t.score.textContent = v.score === undefined || v.score === null ? '–' : v.score.toFixed(1);
    t.category.textContent = v.category ? CATEGORY_TEXT[v.category] : (v.faceVisible === false ? 'no face' : 'no score');
    const cam = v.camera ? (v.cameraDetail ? `camera ${v.camera}: ${v.cameraDetail}` : `camera ${v.camera}`) : 'camera –';
    t.camera.textContent = v.stale && v.camera ? `last known: ${cam}` : cam;
    t.camera.dataset.status = v.stale ? 'unknown' : v.camera || 'unknown';
    t.staleness.hidden = !v.stale;
    t.staleness.textContent = v.stale
      ? `${v.monitor ? `Monitor ${v.monitor} ${v.monitorState}` : 'No monitor claims this bed'}: data ${v.updatedAt ? `from ${clock(v.updatedAt)}` : 'missing'}, not live`
      : '';
    if (v.claimedBy) t.staleness.hidden = false, t.staleness.textContent = `Claimed by ${v.claimedBy.join(' and ')}: check the monitors' bed lists`;
    const e = v.episode;
    t.banner.hidden = !e;
    t.banner.dataset.category = e ? e.category : '';
    t.banner.textContent = e ? `Pain episode · ${CATEGORY_TEXT[e.category]}${e.peak != null ? ` · peak ${e.peak.toFixed(1)}` : ''}${e.startedAt ? ` · since ${clock(e.startedAt)}` : ''}${v.acknowledgedBy ? ` · acknowledged by ${v.acknowledgedBy}` : ''}` : '';
    const alarm = [];
    if (v.holdUntil) alarm.push(`On hold for care until ${clock(v.holdUntil)}`);
    if (v.silencedUntil) alarm.push(`Silenced until ${clock(v.silencedUntil)}`);
    if (alarm.length && v.alarmBy) alarm.push(`by ${v.alarmBy}`);
    t.alarm.hidden = alarm.length === 0;
    t.alarm.textContent = alarm.join(' · ');
    t.tile.dataset.hold = v.holdUntil ? 'true' : 'false';
    // Commands are never retained: one sent while the owning monitor is offline would be lost, so none is offered.
    const live = canCommand && !v.stale;
    t.ack.disabled = !live || !e || !!v.acknowledgedBy;
    for (const b of [t.silence, t.hold]) b.disabled = !live;
    t.resume.disabled = !live || (!v.holdUntil && !v.silencedUntil);
    t.footer.textContent = v.modelId ? `model ${v.modelId}` : '';
    for (const p of v.history || []) t.history.push(p);
    drawChart(t);
  }

  // Keeps the tiles in the station's order (rank, then score, then id) without touching tiles already in place.
  function reorder() {
    const sorted = [...beds.values()].sort((a, b) => (b.view.rank - a.view.rank)
      || ((b.view.score ?? -1) - (a.view.score ?? -1)) || (a.view.bed < b.view.bed ? -1 : a.view.bed > b.view.bed ? 1 : 0));
    const main = $('beds');
    sorted.forEach((t, i) => { if (main.children[i] !== t.tile) main.insertBefore(t.tile, main.children[i] || null); });
    const banners = $('banners');
    banners.replaceChildren(...sorted.filter((t) => t.view.episode && !t.view.stale).map((t) => {
      const b = el('div', 'banner');
      b.dataset.bed = t.view.bed;
      b.dataset.category = t.view.episode.category;
      b.textContent = `${t.view.bed}: pain episode, ${CATEGORY_TEXT[t.view.episode.category]}${t.view.acknowledgedBy ? ' (acknowledged)' : ''}`;
      return b;
    }));
  }

  function renderMonitors(list) {
    $('monitors').textContent = list.length ? list.map((m) => `${m.id} ${m.state}`).join(' · ') : 'no monitor seen yet';
  }

  const monitors = new Map();
  function monitor(m) { monitors.set(m.id, m); renderMonitors([...monitors.values()].sort((a, b) => (a.id < b.id ? -1 : 1))); }

  let audio = null;
  // Browsers start audio only from a user's gesture: the context is made when the box is ticked.
  $('sound').addEventListener('change', () => { if ($('sound').checked && !audio) audio = new AudioContext(); });
  function chime() {
    if (!$('sound').checked || !audio) return;
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.frequency.value = 880;
    gain.gain.value = 0.15;
    osc.connect(gain).connect(audio.destination);
    osc.start();
    osc.stop(audio.currentTime + 0.4);
  }

  function addAlert(a, live) {
    const li = document.createElement('li');
    li.textContent = `${clock(a.time)} · ${a.bed} · ${a.kind} · ${CATEGORY_TEXT[a.category]} · peak ${a.peak.toFixed(1)}${a.reason ? ` (${a.reason})` : ''}`;
    li.dataset.kind = a.kind;
    li.dataset.bed = a.bed;
    const list = $('alerts');
    list.insertBefore(li, list.firstChild);
    while (list.children.length > 30) list.removeChild(list.lastChild);
    if (live && a.kind === 'start') chime();
  }

  async function send(bed, action) {
    const t = beds.get(bed);
    const body = { nurse: $('nurse').value.trim() || null };
    if (action === 'silence' || action === 'hold') body.minutes = Number(t.minutes.value);
    t.status.dataset.ok = 'true';
    t.status.textContent = `${action}: sending…`;
    try {
      const response = await fetch(`api/beds/${encodeURIComponent(bed)}/${action}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      const answer = await response.json();
      t.status.dataset.ok = String(response.ok);
      t.status.textContent = response.ok ? `${action} sent by ${answer.by}; the monitor confirms in the tile` : `${action} not sent: ${answer.error || answer.refusal}`;
    } catch {
      t.status.dataset.ok = 'false';
      t.status.textContent = `${action} not sent: the station does not answer`;
    }
  }

  function setLink(state, text) {
    $('link').dataset.state = state;
    $('link').textContent = text;
  }

  async function loadInfo() {
    try {
      const info = await (await fetch('api/ward', { cache: 'no-store' })).json();
      canCommand = info.canCommand;
      $('readonly').hidden = canCommand;
    } catch { /* the stream's error handler says the station is gone */ }
  }

  function connect() {
    const source = new EventSource('api/ward/events');
    source.addEventListener('error', () => setLink('lost', 'station not answering, retrying…'));
    source.addEventListener('snapshot', async (e) => {
      await loadInfo();
      const d = JSON.parse(e.data);
      if (d.historyMinutes) historyMs = d.historyMinutes * 60 * 1000;
      setLink(d.connected ? 'live' : 'broker', d.connected ? 'live' : 'broker not reachable');
      for (const t of beds.values()) t.history = [];
      for (const v of d.beds) render(v);
      monitors.clear();
      for (const m of d.monitors) monitor(m);
      $('alerts').textContent = '';
      for (const a of (d.alerts || []).slice().reverse()) addAlert(a, false);
      reorder();
    });
    source.addEventListener('bed', (e) => { render(JSON.parse(e.data)); reorder(); });
    source.addEventListener('monitor', (e) => monitor(JSON.parse(e.data)));
    source.addEventListener('alert', (e) => addAlert(JSON.parse(e.data), true));
    source.addEventListener('link', (e) => {
      const l = JSON.parse(e.data);
      setLink(l.connected ? 'live' : 'broker', l.connected ? 'live' : 'broker not reachable');
    });
  }

  // The time axis moves on even when a bed is quiet.
  setInterval(() => { for (const t of beds.values()) drawChart(t); }, 5000);
  connect();
})();
