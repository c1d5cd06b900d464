// Celerity dashboard: renders each page from the JSON API under <base>/api; no framework, no build step.
(function () {
  'use strict';

  const data = document.body.dataset;
  const base = data.base;
  const canWrite = data.canWrite === 'true';
  const app = document.getElementById('app');

  // ---- small helpers ------------------------------------------------------------------------------------------

  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([name, value]) => {
      if (value === undefined || value === null || value === false) return;
      if (name.startsWith('on')) el.addEventListener(name.slice(2), value);
      else if (name === 'className') el.className = value;
      else el.setAttribute(name, value === true ? '' : value);
    });
    children.flat(Infinity).forEach((child) => {
      if (child === undefined || child === null || child === false) return;
      el.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
    });
    return el;
  }

  function svg(tag, attrs) {
    const el = document.createElementNS('http://www.w3.org/2000/svg', tag);
    Object.entries(attrs || {}).forEach(([name, value]) => el.setAttribute(name, value));
    return el;
  }

  async function api(path, params) {
    const query = params ? '?' + new URLSearchParams(params).toString() : '';
    const response = await fetch(base + '/api' + path + query, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (response.status === 404) return null;
    if (!response.ok) throw new Error((await response.json().catch(() => ({}))).error || response.statusText);
    return response.json();
  }

  async function post(path, body) {
    const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
    headers[data.csrfHeader] = data.csrfToken;
    if (data.securityCsrfHeader) headers[data.securityCsrfHeader] = data.securityCsrfToken;
    const response = await fetch(base + '/api' + path, { method: 'POST', credentials: 'same-origin', headers, body: JSON.stringify(body || {}) });
    const answer = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(answer.error || ('HTTP ' + response.status));
    return answer;
  }

  function flash(message, error) {
    const old = document.querySelector('.flash');
    if (old) old.remove();
    app.prepend(h('div', { className: 'flash' + (error ? ' error' : ''), role: 'status' }, message));
  }

  // a write action: a button only for users who may write; the answer is shown, then the page reloads its data
  function action(label, path, body, options) {
    if (!canWrite) return null;
    return h('button', {
      className: (options && options.danger) ? 'danger' : '',
      'data-action': (options && options.name) || label.toLowerCase(),
      onclick: async () => {
        try {
          const payload = typeof body === 'function' ? body() : body;
          const answer = await post(path, payload);
          const by = answer.appliedBy ? ' — applied by ' + (answer.appliedBy.join(', ') || 'no instance') : '';
          const count = answer.count !== undefined ? ' — ' + answer.count + ' message(s)' : '';
          const task = answer.taskId ? ' — task ' + answer.taskId : '';
          flash(answer.action + ' ' + JSON.stringify(answer.arguments || {}) + count + by + task);
          await render(true);
        } catch (error) {
          flash(label + ' failed: ' + error.message, true);
        }
      }
    }, label);
  }

  function state(name) {
    return h('span', { className: 'state ' + name }, name || '?');
  }

  function time(value, withMillis) {
    if (value === undefined || value === null) return '';
    const text = new Date(value).toISOString().replace('T', ' ');
    return withMillis ? text : text.replace(/\.\d+Z$/, 'Z');
  }

  function ago(value) {
    const seconds = Math.round((Date.now() - new Date(value).getTime()) / 1000);
    return seconds < 60 ? seconds + ' s ago' : Math.round(seconds / 60) + ' min ago';
  }

  function table(headers, rows, empty) {
    return h('table', {},
      h('thead', {}, h('tr', {}, headers.map((name) => h('th', { className: /^(depth|ready|delayed|leased|dead|runtime|retries|processed|active|prefetched|concurrency|deferrals)/i.test(name) ? 'num' : '' }, name)))),
      h('tbody', {}, rows.length ? rows : h('tr', {}, h('td', { colspan: headers.length, className: 'muted' }, empty || 'Nothing yet.'))));
  }

  function link(path, text) {
    return h('a', { href: base + path }, text);
  }

  function params() {
    return Object.fromEntries(new URLSearchParams(location.search).entries());
  }

  // ---- charts -------------------------------------------------------------------------------------------------

  function chart(title, points, series, unit) {
    const width = 600;
    const height = 170;
    const max = Math.max(1e-9, ...points.flatMap((point) => series.map((s) => point[s.key] || 0)));
    const drawing = svg('svg', { viewBox: '0 0 ' + width + ' ' + (height + 20), preserveAspectRatio: 'none', role: 'img', 'aria-label': title });
    [0, 0.5, 1].forEach((fraction) => {
      const y = height - fraction * (height - 10);
      drawing.appendChild(svg('line', { x1: 0, x2: width, y1: y, y2: y, stroke: '#e5e8ef' }));
      const label = svg('text', { x: 2, y: y - 2, 'font-size': 10, fill: '#6b7385' });
      label.textContent = (max * fraction).toFixed(max * fraction < 10 ? 1 : 0) + ' ' + unit;
      drawing.appendChild(label);
    });
    series.forEach((s) => {
      const coordinates = points.map((point, index) => {
        const x = points.length > 1 ? index * width / (points.length - 1) : 0;
        const y = height - ((point[s.key] || 0) / max) * (height - 10);
        return x.toFixed(1) + ',' + y.toFixed(1);
      });
      drawing.appendChild(svg('polyline', { points: coordinates.join(' '), fill: 'none', stroke: s.color, 'stroke-width': 1.5 }));
    });
    ['-60 min', '-30 min', 'now'].forEach((text, index) => {
      const label = svg('text', { x: index * width / 2 - (index === 2 ? 22 : index === 1 ? 20 : 0), y: height + 16, 'font-size': 10, fill: '#6b7385' });
      label.textContent = text;
      drawing.appendChild(label);
    });
    return h('div', { className: 'chart' }, h('strong', {}, title), ' ',
      h('span', { className: 'legend' }, series.map((s) => {
        const swatch = h('i');
        swatch.style.background = s.color;
        return h('span', {}, swatch, s.label);
      })), drawing);
  }

  // ---- pages --------------------------------------------------------------------------------------------------

  async function overview(model) {
    const view = model || await api('/overview');
    const backlog = view.queues.reduce((sum, queue) => sum + queue.depth, 0);
    const lastMinute = view.series.slice(-6);
    const rate = (key) => (lastMinute.reduce((sum, point) => sum + point[key], 0) / Math.max(1, lastMinute.length)).toFixed(2);
    return [
      h('h1', {}, 'Overview'),
      h('div', { className: 'cards' },
        card('Workers online', view.workers, 'workers-online'),
        card('Running now', view.active),
        card('Backlog', backlog, 'backlog'),
        card('Succeeded / s (1 min)', rate('succeeded')),
        card('Failed / s (1 min)', rate('failed'))),
      h('div', { className: 'charts' },
        chart('Throughput, last hour', view.series, [
          { key: 'succeeded', label: 'succeeded', color: '#1f8a4c' },
          { key: 'failed', label: 'failed', color: '#c93c37' },
          { key: 'retried', label: 'retried', color: '#b7791f' }], '/s'),
        chart('Pickup latency, last hour', view.series, [{ key: 'pickupMs', label: 'mean wait from ready to start', color: '#3451b2' }], 'ms')),
      h('h2', {}, 'Backlog per queue'),
      queueTable(view.queues, false)
    ];
  }

  function card(label, value, name) {
    return h('div', { className: 'card', 'data-card': name || '' }, h('div', { className: 'value' }, String(value)), h('div', { className: 'label' }, label));
  }

  function queueTable(queues, withActions) {
    return table(['Queue', 'Depth', 'Ready by priority', 'Delayed', 'Leased', 'Dead letters', 'Consumers', 'Paused on'].concat(withActions && canWrite ? ['Actions'] : []),
      queues.map((queue) => h('tr', { 'data-queue': queue.name },
        h('td', {}, link('/queues/' + encodeURIComponent(queue.name), queue.name)),
        h('td', { className: 'num', 'data-field': 'depth' }, queue.depth),
        h('td', { className: 'chips' }, Object.entries(queue.readyByPriority).sort((a, b) => b[0] - a[0]).map(([priority, count]) => h('span', {}, 'p' + priority + ': ' + count))),
        h('td', { className: 'num', 'data-field': 'delayed' }, queue.delayed),
        h('td', { className: 'num' }, queue.leased),
        h('td', { className: 'num', 'data-field': 'dead-letters' }, queue.deadLetters),
        h('td', {}, queue.consumers.length),
        h('td', { 'data-field': 'paused' }, queue.pausedOn.join(', ')),
        withActions && canWrite ? h('td', { className: 'actions' },
          action('Pause', '/queues/' + encodeURIComponent(queue.name) + '/pause', {}),
          action('Resume', '/queues/' + encodeURIComponent(queue.name) + '/resume', {}),
          action('Purge', '/queues/' + encodeURIComponent(queue.name) + '/purge', {}, { danger: true }),
          action('Replay dead letters', '/queues/' + encodeURIComponent(queue.name) + '/replay', { max: 100 }, { name: 'replay' })) : null)),
      'No queues known.');
  }

  async function workers() {
    const beats = await api('/workers');
    return [
      h('h1', {}, 'Workers'),
      table(['Instance', 'Host / pid', 'Processed', 'Active', 'Prefetched', 'Last heartbeat', 'Pools'],
        beats.map((beat) => h('tr', { 'data-worker': beat.instance.id },
          h('td', { className: 'mono' }, beat.instance.id),
          h('td', {}, beat.instance.host + ' / ' + beat.instance.pid),
          h('td', { className: 'num' }, beat.processed),
          h('td', { className: 'num' }, beat.pools.reduce((sum, pool) => sum + pool.active, 0)),
          h('td', { className: 'num' }, beat.pools.reduce((sum, pool) => sum + (pool.prefetched || 0), 0)),
          h('td', { title: time(beat.at) }, ago(beat.at)),
          h('td', {}, beat.pools.map((pool) => h('div', {},
            h('strong', {}, pool.name), ' — concurrency ' + pool.concurrency + ', active ' + pool.active
              + (pool.prefetched != null ? ', prefetched ' + pool.prefetched : '') + ', queues: ',
            pool.queues.map((queue) => h('span', { className: 'actions', 'data-pool-queue': queue },
              h('code', {}, queue), pool.paused.includes(queue) ? h('span', { className: 'state RETRY' }, 'paused') : null,
              pool.paused.includes(queue)
                ? action('Resume here', '/queues/' + encodeURIComponent(queue) + '/resume', { instance: beat.instance.id }, { name: 'resume-instance' })
                : action('Pause here', '/queues/' + encodeURIComponent(queue) + '/pause', { instance: beat.instance.id }, { name: 'pause-instance' }),
              ' '))))))),
        'No live workers.'),
      canWrite ? h('p', { className: 'muted' }, 'Pause or resume a queue on every instance from the Queues page.') : null
    ];
  }

  async function tasks() {
    const query = params();
    const [page, meta] = await Promise.all([api('/tasks', query), api('/meta')]);
    const field = (name, label, input) => h('label', {}, label, input);
    const local = (value) => value ? new Date(value).toISOString().slice(0, 16) : '';
    const form = h('form', { className: 'filters', onsubmit: (event) => {
      event.preventDefault();
      const next = new URLSearchParams();
      new FormData(form).forEach((value, name) => {
        if (!value) return;
        next.set(name, (name === 'from' || name === 'to') ? new Date(value + 'Z').toISOString() : value);
      });
      location.href = base + '/tasks' + (next.toString() ? '?' + next : '');
    } },
      field('state', 'State', h('select', { name: 'state' }, h('option', { value: '' }, 'any'),
        meta.states.map((name) => h('option', { value: name, selected: query.state === name }, name)))),
      field('name', 'Task', h('input', { name: 'name', list: 'task-names', value: query.name || '', placeholder: 'part of a name' })),
      h('datalist', { id: 'task-names' }, meta.tasks.map((name) => h('option', { value: name }))),
      field('queue', 'Queue', h('select', { name: 'queue' }, h('option', { value: '' }, 'any'),
        meta.queues.map((name) => h('option', { value: name, selected: query.queue === name }, name)))),
      field('worker', 'Worker', h('input', { name: 'worker', value: query.worker || '', placeholder: 'part of an instance id' })),
      field('from', 'From (UTC)', h('input', { name: 'from', type: 'datetime-local', value: local(query.from) })),
      field('to', 'To (UTC)', h('input', { name: 'to', type: 'datetime-local', value: local(query.to) })),
      field('q', 'Id or argument text', h('input', { name: 'q', value: query.q || '', placeholder: 'search' })),
      h('button', { type: 'submit' }, 'Filter'), ' ', link('/tasks', 'Clear'));
    const older = Object.assign({}, query, { cursor: page.next });
    const newest = Object.assign({}, query);
    delete newest.cursor;
    return [
      h('h1', {}, 'Tasks'),
      form,
      table(['Task', 'Id', 'State', 'Queue', 'Worker', 'Arguments', 'Runtime', 'Retries', 'Latest event'],
        page.tasks.map((task) => h('tr', { 'data-task': task.id, 'data-state': task.state },
          h('td', {}, task.name || ''),
          h('td', { className: 'mono' }, h('a', { href: base + '/tasks/' + encodeURIComponent(task.id) + '?near=' + task.at }, task.id)),
          h('td', {}, state(task.state), task.detail ? h('div', { className: 'muted' }, task.detail.slice(0, 120)) : null),
          h('td', {}, task.queue || ''),
          h('td', { className: 'mono' }, task.worker || ''),
          h('td', { className: 'mono' }, task.args || ''),
          h('td', { className: 'num' }, task.runtimeMs !== undefined ? task.runtimeMs + ' ms' : ''),
          h('td', { className: 'num' }, task.retries || ''),
          h('td', {}, time(task.at)))), 'No task matches.'),
      h('div', { className: 'pager' },
        query.cursor ? h('a', { href: base + '/tasks?' + new URLSearchParams(newest) }, '« Newest') : null,
        page.next ? h('a', { href: base + '/tasks?' + new URLSearchParams(older), rel: 'next' }, 'Older »') : null,
        h('span', { className: 'muted', id: 'scan' }, page.tasks.length + ' tasks, ' + page.scanned + ' events read in ' + page.tookMs + ' ms'))
    ];
  }

  async function task(id) {
    const query = params();
    const detail = await api('/tasks/' + encodeURIComponent(id), query.near ? { near: query.near } : undefined);
    if (!detail) return [h('h1', {}, 'Task ' + id), h('p', { className: 'muted' }, 'Unknown task: no stored state and no event in the history.')];
    const props = [
      ['Task', detail.name], ['Id', detail.id], ['State', state(detail.state)], ['Queue', detail.queue],
      ['Routing', detail.routing ? 'queue ' + detail.routing.queue + ', priority ' + detail.routing.priority + (detail.routing.eta ? ', ETA ' + detail.routing.eta : '') + (detail.routing.routedBy ? ' (decided by ' + detail.routing.routedBy + ')' : '') : null],
      ['Workflow', detail.root ? h('a', { href: base + '/tasks/' + encodeURIComponent(detail.root) }, detail.root) : null],
      ['Parent', detail.parent ? h('a', { href: base + '/tasks/' + encodeURIComponent(detail.parent) }, detail.parent) : null],
      ['Group', detail.group],
      ['Worker', detail.worker], ['Retries', detail.retries], ['Runtime', detail.runtimeMs !== undefined && detail.runtimeMs !== null ? detail.runtimeMs + ' ms' : null],
      ['Arguments', detail.callArgs ? h('code', { id: 'args' }, JSON.stringify(detail.callArgs)) : detail.args ? h('code', {}, detail.args) : null],
      ['Keyword arguments', detail.callKwargs && Object.keys(detail.callKwargs).length ? h('code', { id: 'kwargs' }, JSON.stringify(detail.callKwargs)) : null],
      ['Recorded', detail.date ? time(detail.date) : null]
    ].filter(([, value]) => value !== null && value !== undefined && value !== '');
    const progress = detail.progress ? (() => {
      const bar = h('div');
      bar.style.width = Math.min(100, 100 * detail.progress.step / detail.progress.total) + '%';
      return h('p', { 'data-progress': detail.progress.step + '/' + detail.progress.total }, 'Progress ', h('span', { className: 'progress' }, bar), ' step ' + detail.progress.step + ' of ' + detail.progress.total);
    })() : null;
    const open = !['SUCCESS', 'FAILURE', 'REVOKED', 'REJECTED'].includes(detail.state);
    return [
      h('h1', {}, detail.name || 'Task', ' ', state(detail.state)),
      canWrite && (open || detail.callArgs) ? h('div', { className: 'actions' },
        open ? action('Revoke', '/tasks/' + encodeURIComponent(id) + '/revoke', { terminate: false }) : null,
        open ? action('Terminate', '/tasks/' + encodeURIComponent(id) + '/revoke', { terminate: true }, { danger: true, name: 'terminate' }) : null,
        detail.callArgs ? action('Re-send', '/tasks/' + encodeURIComponent(id) + '/resend', query.near ? { near: Number(query.near) } : {}, { name: 'resend' }) : null) : null,
      progress,
      h('dl', { className: 'props' }, props.map(([name, value]) => [h('dt', {}, name), h('dd', {}, value)])),
      detail.meta && Object.keys(detail.meta).length ? [h('h2', {}, 'State meta'), h('pre', {}, JSON.stringify(detail.meta, null, 2))] : null,
      detail.result !== undefined && detail.result !== null ? [h('h2', {}, 'Result'), h('pre', { id: 'result' }, JSON.stringify(detail.result, null, 2))] : null,
      detail.error ? [h('h2', {}, 'Exception'), h('pre', { id: 'error' }, detail.error.type + ': ' + (detail.error.message || '') + '\n' + (detail.error.stackTrace || []).map((frame) => '    ' + frame).join('\n'))] : null,
      workflowGraph(id, query.near),
      h('h2', {}, 'State history'),
      table(['State', 'Time', 'Instance', 'Details'], detail.events.map((event) => h('tr', { 'data-event': event.type },
        h('td', {}, state(event.state)), h('td', { className: 'mono' }, time(event.at, true)), h('td', { className: 'mono' }, event.instance || ''),
        h('td', { className: 'mono' }, ['retries', 'waited_ms', 'runtime_ms', 'eta', 'until', 'reason', 'error', 'priority', 'redelivered']
          .filter((key) => event[key] !== undefined).map((key) => key + '=' + event[key]).join(' ')))),
        'No events of this task in the history (older than its retention).')
    ];
  }

  // the tasks of the workflow a task belongs to, as a tree of parents and children with each node's state; read after
  // the page is shown, as it may read more of the history than the task's own events
  function workflowGraph(id, near) {
    const graph = h('section', { id: 'workflow' });
    api('/tasks/' + encodeURIComponent(id) + '/workflow', near ? { near } : undefined).then((nodes) => {
      if (!nodes || !nodes.length) return;
      const known = new Set(nodes.map((node) => node.id));
      const children = new Map();
      nodes.forEach((node) => {
        const parent = node.parent && known.has(node.parent) ? node.parent : '';
        if (!children.has(parent)) children.set(parent, []);
        children.get(parent).push(node);
      });
      const branch = (parent) => h('ul', { className: 'tree' }, (children.get(parent) || []).map((node) => h('li', { 'data-node': node.id },
        state(node.state || 'PENDING'), ' ',
        node.id === id ? h('strong', {}, node.name) : h('a', { href: base + '/tasks/' + encodeURIComponent(node.id) }, node.name),
        ' ', h('code', { className: 'muted' }, node.id.slice(0, 8)),
        node.group ? h('span', { className: 'muted' }, ' group ' + node.group.slice(0, 8)) : null,
        children.has(node.id) ? branch(node.id) : null)));
      graph.replaceChildren(h('h2', {}, 'Workflow'), branch(''));
    });
    return graph;
  }

  async function queues() {
    const list = await api('/queues');
    return [h('h1', {}, 'Queues'), queueTable(list, true)];
  }

  async function queue(name) {
    const detail = await api('/queues/' + encodeURIComponent(name));
    const path = '/queues/' + encodeURIComponent(name);
    return [
      h('h1', {}, 'Queue ', h('code', {}, name)),
      queueTable([detail.queue], true),
      h('h2', {}, 'Dead letters'),
      h('div', { className: 'actions' }, action('Replay dead letters', path + '/replay', { max: 100 }, { name: 'replay' })),
      table(['Id', 'Reason', 'At', 'Body'], detail.deadLetters.map((letter) => h('tr', { 'data-dead-letter': letter.id },
        h('td', { className: 'mono' }, letter.id), h('td', {}, letter.reason), h('td', {}, time(letter.at)),
        h('td', {}, h('pre', {}, letter.body)))), 'No dead letters.')
    ];
  }

  async function rateLimits() {
    const limits = await api('/rate-limits');
    return [
      h('h1', {}, 'Rate limits'),
      h('p', { className: 'muted' }, 'A change applies to every instance; the reply lists the instances that applied it.'),
      table(['Task', 'Declared', 'In force', 'Per key', 'Deferrals (last hour)'].concat(canWrite ? ['Change'] : []),
        limits.map((limit) => {
          const input = h('input', { name: 'limit', size: 8, placeholder: 'e.g. 10/s', value: limit.effective || '' });
          return h('tr', { 'data-rate-limit': limit.task },
            h('td', {}, limit.task), h('td', {}, limit.declared || '—'), h('td', { 'data-field': 'effective' }, limit.effective || 'none'),
            h('td', { className: 'mono' }, limit.key || ''), h('td', { className: 'num' }, limit.deferrals),
            canWrite ? h('td', { className: 'actions' }, input,
              action('Set', '/rate-limits/' + encodeURIComponent(limit.task), () => ({ limit: input.value }), { name: 'set-limit' }),
              action('Remove', '/rate-limits/' + encodeURIComponent(limit.task), { limit: '' }, { name: 'remove-limit' })) : null);
        }), 'No tasks registered.')
    ];
  }

  async function schedules() {
    const list = await api('/schedules');
    return [
      h('h1', {}, 'Schedules'),
      table(['Schedule', 'Task', 'Timing', 'Last tick', 'Next tick', 'Last task', 'Runs here'].concat(canWrite ? ['Actions'] : []),
        list.map(({ schedule, lastTaskId, paused }) => h('tr', { 'data-schedule': schedule.name, 'data-paused': String(paused) },
          h('td', {}, schedule.name, paused ? [' ', h('span', { className: 'state RETRY' }, 'paused')] : null), h('td', {}, schedule.task),
          h('td', { className: 'mono' }, schedule.cron ? schedule.cron + ' ' + (schedule.zone || '') : 'every ' + schedule.every),
          h('td', {}, time(schedule.lastTick)), h('td', {}, time(schedule.nextTick)),
          h('td', { className: 'mono' }, lastTaskId ? link('/tasks/' + encodeURIComponent(lastTaskId), lastTaskId) : ''),
          h('td', {}, schedule.active ? 'yes' : 'no'),
          canWrite ? h('td', { className: 'actions' }, action('Run now', '/schedules/' + encodeURIComponent(schedule.name) + '/run', {}, { name: 'run' }),
            paused ? action('Resume', '/schedules/' + encodeURIComponent(schedule.name) + '/resume', {})
              : action('Pause', '/schedules/' + encodeURIComponent(schedule.name) + '/pause', {})) : null)),
        'No periodic schedules.')
    ];
  }

  // ---- routing and live updates -------------------------------------------------------------------------------

  const routes = [
    [/^\/?$/, () => overview(), 'overview'],
    [/^\/workers$/, () => workers(), 'workers'],
    [/^\/tasks$/, () => tasks(), 'tasks'],
    [/^\/tasks\/(.+)$/, (id) => task(decodeURIComponent(id)), 'task'],
    [/^\/queues$/, () => queues(), 'queues'],
    [/^\/queues\/(.+)$/, (name) => queue(decodeURIComponent(name)), 'queue'],
    [/^\/rate-limits$/, () => rateLimits(), 'rate-limits'],
    [/^\/schedules$/, () => schedules(), 'schedules']
  ];
  const path = location.pathname.slice(base.length);
  const route = routes.find(([pattern]) => pattern.test(path));
  document.body.setAttribute('data-page', route ? route[2] : 'unknown');
  document.querySelectorAll('header nav a').forEach((a) => {
    if (a.getAttribute('href') === location.pathname || (route && a.getAttribute('href').endsWith('/' + route[2]))) a.classList.add('current');
  });

  let lastRender = 0;

  async function render(keepFlash, model) {
    if (!route) {
      app.replaceChildren(h('h1', {}, 'Not found'));
      return;
    }
    const kept = keepFlash ? document.querySelector('.flash') : null;
    try {
      const content = model ? await overview(model) : await route[1](...path.match(route[0]).slice(1));
      app.replaceChildren(...[kept].concat(content).flat(3).filter(Boolean));
      lastRender = Date.now();
      document.body.setAttribute('data-rendered', String(lastRender));
    } catch (error) {
      app.replaceChildren(h('div', { className: 'flash error' }, 'Could not load: ' + error.message));
    }
  }

  function live() {
    const source = new EventSource(base + '/api/live');
    const dot = document.getElementById('live');
    source.addEventListener('open', () => dot.classList.add('on'));
    source.addEventListener('error', () => dot.classList.remove('on'));
    source.addEventListener('overview', (event) => {
      dot.classList.add('on');
      const model = JSON.parse(event.data);
      if (route && route[2] === 'overview') render(true, model);
      // the other live pages follow at a calmer pace, and never while the user types
      else if (route && ['workers', 'queues', 'queue'].includes(route[2]) && Date.now() - lastRender > 5000
        && !document.activeElement.matches('input, select')) render(true);
    });
  }

  render(false).then(live);
})();
