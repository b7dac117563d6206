// Drives the real, unmodified SIP.js 0.6.4 and JsSIP 3.13.8 in Node.js through the gateway of
// examples/gateway (to the far end of tests/gateway/far_end.rs), and prints what each library
// reports as JSON lines. TRACE=1 prints SIP.js's own log, every message it sends and receives.
//
//   node driver.js ws://127.0.0.1:PORT '{"causes":["BUSY",...],"codes":[486,...],"jssipCauses":["BUSY",...]}'
//   node driver.js ws://127.0.0.1:PORT '{"gateway":{"sipjs":["486",...],"jssip":[...]}}'
//   node driver.js ws://127.0.0.1:PORT '{"triggers":{"rejects":{...},"names":{...}}}'   (triggers.js)
//
// Every scenario is bounded by SCENARIO_MS; no media flows (stub media handlers).
'use strict';

global.window = global;
global.WebSocket = require('ws');

const SCENARIO_MS = 5000;
// The calls through the gateway, a few hundred in one scenario.
const GATEWAY_MS = 30000;
const SDP = 'v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n' +
  'm=audio 9 UDP/TLS/RTP/SAVPF 0\r\na=rtpmap:0 PCMU/8000\r\na=sendrecv\r\n';

// SIP.js 0.6.4's media handler interface: callbacks, a fixed SDP, nothing else.
function sipjsMedia() {
  const handler = new (require('events').EventEmitter)();
  Object.assign(handler, {
    isReady: () => true,
    close: () => {},
    getDescription: (ok) => setImmediate(() => ok(SDP)),
    // An SDP without a media line is refused, as a browser would refuse it.
    setDescription: (description, ok, fail) => setImmediate(() => (/m=/.test(description) ? ok() : fail())),
    getLocalStreams: () => [],
    getRemoteStreams: () => [],
    render: () => {},
    mute: () => {},
    unmute: () => {},
    isMuted: () => ({ audio: false, video: false }),
  });
  return handler;
}
sipjsMedia.isSupported = () => true;

// What JsSIP needs of WebRTC: a peer connection that hands out a fixed SDP at once.
class StubPeerConnection extends EventTarget {
  constructor() {
    super();
    this.iceGatheringState = 'complete';
    this.iceConnectionState = 'new';
    this.signalingState = 'stable';
    this.connectionState = 'new';
    this.localDescription = null;
    this.remoteDescription = null;
  }
  createOffer() { return Promise.resolve({ type: 'offer', sdp: SDP }); }
  createAnswer() { return Promise.resolve({ type: 'answer', sdp: SDP }); }
  setLocalDescription(description) { this.localDescription = description; return Promise.resolve(); }
  setRemoteDescription(description) {
    if (!/m=/.test(description.sdp)) {
      return Promise.reject(new Error('no media line'));
    }
    this.remoteDescription = description;
    return Promise.resolve();
  }
  addTrack() {}
  getSenders() { return []; }
  getReceivers() { return []; }
  getLocalStreams() { return []; }
  getRemoteStreams() { return []; }
  close() {}
}
global.RTCPeerConnection = StubPeerConnection;
global.RTCSessionDescription = class {
  constructor(init) { Object.assign(this, init); }
};
const noMedia = { getTracks: () => [], getAudioTracks: () => [], getVideoTracks: () => [] };

const SIP = require('sip.js');
const JsSIP = require('jssip');
JsSIP.debug.disable('JsSIP:*');

const [url, spec] = process.argv.slice(2);
// `serverByes`: what follows `answer.` in the far end's user for the BYEs it sends (a cause
// constant or `q850-N`); the causes by default.
// `triggers`: every cause of each library's table triggered (triggers.js): `rejects`, the
// response codes that end an INVITE for the causes a code names (`{ "sipjs": { "BUSY": 486 } }`),
// and `names`, each table's constants, to count where the library's code names them.
const { causes = [], codes = [], jssipCauses = [], serverByes = causes, gateway, triggers } = JSON.parse(spec);
const host = '127.0.0.1';

function emit(record) {
  process.stdout.write(JSON.stringify(record) + '\n');
}

// Runs `body(done)` with a fresh user agent for `user`; resolves with what `done` got, or
// with a timeout record after SCENARIO_MS.
// `config` adds to the user agent's settings.
function scenario(lib, user, body, limit = SCENARIO_MS, config = {}) {
  return new Promise((resolve) => {
    let ua;
    const finish = (result) => {
      clearTimeout(timer);
      try { ua && ua.stop(); } catch (e) { /* already stopped */ }
      resolve(result);
    };
    const timer = setTimeout(() => finish({ timeout: true }), limit);
    if (lib === 'sipjs') {
      ua = new SIP.UA({
        uri: `sip:${user}@${host}`,
        wsServers: [url],
        register: false,
        traceSip: !!process.env.TRACE,
        log: { builtinEnabled: !!process.env.TRACE },
        mediaHandlerFactory: sipjsMedia,
        ...config,
      });
      ua.once('connected', () => body(ua, finish));
    } else {
      ua = new JsSIP.UA({
        sockets: [new JsSIP.WebSocketInterface(url)],
        uri: `sip:${user}@${host}`,
        register: false,
        session_timers: false,
        ...config,
      });
      ua.once('connected', () => body(ua, finish));
      ua.start();
    }
  });
}

const status = (response) => (response && response.status_code) || null;

// REGISTER, INVITE and MESSAGE ended by the server for `cause`: what the library reports.
const requests = {
  sipjs: {
    REGISTER: (cause) => scenario('sipjs', cause, (ua, done) => {
      ua.on('registrationFailed', (response, reported) => done({ cause: reported, status: status(response) }));
      ua.register();
    }),
    INVITE: (cause) => scenario('sipjs', 'caller', (ua, done) => {
      const session = ua.invite(`sip:${cause}@${host}`);
      session.on('failed', (response, reported) => done({ cause: reported, status: status(response) }));
    }),
    MESSAGE: (cause) => scenario('sipjs', 'caller', (ua, done) => {
      const context = ua.message(`sip:${cause}@${host}`, 'hello');
      context.on('failed', (response, reported) => done({ cause: reported, status: status(response) }));
    }),
  },
  jssip: {
    REGISTER: (cause) => scenario('jssip', cause, (ua, done) => {
      ua.on('registrationFailed', (e) => done({ cause: e.cause, status: status(e.response) }));
      ua.register();
    }),
    INVITE: (cause) => scenario('jssip', 'caller', (ua, done) => {
      ua.call(`sip:${cause}@${host}`, {
        mediaStream: noMedia,
        eventHandlers: { failed: (e) => done({ cause: e.cause, status: status(e.message) }) },
      });
    }),
    MESSAGE: (cause) => scenario('jssip', 'caller', (ua, done) => {
      ua.sendMessage(`sip:${cause}@${host}`, 'hello', {
        eventHandlers: { failed: (e) => done({ cause: e.cause, status: status(e.response) }) },
      });
    }),
  },
};

// The caller ends the call for `code`: before the answer (CANCEL) or after it (BYE). The
// server reports the Reason it received, keyed by the caller's user.
const endings = {
  sipjs: {
    CANCEL: (code, user) => scenario('sipjs', user, (ua, done) => {
      const session = ua.invite(`sip:ring@${host}`);
      // After the 1xx is handled, as a user's click would come.
      session.once('progress', () => setImmediate(() => session.cancel({ status_code: code })));
      session.on('cancel', () => done({ reported: 'cancel event' }));
    }),
    BYE: (code, user) => scenario('sipjs', user, (ua, done) => {
      const session = ua.invite(`sip:answer@${host}`);
      // SIP.js 0.6.4's bye() takes `statusCode`, checks it, and sends no Reason with it.
      session.once('accepted', () => setImmediate(() => session.bye({ statusCode: code })));
      // SIP.js 0.6.4 emits 'terminated' with one object, `{ message, cause }` (Session.js,
      // `terminated()`), where 'failed' has two arguments.
      session.on('terminated', (e) => done({ reported: e.cause }));
    }),
  },
  jssip: {
    CANCEL: (code, user) => scenario('jssip', user, (ua, done) => {
      const session = ua.call(`sip:ring@${host}`, { mediaStream: noMedia });
      session.once('progress', () => setImmediate(() => session.terminate({ status_code: code })));
      session.on('failed', (e) => done({ reported: e.cause }));
    }),
    BYE: (code, user) => scenario('jssip', user, (ua, done) => {
      const session = ua.call(`sip:answer@${host}`, { mediaStream: noMedia });
      session.once('confirmed', () => setImmediate(() => session.terminate({ status_code: code })));
      session.on('ended', (e) => done({ reported: e.cause }));
    }),
  },
};

// The server answers with an SDP the media layer refuses: the library acknowledges the 2xx
// and ends the call at once with a BYE whose Reason it writes itself.
const badAnswer = {
  sipjs: () => scenario('sipjs', 'sipjs-bad-answer', (ua, done) => {
    const session = ua.invite(`sip:badanswer@${host}`);
    session.on('terminated', (e) => done({ reported: e.cause }));
    session.on('failed', (response, reported) => done({ reported }));
  }),
  jssip: () => scenario('jssip', 'jssip-bad-answer', (ua, done) => {
    const session = ua.call(`sip:badanswer@${host}`, { mediaStream: noMedia });
    session.on('failed', (e) => done({ reported: e.cause }));
    session.on('ended', (e) => done({ reported: e.cause }));
  }),
};

// The server ends an answered call with a BYE carrying the Reason `ending` names; the report
// has the Reason lines the library received on it, as it read them.
const reasonsOf = (message) => (message && message.getHeaders ? message.getHeaders('reason') : []);
const serverBye = {
  sipjs: (ending) => scenario('sipjs', 'caller', (ua, done) => {
    const session = ua.invite(`sip:answer.${ending}@${host}`);
    session.on('terminated', (e) => done({
      reported: e.cause,
      method: e.message && e.message.method,
      reasons: reasonsOf(e.message),
    }));
  }),
  jssip: (ending) => scenario('jssip', 'caller', (ua, done) => {
    const session = ua.call(`sip:answer.${ending}@${host}`, { mediaStream: noMedia });
    session.on('ended', (e) => done({
      reported: e.cause,
      originator: e.originator,
      reasons: reasonsOf(e.message),
    }));
  }),
};

// Through the gateway: one user agent per library calls every target, a few at a time, and
// reports the final response and the cause each call failed with.
const CONCURRENT_CALLS = 16;

function gatewayCalls(lib, targets) {
  return scenario(lib, `${lib}-gateway`, async (ua, done) => {
    const results = [];
    const call = (target) => new Promise((resolve) => {
      const report = (cause, response) => resolve({ target, cause, status: status(response) });
      if (lib === 'sipjs') {
        ua.invite(`sip:${target}@${host}`).on('failed', (response, cause) => report(cause, response));
      } else {
        ua.call(`sip:${target}@${host}`, {
          mediaStream: noMedia,
          eventHandlers: { failed: (e) => report(e.cause, e.message) },
        });
      }
    });
    const queue = [...targets];
    const worker = async () => {
      while (queue.length > 0) {
        results.push(await call(queue.shift()));
      }
    };
    await Promise.all(Array.from({ length: CONCURRENT_CALLS }, worker));
    done({ results });
  }, GATEWAY_MS);
}

// Every trigger of both libraries at once, each on a user agent and a connection of its own.
async function runTriggers() {
  const scenarios = require('./triggers.js');
  scenarios.shortenTimers(SIP);
  // A browser whose user refuses the microphone (JsSIP asks for it without a media stream).
  global.navigator = {
    mediaDevices: { getUserMedia: () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError')) },
  };
  const byLib = {
    sipjs: scenarios.sipjsTriggers({ host, sipjsMedia }),
    jssip: scenarios.jssipTriggers({ host, noMedia }),
  };
  const runs = [];
  for (const [lib, table] of Object.entries(byLib)) {
    for (const [cause, code] of Object.entries(triggers.rejects[lib])) {
      const behaviour = `reject.${code}`;
      table[cause] = lib === 'sipjs'
        ? { behaviour, run: (ua, done) => ua.invite(`sip:sipjs.${behaviour}@${host}`).on('failed', (r, c) => done({ event: 'failed', cause: c })) }
        : { behaviour, run: (ua, done) => ua.call(`sip:jssip.${behaviour}@${host}`, { mediaStream: noMedia, eventHandlers: { failed: (e) => done({ event: 'failed', cause: e.cause, originator: e.originator }) } }) };
    }
    for (const [cause, { behaviour = 'none', config = {}, run }] of Object.entries(table)) {
      const user = `${lib}.${behaviour}`;
      runs.push(scenario(lib, user, run, SCENARIO_MS, config).then((result) => {
        emit({ ...result, scenario: 'trigger', lib, constant: cause, behaviour });
      }));
    }
  }
  await Promise.all(runs);
  const path = require('path');
  const sources = {
    sipjs: [path.dirname(require.resolve('sip.js/src/SIP.js')), Object.keys(SIP.C.causes)],
    jssip: [path.dirname(require.resolve('jssip/lib/JsSIP.js')), Object.keys(JsSIP.C.causes)],
  };
  for (const [lib, [dir, defined]] of Object.entries(sources)) {
    const names = [...new Set([...defined, ...Object.keys(byLib[lib]), ...triggers.names[lib]])];
    emit({ scenario: 'sources', lib, defined, live: scenarios.liveReferences(dir, names) });
  }
}

async function main() {
  if (triggers) {
    await runTriggers();
    emit({ scenario: 'done' });
    process.exit(0);
  }
  if (gateway) {
    for (const [lib, targets] of Object.entries(gateway)) {
      emit({ scenario: 'gateway', lib, ...(await gatewayCalls(lib, targets)) });
    }
    emit({ scenario: 'done' });
    process.exit(0);
  }
  // JsSIP's own table: its Utils.sipErrorCause for every final failure response, then every
  // JsSIP cause with a response ended by the server (target `jssip.CONSTANT`).
  const sipErrorCauses = {};
  for (let code = 300; code <= 699; code++) {
    sipErrorCauses[code] = JsSIP.Utils.sipErrorCause(code);
  }
  emit({ scenario: 'sip-error-cause', causes: sipErrorCauses });
  for (const kind of ['REGISTER', 'INVITE', 'MESSAGE']) {
    for (const cause of jssipCauses) {
      const result = await requests.jssip[kind](`jssip.${cause}`);
      emit({ scenario: 'jssip-request', kind, target: cause, ...result });
    }
  }
  for (const lib of ['sipjs', 'jssip']) {
    for (const kind of ['REGISTER', 'INVITE', 'MESSAGE']) {
      for (const cause of causes) {
        const result = await requests[lib][kind](cause);
        emit({ scenario: 'request', lib, kind, target: cause, ...result });
      }
    }
    for (const method of ['CANCEL', 'BYE']) {
      for (const code of codes) {
        const user = `${lib}-${method.toLowerCase()}-${code}`;
        const result = await endings[lib][method](code, user);
        emit({ scenario: 'ending', lib, method, code, user, ...result });
      }
    }
    emit({ scenario: 'bad-answer', lib, ...(await badAnswer[lib]()) });
    for (const ending of serverByes) {
      const result = await serverBye[lib](ending);
      emit({ scenario: 'server-bye', lib, target: ending, ...result });
    }
  }
  emit({ scenario: 'done' });
  process.exit(0);
}

main().catch((error) => {
  emit({ scenario: 'error', error: String(error && error.stack || error) });
  process.exit(1);
});
