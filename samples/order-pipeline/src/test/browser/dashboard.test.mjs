// The dashboard in Debian's headless Chromium, driven by playwright-core (never a downloaded browser).
// Started by DashboardBrowserTests with OPERATOR_URL, VIEWER_URL, SCENARIO (the ids of the tasks it ran) and
// SCREENSHOTS (where the PNG of each page goes). Exits non-zero at the first check that fails.
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const operatorUrl = process.env.OPERATOR_URL;
const viewerUrl = process.env.VIEWER_URL;
const scenario = JSON.parse(readFileSync(process.env.SCENARIO, 'utf8'));
const screenshots = process.env.SCREENSHOTS;
const WAIT = 30_000;

function check(condition, message) {
  if (!condition) throw new Error('Check failed: ' + message);
  console.log('  ok - ' + message);
}

async function open(page, url) {
  await page.goto(url);
  await page.waitForSelector('body[data-rendered]', { timeout: WAIT });
}

async function rows(page, selector) {
  return page.locator(selector).count();
}

// reloads until a condition on the page holds: data reaches the history and the heartbeats asynchronously
async function eventually(page, url, condition, message) {
  const deadline = Date.now() + WAIT;
  for (;;) {
    await open(page, url);
    if (await condition()) {
      check(true, message);
      return;
    }
    if (Date.now() > deadline) check(false, message);
    await page.waitForTimeout(500);
  }
}

async function shot(page, name) {
  if (!screenshots) return;
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: join(screenshots, name + '.png'), fullPage: true });
}

async function act(page, selector) {
  await page.locator(selector).first().click();
  const flash = page.locator('.flash');
  await flash.waitFor({ timeout: WAIT });
  const text = await flash.textContent();
  check(!(await flash.getAttribute('class')).includes('error'), 'action ' + selector + ' answered: ' + text);
  return text;
}

const userDataDir = mkdtempSync(join(tmpdir(), 'celerity-dashboard-chromium-'));
const browser = await chromium.launchPersistentContext(userDataDir, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1360, height: 900 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run']
});
const errors = [];
let failed = false;
try {
  const page = browser.pages()[0] || await browser.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  const operator = operatorUrl + '/celerity';
  const viewer = viewerUrl + '/celerity';

  console.log('Overview');
  await eventually(page, operator + '/', async () => (await page.locator('[data-card=workers-online] .value').textContent()) === '2',
    'two workers online');
  await page.waitForSelector('#live.on', { timeout: WAIT });
  check(true, 'live updates arrive by server-sent events');
  const before = await page.getAttribute('body', 'data-rendered');
  await page.waitForFunction((value) => document.body.dataset.rendered !== value, before, { timeout: WAIT });
  check(true, 'the overview re-renders from a live update, without a reload');
  check(await rows(page, '.chart svg polyline') === 4, 'throughput (3 series) and pickup latency charts are drawn');
  check(await rows(page, 'tr[data-queue=notifications]') === 1, 'backlog per queue lists notifications');
  await shot(page, 'overview');

  console.log('Tasks');
  await open(page, operator + '/tasks');
  check(await rows(page, 'tr[data-task]') === 50, 'the first page holds 50 tasks');
  await shot(page, 'tasks');
  await open(page, operator + '/tasks?name=orders.process');
  check(await rows(page, `tr[data-task="${scenario.failure}"][data-state=FAILURE]`) === 1, 'the failed order is listed as FAILURE');
  check(await rows(page, `tr[data-task="${scenario.success}"][data-state=SUCCESS]`) === 1, 'the successful order is listed as SUCCESS');
  await page.selectOption('select[name=state]', 'FAILURE');
  await Promise.all([page.waitForURL(/state=FAILURE/), page.click('form.filters button[type=submit]')]);
  await page.waitForSelector('body[data-rendered]');
  const states = await page.locator('tr[data-task]').evaluateAll((trs) => trs.map((tr) => tr.dataset.state));
  check(states.length >= 1 && states.every((state) => state === 'FAILURE'), 'state filter in the query string shows only FAILURE (' + states.length + ')');
  await open(page, operator + '/tasks?name=etl.');
  const names = await page.locator('tr[data-task] td:first-child').allTextContents();
  check(names.includes('etl.total') && names.every((name) => name.startsWith('etl.')), 'name filter shows the chord\'s tasks only: ' + names);
  await open(page, operator + '/tasks?q=declined%40example.com');
  check(await rows(page, `tr[data-task="${scenario.failure}"]`) === 1, 'argument search finds the declined order');
  await open(page, operator + '/tasks?q=' + scenario.success.slice(0, 13));
  check(await rows(page, `tr[data-task="${scenario.success}"]`) === 1, 'id search finds the successful order');
  await open(page, operator + '/tasks?queue=notifications&worker=' + encodeURIComponent(scenario.operatorInstance));
  const queues = await page.locator('tr[data-task] td:nth-child(4)').allTextContents();
  const workers = await page.locator('tr[data-task] td:nth-child(5)').allTextContents();
  check(queues.length > 0 && queues.every((queue) => queue === 'notifications') && workers.every((worker) => worker === scenario.operatorInstance),
    'queue and worker filters');
  await open(page, operator + '/tasks?from=' + new Date(Date.now() + 3_600_000).toISOString());
  check(await rows(page, 'tr[data-task]') === 0, 'a time range in the future shows nothing');
  await page.goBack();
  await page.waitForSelector('body[data-rendered]');
  check(page.url().includes('queue=notifications'), 'the back button returns to the previous filter');
  await open(page, operator + '/tasks?size=5');
  const first = await page.locator('tr[data-task]').evaluateAll((trs) => trs.map((tr) => tr.dataset.task));
  await Promise.all([page.waitForURL(/cursor=/), page.click('a[rel=next]')]);
  await page.waitForSelector('body[data-rendered]');
  const second = await page.locator('tr[data-task]').evaluateAll((trs) => trs.map((tr) => tr.dataset.task));
  check(first.length === 5 && second.length === 5 && second.every((id) => !first.includes(id)), 'the next page shows five other tasks');

  console.log('Task detail');
  await open(page, operator + '/tasks/' + scenario.failure);
  check((await page.textContent('#error')).includes('java.lang.IllegalStateException: Card declined'), 'the exception is shown');
  check((await page.textContent('#error')).includes('at dev.celerity.samples.orders.Payments.charge'), 'with its remote stack');
  check(await rows(page, 'tr[data-event=TaskRetried]') === 3, 'the state history shows three retries');
  check(await rows(page, 'tr[data-event=TaskFailed]') === 1, 'and the final failure');
  await shot(page, 'task-failed');
  await open(page, operator + '/tasks/' + scenario.success);
  check((await page.textContent('#result')).includes('paymentId'), 'a successful task shows its result');
  const props = await page.textContent('dl.props');
  check(props.includes('Runtime'), 'and its runtime: ' + props);
  await shot(page, 'task');
  check((await page.textContent('#args')).includes('order-'), 'it shows the call\'s arguments in full');
  const resent = await act(page, 'button[data-action=resend]');
  const newId = (resent.match(/task ([0-9a-f-]{36})/) || [])[1];
  check(Boolean(newId) && newId !== scenario.success, 're-send answers with a new task id: ' + resent);
  await eventually(page, operator + '/tasks/' + newId, async () => (await page.textContent('h1')).includes('SUCCESS'),
    're-send takes effect: the new task runs with the same arguments and succeeds');
  check((await page.textContent('#args')) === (await (async () => { await open(page, operator + '/tasks/' + scenario.success); return page.textContent('#args'); })()),
    'the re-sent task has the arguments of the original');
  await open(page, operator + '/tasks/' + scenario.chord);
  check((await page.textContent('#result')).includes('27000'), 'the chord body shows the sum of its header results');
  await page.waitForSelector('#workflow li', { timeout: WAIT });
  const nodes = await page.locator('#workflow li').count();
  const graph = await page.textContent('#workflow');
  check(nodes >= 4 && graph.includes('etl.total') && graph.includes('SUCCESS'),
    'the chord body\'s page draws its workflow, header tasks and body with their states: ' + nodes + ' nodes, ' + graph);
  await shot(page, 'task-workflow');
  await open(page, operator + '/tasks/' + scenario.pending);
  await act(page, 'button[data-action=revoke]');
  await eventually(page, operator + '/tasks/' + scenario.pending, async () => (await page.textContent('h1')).includes('REVOKED'),
    'revoke takes effect: the pending task is REVOKED');

  console.log('Queues');
  await open(page, operator + '/queues');
  await shot(page, 'queues');
  check(Number(await page.textContent('tr[data-queue=default] [data-field=dead-letters]')) >= 1, 'the default queue counts its dead letter');
  check(Number(await page.textContent('tr[data-queue=high] [data-field=delayed]')) === scenario.purged.length, 'high holds three delayed tasks');
  await act(page, 'tr[data-queue=high] button[data-action=purge]');
  await eventually(page, operator + '/queues', async () => (await page.textContent('tr[data-queue=high] [data-field=depth]')) === '0',
    'purge takes effect: high is empty');
  await act(page, 'tr[data-queue=notifications] button[data-action=pause]');
  await eventually(page, operator + '/queues', async () => (await page.textContent('tr[data-queue=notifications] [data-field=paused]')).split(', ').length === 2,
    'pause takes effect on both instances');
  await act(page, 'tr[data-queue=notifications] button[data-action=resume]');
  await eventually(page, operator + '/queues', async () => (await page.textContent('tr[data-queue=notifications] [data-field=paused]')) === '',
    'resume takes effect');
  await open(page, operator + '/queues/default');
  const letter = page.locator(`tr[data-dead-letter="${scenario.deadLetter}"]`);
  check((await letter.textContent()).includes("Unknown task 'orders.retired'"), 'the dead letter shows its reason');
  check((await letter.locator('pre').textContent()).includes('orders.retired'), 'and its body');
  await shot(page, 'queue-dead-letters');
  const replayed = await act(page, 'button[data-action=replay]');
  check(replayed.includes('1 message(s)'), 'replay moves the dead letter back into its queue');

  console.log('Workers');
  await open(page, operator + '/workers');
  check(await rows(page, 'tr[data-worker]') === 2, 'both instances are listed');
  const viewerRow = `tr[data-worker="${scenario.viewerInstance}"]`;
  await act(page, `${viewerRow} [data-pool-queue=notifications] button[data-action=pause-instance]`);
  await eventually(page, operator + '/workers', async () => await rows(page, `${viewerRow} [data-pool-queue=notifications] .state`) === 1
    && await rows(page, `tr[data-worker="${scenario.operatorInstance}"] [data-pool-queue=notifications] .state`) === 0,
  'pause on one instance takes effect there only');
  await shot(page, 'workers');
  await act(page, `${viewerRow} [data-pool-queue=notifications] button[data-action=resume-instance]`);
  await eventually(page, operator + '/workers', async () => await rows(page, `${viewerRow} [data-pool-queue=notifications] .state`) === 0,
    'resume on that instance');

  console.log('Rate limits');
  await eventually(page, operator + '/rate-limits', async () => Number(await page.textContent('tr[data-rate-limit="orders.notify"] td:nth-child(5)')) > 0,
    'the rate-limited backlog shows deferrals');
  check((await page.textContent('tr[data-rate-limit="orders.notify"] [data-field=effective]')) === '5/s', 'orders.notify is limited to 5/s');
  await shot(page, 'rate-limits');
  await page.fill('tr[data-rate-limit="orders.notify"] input[name=limit]', '20/s');
  const changed = await act(page, 'tr[data-rate-limit="orders.notify"] button[data-action=set-limit]');
  check(changed.includes(scenario.operatorInstance) && changed.includes(scenario.viewerInstance), 'the new limit is applied by both instances');
  await open(page, viewer + '/rate-limits');
  check((await page.textContent('tr[data-rate-limit="orders.notify"] [data-field=effective]')) === '20/s', 'the other instance enforces 20/s');

  console.log('Schedules');
  await open(page, operator + '/schedules');
  check(await rows(page, 'tr[data-schedule=reconcile-payments]') === 1, 'the periodic schedule is listed with its next tick');
  const run = await act(page, 'tr[data-schedule=reconcile-payments] button[data-action=run]');
  const taskId = run.match(/task ([0-9a-f-]{36})/)[1];
  await eventually(page, operator + '/schedules', async () => (await page.textContent('tr[data-schedule=reconcile-payments]')).includes(taskId),
    'run now sends the task, shown as the last task');
  await act(page, 'tr[data-schedule=reconcile-payments] button[data-action=pause]');
  await eventually(page, viewer + '/schedules', async () => (await page.getAttribute('tr[data-schedule=reconcile-payments]', 'data-paused')) === 'true',
    'pause takes effect: the schedule is paused for the other instance too');
  await open(page, operator + '/schedules');
  await shot(page, 'schedules');
  await act(page, 'tr[data-schedule=reconcile-payments] button[data-action=resume]');
  await eventually(page, operator + '/schedules', async () => (await page.getAttribute('tr[data-schedule=reconcile-payments]', 'data-paused')) === 'false',
    'resume takes effect');

  console.log('Read-only viewer');
  for (const path of ['/', '/workers', '/tasks', '/tasks/' + scenario.success, '/queues', '/queues/default', '/rate-limits', '/schedules']) {
    await open(page, viewer + path);
    check(await rows(page, 'button[data-action]') === 0, 'the viewer sees no write action on ' + path);
  }
  const forced = await page.evaluate(async (queue) => {
    const data = document.body.dataset;
    const response = await fetch(data.base + '/api/queues/' + queue + '/purge', { method: 'POST', headers: { [data.csrfHeader]: data.csrfToken, 'Content-Type': 'application/json' }, body: '{}' });
    return response.status;
  }, 'default');
  check(forced === 403, 'a forced write from the viewer answers 403');
  await open(page, operator + '/queues');
  const noToken = await page.evaluate(async () => (await fetch(document.body.dataset.base + '/api/queues/default/purge', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).status);
  check(noToken === 403, 'a write without the CSRF token answers 403');
  check(errors.length === 0, 'no script error on any page ' + JSON.stringify(errors));
} catch (error) {
  failed = true;
  console.error(error.stack || error.message);
} finally {
  await browser.close();
  rmSync(userDataDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
