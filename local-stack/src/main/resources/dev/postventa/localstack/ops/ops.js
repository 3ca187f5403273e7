// The local stack's ops page: polls the console's /ops/api/... and redraws its sections in place.
// Elements a test reads carry stable ids and data-* attributes (data-group, data-topic, data-partition, data-service,
// data-dead-letter-id, data-field).
(function () {
  'use strict';

  const LAG_POINTS = 900; // 30 minutes at one sample every 2 s: the session's lag, kept in the page only
  const lagHistory = { times: [], byGroup: new Map() };
  let lagChart = null;
  let lagChartGroups = '';
  let reasonChart = null;
  const rendered = new Map(); // section -> last JSON drawn, so unchanged data does not reset what the operator types

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([name, value]) => {
      if (value === undefined || value === null) return;
      if (name === 'class') node.className = value;
      else if (name.startsWith('on')) node.addEventListener(name.substring(2), value);
      else node.setAttribute(name, value);
    });
    children.flat().forEach(child => {
      if (child === undefined || child === null) return;
      node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
    });
    return node;
  }

  function changed(section, data) {
    const json = JSON.stringify(data);
    if (rendered.get(section) === json) return false;
    rendered.set(section, json);
    return true;
  }

  async function getJson(url) {
    const response = await fetch(url, { headers: { Accept: 'application/json' } });
    let body = null;
    try { body = await response.json(); } catch (e) { /* empty or not JSON */ }
    return { status: response.status, ok: response.ok, body };
  }

  async function post(url, body) {
    // X-Postventa-Ops: the console refuses POSTs without it, so another web page cannot post here.
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Postventa-Ops': '1', Accept: 'application/json' },
      body: body === undefined ? '' : JSON.stringify(body)
    });
    let json = null;
    try { json = await response.json(); } catch (e) { /* empty */ }
    return { status: response.status, ok: response.ok, body: json };
  }

  function fmt(n) {
    return n === null || n === undefined ? '–' : Number(n).toLocaleString('en-US');
  }

  function seconds(s) {
    if (s === null || s === undefined) return '–';
    if (s < 120) return Math.round(s) + ' s';
    if (s < 7200) return (s / 60).toFixed(1) + ' min';
    if (s < 172800) return (s / 3600).toFixed(1) + ' h';
    return (s / 86400).toFixed(1) + ' d';
  }

  // ---- consumer groups -------------------------------------------------------------------------------------------

  async function refreshGroups() {
    const answer = await getJson('/ops/api/groups');
    const container = document.getElementById('groups');
    if (!answer.ok) {
      container.replaceChildren(el('p', { class: 'unreachable', id: 'groups-error' },
        'Kafka did not answer: ' + ((answer.body && answer.body.detail) || answer.status)));
      return;
    }
    const groups = answer.body;
    recordLag(groups);
    if (!changed('groups', groups)) return;
    if (groups.length === 0) {
      container.replaceChildren(el('p', { class: 'muted' }, 'No consumer group yet.'));
      return;
    }
    container.replaceChildren(...groups.map(group => el('div', { class: 'group', 'data-group': group.group },
      el('h3', {}, group.group, ' ',
        el('span', { class: 'muted', 'data-field': 'state' }, group.state + ', ' + group.members + ' member(s)')),
      el('table', { 'data-group': group.group },
        el('thead', {}, el('tr', {}, el('th', {}, 'Topic'), el('th', { class: 'num' }, 'Partition'),
          el('th', { class: 'num' }, 'Committed'), el('th', { class: 'num' }, 'End'), el('th', { class: 'num' }, 'Lag'))),
        el('tbody', {}, group.partitions.map(p => el('tr', {},
          el('td', {}, p.topic), el('td', { class: 'num' }, p.partition), el('td', { class: 'num' }, fmt(p.committed)),
          el('td', { class: 'num' }, fmt(p.end)),
          el('td', { class: 'num lag' + (p.lag > 0 ? ' lagging' : ''), 'data-group': group.group,
            'data-topic': p.topic, 'data-partition': p.partition, 'data-lag': p.lag }, fmt(p.lag))))),
        el('tfoot', {}, el('tr', {}, el('th', { colspan: 4 }, 'Total'),
          el('th', { class: 'num' + (group.totalLag > 0 ? ' lagging' : ''), 'data-group-total': group.group,
            'data-lag': group.totalLag }, fmt(group.totalLag))))))));
  }

  function recordLag(groups) {
    const now = Date.now() / 1000;
    lagHistory.times.push(now);
    const seen = new Set();
    groups.forEach(g => {
      seen.add(g.group);
      if (!lagHistory.byGroup.has(g.group)) {
        lagHistory.byGroup.set(g.group, new Array(lagHistory.times.length - 1).fill(null));
      }
      lagHistory.byGroup.get(g.group).push(g.totalLag);
    });
    lagHistory.byGroup.forEach((values, group) => { if (!seen.has(group)) values.push(null); });
    if (lagHistory.times.length > LAG_POINTS) {
      lagHistory.times.shift();
      lagHistory.byGroup.forEach(values => values.shift());
    }
    drawLagChart();
  }

  function drawLagChart() {
    if (typeof uPlot === 'undefined') return;
    const groups = [...lagHistory.byGroup.keys()];
    const data = [lagHistory.times, ...groups.map(g => lagHistory.byGroup.get(g))];
    const container = document.getElementById('lag-chart');
    if (lagChart === null || lagChartGroups !== groups.join('|')) {
      // uPlot's series are fixed at creation: a new group means a new chart.
      if (lagChart) lagChart.destroy();
      lagChartGroups = groups.join('|');
      lagChart = new uPlot({
        title: 'Total lag per group (this session)',
        width: Math.min(900, container.clientWidth || 900), height: 220,
        scales: { y: { range: (u, min, max) => [0, Math.max(5, max)] } },
        series: [{}, ...groups.map((g, i) => ({ label: g, stroke: color(i), width: 2, spanGaps: false }))],
        axes: [{}, { label: 'records' }]
      }, data, container);
    } else {
      lagChart.setData(data);
    }
  }

  function color(i) {
    return ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf'][i % 8];
  }

  // ---- relays --------------------------------------------------------------------------------------------------

  async function refreshRelays() {
    const answer = await getJson('/ops/api/relays');
    if (!answer.ok || !changed('relays', answer.body)) return;
    document.querySelector('#relays tbody').replaceChildren(...answer.body.map(r => el('tr', { 'data-service': r.service },
      el('td', {}, r.service),
      el('td', { 'data-field': 'ready', class: r.ready.toLowerCase() }, r.ready),
      el('td', { 'data-field': 'relay-state', class: r.relayState }, r.relayState),
      el('td', { class: 'num', 'data-field': 'slot-lag' }, fmt(r.slotLagBytes)),
      el('td', { class: 'num', 'data-field': 'dead-letter-depth' }, fmt(r.deadLetterDepth)))));
    ensureDeadLetterSections(answer.body.map(r => r.service));
  }

  // ---- dead letters --------------------------------------------------------------------------------------------

  function ensureDeadLetterSections(services) {
    const container = document.getElementById('dead-letters');
    services.forEach(service => {
      if (container.querySelector('[data-dead-letters-of="' + service + '"]')) return;
      container.appendChild(el('div', { 'data-dead-letters-of': service },
        el('h3', {}, service, ' ',
          el('button', { type: 'button', 'data-action': 'replay-all', 'data-service': service,
            onclick: () => act(service, 'replay-all', null) }, 'Replay all')),
        el('div', { class: 'list' }, el('p', { class: 'muted' }, 'Loading…'))));
    });
  }

  async function refreshDeadLetters() {
    const sections = document.querySelectorAll('[data-dead-letters-of]');
    await Promise.all([...sections].map(async section => {
      const service = section.getAttribute('data-dead-letters-of');
      const answer = await getJson('/ops/api/dead-letters/' + service);
      const list = section.querySelector('.list');
      if (!answer.ok) {
        if (changed('dlq-' + service, answer.status)) {
          list.replaceChildren(el('p', { class: 'unreachable' }, 'Not available: ' +
            ((answer.body && (answer.body.detail || answer.body.title)) || 'HTTP ' + answer.status)));
        }
        return;
      }
      if (!changed('dlq-' + service, answer.body)) return;
      if (answer.body.length === 0) {
        list.replaceChildren(el('p', { class: 'muted', 'data-empty': 'true' }, 'No dead letters.'));
        return;
      }
      list.replaceChildren(el('table', {},
        el('thead', {}, el('tr', {}, ['Id', 'State', 'Reason', 'Original', 'Key', 'Payload', 'Dead-lettered', '']
          .map(h => el('th', {}, h)))),
        el('tbody', {}, answer.body.map(d => deadLetterRow(service, d)))));
    }));
  }

  function deadLetterRow(service, d) {
    const note = el('input', { type: 'text', size: 18, value: 'handled by hand', 'data-field': 'note',
      'aria-label': 'note for park' });
    const payload = d.payload === null || d.payload === undefined ? '' : d.payload;
    return el('tr', { 'data-dead-letter-id': d.id, 'data-service': service, 'data-state': d.state, 'data-key': d.key },
      el('td', {}, d.id),
      el('td', { 'data-field': 'state', class: 'state-' + d.state }, d.state),
      el('td', { 'data-field': 'reason' }, d.reason || ''),
      el('td', { 'data-field': 'original' }, (d.originalTopic || '?') + ' / ' + fmtCoordinate(d.originalPartition) +
        ' @ ' + fmtCoordinate(d.originalOffset)),
      el('td', {}, d.key || ''),
      el('td', {}, el('pre', { class: 'payload', 'data-field': 'payload' },
        (d.payloadEncoding === 'base64' ? '[base64] ' : '') + payload.substring(0, 300) +
        (payload.length > 300 ? '…' : ''))),
      el('td', {}, d.deadLetteredAt ? new Date(d.deadLetteredAt).toLocaleString() : ''),
      el('td', {},
        el('button', { type: 'button', 'data-action': 'replay', onclick: () => act(service, d.id + '/replay', null) },
          'Replay'), ' ',
        note, ' ',
        el('button', { type: 'button', 'data-action': 'park',
          onclick: () => act(service, d.id + '/park', { note: note.value }) }, 'Park')));
  }

  function fmtCoordinate(n) {
    return n === null || n === undefined ? '?' : n;
  }

  async function act(service, what, body) {
    const result = document.getElementById('dlq-result');
    result.className = 'result';
    result.textContent = service + ': ' + what + ' …';
    try {
      const answer = await post('/ops/api/dead-letters/' + service + '/' + what, body === null ? undefined : body);
      result.setAttribute('data-status', answer.status);
      if (answer.ok) {
        result.textContent = what === 'replay-all'
          ? service + ': replayed ' + answer.body.replayed + ' dead letter(s)'
          : service + ': ' + answer.body.id + ' is now ' + answer.body.state;
      } else {
        result.className = 'result error';
        result.textContent = service + ': ' + what + ' failed: ' +
          ((answer.body && (answer.body.detail || answer.body.title)) || 'HTTP ' + answer.status);
      }
    } catch (e) {
      result.className = 'result error';
      result.textContent = service + ': ' + what + ' failed: ' + e;
    }
    rendered.delete('dlq-' + service);
    refreshDeadLetters();
  }

  // ---- KPIs ----------------------------------------------------------------------------------------------------

  function isoDay(date) {
    return date.toISOString().substring(0, 10);
  }

  function kpiQuery() {
    return '?from=' + encodeURIComponent(document.getElementById('kpi-from').value) +
      '&to=' + encodeURIComponent(document.getElementById('kpi-to').value);
  }

  function unavailable(statusId, bodyId, answer) {
    document.getElementById(bodyId).hidden = true;
    const status = document.getElementById(statusId);
    status.setAttribute('data-status', answer.status);
    status.textContent = answer.status === 404 ? 'KPIs not available (this service has no KPI API yet).'
      : 'KPIs not available: ' + ((answer.body && (answer.body.detail || answer.body.title)) || 'HTTP ' + answer.status);
  }

  async function refreshKpis() {
    const [returns, shipments] = await Promise.all([getJson('/ops/api/kpis' + kpiQuery()),
      getJson('/ops/api/kpis/shipments' + kpiQuery())]);
    if (!returns.ok) {
      unavailable('kpi-returns-status', 'kpi-returns', returns);
    } else if (changed('kpis', returns.body)) {
      drawReturnKpis(returns.body);
    }
    if (!shipments.ok) {
      unavailable('kpi-shipments-status', 'kpi-shipments', shipments);
    } else if (changed('kpi-shipments', shipments.body)) {
      drawShipmentKpis(shipments.body);
    }
  }

  function drawReturnKpis(k) {
    document.getElementById('kpi-returns-status').textContent = 'From ' + k.from + ' to ' + k.to + '.';
    document.getElementById('kpi-returns').hidden = false;
    ['requested', 'approved', 'rejected', 'received', 'units'].forEach(name =>
      document.getElementById('kpi-' + name).textContent = fmt(k.returns && k.returns[name]));
    const rate = k.returnRate || {};
    document.getElementById('kpi-return-rate').textContent =
      rate.rate === null || rate.rate === undefined ? '–' : (rate.rate * 100).toFixed(1) + ' %';
    document.getElementById('kpi-return-rate-detail').textContent =
      fmt(rate.returnedUnits) + ' of ' + fmt(rate.soldUnits) + ' units sold';
    document.querySelector('#kpi-durations tbody').replaceChildren(...[['Time to label', k.timeToLabel],
      ['Time to receipt', k.timeToReceipt], ['Time to refund', k.timeToRefund]].map(([label, d]) => {
      d = d || {};
      return el('tr', {}, el('th', {}, label), el('td', { class: 'num' }, fmt(d.count)),
        el('td', { class: 'num' }, seconds(d.p50Seconds)), el('td', { class: 'num' }, seconds(d.p90Seconds)),
        el('td', { class: 'num' }, seconds(d.p99Seconds)));
    }));
    drawReasonChart(k.byReason || []);
  }

  function drawReasonChart(byReason) {
    const container = document.getElementById('reason-chart');
    if (reasonChart) { reasonChart.destroy(); reasonChart = null; }
    container.replaceChildren();
    if (byReason.length === 0) {
      container.appendChild(el('p', { class: 'muted' }, 'No returns in this range.'));
      return;
    }
    if (typeof uPlot === 'undefined') return;
    const labels = byReason.map(r => r.key);
    const bars = uPlot.paths.bars({ size: [0.6, 60] });
    reasonChart = new uPlot({
      width: Math.min(900, container.clientWidth || 900), height: 240,
      scales: { x: { time: false, range: [-0.5, labels.length - 0.5] }, y: { range: (u, min, max) => [0, Math.max(1, max)] } },
      series: [{}, { label: 'returns', fill: 'rgba(31,119,180,0.6)', stroke: '#1f77b4', paths: bars, points: { show: false } },
        { label: 'units', fill: 'rgba(255,127,14,0.5)', stroke: '#ff7f0e', paths: uPlot.paths.bars({ size: [0.3, 30] }),
          points: { show: false } }],
      axes: [{ splits: () => labels.map((_, i) => i), values: (u, splits) => splits.map(i => labels[i] || '') }, {}]
    }, [labels.map((_, i) => i), byReason.map(r => r.returns), byReason.map(r => r.units)], container);
  }

  function drawShipmentKpis(s) {
    document.getElementById('kpi-shipments-status').textContent = '';
    document.getElementById('kpi-shipments').hidden = false;
    ['created', 'delivered', 'stalled'].forEach(name =>
      document.getElementById('kpi-shipments-' + name).textContent = fmt(s[name]));
    const rows = (s.stalledShipments || []).map(x => el('tr', { 'data-shipment-id': x.shipmentId },
      el('td', {}, x.shipmentId), el('td', {}, x.returnId), el('td', {}, x.carrier), el('td', {}, x.trackingNumber),
      el('td', {}, x.status), el('td', {}, x.lastMovementAt ? new Date(x.lastMovementAt).toLocaleString() : ''),
      el('td', { class: 'num' }, seconds(x.stalledForSeconds))));
    document.querySelector('#stalled-shipments tbody').replaceChildren(...(rows.length ? rows
      : [el('tr', {}, el('td', { colspan: 7, class: 'muted' }, 'No stalled shipment.'))]));
  }

  // ---- loop ----------------------------------------------------------------------------------------------------

  function every(ms, task) {
    // Not setInterval: a slow answer (a service timing out after 2 s) must not pile calls up.
    const run = async () => {
      try { await task(); } catch (e) { console.warn(e); }
      setTimeout(run, ms);
    };
    run();
  }

  function start() {
    const today = new Date();
    document.getElementById('kpi-to').value = isoDay(today);
    document.getElementById('kpi-from').value = isoDay(new Date(today.getTime() - 29 * 86400000));
    document.getElementById('kpi-range').addEventListener('submit', event => {
      event.preventDefault();
      rendered.delete('kpis');
      rendered.delete('kpi-shipments');
      refreshKpis();
    });
    every(2000, async () => {
      await Promise.all([refreshGroups(), refreshRelays()]);
      document.getElementById('updated').textContent = 'Last update ' + new Date().toLocaleTimeString() + '.';
    });
    every(3000, refreshDeadLetters);
    every(5000, refreshKpis);
  }

  start();
})();
