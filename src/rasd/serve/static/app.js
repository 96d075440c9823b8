/* rasd web front end. Plain ES2020, no dependencies, works offline.
 *
 * Data flow: GET /api/meta + GET /api/events.geojson once; every filter runs client side
 * over the loaded features and redraws map (canvas), timeline (canvas), legend, count and
 * list. Clicking a point or a row opens the event panel (GET /api/events/{id} and
 * /api/documents/{doc_id} for the article texts with highlighted evidence); the
 * correction form sends PATCH /api/events/{id}.
 */
(() => {
  'use strict';

  // ---------------------------------------------------------------- constants
  const TYPES = [
    'Battles',
    'Explosions/Remote violence',
    'Violence against civilians',
    'Protests',
    'Riots',
    'Strategic developments',
  ];
  const TYPE_COLORS = {
    'Battles': '#d62728',
    'Explosions/Remote violence': '#ff7f0e',
    'Violence against civilians': '#9467bd',
    'Protests': '#2ca02c',
    'Riots': '#8c564b',
    'Strategic developments': '#1f77b4',
  };
  const OTHER_COLOR = '#7f7f7f';
  const FALLBACK_TAXONOMY = {
    'Battles': ['Armed clash', 'Government regains territory', 'Non-state actor overtakes territory'],
    'Explosions/Remote violence': ['Air/drone strike', 'Shelling/artillery/missile attack',
      'Remote explosive/landmine/IED', 'Suicide bomb', 'Grenade', 'Chemical weapon'],
    'Violence against civilians': ['Attack', 'Abduction/forced disappearance', 'Sexual violence'],
    'Protests': ['Peaceful protest', 'Protest with intervention', 'Excessive force against protesters'],
    'Riots': ['Violent demonstration', 'Mob violence'],
    'Strategic developments': ['Arrests', 'Agreement', 'Change to group/activity',
      'Headquarters or base established', 'Looting/property destruction',
      'Non-violent transfer of territory', 'Disrupted weapons use', 'Other'],
  };
  const FALLBACK_BBOX = [35, 29, 49, 38]; // lon/lat: Syria + Iraq
  const KNOWN_FIELDS = ['quote', 'trigger', 'actor1', 'actor2', 'location', 'date', 'fatalities', 'source'];
  const LIST_LIMIT = 200;
  const PICK_RADIUS = 6;
  const DAY_MS = 86400000;
  const CITIES = [
    ['Damascus', 33.513, 36.292], ['Aleppo', 36.202, 37.134], ['Homs', 34.73, 36.71], ['Hama', 35.13, 36.75],
    ['Idlib', 35.93, 36.63], ['Latakia', 35.52, 35.78], ['Deir ez-Zor', 35.33, 40.14], ['Raqqa', 35.95, 39.01],
    ['Hasakah', 36.5, 40.75], ['Daraa', 32.62, 36.1], ['Qamishli', 37.05, 41.22], ['Palmyra', 34.56, 38.27],
    ['Baghdad', 33.315, 44.366], ['Mosul', 36.34, 43.13], ['Basra', 30.51, 47.78], ['Kirkuk', 35.47, 44.39],
    ['Erbil', 36.19, 44.01], ['Ramadi', 33.42, 43.3], ['Fallujah', 33.35, 43.78], ['Tikrit', 34.61, 43.68],
    ['Najaf', 32.0, 44.33], ['Beirut', 33.89, 35.5], ['Amman', 31.95, 35.93], ['Jerusalem', 31.77, 35.21],
    ['Ankara', 39.93, 32.86], ['Tehran', 35.69, 51.39], ['Kuwait', 29.37, 47.98], ['Riyadh', 24.71, 46.68],
    ['Cairo', 30.04, 31.24], ['Tunis', 36.81, 10.18], ['Tripoli', 32.89, 13.19], ['Sanaa', 15.37, 44.19],
    ['Aden', 12.79, 45.03],
  ];

  // ---------------------------------------------------------------- helpers
  const $ = (sel, root = document) => root.querySelector(sel);
  const clamp = (v, lo, hi) => (v < lo ? lo : v > hi ? hi : v);
  const ESC = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
  const esc = (s) => (s === null || s === undefined ? '' : String(s).replace(/[&<>"']/g, (c) => ESC[c]));
  const typeColor = (t) => TYPE_COLORS[t] || OTHER_COLOR;
  const fieldClass = (f) => String(f).toLowerCase().replace(/[^a-z0-9_-]/g, '_') || 'other';

  function dayOf(s) {
    if (typeof s !== 'string') return NaN;
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
    if (!m) return NaN;
    return Math.round(Date.UTC(+m[1], +m[2] - 1, +m[3]) / DAY_MS);
  }
  function dayStr(d) {
    return new Date(d * DAY_MS).toISOString().slice(0, 10);
  }
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

  // web mercator, in world units 0..1
  const mercX = (lon) => (lon + 180) / 360;
  const mercY = (lat) => {
    const s = Math.sin(clamp(lat, -85.05, 85.05) * Math.PI / 180);
    return 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
  };
  const lonOf = (x) => x * 360 - 180;
  const latOf = (y) => 180 / Math.PI * Math.atan(Math.sinh(Math.PI * (1 - 2 * y)));

  class ApiError extends Error {
    constructor(status, detail) {
      super(detail);
      this.status = status;
      this.detail = detail;
    }
  }

  function formatDetail(detail) {
    if (detail === null || detail === undefined) return '';
    if (typeof detail === 'string') return detail;
    if (Array.isArray(detail)) {
      return detail.map((e) => {
        if (e && typeof e === 'object') {
          const loc = Array.isArray(e.loc) ? e.loc.filter((x) => x !== 'body').join('.') : '';
          const msg = e.msg || JSON.stringify(e);
          return loc ? `${loc}: ${msg}` : msg;
        }
        return String(e);
      }).join('\n');
    }
    if (typeof detail === 'object' && detail.msg) return String(detail.msg);
    return JSON.stringify(detail);
  }

  function storedToken() {
    const input = document.getElementById('c-token');
    let t = input ? input.value.trim() : '';
    if (!t) { try { t = (localStorage.getItem('rasd.token') || '').trim(); } catch (_) { t = ''; } }
    return t;
  }

  // every request carries the token when one is known: a server that is not on loopback
  // wants it for reads too. A write passes its own headers (the token field as it is now).
  async function api(path, options = {}) {
    const headers = { Accept: 'application/json' };
    const token = storedToken();
    if (token && !options.headers) headers.Authorization = `Bearer ${token}`;
    const res = await fetch(path, { headers: { ...headers, ...(options.headers || {}) },
      method: options.method || 'GET', body: options.body, cache: 'no-store' });
    let data = null;
    const text = await res.text();
    if (text) {
      try { data = JSON.parse(text); } catch (_) { data = null; }
    }
    if (!res.ok) {
      const detail = formatDetail(data && data.detail) || text.slice(0, 300) || res.statusText;
      throw new ApiError(res.status, detail);
    }
    return data;
  }

  // ---------------------------------------------------------------- state
  const state = {
    meta: null,
    taxonomy: FALLBACK_TAXONOMY,
    types: TYPES.slice(),
    recs: [],           // internal records, sorted by date desc
    byId: new Map(),
    filtered: [],       // recs passing the filters
    view: null,         // {cx, cy, scale} web mercator, scale = world width in CSS px
    drawn: { recs: [], sx: new Float32Array(0), sy: new Float32Array(0), n: 0 },
    selectedId: null,
    detail: null,       // GET /api/events/{id} of the open event
    docCache: new Map(),
    openSeq: 0,
    tileUrl: null,
    tiles: new Map(),
    renderQueued: false,
    tl: null,
    brush: null,
    borders: null,      // /static/borders.json, projected (see prepareBorders)
    reference: null,    // {meta, recs, show} of `rasd serve --reference`
  };

  const rasd = {
    ready: false,
    events: [],
    filtered: [],
    meta: null,
    openEvent: (id) => openEvent(id),
    closeEvent: () => closeEvent(),
    applyFilters: () => applyFilters(),
    highlight: (text, evidence) => highlight(text, evidence),
    // where an event is drawn, in CSS px relative to the #map canvas (null if not on the map)
    screenPos: (id) => {
      const r = findRec(id);
      if (!r || !r.hasGeo || !state.view) return null;
      const { cx, cy, scale } = state.view;
      return [(r.mx - cx) * scale + el.map.clientWidth / 2, (r.my - cy) * scale + el.map.clientHeight / 2];
    },
    fit: () => { fitView(bboxOf(state.filtered.length ? state.filtered : state.recs)); renderMap(); },
    // where a lon/lat is drawn, in CSS px relative to the #map canvas
    project: (lon, lat) => {
      const { cx, cy, scale } = state.view;
      return [(mercX(lon) - cx) * scale + el.map.clientWidth / 2, (mercY(lat) - cy) * scale + el.map.clientHeight / 2];
    },
  };
  window.rasd = rasd;

  // ---------------------------------------------------------------- elements
  const el = {};
  function grabElements() {
    for (const id of ['map', 'map-wrap', 'timeline', 'timeline-wrap', 'count', 'count-extra', 'legend',
      'map-note', 'map-attrib', 'map-tip', 'timeline-tip', 'loading', 'banner', 'event-list', 'list-caption',
      'event-panel', 'p-title', 'p-close', 'p-fields', 'p-error', 'p-docs', 'p-nearby', 'field-key', 'audit',
      'audit-empty', 'c-status', 'c-event_type', 'c-sub_event_type', 'c-actor1', 'c-actor2', 'c-date',
      'c-date_end', 'c-location', 'c-admin1', 'c-fatalities', 'c-note', 'c-reviewer', 'c-token', 'btn-save',
      'btn-confirm', 'btn-reject', 'c-writes', 'f-since', 'f-until', 'f-type', 'f-actor', 'f-admin1', 'f-confidence',
      'f-review', 'f-reset', 'filters', 'admin1-options', 'zoom-in', 'zoom-out', 'zoom-fit']) {
      el[id] = document.getElementById(id);
    }
    el.tbody = el['event-list'].tBodies[0];
    for (const id of ['map-credit', 'ref-control', 'f-reference', 'ref-label']) el[id] = document.getElementById(id);
  }

  // ---------------------------------------------------------------- records
  function makeRec(f) {
    const p = f.properties || (f.properties = {});
    const id = f.id !== undefined && f.id !== null ? f.id : p.id;
    const rec = { f, id, p };
    deriveRec(rec);
    return rec;
  }
  function deriveRec(rec) {
    const f = rec.f;
    const p = rec.p;
    const g = f.geometry;
    const c = g && g.type === 'Point' && Array.isArray(g.coordinates) ? g.coordinates : null;
    rec.hasGeo = !!(c && Number.isFinite(c[0]) && Number.isFinite(c[1]));
    if (rec.hasGeo) {
      rec.lon = c[0];
      rec.lat = c[1];
      rec.mx = mercX(c[0]);
      rec.my = mercY(c[1]);
    }
    rec.day = dayOf(p.date);
    const de = dayOf(p.date_end);
    rec.dayEnd = Number.isFinite(de) && de >= rec.day ? de : rec.day;
    const ti = state.types.indexOf(p.event_type);
    rec.typeIdx = ti >= 0 ? ti : state.types.length;
    rec.actorLC = `${p.actor1 || ''}\u0000${p.actor2 || ''}`.toLowerCase();
    rec.review = p.review || 'unreviewed';
    rec.sortKey = typeof p.date === 'string' ? p.date : '';
  }
  function sortRecs() {
    state.recs.sort((a, b) => (a.sortKey < b.sortKey ? 1 : a.sortKey > b.sortKey ? -1 : cmpId(b.id, a.id)));
  }
  function cmpId(a, b) {
    if (typeof a === 'number' && typeof b === 'number') return a - b;
    return String(a).localeCompare(String(b), undefined, { numeric: true });
  }
  function bboxOf(recs) {
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const r of recs) {
      if (!r.hasGeo) continue;
      if (r.lon < x0) x0 = r.lon;
      if (r.lon > x1) x1 = r.lon;
      if (r.lat < y0) y0 = r.lat;
      if (r.lat > y1) y1 = r.lat;
    }
    if (!Number.isFinite(x0)) return FALLBACK_BBOX.slice();
    if (x1 - x0 < 1) { const m = (x0 + x1) / 2; x0 = m - 0.5; x1 = m + 0.5; }
    if (y1 - y0 < 1) { const m = (y0 + y1) / 2; y0 = m - 0.5; y1 = m + 0.5; }
    return [x0, y0, x1, y1];
  }

  // ---------------------------------------------------------------- filters
  function readFilters() {
    const conf = parseFloat(el['f-confidence'].value);
    return {
      since: dayOf(el['f-since'].value),
      until: dayOf(el['f-until'].value),
      type: el['f-type'].value || 'all',
      actor: el['f-actor'].value.trim().toLowerCase(),
      admin1: el['f-admin1'].value || 'all',
      conf: Number.isFinite(conf) ? conf : 0,
      review: el['f-review'].value || 'all',
    };
  }

  function applyFilters() {
    const F = readFilters();
    const out = [];
    const hasSince = Number.isFinite(F.since);
    const hasUntil = Number.isFinite(F.until);
    for (const r of state.recs) {
      const p = r.p;
      if (F.type !== 'all' && p.event_type !== F.type) continue;
      // an event (date..date_end) is kept when its window overlaps [since, until]
      if (hasSince && !(r.dayEnd >= F.since)) continue;
      if (hasUntil && !(r.day <= F.until)) continue;
      if (F.admin1 !== 'all' && (p.admin1 || '') !== F.admin1) continue;
      if (F.conf > 0 && !(typeof p.confidence === 'number' && p.confidence >= F.conf - 1e-9)) continue;
      if (F.review !== 'all') {
        if (F.review === 'corrected') { if (!p.corrected && r.review !== 'corrected') continue; } else if (r.review !== F.review) continue;
      }
      if (F.actor && r.actorLC.indexOf(F.actor) < 0) continue;
      out.push(r);
    }
    state.filtered = out;
    rasd.filtered = out.map((r) => r.f);
    renderAll();
  }

  function renderAll() {
    // canvases first (they read their sizes), then the DOM updates
    renderMap();
    renderTimeline();
    renderCount();
    renderLegend();
    renderList();
  }

  function fillFilterOptions() {
    const typeSel = el['f-type'];
    const curType = typeSel.value;
    typeSel.innerHTML = '<option value="all">All types</option>' +
      state.types.map((t) => `<option value="${esc(t)}">${esc(t)}</option>`).join('');
    typeSel.value = state.types.includes(curType) ? curType : 'all';
    fillAdmin1Options();
  }
  function fillAdmin1Options() {
    const sel = el['f-admin1'];
    const cur = sel.value;
    const counts = new Map();
    for (const r of state.recs) {
      const a = r.p.admin1;
      if (a) counts.set(a, (counts.get(a) || 0) + 1);
    }
    const names = [...counts.keys()].sort((a, b) => a.localeCompare(b));
    sel.innerHTML = '<option value="all">All</option>' +
      names.map((n) => `<option value="${esc(n)}">${esc(n)} (${counts.get(n)})</option>`).join('');
    sel.value = counts.has(cur) ? cur : 'all';
    const known = new Set(names);
    for (const a of (state.meta && state.meta.admin1) || []) known.add(a);
    el['admin1-options'].innerHTML = [...known].sort().map((n) => `<option value="${esc(n)}"></option>`).join('');
  }

  function resetFilters() {
    el['f-since'].value = '';
    el['f-until'].value = '';
    el['f-type'].value = 'all';
    el['f-actor'].value = '';
    el['f-admin1'].value = 'all';
    el['f-confidence'].value = '0';
    el['f-review'].value = 'all';
    applyFilters();
  }

  // ---------------------------------------------------------------- count & legend
  function renderCount() {
    const n = state.filtered.length;
    el.count.textContent = `${n} events`;
    let noGeo = 0;
    for (const r of state.filtered) if (!r.hasGeo) noGeo++;
    el['count-extra'].textContent = `of ${state.recs.length}` + (noGeo ? ` · ${noGeo} without coordinates` : '');
    el['map-note'].textContent = noGeo ? `${noGeo} filtered event${noGeo === 1 ? '' : 's'} without coordinates (in the list only)` : '';
  }

  function renderLegend() {
    const counts = new Array(state.types.length + 1).fill(0);
    for (const r of state.filtered) counts[r.typeIdx]++;
    const active = el['f-type'].value;
    let html = '';
    state.types.forEach((t, i) => {
      const cls = active === 'all' ? '' : active === t ? ' active' : ' off';
      html += `<div class="lg${cls}" data-type="${esc(t)}" title="Show only ${esc(t)} (click again for all)">` +
        `<span class="dot" data-color="${typeColor(t)}"></span>${esc(t)}<span class="n">${counts[i]}</span></div>`;
    });
    if (counts[state.types.length]) {
      html += `<div class="lg"><span class="dot" data-color="${OTHER_COLOR}"></span>Other<span class="n">${counts[state.types.length]}</span></div>`;
    }
    el.legend.innerHTML = html;
  }

  // ---------------------------------------------------------------- map
  function canvasSize(canvas) {
    const w = canvas.clientWidth;
    const h = canvas.clientHeight;
    const dpr = window.devicePixelRatio || 1;
    const W = Math.max(1, Math.round(w * dpr));
    const H = Math.max(1, Math.round(h * dpr));
    if (canvas.width !== W) canvas.width = W;
    if (canvas.height !== H) canvas.height = H;
    return { w, h, dpr };
  }

  function fitView(bbox) {
    const { w, h } = { w: el.map.clientWidth || 800, h: el.map.clientHeight || 500 };
    const [x0, y0, x1, y1] = bbox;
    const mx0 = mercX(x0), mx1 = mercX(x1), my0 = mercY(y1), my1 = mercY(y0);
    const pad = 30;
    const scale = Math.min((w - 2 * pad) / Math.max(mx1 - mx0, 1e-9), (h - 2 * pad) / Math.max(my1 - my0, 1e-9));
    state.view = { cx: (mx0 + mx1) / 2, cy: (my0 + my1) / 2, scale: clamp(scale, 256, 256 * 2 ** 19) };
  }

  function scheduleRender() {
    if (state.renderQueued) return;
    state.renderQueued = true;
    requestAnimationFrame(() => {
      state.renderQueued = false;
      renderMap();
    });
  }

  function renderMap() {
    const canvas = el.map;
    const { w, h, dpr } = canvasSize(canvas);
    const ctx = canvas.getContext('2d');
    if (!state.view) fitView(bboxOf(state.recs));
    const { cx, cy, scale } = state.view;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = '#eef1f4';
    ctx.fillRect(0, 0, w, h);

    const tilesDrawn = state.tileUrl ? drawTiles(ctx, w, h) : 0;
    if (state.tileUrl) el['map-attrib'].hidden = tilesDrawn === 0;
    drawBorders(ctx, w, h, tilesDrawn > 0);
    drawGraticule(ctx, w, h, tilesDrawn > 0);
    if (!tilesDrawn) drawCities(ctx, w, h);
    drawReference(ctx, w, h);

    // project the filtered points once; keep screen positions for picking
    const list = state.filtered;
    const n = list.length;
    let sx = state.drawn.sx, sy = state.drawn.sy;
    if (sx.length < n) { sx = new Float32Array(n); sy = new Float32Array(n); }
    const recs = [];
    const hw = w / 2, hh = h / 2;
    const types = new Array(n);
    let k = 0;
    for (let i = 0; i < n; i++) {
      const r = list[i];
      if (!r.hasGeo) continue;
      sx[k] = (r.mx - cx) * scale + hw;
      sy[k] = (r.my - cy) * scale + hh;
      types[k] = r.typeIdx;
      recs.push(r);
      k++;
    }
    state.drawn = { recs, sx, sy, n: k };

    // points: every type has a pre-rendered anti-aliased dot; the dots are blended into
    // a pixel buffer in plain JS (premultiplied source-over) and the buffer is drawn in one
    // drawImage. This is several times faster than 10k canvas arcs without a GPU.
    const R = k > 3000 ? 3 : 3.6;
    const sprites = [];
    for (let t = 0; t <= state.types.length; t++) {
      sprites.push(dotSprite(t < state.types.length ? typeColor(state.types[t]) : OTHER_COLOR, R, dpr, k > 3000));
    }
    const W = canvas.width, H = canvas.height;
    const layer = pointLayer(W, H);
    const d = layer.img.data;
    d.fill(0);
    for (let i = k - 1; i >= 0; i--) { // oldest first: the newest events end on top
      const sp = sprites[types[i]];
      const x0 = Math.round(sx[i] * dpr) - sp.half, y0 = Math.round(sy[i] * dpr) - sp.half;
      if (x0 >= W || y0 >= H || x0 + sp.size <= 0 || y0 + sp.size <= 0) continue; // off screen
      const inside = x0 >= 0 && y0 >= 0 && x0 + sp.size <= W && y0 + sp.size <= H;
      const { dx, dy, px, ia, n: m } = sp;
      for (let j = 0; j < m; j++) {
        const x = x0 + dx[j], y = y0 + dy[j];
        if (!inside && (x < 0 || y < 0 || x >= W || y >= H)) continue;
        const o = (y * W + x) << 2, q = j << 2, f = ia[j];
        d[o] = px[q] + d[o] * f;
        d[o + 1] = px[q + 1] + d[o + 1] * f;
        d[o + 2] = px[q + 2] + d[o + 2] * f;
        d[o + 3] = px[q + 3] + d[o + 3] * f;
      }
    }
    // back from premultiplied to straight alpha for putImageData
    for (let o = 3; o < d.length; o += 4) {
      const al = d[o];
      if (al === 0 || al === 255) continue;
      const f = 255 / al;
      d[o - 3] *= f;
      d[o - 2] *= f;
      d[o - 1] *= f;
    }
    layer.ctx.putImageData(layer.img, 0, 0);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(layer.canvas, 0, 0);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);

    // selection ring
    if (state.selectedId !== null) {
      const r = state.byId.get(state.selectedId);
      if (r && r.hasGeo) {
        const x = (r.mx - cx) * scale + hw, y = (r.my - cy) * scale + hh;
        ctx.beginPath();
        ctx.arc(x, y, 8, 0, 2 * Math.PI);
        ctx.lineWidth = 2.5;
        ctx.strokeStyle = '#111';
        ctx.stroke();
        ctx.beginPath();
        ctx.arc(x, y, 10, 0, 2 * Math.PI);
        ctx.lineWidth = 1.5;
        ctx.strokeStyle = '#fff';
        ctx.stroke();
      }
    }
    canvas.dataset.points = String(k);
  }

  const spriteCache = new Map();
  function dotSprite(color, R, dpr, light) {
    const key = `${color}|${R}|${dpr}|${light}`;
    let sp = spriteCache.get(key);
    if (sp) return sp;
    const size = Math.ceil((R + 1.5) * 2 * dpr);
    const c = document.createElement('canvas');
    c.width = c.height = size;
    const g = c.getContext('2d');
    g.scale(dpr, dpr);
    g.beginPath();
    g.arc(size / 2 / dpr, size / 2 / dpr, R, 0, 2 * Math.PI);
    g.fillStyle = color;
    g.fill();
    g.lineWidth = light ? 0.6 : 0.8;
    g.strokeStyle = light ? 'rgba(20,24,30,0.4)' : 'rgba(20,24,30,0.6)';
    g.stroke();
    const img = g.getImageData(0, 0, size, size).data;
    const dx = [], dy = [], px = [], ia = [];
    const alpha = 0.9;
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        const o = (y * size + x) * 4;
        const a = img[o + 3] * alpha;
        if (a < 1) continue;
        dx.push(x);
        dy.push(y);
        px.push(img[o] * a / 255, img[o + 1] * a / 255, img[o + 2] * a / 255, a);
        ia.push(1 - a / 255);
      }
    }
    sp = { size, half: Math.floor(size / 2), n: dx.length, dx: Int16Array.from(dx), dy: Int16Array.from(dy),
      px: Float32Array.from(px), ia: Float32Array.from(ia) };
    spriteCache.set(key, sp);
    return sp;
  }

  const layer = { canvas: null, ctx: null, img: null, w: 0, h: 0 };
  function pointLayer(W, H) {
    if (!layer.canvas) {
      layer.canvas = document.createElement('canvas');
      layer.ctx = layer.canvas.getContext('2d');
    }
    if (layer.w !== W || layer.h !== H) {
      layer.canvas.width = W;
      layer.canvas.height = H;
      layer.img = layer.ctx.createImageData(W, H);
      layer.w = W;
      layer.h = H;
    }
    return layer;
  }

  function niceStep(pxPerDeg) {
    const steps = [0.1, 0.25, 0.5, 1, 2, 5, 10, 15, 30, 45, 90];
    // 1 degree whenever it is readable; finer only when zoomed far in, coarser when far out
    if (pxPerDeg >= 18 && pxPerDeg <= 400) return 1;
    if (pxPerDeg > 400) {
      for (let i = 0; i <= 2; i++) if (steps[i] * pxPerDeg >= 80) return steps[i];
      return 0.5;
    }
    for (const s of steps) if (s >= 1 && s * pxPerDeg >= 18) return s;
    return 90;
  }

  function drawGraticule(ctx, w, h, overTiles) {
    const { cx, cy, scale } = state.view;
    const lonL = lonOf(cx - w / 2 / scale), lonR = lonOf(cx + w / 2 / scale);
    const latT = latOf(cy - h / 2 / scale), latB = latOf(cy + h / 2 / scale);
    const pxPerDeg = scale / 360;
    const step = niceStep(pxPerDeg);
    ctx.save();
    ctx.lineWidth = 1;
    ctx.strokeStyle = overTiles ? 'rgba(60,70,90,0.22)' : 'rgba(90,100,120,0.22)';
    ctx.fillStyle = 'rgba(70,80,95,0.75)';
    ctx.font = '10px system-ui, sans-serif';
    ctx.beginPath();
    const lon0 = Math.ceil(Math.max(lonL, -180) / step) * step;
    const lonLabels = [];
    for (let lon = lon0; lon <= Math.min(lonR, 180) + 1e-9; lon += step) {
      const x = Math.round((mercX(lon) - cx) * scale + w / 2) + 0.5;
      ctx.moveTo(x, 0);
      ctx.lineTo(x, h);
      lonLabels.push([x, lon]);
    }
    const latLabels = [];
    const lat0 = Math.ceil(Math.max(latB, -85) / step) * step;
    for (let lat = lat0; lat <= Math.min(latT, 85) + 1e-9; lat += step) {
      const y = Math.round((mercY(lat) - cy) * scale + h / 2) + 0.5;
      ctx.moveTo(0, y);
      ctx.lineTo(w, y);
      latLabels.push([y, lat]);
    }
    ctx.stroke();
    const fmt = (v) => String(+v.toFixed(2));
    let lastX = -1e9;
    ctx.textBaseline = 'top';
    for (const [x, lon] of lonLabels) {
      if (x - lastX < 34) continue;
      const t = `${fmt(Math.abs(lon))}°${lon < 0 ? 'W' : lon > 0 ? 'E' : ''}`;
      ctx.fillText(t, x + 3, h - 30);
      lastX = x;
    }
    let lastY = -1e9;
    ctx.textBaseline = 'bottom';
    for (let i = latLabels.length - 1; i >= 0; i--) {
      const [y, lat] = latLabels[i];
      if (y - lastY < 16) continue;
      const t = `${fmt(Math.abs(lat))}°${lat < 0 ? 'S' : lat > 0 ? 'N' : ''}`;
      ctx.fillText(t, w - 70, y - 2);
      lastY = y;
    }
    ctx.restore();
  }

  function drawCities(ctx, w, h) {
    const { cx, cy, scale } = state.view;
    if (scale < 256 * 8) return; // too far out: labels would pile up
    ctx.save();
    ctx.font = '11px system-ui, sans-serif';
    ctx.textBaseline = 'middle';
    const boxes = [];
    for (const [name, lat, lon] of CITIES) {
      const x = (mercX(lon) - cx) * scale + w / 2;
      const y = (mercY(lat) - cy) * scale + h / 2;
      if (x < -40 || y < -20 || x > w + 40 || y > h + 20) continue;
      const tw = ctx.measureText(name).width;
      const box = [x + 5, y - 7, x + 7 + tw, y + 7];
      if (boxes.some((b) => !(box[2] < b[0] || box[0] > b[2] || box[3] < b[1] || box[1] > b[3]))) continue;
      boxes.push(box);
      ctx.fillStyle = 'rgba(60,66,76,0.55)';
      ctx.fillRect(x - 1.5, y - 1.5, 3, 3);
      ctx.fillStyle = 'rgba(60,66,76,0.6)';
      ctx.fillText(name, x + 5, y);
    }
    ctx.restore();
  }

  // --- optional tile basemap: never blocks, failed tiles are skipped
  function tileSrc(z, x, y) {
    return state.tileUrl
      .replace('{z}', z).replace('{x}', x).replace('{y}', y)
      .replace('{s}', 'abc'[(x + y) % 3]).replace('{r}', '');
  }
  function getTile(z, x, y, create) {
    const key = `${z}/${x}/${y}`;
    let t = state.tiles.get(key);
    if (t) {
      state.tiles.delete(key); // keep recently used at the end
      state.tiles.set(key, t);
      return t;
    }
    if (!create) return null;
    const img = new Image();
    t = { img, status: 'loading' };
    img.decoding = 'async';
    img.onload = () => { t.status = 'ok'; scheduleRender(); };
    img.onerror = () => { t.status = 'error'; };
    img.src = tileSrc(z, x, y);
    state.tiles.set(key, t);
    if (state.tiles.size > 500) {
      for (const [k, v] of state.tiles) {
        if (state.tiles.size <= 400) break;
        if (v.status !== 'loading') state.tiles.delete(k);
      }
    }
    return t;
  }
  function drawTiles(ctx, w, h) {
    const { cx, cy, scale } = state.view;
    const z = clamp(Math.round(Math.log2(scale / 256)), 0, 19);
    const n = 2 ** z;
    const left = cx - w / 2 / scale, top = cy - h / 2 / scale;
    const tx0 = Math.floor(left * n), tx1 = Math.floor((left + w / scale) * n);
    const ty0 = Math.max(0, Math.floor(top * n)), ty1 = Math.min(n - 1, Math.floor((top + h / scale) * n));
    if ((tx1 - tx0 + 1) * (ty1 - ty0 + 1) > 300) return 0;
    let drawn = 0;
    for (let ty = ty0; ty <= ty1; ty++) {
      for (let tx = tx0; tx <= tx1; tx++) {
        const wx = ((tx % n) + n) % n;
        const x = Math.round((tx / n - cx) * scale + w / 2);
        const y = Math.round((ty / n - cy) * scale + h / 2);
        const x2 = Math.round(((tx + 1) / n - cx) * scale + w / 2);
        const y2 = Math.round(((ty + 1) / n - cy) * scale + h / 2);
        const t = getTile(z, wx, ty, true);
        if (t.status === 'ok') {
          try { ctx.drawImage(t.img, x, y, x2 - x, y2 - y); drawn++; } catch (_) { /* skip */ }
          continue;
        }
        // placeholder: a loaded ancestor tile, scaled
        for (let up = 1; up <= 4 && z - up >= 0; up++) {
          const f = 2 ** up;
          const a = getTile(z - up, Math.floor(wx / f), Math.floor(ty / f), false);
          if (a && a.status === 'ok') {
            const sz = 256 / f;
            const sxp = (wx % f) * sz, syp = (ty % f) * sz;
            try { ctx.drawImage(a.img, sxp, syp, sz, sz, x, y, x2 - x, y2 - y); drawn++; } catch (_) { /* skip */ }
            break;
          }
        }
      }
    }
    return drawn;
  }

  function pick(px, py) {
    const { recs, sx, sy, n } = state.drawn;
    let best = -1, bestD = PICK_RADIUS * PICK_RADIUS + 1e-6;
    const near = [];
    for (let i = 0; i < n; i++) {
      const dx = sx[i] - px, dy = sy[i] - py;
      const d = dx * dx + dy * dy;
      if (d <= PICK_RADIUS * PICK_RADIUS) {
        near.push(i);
        if (d < bestD) { bestD = d; best = i; }
      }
    }
    if (best < 0) return null;
    return { rec: recs[best], near: near.filter((i) => i !== best).map((i) => recs[i]) };
  }

  function zoomAt(px, py, factor) {
    const { w, h } = { w: el.map.clientWidth, h: el.map.clientHeight };
    const v = state.view;
    const mx = v.cx + (px - w / 2) / v.scale;
    const my = v.cy + (py - h / 2) / v.scale;
    const s = clamp(v.scale * factor, 256, 256 * 2 ** 19);
    v.cx = mx - (px - w / 2) / s;
    v.cy = my - (py - h / 2) / s;
    v.scale = s;
    scheduleRender();
  }

  function bindMap() {
    const c = el.map;
    let drag = null;
    let hoverQueued = false;
    let lastMove = null;
    const pos = (e) => {
      const r = c.getBoundingClientRect();
      return [e.clientX - r.left, e.clientY - r.top];
    };
    c.addEventListener('wheel', (e) => {
      e.preventDefault();
      const [x, y] = pos(e);
      const dy = e.deltaMode === 1 ? e.deltaY * 33 : e.deltaMode === 2 ? e.deltaY * 400 : e.deltaY;
      zoomAt(x, y, Math.exp(-clamp(dy, -300, 300) * 0.0022));
    }, { passive: false });
    c.addEventListener('pointerdown', (e) => {
      if (e.button !== 0) return;
      const [x, y] = pos(e);
      drag = { x, y, cx: state.view.cx, cy: state.view.cy, moved: false, id: e.pointerId };
      try { c.setPointerCapture(e.pointerId); } catch (_) { /* ignore */ }
    });
    c.addEventListener('pointermove', (e) => {
      const [x, y] = pos(e);
      if (drag) {
        const dx = x - drag.x, dy = y - drag.y;
        if (!drag.moved && dx * dx + dy * dy > 9) { drag.moved = true; c.classList.add('dragging'); hideTip(); }
        if (drag.moved) {
          state.view.cx = drag.cx - dx / state.view.scale;
          state.view.cy = drag.cy - dy / state.view.scale;
          scheduleRender();
        }
        return;
      }
      lastMove = [x, y];
      if (hoverQueued) return;
      hoverQueued = true;
      requestAnimationFrame(() => {
        hoverQueued = false;
        if (!lastMove) return;
        const hit = pick(lastMove[0], lastMove[1]);
        c.classList.toggle('hover', !!hit);
        if (hit) showMapTip(hit, lastMove[0], lastMove[1]); else hideTip();
      });
    });
    const end = (e) => {
      if (!drag) return;
      const d = drag;
      drag = null;
      c.classList.remove('dragging');
      try { c.releasePointerCapture(e.pointerId); } catch (_) { /* ignore */ }
      if (!d.moved && e.type === 'pointerup') {
        const [x, y] = pos(e);
        const hit = pick(x, y);
        if (hit) openEvent(hit.rec.id, { near: hit.near });
      }
    };
    c.addEventListener('pointerup', end);
    c.addEventListener('pointercancel', end);
    c.addEventListener('pointerleave', () => { lastMove = null; hideTip(); c.classList.remove('hover'); });
    c.addEventListener('dblclick', (e) => {
      const [x, y] = pos(e);
      if (!pick(x, y)) zoomAt(x, y, 2);
    });
    el['zoom-in'].addEventListener('click', () => zoomAt(c.clientWidth / 2, c.clientHeight / 2, 2));
    el['zoom-out'].addEventListener('click', () => zoomAt(c.clientWidth / 2, c.clientHeight / 2, 0.5));
    el['zoom-fit'].addEventListener('click', () => rasd.fit());
    el.legend.addEventListener('click', (e) => {
      const item = e.target.closest('.lg[data-type]');
      if (!item) return;
      const t = item.dataset.type;
      el['f-type'].value = el['f-type'].value === t ? 'all' : t;
      applyFilters();
    });
  }

  function showMapTip(hit, x, y) {
    const p = hit.rec.p;
    const more = hit.near.length ? ` (+${hit.near.length} more here)` : '';
    const tip = el['map-tip'];
    tip.textContent = `${p.date || '?'} · ${p.sub_event_type || p.event_type || ''} · ${p.location || p.admin1 || ''}${more}`;
    tip.hidden = false;
    const W = el['map-wrap'].clientWidth;
    const tw = tip.offsetWidth;
    tip.style.left = `${Math.min(x + 12, W - tw - 4)}px`;
    tip.style.top = `${y + 14}px`;
  }
  function hideTip() { el['map-tip'].hidden = true; }

  // ---------------------------------------------------------------- timeline
  function renderTimeline() {
    const canvas = el.timeline;
    const { w, h, dpr } = canvasSize(canvas);
    const ctx = canvas.getContext('2d');
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, w, h);
    const F = readFilters();
    const nT = state.types.length + 1;

    // per-day counts (sparse)
    const perDay = new Map();
    let lo = Infinity, hi = -Infinity;
    for (const r of state.filtered) {
      const d = r.day;
      if (!Number.isFinite(d)) continue;
      let a = perDay.get(d);
      if (!a) { a = new Array(nT + 1).fill(0); perDay.set(d, a); }
      a[r.typeIdx]++;
      a[nT]++;
      if (d < lo) lo = d;
      if (d > hi) hi = d;
    }
    canvas.dataset.days = String(perDay.size);
    if (Number.isFinite(F.since) && F.since < lo) lo = F.since;
    if (Number.isFinite(F.until) && F.until > hi) hi = F.until;
    const L = 34, Rm = 10, T = 8, B = 20;
    const pw = Math.max(10, w - L - Rm), ph = Math.max(10, h - T - B);
    state.tl = null;
    ctx.font = '10px system-ui, sans-serif';
    if (!perDay.size) {
      ctx.fillStyle = '#889';
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillText('No dated events match the filters', w / 2, h / 2);
      return;
    }
    if (hi - lo > 366 * 60) lo = hi - 366 * 60; // guard against absurd dates
    const ndays = hi - lo + 1;
    const ncols = Math.min(ndays, Math.floor(pw));
    const daysPerCol = ndays / ncols;
    const cols = new Float64Array(ncols * (nT + 1));
    for (const [d, a] of perDay) {
      if (d < lo) continue;
      const c = Math.min(ncols - 1, Math.floor((d - lo) / daysPerCol));
      for (let t = 0; t <= nT; t++) cols[c * (nT + 1) + t] += a[t];
    }
    let max = 0;
    for (let c = 0; c < ncols; c++) max = Math.max(max, cols[c * (nT + 1) + nT]);
    const colW = pw / ncols;
    state.tl = { lo, hi, ndays, L, pw, T, ph, perDay };

    // axes & grid
    ctx.strokeStyle = '#e3e6ea';
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(L, T + ph + 0.5);
    ctx.lineTo(L + pw, T + ph + 0.5);
    ctx.moveTo(L, T + 0.5);
    ctx.lineTo(L + pw, T + 0.5);
    ctx.moveTo(L, T + ph / 2 + 0.5);
    ctx.lineTo(L + pw, T + ph / 2 + 0.5);
    ctx.stroke();
    ctx.fillStyle = '#6a7380';
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    ctx.fillText(String(max), L - 4, T + 1);
    ctx.fillText('0', L - 4, T + ph);

    // bars, stacked by type
    const order = [0, 1, 2, 3, 4, 5, state.types.length].filter((t) => t < nT);
    const gap = colW >= 4 ? 1 : 0;
    for (const t of order) {
      ctx.fillStyle = t < state.types.length ? typeColor(state.types[t]) : OTHER_COLOR;
      for (let c = 0; c < ncols; c++) {
        const base = c * (nT + 1);
        const v = cols[base + t];
        if (!v) continue;
        let below = 0;
        for (const u of order) { if (u === t) break; below += cols[base + u]; }
        const y1 = T + ph - (below / max) * ph;
        const y0 = T + ph - ((below + v) / max) * ph;
        const x = L + c * colW;
        ctx.fillRect(x, y0, Math.max(1, colW - gap), Math.max(0.8, y1 - y0));
      }
    }

    // x ticks
    drawTimeTicks(ctx, lo, hi, L, pw, T + ph, ndays);

    // brush
    if (state.brush) {
      const a = Math.min(state.brush.a, state.brush.b), b = Math.max(state.brush.a, state.brush.b);
      ctx.fillStyle = 'rgba(31,95,168,0.15)';
      ctx.fillRect(a, T, b - a, ph);
      ctx.strokeStyle = 'rgba(31,95,168,0.7)';
      ctx.strokeRect(a + 0.5, T + 0.5, b - a, ph);
    }
  }

  function drawTimeTicks(ctx, lo, hi, L, pw, y, ndays) {
    const pxPerDay = pw / ndays;
    const xOf = (d) => L + (d - lo + 0.5) * pxPerDay;
    ctx.fillStyle = '#6a7380';
    ctx.strokeStyle = '#c9ced4';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    const ticks = [];
    const d0 = new Date(lo * DAY_MS);
    if (pxPerDay * 1 >= 60) {
      for (let d = lo; d <= hi; d++) { const dt = new Date(d * DAY_MS); ticks.push([d, `${dt.getUTCDate()} ${MONTHS[dt.getUTCMonth()]}`]); }
    } else if (pxPerDay * 7 >= 60) {
      for (let d = lo; d <= hi; d++) {
        const dt = new Date(d * DAY_MS);
        if (dt.getUTCDay() === 1) ticks.push([d, `${dt.getUTCDate()} ${MONTHS[dt.getUTCMonth()]}`]);
      }
    } else {
      let monthsStep = [1, 2, 3, 6, 12, 24, 60].find((m) => pxPerDay * 30.4 * m >= 56) || 120;
      let y0 = d0.getUTCFullYear(), m0 = d0.getUTCMonth();
      m0 = Math.ceil(m0 / monthsStep) * monthsStep;
      if (monthsStep >= 12) { m0 = 0; y0 = y0 + (d0.getUTCMonth() > 0 || d0.getUTCDate() > 1 ? 1 : 0); }
      for (let yy = y0, mm = m0; ; mm += monthsStep) {
        while (mm >= 12) { mm -= 12; yy++; }
        const d = Math.round(Date.UTC(yy, mm, 1) / DAY_MS);
        if (d > hi) break;
        if (d >= lo) ticks.push([d, monthsStep >= 12 ? String(yy) : (mm === 0 || !ticks.length ? `${MONTHS[mm]} ${yy}` : MONTHS[mm])]);
        if (ticks.length > 200) break;
      }
      if (!ticks.length) ticks.push([lo, `${MONTHS[d0.getUTCMonth()]} ${d0.getUTCFullYear()}`]);
    }
    ctx.beginPath();
    let lastX = -1e9;
    for (const [d, label] of ticks) {
      const x = Math.round(xOf(d)) + 0.5;
      ctx.moveTo(x, y);
      ctx.lineTo(x, y + 4);
      if (x - lastX > 40) { ctx.fillText(label, x, y + 5); lastX = x; }
    }
    ctx.stroke();
  }

  function bindTimeline() {
    const c = el.timeline;
    const tip = el['timeline-tip'];
    const pos = (e) => { const r = c.getBoundingClientRect(); return [e.clientX - r.left, e.clientY - r.top]; };
    const dayAt = (x) => {
      const tl = state.tl;
      if (!tl) return NaN;
      return clamp(tl.lo + Math.floor((x - tl.L) / tl.pw * tl.ndays), tl.lo, tl.hi);
    };
    c.addEventListener('pointerdown', (e) => {
      if (!state.tl || e.button !== 0) return;
      const [x] = pos(e);
      state.brush = { a: x, b: x };
      try { c.setPointerCapture(e.pointerId); } catch (_) { /* ignore */ }
    });
    c.addEventListener('pointermove', (e) => {
      const [x, y] = pos(e);
      if (state.brush) {
        state.brush.b = clamp(x, state.tl ? state.tl.L : 0, state.tl ? state.tl.L + state.tl.pw : c.clientWidth);
        renderTimeline();
        tip.hidden = true;
        return;
      }
      const d = dayAt(x);
      if (!Number.isFinite(d) || !state.tl || x < state.tl.L) { tip.hidden = true; return; }
      const a = state.tl.perDay.get(d);
      const n = a ? a[a.length - 1] : 0;
      tip.textContent = `${dayStr(d)}: ${n} event${n === 1 ? '' : 's'} · drag to select dates, double-click to clear`;
      tip.hidden = false;
      tip.style.left = `${Math.min(x + 10, c.clientWidth - tip.offsetWidth - 4)}px`;
      tip.style.top = `${Math.max(0, y - 28)}px`;
    });
    c.addEventListener('pointerleave', () => { tip.hidden = true; });
    const end = (e) => {
      if (!state.brush) return;
      const { a, b } = state.brush;
      state.brush = null;
      try { c.releasePointerCapture(e.pointerId); } catch (_) { /* ignore */ }
      if (Math.abs(b - a) > 3 && e.type === 'pointerup') {
        const d1 = dayAt(Math.min(a, b)), d2 = dayAt(Math.max(a, b));
        el['f-since'].value = dayStr(d1);
        el['f-until'].value = dayStr(d2);
        applyFilters();
      } else {
        renderTimeline();
      }
    };
    c.addEventListener('pointerup', end);
    c.addEventListener('pointercancel', end);
    c.addEventListener('dblclick', () => {
      el['f-since'].value = '';
      el['f-until'].value = '';
      applyFilters();
    });
  }

  // ---------------------------------------------------------------- list
  function reviewBadges(review, corrected) {
    const st = review || 'unreviewed';
    return `<span class="badge ${esc(st)}">${esc(st)}</span>` + (corrected ? ' <span class="badge corrected">corrected</span>' : '');
  }

  function renderList() {
    const rows = state.filtered.slice(0, LIST_LIMIT);
    const total = state.filtered.length;
    el['list-caption'].textContent = total > LIST_LIMIT
      ? `Showing the ${LIST_LIMIT} most recent of ${total} events`
      : `${total} event${total === 1 ? '' : 's'}, most recent first`;
    if (!rows.length) {
      el.tbody.innerHTML = '<tr class="empty-row"><td class="empty" colspan="7">No events match the filters.</td></tr>';
      return;
    }
    let html = '';
    for (const r of rows) {
      const p = r.p;
      const sel = r.id === state.selectedId ? ' class="sel"' : '';
      const dateEnd = p.date_end && p.date_end !== p.date ? `<span class="sub">to ${esc(p.date_end)}</span>` : '';
      html += `<tr data-event-id="${esc(r.id)}" tabindex="0"${sel}>` +
        `<td class="date">${esc(p.date || '—')}${dateEnd}</td>` +
        `<td><span class="type"><span class="dot" data-color="${typeColor(p.event_type)}"></span><span>${esc(p.event_type || '')}` +
        `<span class="sub">${esc(p.sub_event_type || '')}</span></span></span></td>` +
        `<td dir="auto">${esc(p.actor1 || '')}</td><td dir="auto">${esc(p.actor2 || '')}</td>` +
        `<td><bdi>${esc(p.location || '')}</bdi>${p.admin1 && p.admin1 !== p.location ? `<span class="sub">${esc(p.admin1)}</span>` : ''}` +
        `${r.hasGeo ? '' : '<span class="sub" title="no coordinates">not on map</span>'}</td>` +
        `<td class="num">${p.fatalities === null || p.fatalities === undefined ? '' : esc(p.fatalities)}</td>` +
        `<td>${reviewBadges(p.review, p.corrected)}</td></tr>`;
    }
    el.tbody.innerHTML = html;
  }

  function bindList() {
    const open = (tr) => {
      const raw = tr.dataset.eventId;
      const rec = findRec(raw);
      openEvent(rec ? rec.id : raw);
    };
    el.tbody.addEventListener('click', (e) => {
      const tr = e.target.closest('tr[data-event-id]');
      if (tr) open(tr);
    });
    el.tbody.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter') return;
      const tr = e.target.closest('tr[data-event-id]');
      if (tr) open(tr);
    });
  }

  function findRec(id) {
    if (state.byId.has(id)) return state.byId.get(id);
    const num = Number(id);
    if (Number.isFinite(num) && state.byId.has(num)) return state.byId.get(num);
    const s = String(id);
    if (state.byId.has(s)) return state.byId.get(s);
    return null;
  }

  // ---------------------------------------------------------------- evidence highlighting
  /* Wrap every evidence span [start, end) (code point offsets) in
   * <mark class="ev ev-FIELD" data-field="FIELD" title="FIELD">. Spans may overlap or nest:
   * the text is cut at every boundary and marks are opened/closed like a stack so that the
   * longer span (quote) encloses the shorter ones; a span that crosses another is split
   * into several marks (the later pieces carry class "ev-cont"). Text is always escaped. */
  function highlight(text, evidence) {
    const cps = Array.from(text || '');
    const n = cps.length;
    const spans = [];
    const seen = new Set();
    for (const ev of evidence || []) {
      if (!ev) continue;
      let s = Math.trunc(Number(ev.start));
      let e = Math.trunc(Number(ev.end));
      if (!Number.isFinite(s) || !Number.isFinite(e)) continue;
      const field = String(ev.field || 'other');
      let moved = false;
      if (typeof ev.text === 'string' && ev.text && cps.slice(clamp(s, 0, n), clamp(e, 0, n)).join('') !== ev.text) {
        const found = relocate(text, ev.text, s);
        if (found) { [s, e] = found; moved = true; }
      }
      s = clamp(s, 0, n);
      e = clamp(e, 0, n);
      if (e <= s) continue;
      const key = `${field}\u0000${s}\u0000${e}`;
      if (seen.has(key)) continue;
      seen.add(key);
      spans.push({ field, s, e, moved, rank: field === 'quote' ? 0 : 1 });
    }
    if (!spans.length) return esc(text || '');
    const outer = (a, b) => b.e - a.e || a.rank - b.rank || (a.field < b.field ? -1 : a.field > b.field ? 1 : 0);
    spans.sort((a, b) => a.s - b.s || outer(a, b));
    const cuts = new Set([0, n]);
    for (const sp of spans) { cuts.add(sp.s); cuts.add(sp.e); }
    const pts = [...cuts].sort((a, b) => a - b);
    const open = (sp, cont) => {
      const cls = fieldClass(sp.field);
      const extra = (KNOWN_FIELDS.includes(cls) ? '' : ' ev-other') + (cont ? ' ev-cont' : '');
      return `<mark class="ev ev-${cls}${extra}" data-field="${esc(sp.field)}" title="${esc(sp.field)}"` +
        `${sp.moved ? ' data-adjusted="1"' : ''}>`;
    };
    let html = '';
    const stack = [];
    let si = 0;
    for (let k = 0; k < pts.length - 1; k++) {
      const a = pts[k], b = pts[k + 1];
      // close the spans that end here (and whatever is nested above them)
      let lowest = -1;
      for (let j = 0; j < stack.length; j++) if (stack[j].e <= a) { lowest = j; break; }
      if (lowest >= 0) {
        const reopen = [];
        while (stack.length > lowest) {
          const sp = stack.pop();
          html += '</mark>';
          if (sp.e > a) reopen.push(sp);
        }
        reopen.sort(outer);
        for (const sp of reopen) { html += open(sp, true); stack.push(sp); }
      }
      while (si < spans.length && spans[si].s === a) {
        const sp = spans[si++];
        html += open(sp, false);
        stack.push(sp);
      }
      html += esc(cps.slice(a, b).join(''));
    }
    while (stack.length) { stack.pop(); html += '</mark>'; }
    return html;
  }

  // the evidence text is not at its offsets: find the occurrence nearest to them
  function relocate(text, needle, near) {
    let idx = text.indexOf(needle);
    if (idx < 0) return null;
    let best = null, bestD = Infinity;
    let guard = 0;
    while (idx >= 0 && guard++ < 1000) {
      const cp = Array.from(text.slice(0, idx)).length;
      const d = Math.abs(cp - near);
      if (d < bestD) { bestD = d; best = cp; }
      idx = text.indexOf(needle, idx + 1);
    }
    return best === null ? null : [best, best + Array.from(needle).length];
  }

  // ---------------------------------------------------------------- event panel
  async function openEvent(id, opts = {}) {
    const rec = findRec(id);
    const eid = rec ? rec.id : id;
    const seq = ++state.openSeq;
    state.selectedId = eid;
    state.detail = null;
    const panel = el['event-panel'];
    panel.hidden = false;
    panel.dataset.eventId = String(eid);
    el['p-error'].hidden = true;
    el['c-status'].textContent = '';
    el['c-status'].className = '';
    renderNearby(opts.near || []);
    if (rec) renderFieldsQuick(rec);
    else { setTitle(eid, '', ''); el['p-fields'].innerHTML = '<dt>Loading…</dt><dd></dd>'; }
    el['p-docs'].innerHTML = '<p class="muted">Loading…</p>';
    for (const sc of panel.querySelectorAll('.panel-body, .panel-body .col')) sc.scrollTop = 0;
    el.audit.innerHTML = '';
    el['audit-empty'].hidden = true;
    setFormEnabled(false);
    markSelectedRow();
    renderMap();
    try { history.replaceState(null, '', `#event=${encodeURIComponent(eid)}`); } catch (_) { /* ignore */ }
    let data;
    try {
      data = await api(`/api/events/${encodeURIComponent(eid)}`);
    } catch (err) {
      if (seq !== state.openSeq) return null;
      el['p-error'].textContent = `Could not load event ${eid}: ${err.status ? `${err.status} ` : ''}${err.message}`;
      el['p-error'].hidden = false;
      el['p-docs'].innerHTML = '';
      return null;
    }
    if (seq !== state.openSeq) return null;
    state.detail = data;
    renderDetail(data);
    setFormEnabled(true);
    await renderDocuments(data, seq);
    return data;
  }

  function closeEvent() {
    state.openSeq++;
    state.selectedId = null;
    state.detail = null;
    const panel = el['event-panel'];
    panel.hidden = true;
    delete panel.dataset.eventId;
    markSelectedRow();
    renderMap();
    try { history.replaceState(null, '', location.pathname + location.search); } catch (_) { /* ignore */ }
  }

  function markSelectedRow() {
    for (const tr of el.tbody.querySelectorAll('tr.sel')) tr.classList.remove('sel');
    if (state.selectedId === null) return;
    const tr = el.tbody.querySelector(`tr[data-event-id="${CSS.escape(String(state.selectedId))}"]`);
    if (tr) tr.classList.add('sel');
  }

  function renderNearby(near) {
    const box = el['p-nearby'];
    if (!near.length) { box.hidden = true; box.innerHTML = ''; return; }
    const list = near.slice(0, 40);
    box.innerHTML = `<b>${near.length} other event${near.length === 1 ? '' : 's'} at this spot:</b> ` +
      list.map((r) => `<a href="#" data-id="${esc(r.id)}" title="${esc(r.p.event_type || '')}">` +
        `${esc(r.p.date || '?')} ${esc(r.p.sub_event_type || r.p.event_type || '')}</a>`).join(' ') +
      (near.length > list.length ? ` … ${near.length - list.length} more` : '');
    box.hidden = false;
    box.onclick = (e) => {
      const a = e.target.closest('a[data-id]');
      if (!a) return;
      e.preventDefault();
      const r = findRec(a.dataset.id);
      if (!r) return;
      const cur = findRec(state.selectedId);
      const others = near.filter((x) => x !== r);
      if (cur) others.unshift(cur);
      openEvent(r.id, { near: others });
    };
  }

  function setTitle(id, type, sub) {
    el['p-title'].innerHTML = `<span class="swatch dot" data-color="${typeColor(type)}"></span>` +
      `Event ${esc(id)} <span class="muted thin">${esc(sub || type || '')}</span>`;
  }

  function renderFieldsQuick(rec) {
    const p = rec.p;
    setTitle(rec.id, p.event_type, p.sub_event_type);
    const rows = [
      ['Event type', esc(p.event_type)], ['Sub-event type', esc(p.sub_event_type)],
      ['Date', esc(p.date) + (p.date_end && p.date_end !== p.date ? ` – ${esc(p.date_end)}` : '')],
      ['Actor 1', esc(p.actor1)], ['Actor 2', esc(p.actor2)], ['Admin1', esc(p.admin1)],
      ['Location', esc(p.location)], ['Fatalities', esc(p.fatalities)], ['Confidence', esc(p.confidence)],
      ['Review', reviewBadges(p.review, p.corrected)],
    ];
    el['p-fields'].innerHTML = rows.map(([k, v]) => `<dt>${k}</dt><dd>${v || '—'}</dd>`).join('');
  }

  function fmtNum(v) {
    return v === null || v === undefined || v === '' ? '' : esc(v);
  }
  function fmtList(v) {
    if (v === null || v === undefined) return '';
    const arr = Array.isArray(v) ? v : [v];
    return arr.map((x) => {
      if (x && typeof x === 'object') return esc(x.name || x.source || x.text || JSON.stringify(x));
      return `<span lang="ar" dir="auto">${esc(x)}</span>`;
    }).join(', ');
  }

  function renderDetail(data) {
    const r = data.record || {};
    const rv = data.review || {};
    setTitle(data.id, r.event_type, r.sub_event_type);
    const evFields = new Set();
    for (const m of membersOf(data)) for (const ev of m.evidence || []) evFields.add(String(ev.field));
    const jump = (f) => (evFields.has(f) ? ` <button type="button" class="jump" data-jump="${esc(f)}" title="Show the evidence (${esc(f)}) in the article">⌖</button>` : '');
    const assoc = (a) => (Array.isArray(a) && a.length ? ` <span class="muted">with ${a.map(esc).join(', ')}</span>` : '');
    const range = r.fatalities_low !== null && r.fatalities_low !== undefined
      ? ` <span class="muted">(${fmtNum(r.fatalities_low)}–${fmtNum(r.fatalities_high)})</span>` : '';
    const reviewed = rv.reviewer ? ` <span class="muted">by ${esc(rv.reviewer)}${rv.at ? ` at ${esc(rv.at)}` : ''}</span>` : '';
    const nDocs = new Set(membersOf(data).map((m) => m.doc_id)).size;
    const rows = [
      ['Event type', `<span class="swatch" data-color="${typeColor(r.event_type)}"></span>${esc(r.event_type)}${jump('trigger')}`],
      ['Sub-event type', esc(r.sub_event_type)],
      ['Date', `${esc(r.date)}${r.date_end && r.date_end !== r.date ? ` – ${esc(r.date_end)}` : ''}` +
        `${r.time_precision ? ` <span class="muted">(precision ${esc(r.time_precision)})</span>` : ''}${jump('date')}`],
      ['Actor 1', `${esc(r.actor1)}${assoc(r.assoc_actor1)}${jump('actor1')}`],
      ['Actor 2', `${esc(r.actor2)}${assoc(r.assoc_actor2)}${jump('actor2')}`],
      ['Country', esc(r.country)],
      ['Admin1', esc(r.admin1)],
      ['Admin2', esc(r.admin2)],
      ['Location', `${esc(r.location)}${jump('location')}`],
      ['Location (Arabic)', r.location_ar ? `<span lang="ar" dir="rtl">${esc(r.location_ar)}</span>` : ''],
      ['Lat / Lon', r.latitude !== null && r.latitude !== undefined
        ? `${fmtNum(r.latitude)}, ${fmtNum(r.longitude)}${r.geo_precision ? ` <span class="muted">(geo precision ${esc(r.geo_precision)})</span>` : ''}`
        : '<span class="muted">no coordinates</span>'],
      ['Fatalities', `${fmtNum(r.fatalities)}${range}${jump('fatalities')}`],
      ['Confidence', fmtNum(r.confidence)],
      ['Reported by', `${fmtList(r.reported_by)}${jump('source')}`],
      ['Review', `${reviewBadges(rv.status, rv.corrected)}${reviewed}`],
      ['Notes', esc(r.notes)],
      ['Reports', `${membersOf(data).length} report${membersOf(data).length === 1 ? '' : 's'} in ${nDocs} article${nDocs === 1 ? '' : 's'}`],
    ];
    if ('reference_match' in data) rows.push(['Reference match', referenceMatchHtml(data.reference_match)]);
    if (Array.isArray(data.referenced_by) && data.referenced_by.length) {
      rows.push(['Referred to in', referencedByHtml(data.referenced_by)]);
    }
    el['p-fields'].innerHTML = rows.map(([k, v]) => `<dt>${k}</dt><dd>${v || '—'}</dd>`).join('');
    fillForm(r);
    renderAudit(data.audit || []);
  }

  function membersOf(data) {
    const ms = Array.isArray(data.members) ? data.members.filter((m) => m && m.doc_id) : [];
    if (ms.length) return ms;
    const r = data.record || {};
    return r.doc_id ? [{ event_id: data.id, doc_id: r.doc_id, evidence: r.evidence || [] }] : [];
  }

  function renderAudit(entries) {
    el.audit.innerHTML = entries.map((a) => {
      const changes = a.changes && typeof a.changes === 'object'
        ? Object.entries(a.changes).map(([k, v]) => {
          const [o, nw] = Array.isArray(v) ? v : [undefined, v];
          return `<span class="chg">${esc(k)}: <b>${esc(o === null || o === undefined ? '∅' : o)}</b> → <b>${esc(nw === null || nw === undefined ? '∅' : nw)}</b></span>`;
        }).join('; ')
        : '';
      return `<li><span class="act">${esc(a.action || '')}</span> by ${esc(a.reviewer || 'unknown')} ` +
        `<span class="muted">${esc(a.at || '')}</span>${changes ? `<br>${changes}` : ''}` +
        `${a.note ? `<br><i>${esc(a.note)}</i>` : ''}</li>`;
    }).join('');
    el['audit-empty'].hidden = entries.length > 0;
  }

  async function fetchDocument(docId) {
    if (state.docCache.has(docId)) return state.docCache.get(docId);
    const pr = api(`/api/documents/${encodeURIComponent(docId)}`);
    state.docCache.set(docId, pr);
    pr.catch(() => state.docCache.delete(docId));
    return pr;
  }

  async function renderDocuments(data, seq) {
    const groups = new Map();
    for (const m of membersOf(data)) {
      let g = groups.get(m.doc_id);
      if (!g) { g = { evidence: [], eventIds: [] }; groups.set(m.doc_id, g); }
      g.evidence.push(...(m.evidence || []));
      if (m.event_id !== undefined) g.eventIds.push(m.event_id);
    }
    const metaById = new Map((data.documents || []).map((d) => [d.id, d]));
    const box = el['p-docs'];
    if (!groups.size) { box.innerHTML = '<p class="muted">No source article recorded for this event.</p>'; return; }
    box.innerHTML = '';
    const jobs = [];
    let n = 0;
    for (const [docId, g] of groups) {
      const isFirst = n++ === 0;
      const div = document.createElement('div');
      div.className = 'doc';
      div.dataset.docId = docId;
      div.innerHTML = docHead(metaById.get(docId) || { id: docId }) +
        '<div class="doc-text loading">Loading article…</div>';
      box.appendChild(div);
      jobs.push(fetchDocument(docId).then((doc) => {
        if (seq !== state.openSeq) return;
        div.innerHTML = docHead({ ...(metaById.get(docId) || {}), ...doc, id: docId });
        const t = document.createElement('div');
        t.className = 'doc-text';
        t.lang = 'ar';
        t.dir = 'rtl';
        t.innerHTML = highlight(doc.text || '', g.evidence);
        div.appendChild(t);
        const first = t.querySelector('mark.ev-quote') || t.querySelector('mark.ev');
        if (first) {
          if (t.scrollHeight > t.clientHeight + 2) {
            t.scrollTop = Math.max(0, first.offsetTop - 40);
          } else if (isFirst) {
            // the whole article is shown: scroll its column to the first evidence
            const col = t.closest('.col-docs');
            if (col && col.scrollHeight > col.clientHeight + 2) {
              col.scrollTop += first.getBoundingClientRect().top - col.getBoundingClientRect().top - 120;
            }
          }
        }
      }, (err) => {
        if (seq !== state.openSeq) return;
        const p = div.querySelector('.doc-text');
        p.className = 'error';
        p.textContent = `Article ${docId} could not be loaded: ${err.status ? `${err.status} ` : ''}${err.message}`;
      }));
    }
    await Promise.all(jobs);
  }

  function docHead(d) {
    const bits = [d.outlet, d.published, d.author].filter(Boolean).map(esc).join(' · ');
    const url = d.url && /^https?:\/\//i.test(d.url) ? ` · <a href="${esc(d.url)}" target="_blank" rel="noopener noreferrer">original</a>` : '';
    return `<div class="doc-head">${d.title ? `<span class="doc-title" lang="ar" dir="rtl">${esc(d.title)}</span>` : ''}` +
      `<span class="meta">${bits}${bits ? ' · ' : ''}<code>${esc(d.id)}</code>${url}</span></div>`;
  }

  function renderFieldKey() {
    el['field-key'].innerHTML = 'Evidence: ' + KNOWN_FIELDS.map((f) => `<span class="key ev-${f}">${f}</span>`).join('');
  }

  // ---------------------------------------------------------------- correction form
  const FORM_FIELDS = ['event_type', 'sub_event_type', 'actor1', 'actor2', 'date', 'date_end', 'location', 'admin1', 'fatalities'];

  function fillSubTypes(type, current) {
    const subs = (state.taxonomy && state.taxonomy[type]) || [];
    const opts = subs.slice();
    if (current && !opts.includes(current)) opts.unshift(current);
    el['c-sub_event_type'].innerHTML = opts.map((s) => `<option value="${esc(s)}">${esc(s)}</option>`).join('');
    el['c-sub_event_type'].value = opts.includes(current) ? current : (opts[0] || '');
  }

  function fillForm(r) {
    const types = Object.keys(state.taxonomy || {});
    if (r.event_type && !types.includes(r.event_type)) types.unshift(r.event_type);
    el['c-event_type'].innerHTML = types.map((t) => `<option value="${esc(t)}">${esc(t)}</option>`).join('');
    el['c-event_type'].value = r.event_type || types[0] || '';
    fillSubTypes(el['c-event_type'].value, r.sub_event_type);
    for (const f of ['actor1', 'actor2', 'date', 'date_end', 'location', 'admin1', 'fatalities']) {
      const v = r[f];
      el[`c-${f}`].value = v === null || v === undefined ? '' : String(v);
    }
    el['c-note'].value = '';
    markChanged();
  }

  function normalized(field, raw) {
    if (field === 'fatalities') {
      if (raw === '' || raw === null || raw === undefined) return null;
      const n = Number(raw);
      return Number.isFinite(n) ? n : raw;
    }
    if (raw === null || raw === undefined) return null;
    const s = String(raw).trim();
    return s === '' ? null : s;
  }

  function changedFields() {
    const r = (state.detail && state.detail.record) || {};
    const out = {};
    for (const f of FORM_FIELDS) {
      const input = el[`c-${f}`];
      let v = normalized(f, input.value);
      if (f === 'fatalities' && input.validity && input.validity.badInput) v = input.value || 'invalid';
      const o = normalized(f, r[f]);
      if (v !== o) out[f] = v;
    }
    return out;
  }

  function markChanged() {
    const ch = state.detail ? changedFields() : {};
    for (const f of FORM_FIELDS) el[`c-${f}`].classList.toggle('changed', f in ch);
  }

  function setFormEnabled(on) {
    for (const b of ['btn-save', 'btn-confirm', 'btn-reject']) el[b].disabled = !on;
  }

  function setStatus(msg, kind) {
    el['c-status'].textContent = msg;
    el['c-status'].className = kind || '';
  }

  async function submitReview(kind) {
    const data = state.detail;
    if (!data) return;
    const fields = kind === 'reject' ? {} : changedFields();
    if (kind === 'save' && !Object.keys(fields).length) {
      setStatus('Nothing to save: no field was changed.', 'err');
      return;
    }
    const body = {
      status: kind === 'confirm' ? 'confirmed' : kind === 'reject' ? 'rejected' : null,
      reviewer: el['c-reviewer'].value.trim(),
      note: el['c-note'].value.trim(),
    };
    if (Object.keys(fields).length) body.fields = fields;
    const headers = { 'Content-Type': 'application/json' };
    const token = el['c-token'].value.trim();
    if (token) headers.Authorization = `Bearer ${token}`;
    const id = data.id !== undefined ? data.id : state.selectedId;
    const seq = state.openSeq;
    setFormEnabled(false);
    setStatus('Sending…', '');
    let updated;
    try {
      updated = await api(`/api/events/${encodeURIComponent(id)}`, { method: 'PATCH', headers, body: JSON.stringify(body) });
    } catch (err) {
      if (seq === state.openSeq) {
        setFormEnabled(true);
        const what = { 401: 'not authorised (missing token)', 403: 'forbidden (wrong token)', 422: 'invalid input' }[err.status] || 'request failed';
        const hint = err.status === 422 && !body.reviewer ? '\n(Enter your name in the Reviewer field.)' : '';
        setStatus(`Error${err.status ? ` ${err.status}` : ''} — ${what}: ${err.message}${hint}`, 'err');
      }
      return;
    }
    if (!updated || !updated.record) {
      // not the documented response shape: read the event back
      try { updated = await api(`/api/events/${encodeURIComponent(id)}`); } catch (_) { updated = null; }
      if (!updated || !updated.record) {
        setFormEnabled(true);
        setStatus('Saved, but the server did not return the updated event; reload to see it.', 'ok');
        return;
      }
    }
    applyServerUpdate(updated, id);
    if (seq !== state.openSeq) return;
    state.detail = updated;
    const membersSame = JSON.stringify(membersOf(updated)) === JSON.stringify(membersOf(data));
    renderDetail(updated);
    setFormEnabled(true);
    const n = Object.keys(fields).length;
    const time = new Date().toLocaleTimeString();
    setStatus(kind === 'save' ? `Correction saved (${n} field${n === 1 ? '' : 's'}) at ${time}.`
      : kind === 'confirm' ? `Confirmed — saved${n ? ` with ${n} corrected field${n === 1 ? '' : 's'}` : ''} at ${time}.`
        : `Rejected — saved at ${time}.`, 'ok');
    if (!membersSame) renderDocuments(updated, state.openSeq);
  }

  function applyServerUpdate(data, id) {
    const rec = findRec(data.id !== undefined ? data.id : id);
    if (!rec) return;
    const r = data.record || {};
    const p = rec.p;
    for (const k of ['event_type', 'sub_event_type', 'date', 'date_end', 'actor1', 'actor2', 'admin1', 'location',
      'fatalities', 'confidence']) {
      if (k in r) p[k] = r[k];
    }
    if (data.review) {
      if (data.review.status) p.review = data.review.status;
      if ('corrected' in data.review) p.corrected = !!data.review.corrected;
    }
    if ('latitude' in r || 'longitude' in r) {
      rec.f.geometry = Number.isFinite(r.latitude) && Number.isFinite(r.longitude)
        ? { type: 'Point', coordinates: [r.longitude, r.latitude] } : null;
    }
    const oldKey = rec.sortKey;
    deriveRec(rec);
    if (rec.sortKey !== oldKey) sortRecs();
    rasd.events = state.recs.map((x) => x.f);
    fillAdmin1Options();
    applyFilters();
    markSelectedRow();
  }

  function bindPanel() {
    el['p-close'].addEventListener('click', closeEvent);
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && !el['event-panel'].hidden) closeEvent();
    });
    el['c-event_type'].addEventListener('change', () => {
      fillSubTypes(el['c-event_type'].value, el['c-sub_event_type'].value);
      markChanged();
    });
    $('#c-form').addEventListener('input', markChanged);
    $('#c-form').addEventListener('change', markChanged);
    for (const k of ['reviewer', 'token']) {
      const input = el[`c-${k}`];
      try { input.value = localStorage.getItem(`rasd.${k}`) || ''; } catch (_) { /* storage off */ }
      input.addEventListener('input', () => {
        try { localStorage.setItem(`rasd.${k}`, input.value); } catch (_) { /* storage off */ }
      });
    }
    el['btn-save'].addEventListener('click', () => submitReview('save'));
    el['btn-confirm'].addEventListener('click', () => submitReview('confirm'));
    el['btn-reject'].addEventListener('click', () => submitReview('reject'));
    el['p-fields'].addEventListener('click', (e) => {
      const b = e.target.closest('button[data-jump]');
      if (!b) return;
      const f = b.dataset.jump;
      const m = el['p-docs'].querySelector(`.doc-text mark.ev[data-field="${CSS.escape(f)}"]`);
      if (!m) return;
      m.scrollIntoView({ block: 'center', behavior: 'smooth' });
      m.classList.add('flash');
      setTimeout(() => m.classList.remove('flash'), 1500);
    });
  }

  // ---------------------------------------------------------------- borders & reference layer
  /* Country borders (Natural Earth 1:50m) and the governorates of Syria and Iraq (1:10m),
   * from /static/borders.json (tools/make_borders.py), drawn under the points when no
   * tiles are shown. Rings are projected to web mercator once; each render only scales. */
  function prepareBorders(data) {
    if (!data || !data.countries || !data.governorates) return null;
    const prep = (collection, focus) => (collection.features || []).map((f) => {
      const rings = [];
      let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
      const polygons = f.geometry && f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates : [];
      for (const polygon of polygons) {
        for (const ring of polygon) {
          const m = new Float64Array(ring.length * 2);
          ring.forEach(([lon, lat], k) => {
            const x = mercX(lon), y = mercY(lat);
            m[2 * k] = x;
            m[2 * k + 1] = y;
            if (x < x0) x0 = x;
            if (x > x1) x1 = x;
            if (y < y0) y0 = y;
            if (y > y1) y1 = y;
          });
          rings.push(m);
        }
      }
      const p = f.properties || {};
      return { rings, bbox: [x0, y0, x1, y1], focus: focus(p) };
    });
    return {
      attribution: data.attribution || 'Borders: Natural Earth',
      countries: prep(data.countries, (p) => p.iso_n3 === '760' || p.iso_n3 === '368'),
      governorates: prep(data.governorates, () => false),
    };
  }

  function drawBorders(ctx, w, h, overTiles) {
    const b = state.borders;
    let countries = 0, governorates = 0;
    if (b && !overTiles) {
      const { cx, cy, scale } = state.view;
      const hw = w / 2, hh = h / 2;
      const vx0 = cx - hw / scale, vx1 = cx + hw / scale, vy0 = cy - hh / scale, vy1 = cy + hh / scale;
      const trace = (features, onlyFocus) => {
        let n = 0;
        for (const f of features) {
          if (onlyFocus && !f.focus) continue;
          if (f.bbox[2] < vx0 || f.bbox[0] > vx1 || f.bbox[3] < vy0 || f.bbox[1] > vy1) continue;
          for (const m of f.rings) {
            ctx.moveTo((m[0] - cx) * scale + hw, (m[1] - cy) * scale + hh);
            for (let k = 2; k < m.length; k += 2) ctx.lineTo((m[k] - cx) * scale + hw, (m[k + 1] - cy) * scale + hh);
            ctx.closePath();
            n++;
          }
        }
        return n;
      };
      ctx.save();
      ctx.lineJoin = 'round';
      ctx.beginPath();
      trace(b.countries, true);
      ctx.fillStyle = '#fbfbf8'; // Syria and Iraq stand out from their neighbours
      ctx.fill('evenodd');
      if (scale >= 256 * 8) {
        ctx.beginPath();
        governorates = trace(b.governorates, false);
        ctx.lineWidth = 0.8;
        ctx.strokeStyle = 'rgba(120,132,150,0.55)';
        ctx.stroke();
      }
      ctx.beginPath();
      countries = trace(b.countries, false);
      ctx.lineWidth = 1.3;
      ctx.strokeStyle = '#7b8799';
      ctx.stroke();
      ctx.restore();
    }
    el.map.dataset.borders = String(countries);
    el.map.dataset.governorates = String(governorates);
    el['map-credit'].hidden = !(b && !overTiles);
  }

  /* `rasd serve --reference FILE`: the reference events (ACLED, UCDP) as hollow squares,
   * green when rasd has the same event; the checkbox shows or hides them, and the date and
   * type filters apply to them too. */
  async function loadReference(meta) {
    let gj = null;
    try {
      gj = await api('/api/reference.geojson');
    } catch (err) {
      console.warn('rasd: the reference layer could not be loaded', err);
      return;
    }
    const recs = [];
    for (const f of (gj && gj.features) || []) {
      const c = f.geometry && f.geometry.coordinates;
      if (!Array.isArray(c) || !Number.isFinite(c[0]) || !Number.isFinite(c[1])) continue;
      const p = f.properties || {};
      recs.push({ mx: mercX(c[0]), my: mercY(c[1]), day: dayOf(p.date), type: String(p.event_type || ''),
        matched: p.matched_event !== null && p.matched_event !== undefined });
    }
    state.reference = { meta, recs, show: el['f-reference'].checked !== false };
    el['ref-label'].innerHTML = `<span class="ref-swatch"></span>${esc(meta.format)} ${esc(meta.name)} ` +
      `<span class="muted">· ${recs.length} events · <span class="ref-swatch matched"></span> matched by rasd</span>`;
    el['ref-control'].hidden = false;
  }

  function bindReference() {
    el['f-reference'].checked = true;
    el['f-reference'].addEventListener('change', () => {
      if (state.reference) state.reference.show = el['f-reference'].checked;
      renderMap();
    });
  }

  function drawReference(ctx, w, h) {
    const ref = state.reference;
    let n = 0;
    if (ref && ref.show) {
      const F = readFilters();
      const { cx, cy, scale } = state.view;
      const hw = w / 2, hh = h / 2, r = 3;
      const paths = [new Path2D(), new Path2D()];
      for (const p of ref.recs) {
        if (Number.isFinite(F.since) && !(p.day >= F.since)) continue;
        if (Number.isFinite(F.until) && !(p.day <= F.until)) continue;
        if (F.type !== 'all' && p.type.split(' or ').indexOf(F.type) < 0) continue;
        const x = (p.mx - cx) * scale + hw, y = (p.my - cy) * scale + hh;
        if (x < -r || y < -r || x > w + r || y > h + r) continue;
        paths[p.matched ? 1 : 0].rect(x - r, y - r, 2 * r, 2 * r);
        n++;
      }
      ctx.save();
      ctx.lineWidth = 1.2;
      ctx.strokeStyle = 'rgba(40,44,52,0.55)';
      ctx.stroke(paths[0]);
      ctx.lineWidth = 1.6;
      ctx.strokeStyle = '#1a7f4b';
      ctx.stroke(paths[1]);
      ctx.restore();
    }
    el.map.dataset.referencePoints = String(n);
  }

  // Articles that speak of this event without reporting it anew (reactions, inquiries).
  function referencedByHtml(refs) {
    const clip = (t) => (t.length > 200 ? `${t.slice(0, 199)}…` : t);
    return `<ul class="referenced-by">${refs.map((r) => `<li data-doc-id="${esc(r.doc_id)}">` +
      `${esc(r.title || r.doc_id)} <span class="muted">${esc(r.outlet || '')} ${esc((r.published || '').slice(0, 10))}</span>` +
      `<br><span lang="ar" dir="rtl">${esc(clip(String(r.quote || '')))}</span></li>`).join('')}</ul>`;
  }

  function referenceMatchHtml(m) {
    if (!m) {
      const how = state.reference && state.reference.meta ? ` within ${esc(state.reference.meta.thresholds)}` : '';
      return `<span class="muted">none${how}</span>`;
    }
    const clip = (t) => (t.length > 240 ? `${t.slice(0, 239)}…` : t);
    return `<span class="ref-match" data-ref-id="${esc(m.id)}"><span class="ref-swatch matched"></span> ` +
      `${esc(m.format || '')} <b>${esc(m.id)}</b> · ${esc(m.date)} · ${esc(m.original_type)} · ` +
      `${esc(m.location)}${m.admin1 ? ` (${esc(m.admin1)})` : ''} · ${esc(m.fatalities)} killed</span>` +
      `<br><span class="muted">${m.km_apart === null || m.km_apart === undefined ? '' : `${esc(m.km_apart)} km, `}` +
      `${esc(m.days_apart)} day${m.days_apart === 1 ? '' : 's'} apart (${esc(m.place_rule)})</span>` +
      (m.notes ? `<br><span class="muted">${esc(clip(String(m.notes)))}</span>` : '');
  }

  // ---------------------------------------------------------------- boot
  function showBanner(msg, retry) {
    el.banner.innerHTML = `${esc(msg)}${retry ? ' <button type="button">Retry</button>' : ''}`;
    el.banner.hidden = false;
    const b = el.banner.querySelector('button');
    if (b) b.onclick = () => { el.banner.hidden = true; load(); };
  }

  function showTokenPrompt(err) {
    el.banner.innerHTML = `This server needs a token to read events (${esc(err.status)}: ${esc(err.message)}). ` +
      '<input type="password" id="banner-token" placeholder="token" size="24"> <button type="button">Use token</button>';
    el.banner.hidden = false;
    const input = el.banner.querySelector('#banner-token');
    const go = () => {
      const t = input.value.trim();
      if (!t) return;
      el['c-token'].value = t;
      try { localStorage.setItem('rasd.token', t); } catch (_) { /* storage off */ }
      el.banner.hidden = true;
      load();
    };
    el.banner.querySelector('button').onclick = go;
    input.addEventListener('keydown', (e) => { if (e.key === 'Enter') go(); });
    input.focus();
  }

  function bindFilters() {
    let lastKey = '';
    const onChange = () => {
      const key = JSON.stringify(readFilters());
      if (key === lastKey) return;
      lastKey = key;
      applyFilters();
    };
    el.filters.addEventListener('input', onChange);
    el.filters.addEventListener('change', onChange);
    el['f-actor'].addEventListener('search', onChange);
    el['f-reset'].addEventListener('click', () => { resetFilters(); lastKey = JSON.stringify(readFilters()); });
  }

  function bindResize() {
    let queued = false;
    const ro = new ResizeObserver(() => {
      if (queued || !rasd.ready) return;
      queued = true;
      requestAnimationFrame(() => { queued = false; renderMap(); renderTimeline(); });
    });
    ro.observe(el['map-wrap']);
    ro.observe(el['timeline-wrap']);
  }

  function mark(name) {
    try { performance.mark(name); } catch (_) { /* old browser */ }
  }

  async function load() {
    el.loading.hidden = false;
    el.loading.textContent = 'Loading events…';
    const metaP = api('/api/meta').catch((err) => {
      console.warn('rasd: /api/meta failed, using the built-in taxonomy', err);
      return null;
    });
    const bordersP = api('/static/borders.json').catch((err) => {
      console.warn('rasd: no borders, the map keeps its graticule', err);
      return null;
    });
    let gj;
    mark('rasd:fetch');
    try {
      gj = await api('/api/events.geojson?review=all');
    } catch (err) {
      el.loading.textContent = 'Could not load events.';
      if (err.status === 401 || err.status === 403) showTokenPrompt(err);
      else showBanner(`Could not load /api/events.geojson: ${err.status ? `${err.status} ` : ''}${err.message}`, true);
      return;
    }
    const meta = await metaP;
    mark('rasd:data');
    state.meta = meta;
    rasd.meta = meta;
    if (meta && meta.taxonomy && typeof meta.taxonomy === 'object' && Object.keys(meta.taxonomy).length) {
      state.taxonomy = meta.taxonomy;
      const extra = Object.keys(meta.taxonomy).filter((t) => !TYPES.includes(t));
      state.types = TYPES.concat(extra);
    }
    if (meta && meta.write_requires_token === false) el['c-token'].placeholder = 'not required';
    el['c-writes'].hidden = !(meta && meta.writes_enabled === false);
    state.tileUrl = meta && typeof meta.tile_url === 'string' && meta.tile_url.trim() ? meta.tile_url.trim() : null;
    if (state.tileUrl) {
      let host = '';
      try { host = new URL(state.tileUrl.replace(/[{}]/g, ''), location.href).host; } catch (_) { host = ''; }
      el['map-attrib'].textContent = /openstreetmap/i.test(host) ? '© OpenStreetMap contributors' : `Tiles: ${host}`;
    }

    state.borders = prepareBorders(await bordersP);
    el['map-credit'].textContent = state.borders ? state.borders.attribution : '';
    el['map-credit'].hidden = !state.borders;
    if (meta && meta.reference) await loadReference(meta.reference);

    const feats = (gj && Array.isArray(gj.features)) ? gj.features : [];
    state.recs = feats.filter((f) => f && typeof f === 'object').map(makeRec);
    state.byId = new Map(state.recs.map((r) => [r.id, r]));
    sortRecs();
    rasd.events = state.recs.map((r) => r.f);
    fillFilterOptions();
    state.view = null;
    fitView(bboxOf(state.recs));
    applyFilters();
    el.loading.hidden = true;
    rasd.ready = true;
    document.body.dataset.ready = '1';
    mark('rasd:ready');

    const m = /^#event=(.+)$/.exec(location.hash);
    if (m) openEvent(decodeURIComponent(m[1]));
  }

  // The server's Content-Security-Policy (style-src 'self') refuses style attributes in
  // HTML strings: colours travel as data-color and are set through the CSSOM, on every
  // element as it is added to the page.
  function paint(node) {
    if (node.nodeType !== 1) return;
    if (node.dataset.color) node.style.background = node.dataset.color;
    node.querySelectorAll('[data-color]').forEach((n) => { n.style.background = n.dataset.color; });
  }

  function init() {
    new MutationObserver((records) => records.forEach((r) => r.addedNodes.forEach(paint)))
      .observe(document.body, { childList: true, subtree: true });
    // no inline handlers either (script-src 'self'): forms never submit, buttons act
    document.querySelectorAll('form').forEach((f) => f.addEventListener('submit', (e) => e.preventDefault()));
    grabElements();
    renderFieldKey();
    bindFilters();
    bindMap();
    bindTimeline();
    bindList();
    bindPanel();
    bindResize();
    bindReference();
    load();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
