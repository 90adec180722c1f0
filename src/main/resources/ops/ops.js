// Everything from the server is put on the page as text (textContent), never as HTML: dead letters hold hostile input.
const $ = (id) => document.getElementById(id);

function row(cells, attrs) {
  const tr = document.createElement('tr');
  Object.entries(attrs || {}).forEach(([k, v]) => tr.setAttribute(k, v));
  cells.forEach((cell) => {
    const td = document.createElement('td');
    if (cell instanceof Node) { td.appendChild(cell); } else { td.textContent = cell == null ? '' : String(cell); }
    tr.appendChild(td);
  });
  return tr;
}

function fill(tbody, rows, empty, columns) {
  tbody.replaceChildren(...(rows.length ? rows : [row([empty].concat(Array(columns - 1).fill('')), { class: 'muted' })]));
}

function say(text) { $('message').textContent = text; }

async function call(method, url) {
  // location.origin, not a relative URL: the page may have been opened as http://user:password@host/ops.
  // X-Requested-By: the admin API refuses a state-changing call without it, which no cross-site form can send.
  const response = await fetch(location.origin + url, { method, credentials: 'same-origin',
      headers: { 'Accept': 'application/json', 'X-Requested-By': 'ogsm-ops' } });
  const text = await response.text();
  let body = null;
  try { body = text ? JSON.parse(text) : null; } catch (e) { body = { error: text }; }
  if (!response.ok && response.status !== 503) {
    throw new Error(method + ' ' + url + ' answered ' + response.status + (body && body.error ? ': ' + body.error : ''));
  }
  return body;
}

async function refresh() {
  try {
    const [health, summary, letters] = await Promise.all([
      call('GET', '/q/health/ready'), call('GET', '/api/ops/summary'), call('GET', '/api/deadletters?limit=100')]);
    fill($('health'), (health.checks || []).map((c) => {
      const state = document.createElement('span');
      state.textContent = c.status;
      state.className = c.status === 'UP' ? 'up' : 'down';
      const data = Object.entries(c.data || {}).map(([k, v]) => k + ': ' + v).join(' · ');
      return row([c.name, state, data]);
    }), 'no checks', 3);
    fill($('counts'), summary.counts.map((c) => row([c.source, c.outcome, c.count])), 'nothing settled yet', 3);
    fill($('recent'), summary.recent.map((r) => row([r.at, r.source, r.outcome, r.key, r.detail])), 'none yet', 5);
    fill($('deadletters'), letters.map((l) => {
      const actions = document.createElement('span');
      const replay = document.createElement('button');
      replay.textContent = 'Replay';
      replay.className = 'replay';
      replay.dataset.id = l.id;
      replay.dataset.testid = 'replay-' + l.id;
      replay.onclick = () => act('POST', '/api/deadletters/' + encodeURIComponent(l.id) + '/replay', 'Replayed ' + l.id);
      const discard = document.createElement('button');
      discard.textContent = 'Discard';
      discard.className = 'discard';
      discard.dataset.id = l.id;
      discard.dataset.testid = 'discard-' + l.id;
      discard.onclick = () => {
        if (confirm('Discard dead letter ' + l.id + '? It cannot be replayed afterwards.')) {
          act('DELETE', '/api/deadletters/' + encodeURIComponent(l.id), 'Discarded ' + l.id);
        }
      };
      actions.append(replay, discard);
      const source = Object.entries(l.source || {}).map(([k, v]) => k + '=' + v).join(' ');
      return row([l.dead_lettered_at, l.reason, source, l.message, actions], { 'data-id': l.id });
    }), 'no dead letters', 5);
    $('inbox-count').textContent = summary.inbox.count + ' file(s) waiting';
    fill($('inbox'), summary.inbox.files.map((f) => row([f.name, f.bytes, f.modified])), 'empty', 3);
  } catch (e) {
    say(e.message);
  }
}

async function act(method, url, done) {
  try {
    const result = await call(method, url);
    say(result && result.outcome ? done + ': ' + result.outcome + (result.detail ? ' (' + result.detail + ')' : '') : done);
  } catch (e) {
    say(e.message);
  }
  await refresh();
}

$('replay-all').onclick = () => act('POST', '/api/deadletters/replay', 'Replayed all');
refresh();
setInterval(refresh, 5000);
