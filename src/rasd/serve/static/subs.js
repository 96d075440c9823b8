/* rasd review page: the "subscriptions" view. Plain ES2020, no dependencies.
 * Lists subscriptions (GET /api/subscriptions), edits one as JSON (PUT), creates (POST),
 * deletes (DELETE), test-sends (POST .../test) and shows its last deliveries.
 * Writes send the token of the correction form (or the one stored by the page). */
(() => {
  'use strict';
  const ESC = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
  const esc = (s) => (s === null || s === undefined ? '' : String(s).replace(/[&<>"']/g, (c) => ESC[c]));
  const TEMPLATE = {
    name: 'new-subscription', lang: 'en',
    filters: { countries: ['SY'], types: [], min_fatalities: 0 },
    deliver: { files: { dir: 'alerts', formats: ['md', 'html', 'json'] } },
    schedule: 'immediate', at: '07:00', tz: 'UTC', day: 'monday', enabled: true,
  };
  let panel, current = null;

  function token() {
    const field = document.getElementById('c-token');
    let t = field ? field.value.trim() : '';
    if (!t) { try { t = (localStorage.getItem('rasd.token') || '').trim(); } catch (_) { t = ''; } }
    return t;
  }

  async function call(method, path, body) {
    const headers = { Accept: 'application/json' };
    const t = token();
    if (t) headers.Authorization = `Bearer ${t}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store' });
    const text = await res.text();
    let data = null;
    try { data = text ? JSON.parse(text) : null; } catch (_) { data = null; }
    if (!res.ok) {
      let detail = data && data.detail !== undefined ? data.detail : text || res.statusText;
      if (Array.isArray(detail)) detail = detail.map((e) => `${(e.loc || []).filter((x) => x !== 'body').join('.')}: ${e.msg}`).join('\n');
      const err = new Error(`${res.status}: ${detail}`);
      err.status = res.status;
      throw err;
    }
    return data;
  }

  function filtersText(f) {
    const bits = [];
    for (const k of ['countries', 'governorates', 'actors', 'types']) if (f[k] && f[k].length) bits.push(`${k}: ${f[k].join(', ')}`);
    if (f.bbox) bits.push(`bbox: ${f.bbox.join(',')}`);
    if (f.near) bits.push(`within ${f.near.km} km of ${f.near.lat},${f.near.lon}`);
    if (f.min_fatalities) bits.push(`≥ ${f.min_fatalities} killed`);
    if (f.min_confidence) bits.push(`confidence ≥ ${f.min_confidence}`);
    return bits.join(' · ') || 'every event';
  }

  function build() {
    panel = document.createElement('aside');
    panel.id = 'subs-panel';
    panel.hidden = true;
    panel.setAttribute('aria-label', 'Subscriptions');
    panel.innerHTML = `
      <div class="subs-head"><h2>Subscriptions</h2>
        <button type="button" id="subs-new">New</button>
        <button type="button" id="subs-close" title="Close">&times;</button></div>
      <div class="subs-body">
        <table id="subs-list"><thead><tr><th>Name</th><th>When</th><th>Delivery</th><th>Filters</th><th>Last delivery</th></tr></thead><tbody></tbody></table>
        <p id="subs-empty" class="muted" hidden>No subscriptions yet: "New" makes one (or <code>rasd subscriptions load FILE</code>).</p>
        <section id="subs-editor" hidden>
          <h3 id="subs-title"></h3>
          <textarea id="subs-spec" spellcheck="false" rows="18"></textarea>
          <div class="subs-buttons">
            <button type="button" id="subs-save" class="primary">Save</button>
            <button type="button" id="subs-test">Test-send</button>
            <button type="button" id="subs-delete" class="danger">Delete</button>
          </div>
          <div id="subs-status" role="status"></div>
          <h4>Last deliveries</h4>
          <table id="subs-deliveries"><thead><tr><th>When</th><th>Kind</th><th>Channel</th><th>Status</th><th>Message</th></tr></thead><tbody></tbody></table>
        </section>
      </div>`;
    document.body.appendChild(panel);
    panel.querySelector('#subs-close').onclick = close;
    panel.querySelector('#subs-new').onclick = () => edit(null);
    panel.querySelector('#subs-save').onclick = save;
    panel.querySelector('#subs-test').onclick = testSend;
    panel.querySelector('#subs-delete').onclick = remove;
  }

  function status(msg, kind) {
    const el = panel.querySelector('#subs-status');
    el.textContent = msg;
    el.className = kind || '';
  }

  async function open() {
    if (!panel) build();
    panel.hidden = false;
    await refresh();
  }
  function close() { panel.hidden = true; }

  async function refresh() {
    const data = await call('GET', '/api/subscriptions');
    const tbody = panel.querySelector('#subs-list tbody');
    const items = data.items || [];
    panel.querySelector('#subs-empty').hidden = items.length > 0;
    tbody.innerHTML = items.map((s) => {
      const spec = s.spec;
      const when = spec.schedule === 'immediate' ? 'immediate' : `${spec.schedule} ${spec.at} ${spec.tz}`;
      const last = (s.deliveries || [])[0];
      return `<tr data-name="${esc(s.name)}"><td>${esc(s.name)}</td><td>${esc(when)} · ${esc(spec.lang)}</td>` +
        `<td>${esc(Object.keys(spec.deliver).filter((k) => spec.deliver[k]).join(', '))}</td>` +
        `<td>${esc(filtersText(spec.filters || {}))}</td>` +
        `<td>${last ? `${esc(last.status)} · ${esc(last.created_at)}` : '—'}</td></tr>`;
    }).join('');
    for (const row of tbody.querySelectorAll('tr')) row.onclick = () => edit(row.dataset.name);
    panel.dataset.count = String(items.length);
    if (current) await edit(current);
  }

  async function edit(name) {
    current = name;
    const editor = panel.querySelector('#subs-editor');
    editor.hidden = false;
    status('', '');
    panel.querySelector('#subs-title').textContent = name ? `Edit ${name}` : 'New subscription';
    panel.querySelector('#subs-test').disabled = !name;
    panel.querySelector('#subs-delete').disabled = !name;
    const tbody = panel.querySelector('#subs-deliveries tbody');
    if (!name) {
      panel.querySelector('#subs-spec').value = JSON.stringify(TEMPLATE, null, 2);
      tbody.innerHTML = '';
      return;
    }
    const s = await call('GET', `/api/subscriptions/${encodeURIComponent(name)}`);
    panel.querySelector('#subs-spec').value = JSON.stringify(s.spec, null, 2);
    tbody.innerHTML = (s.deliveries || []).map((d) =>
      `<tr data-status="${esc(d.status)}"><td>${esc(d.created_at)}</td><td>${esc(d.kind)}</td><td>${esc(d.channel)}</td>` +
      `<td>${esc(d.status)}${d.attempts > 1 ? ` (${d.attempts} attempts)` : ''}</td>` +
      `<td>${esc(d.summary)}${d.last_error ? `<br><span class="error">${esc(d.last_error)}</span>` : ''}</td></tr>`).join('');
  }

  async function save() {
    let spec;
    try { spec = JSON.parse(panel.querySelector('#subs-spec').value); } catch (e) { status(`Not JSON: ${e.message}`, 'err'); return; }
    try {
      if (current) await call('PUT', `/api/subscriptions/${encodeURIComponent(current)}`, spec);
      else await call('POST', '/api/subscriptions', spec);
      current = spec.name;
      await refresh();
      status(`Saved ${spec.name}.`, 'ok');
    } catch (e) { status(`Not saved — ${e.message}`, 'err'); }
  }

  async function testSend() {
    if (!current) return;
    status('Sending…', '');
    try {
      const out = await call('POST', `/api/subscriptions/${encodeURIComponent(current)}/test`);
      await refresh();
      status((out.results || []).map((r) => `${r.channel}: ${r.status}${r.last_error ? ` (${r.last_error})` : ''}`).join(' · ') || 'nothing sent',
        (out.results || []).every((r) => r.status === 'sent') ? 'ok' : 'err');
    } catch (e) { status(`Test failed — ${e.message}`, 'err'); }
  }

  async function remove() {
    if (!current) return;
    try {
      await call('DELETE', `/api/subscriptions/${encodeURIComponent(current)}`);
      const gone = current;
      current = null;
      panel.querySelector('#subs-editor').hidden = true;
      await refresh();
      status(`Deleted ${gone}.`, 'ok');
    } catch (e) { status(`Not deleted — ${e.message}`, 'err'); }
  }

  window.rasdSubscriptions = { open, close, refresh, edit };
  function init() {
    const button = document.getElementById('subs-open');
    if (button) button.onclick = () => open().catch((e) => { status(String(e.message), 'err'); });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
