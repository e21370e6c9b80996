// Live bed tiles over Server-Sent Events. Builds the DOM with textContent only (no HTML from the server).
'use strict';
(() => {
  const CATEGORY_TEXT = { no_pain: 'no pain', mild_moderate: 'mild to moderate', severe: 'severe' };
  const FACE_TEXT = { visible: 'face visible', no_face: 'no face', low_quality: 'low image quality', unreadable: 'face not readable', unknown: 'waiting for camera' };
  const beds = new Map();
  let conflicted = new Set();
  let historyMs = 5 * 60 * 1000;
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
    parent.appendChild(e);
    return e;
  }

  function createTile(id) {
    const tile = el('section', 'tile band-none', $('beds'));
    tile.dataset.bed = id;
    const head = el('header', '', tile);
    el('h2', '', head).textContent = id;
    const camera = el('span', 'camera', head);
    const banner = el('div', 'alert-banner', tile);
    banner.hidden = true;
    const row = el('div', 'score-row', tile);
    const score = el('span', 'score', row);
    const category = el('span', 'category', row);
    const meta = el('div', 'meta', tile);
    const uncertainty = el('span', 'uncertainty', meta);
    const face = el('span', 'face', meta);
    const svg = svgEl('svg', { class: 'spark', viewBox: '0 0 300 70', preserveAspectRatio: 'none' }, tile);
    for (const level of [3, 5]) svgEl('line', { class: 'guide', x1: 0, x2: 300, y1: y(level), y2: y(level) }, svg);
    const line = svgEl('path', { class: 'line', d: '' }, svg);
    const footer = el('footer', 'model', tile);
    const t = { tile, camera, banner, score, category, uncertainty, face, line, footer, history: [], view: null };
    beds.set(id, t);
    return t;
  }

  function y(score) { return 70 - (score / 7) * 66 - 2; }

  function drawSpark(t) {
    const now = t.history.length ? t.history[t.history.length - 1].t : Date.now();
    t.history = t.history.filter((p) => p.t >= now - historyMs);
    // Until the history fills the window, stretch it over at least a minute so a new bed's line is readable.
    const span = t.history.length ? Math.min(historyMs, Math.max(60000, now - t.history[0].t)) : historyMs;
    let d = '';
    let pen = false;
    for (const p of t.history) {
      if (p.s === undefined || p.s === null) { pen = false; continue; }
      const x = 300 - ((now - p.t) / span) * 300;
      d += `${pen ? 'L' : 'M'}${x.toFixed(1)} ${y(p.s).toFixed(1)} `;
      pen = true;
    }
    t.line.setAttribute('d', d.trim());
  }

  function time(iso) { return new Date(iso).toLocaleTimeString('en-GB'); }

  function render(v) {
    const t = beds.get(v.bed) || createTile(v.bed);
    t.view = v;
    const band = v.category || 'none';
    t.tile.className = `tile band-${band}`;
    t.tile.dataset.category = band;
    t.score.textContent = v.score === undefined || v.score === null ? '–' : v.score.toFixed(1);
    t.category.textContent = v.category ? CATEGORY_TEXT[v.category] : FACE_TEXT[v.face] || v.face;
    t.uncertainty.textContent = v.uncertainty === undefined || v.uncertainty === null ? 'uncertainty –' : `uncertainty ${(v.uncertainty * 100).toFixed(0)} %`;
    t.face.textContent = FACE_TEXT[v.face] || v.face;
    t.camera.textContent = v.cameraDetail ? `camera ${v.camera}: ${v.cameraDetail}` : `camera ${v.camera}`;
    t.camera.dataset.status = v.camera;
    if (v.episode) {
      t.banner.hidden = false;
      t.banner.textContent = `Pain episode · ${CATEGORY_TEXT[v.episode.category]} · peak ${v.episode.peak.toFixed(1)} · since ${time(v.episode.startedAt)}`;
    } else {
      t.banner.hidden = true;
      t.banner.textContent = '';
    }
    t.footer.textContent = v.modelId ? `model ${v.modelId}` : '';
    if (v.modelId) $('model').textContent = `model ${v.modelId}`;
    for (const p of v.history || []) t.history.push(p);
    t.tile.dataset.conflict = conflicted.has(v.bed) ? 'true' : 'false';
    drawSpark(t);
  }

  function addAlert(a) {
    const li = document.createElement('li');
    li.textContent = `${time(a.time)} · ${a.bed} · ${a.kind} · ${CATEGORY_TEXT[a.category]} · peak ${a.peak.toFixed(1)} (${a.reason})`;
    li.dataset.kind = a.kind;
    const list = $('alerts');
    list.insertBefore(li, list.firstChild);
    while (list.children.length > 20) list.removeChild(list.lastChild);
  }

  function setLink(state, text) {
    const link = $('link');
    link.dataset.state = state;
    link.textContent = text;
  }

  // Off loopback the stream needs the dashboard token. EventSource cannot send it as a header and gives up on a 401
  // without saying why, so ask /api/beds what the refusal was; the token buys a session cookie that the stream sends.
  async function refused() {
    let status = 0;
    try { status = (await fetch('api/beds', { cache: 'no-store' })).status; } catch { /* the monitor is down */ }
    if (status === 401) {
      setLink('locked', 'token needed');
      $('login').hidden = false;
      $('token').focus();
    } else {
      setTimeout(connect, 3000);
    }
  }

  async function signIn(event) {
    event.preventDefault();
    const token = $('token').value.trim();
    const response = await fetch('api/session', { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
    if (!response.ok) {
      $('login-error').textContent = 'That is not this monitor\'s token.';
      return;
    }
    $('token').value = '';
    $('login-error').textContent = '';
    $('login').hidden = true;
    connect();
  }

  function connect() {
    const source = new EventSource('api/events');
    source.addEventListener('open', () => setLink('live', 'live'));
    source.addEventListener('error', () => {
      if (source.readyState === EventSource.CLOSED) refused();
      else setLink('lost', 'reconnecting…');
    });
    source.addEventListener('snapshot', (e) => {
      const d = JSON.parse(e.data);
      if (d.historyMinutes) historyMs = d.historyMinutes * 60 * 1000;
      for (const t of beds.values()) t.history = [];
      for (const v of d.beds) render(v);
      $('alerts').textContent = '';
      for (const a of (d.alerts || []).slice().reverse()) addAlert(a);
    });
    source.addEventListener('bed', (e) => render(JSON.parse(e.data)));
    source.addEventListener('alert', (e) => addAlert(JSON.parse(e.data)));
  }

  // Another monitor on the broker claiming one of these beds (two instances configured with one bed id).
  function markConflicts() {
    for (const [id, t] of beds) t.tile.dataset.conflict = conflicted.has(id) ? 'true' : 'false';
  }

  async function pollMonitor() {
    try {
      const response = await fetch('api/monitor', { cache: 'no-store' });
      if (response.ok) {
        const m = await response.json();
        $('instance').textContent = `monitor ${m.instanceId}`;
        conflicted = new Set(m.conflicts.map((c) => c.bed));
        const box = $('conflicts');
        box.hidden = m.conflicts.length === 0;
        box.textContent = m.conflicts.map((c) => `Conflict: ${c.bed} is also claimed by ${c.claimedBy.join(', ')}`).join(' · ');
        markConflicts();
      }
    } catch { /* the monitor is down; the link state says so */ }
    setTimeout(pollMonitor, 3000);
  }

  async function pollModels() {
    try {
      const response = await fetch('api/models', { cache: 'no-store' });
      if (response.ok) {
        const m = await response.json();
        $('model-serving').textContent = m.serving ? `serving ${m.serving}` : '';
        const list = $('model-history');
        list.replaceChildren(...(m.history || []).map((h) => {
          const item = document.createElement('li');
          const from = h.fromId ? ` (was ${h.fromId})` : '';
          item.textContent = `${new Date(h.time).toLocaleString()} · ${h.action} ${h.modelId}${from} · by ${h.by}`;
          return item;
        }));
      }
    } catch { /* the monitor is down; the link state says so */ }
    setTimeout(pollModels, 10000);
  }

  $('login').addEventListener('submit', signIn);
  connect();
  pollMonitor();
  pollModels();
})();
