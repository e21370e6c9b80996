'use strict';
// The annotator page: log in, then label the queue by keyboard. Everything from the server is set as text, never as HTML.
(() => {
  const $ = (id) => document.getElementById(id);
  let queue = [];
  let index = 0;
  let busy = false;

  async function api(path, options) {
    const response = await fetch(path, Object.assign({ credentials: 'same-origin', cache: 'no-store' }, options));
    if (response.status === 401) { showLogin(); throw new Error('not logged in'); }
    if (!response.ok) {
      const body = await response.json().catch(() => ({}));
      throw new Error(body.error || `HTTP ${response.status}`);
    }
    return response.status === 204 ? null : response.json();
  }

  function showLogin() {
    $('desk').hidden = true;
    $('logout').hidden = true;
    $('who').textContent = '';
    $('login').hidden = false;
  }

  async function start() {
    let me;
    try { me = await api('/api/me'); } catch { return; }
    $('login').hidden = true;
    $('desk').hidden = false;
    $('logout').hidden = false;
    $('who').textContent = `logged in as ${me.annotator}`;
    $('required').textContent = me.requiredAnnotators > 1
      ? `Double annotation: a level becomes the label once ${me.requiredAnnotators} annotators give it.`
      : 'Single annotation: your level becomes the label.';
    queue = (await api('/api/frames')).frames;
    index = 0;
    show();
    await refresh();
  }

  function show() {
    const frame = queue[index];
    $('current').hidden = !frame;
    $('done').hidden = !!frame;
    $('progress').textContent = frame ? `frame ${index + 1} of ${queue.length}` : '';
    if (!frame) return;
    $('crop').src = frame.crop;
    $('current').dataset.frame = frame.id;
    $('bed').textContent = frame.bed;
    $('time').textContent = new Date(frame.time).toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
    $('score').textContent = `${frame.score.toFixed(1)} (arg-max ${frame.predictedLevel}, confidence ${(frame.confidence * 100).toFixed(0)} %)`;
    $('band').textContent = frame.band.replace('_', ' ');
    $('band').dataset.band = frame.band;
    $('alpha').textContent = `${frame.alphaA.toFixed(3)} · ${frame.alphaB.toFixed(3)} = ${frame.alpha.toFixed(3)}`;
    $('reasons').textContent = frame.reasons.replaceAll('|', ', ').replaceAll('_', ' ');
    $('model').textContent = frame.modelId;
    const cams = frame.cam || [];
    document.querySelectorAll('figure.cam').forEach((figure, b) => {
      figure.hidden = !cams[b];
      if (!cams[b]) return;
      $(`cam-${b}`).src = cams[b];
      $(`cam-${b}-name`).textContent = `CAM · ${frame.camBranches[b]} · level ${frame.predictedLevel}`;
    });
    $('cam').textContent = !cams.length ? 'No CAM: the store keeps none, and this page was started without --model.'
      : frame.camModel === frame.modelId ? '' : `CAM drawn by ${frame.camModel}; the frame was scored by ${frame.modelId}.`;
  }

  function cell(row, text) {
    const td = document.createElement('td');
    td.textContent = text ?? '–';
    row.appendChild(td);
  }

  async function refresh() {
    const audit = await api('/api/audit');
    const body = $('audit').tBodies[0];
    body.replaceChildren(...audit.rows.map((r) => {
      const tr = document.createElement('tr');
      tr.dataset.seq = r.seq;
      tr.dataset.frame = r.frame;
      [r.seq, r.time.replace('T', ' ').replace(/\.\d+/, ''), r.annotator, r.frame.slice(0, 12), r.previous, r.value, r.storeLabel]
        .forEach((v) => cell(tr, v === undefined || v === null ? null : String(v)));
      return tr;
    }));
    const agreement = await api('/api/agreement');
    $('agreement').tBodies[0].replaceChildren(...agreement.pairs.map((p) => {
      const tr = document.createElement('tr');
      [`${p.annotatorA} · ${p.annotatorB}`, String(p.frames), String(p.agreed), p.kappa === undefined || p.kappa === null ? 'undefined' : p.kappa.toFixed(3)]
        .forEach((v) => cell(tr, v));
      return tr;
    }));
  }

  async function answer(value) {
    const frame = queue[index];
    if (!frame || busy) return;
    busy = true;
    $('answer-error').textContent = '';
    try {
      await api(`/api/frames/${encodeURIComponent(frame.id)}/answer`, {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ value }),
      });
      index++;
      show();
    } catch (e) {
      $('answer-error').textContent = e.message;
    } finally {
      busy = false;
    }
    // The audit and agreement reload behind the next answer, so a fast annotator's keys are never dropped.
    refresh().catch((e) => { $('answer-error').textContent = e.message; });
  }

  document.addEventListener('keydown', (e) => {
    if ($('desk').hidden || e.ctrlKey || e.metaKey || e.altKey || e.target instanceof HTMLInputElement) return;
    if (/^[0-7]$/.test(e.key)) { e.preventDefault(); answer(e.key); }
    else if (e.key === 'c' || e.key === '?') { e.preventDefault(); answer('cannot_tell'); }
    else if (e.key === 's') {
      // Skip leaves the frame unanswered: it comes back at the next visit.
      e.preventDefault();
      if (index < queue.length) { index++; show(); }
    }
  });

  $('login').addEventListener('submit', async (e) => {
    e.preventDefault();
    $('login-error').textContent = '';
    const response = await fetch('/api/login', {
      method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ annotator: $('annotator').value, password: $('password').value }),
    });
    $('password').value = '';
    if (response.status !== 204) {
      $('login-error').textContent = response.status === 429
        ? 'Too many failed logins: wait a minute.' : 'Unknown annotator or wrong password.';
      return;
    }
    await start();
  });

  $('logout').addEventListener('click', async () => {
    await fetch('/api/logout', { method: 'POST', credentials: 'same-origin' });
    showLogin();
  });

  start();
})();
