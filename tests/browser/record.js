// Runs page.js's scenarios in Debian's headless Chromium against the scripted peer at the
// WebSocket URL given, and prints one JSON object per line: first the browser's version, then
// what each library reported in each scenario, last `{"scenario":"done"}`.
// tests/test_browser.rs runs it (the ignored `record` test, which scripts/record-browser.sh
// runs): see there.
//
//   node record.js ws://127.0.0.1:PORT
//
// CHROMIUM names the browser (default /usr/bin/chromium). The scenarios run at once, each in
// a browser context of its own, so the microphone can be granted in one and denied in the
// next, on a page served from 127.0.0.1 (a secure context, where getUserMedia exists).
'use strict';

const http = require('http');
const path = require('path');
const esbuild = require('esbuild');
const { chromium } = require('playwright-core');

// Longer than any scenario: ICE gives up after 15 s, and page.js waits 20 s more.
const SCENARIO_MS = 60000;

const [url] = process.argv.slice(2);
if (!url) {
  console.error('usage: node record.js ws://127.0.0.1:PORT');
  process.exit(2);
}

function emit(record) {
  process.stdout.write(JSON.stringify(record) + '\n');
}

// The libraries and page.js as one script for the browser: each package's `browser` field
// honoured, as a web application's bundler would, and Node's `global` (which SIP.js 0.6.4's
// UA reads) the window, as browserify, SIP.js's own bundler, makes it.
async function bundle() {
  const result = await esbuild.build({
    entryPoints: [path.join(__dirname, 'page.js')],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    define: { global: 'window' },
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

// Serves the page on 127.0.0.1, on a port the OS picks.
function serve(script) {
  const html = `<!doctype html><meta charset="utf-8"><title>sip-causes</title><script>${script}</script>`;
  const server = http.createServer((request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(html);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// The flags of a browser on a machine with no network: fake audio and video devices, and no
// background connections (which this machine refuses, many at a time).
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-fake-device-for-media-stream',
];

// A browser context whose microphone permission is `granted` or `denied` for `origin`: set
// through the DevTools protocol, as a user's choice is remembered, so no prompt is shown.
async function contextWith(browser, cdp, origin, microphone) {
  const before = new Set((await cdp.send('Target.getBrowserContexts')).browserContextIds);
  const context = await browser.newContext();
  const ids = (await cdp.send('Target.getBrowserContexts')).browserContextIds;
  const browserContextId = ids.find((id) => !before.has(id));
  await cdp.send('Browser.setPermission', {
    permission: { name: 'microphone' },
    setting: microphone,
    origin,
    browserContextId,
  });
  return context;
}

// One scenario in a page of its own: what the library reported, with the permission the page
// saw.
async function run(context, origin, scenario) {
  const page = await context.newPage();
  await page.goto(origin);
  const permission = await page.evaluate(() =>
    navigator.permissions.query({ name: 'microphone' }).then((status) => status.state));
  const result = await page.evaluate((args) => window.runScenario(args), {
    lib: scenario.lib,
    cause: scenario.cause,
    url,
    limitMs: SCENARIO_MS,
  });
  await context.close();
  return { scenario: 'media', ...scenario, permission, ...result };
}

async function main() {
  const server = await serve(await bundle());
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: FLAGS,
  });
  const cdp = await browser.newBrowserCDPSession();
  emit({ scenario: 'browser', version: browser.version() });
  const page = await browser.newPage();
  await page.goto(origin);
  const list = await page.evaluate(() => window.scenarioList());
  await page.close();
  // The contexts one by one (each is told apart from those before it), then the scenarios all
  // at once: the longest waits for a failed peer connection, then page.js's QUIET_MS.
  const contexts = [];
  for (const scenario of list) {
    contexts.push(await contextWith(browser, cdp, origin, scenario.microphone));
  }
  const results = await Promise.all(list.map((scenario, i) => run(contexts[i], origin, scenario)));
  results.forEach(emit);
  await browser.close();
  server.close();
  emit({ scenario: 'done' });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
