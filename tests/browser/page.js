// The media causes in a real browser: the real, unmodified SIP.js 0.6.4 and JsSIP 3.13.8 with
// their own WebRTC code (no stub media), bundled by record.js and run in Debian's headless
// Chromium against the scripted peer of tests/gateway/ws_peer.rs, whose behaviour each
// scenario names in its user (`jssip-rtp_timeout.answer.noice`). record.js opens a page per
// scenario, in a browser context whose microphone (a fake device) is granted or denied, and
// calls `window.runScenario`, which resolves with what the library reported.
'use strict';

const SIP = require('sip.js');
const JsSIP = require('jssip');

const host = '127.0.0.1';
const audioOnly = { audio: true, video: false };
// How long a scenario waits, once the peer connection has failed, for the library to report
// it. (Chromium leaves ICE `disconnected` when checks go unanswered: see ICE_DEAD.)
const QUIET_MS = 20000;

// `reported`: the cause the event carried (`cause` names the scenario).
const reported = (event, cause) => ({ event, reported: cause === undefined ? null : cause });

// Reports nothing-reported once `pc` has failed and QUIET_MS have passed: the ICE and the
// connection state then.
function quietAfterFailure(pc, done) {
  pc.addEventListener('connectionstatechange', () => {
    if (pc.connectionState === 'failed') {
      setTimeout(() => done({
        ...reported(null),
        ice: pc.iceConnectionState,
        connection: pc.connectionState,
        quietMs: QUIET_MS,
      }), QUIET_MS);
    }
  });
}

// SIP.js 0.6.4: `failed` is `(response, cause)`, `terminated` one object `{ message, cause }`.
// `media`: `own` lets SIP.js call getUserMedia itself; `given` passes it a stream the page got.
function sipjsCall(media, on) {
  return async (ua, target, done) => {
    const hint = media === 'given'
      ? { stream: await navigator.mediaDevices.getUserMedia(audioOnly) }
      : { constraints: audioOnly };
    const session = ua.invite(target, { media: hint });
    session.on('failed', (response, cause) => done(reported('failed', cause)));
    session.on('terminated', (e) => done(reported('terminated', e && e.cause)));
    if (on) {
      on(session, done);
    }
  };
}

const sipjs = {
  USER_DENIED_MEDIA_ACCESS: { behaviour: 'answer', microphone: 'denied', run: sipjsCall('own') },
  WEBRTC_ERROR: { behaviour: 'answer', microphone: 'denied', run: sipjsCall('own') },
  BUSY: { behaviour: 'reject.486', microphone: 'granted', run: sipjsCall('own') },
  BAD_MEDIA_DESCRIPTION: { behaviour: 'answer.badsdp', microphone: 'granted', run: sipjsCall('given') },
  RTP_TIMEOUT: {
    behaviour: 'answer.noice',
    microphone: 'granted',
    run: sipjsCall('given', (session, done) => quietAfterFailure(session.mediaHandler.peerConnection, done)),
  },
};

// JsSIP 3.13.8: `failed` and `ended` carry `{ originator, message, cause }`.
function jssipEnds(session, done) {
  for (const event of ['failed', 'ended']) {
    session.on(event, (e) => done({ ...reported(event, e.cause), originator: e.originator }));
  }
}

function jssipCall(on) {
  return (ua, target, done) => {
    // No media stream given: JsSIP calls getUserMedia itself.
    const session = ua.call(target, { mediaConstraints: audioOnly });
    jssipEnds(session, done);
    if (on) {
      on(session, done);
    }
  };
}

const jssip = {
  USER_DENIED_MEDIA_ACCESS: { behaviour: 'answer', microphone: 'denied', run: jssipCall() },
  // The peer's offer has no ICE credentials and no DTLS fingerprint, as a plain SIP phone's.
  WEBRTC_ERROR: {
    behaviour: 'callme.plain',
    microphone: 'granted',
    register: true,
    run: (ua, target, done) => ua.on('newRTCSession', (e) => {
      if (e.originator === 'remote') {
        jssipEnds(e.session, done);
        e.session.answer({ mediaConstraints: audioOnly });
      }
    }),
  },
  BUSY: { behaviour: 'reject.486', microphone: 'granted', run: jssipCall() },
  BAD_MEDIA_DESCRIPTION: { behaviour: 'answer.badsdp', microphone: 'granted', run: jssipCall() },
  RTP_TIMEOUT: {
    behaviour: 'answer.noice',
    microphone: 'granted',
    run: jssipCall((session, done) => quietAfterFailure(session.connection, done)),
  },
};

const scenarios = { sipjs, jssip };

// What record.js needs before it opens a scenario's page: the peer's behaviour and whether
// the microphone is granted.
window.scenarioList = () => Object.entries(scenarios).flatMap(([lib, table]) =>
  Object.entries(table).map(([cause, { behaviour, microphone }]) => ({ lib, cause, behaviour, microphone })));

// Runs one scenario against the peer at `url`: resolves with the first thing the library
// reported, what it threw, or `{ timeout: true }` after `limitMs`.
window.runScenario = ({ lib, cause, url, limitMs }) => new Promise((resolve) => {
  const { behaviour, register = false, run } = scenarios[lib][cause];
  // The peer reads its behaviour after the first dot; the rest names the scenario's messages.
  const user = `${lib}-${cause.toLowerCase()}.${behaviour}`;
  let ua;
  let finished = false;
  const done = (result) => {
    if (finished) {
      return;
    }
    finished = true;
    clearTimeout(timer);
    // What the library sends as the call ends (an ACK, a BYE) goes out before it stops.
    setTimeout(() => {
      try { ua.stop(); } catch (e) { /* already stopped */ }
      resolve(result);
    }, 500);
  };
  const timer = setTimeout(() => done({ timeout: true }), limitMs);
  // An exception the library throws from one of its callbacks ends the scenario: whatever it
  // was about to report, it never will.
  window.addEventListener('error', (event) => done({
    ...reported(null),
    thrown: `${event.error.name}: ${event.error.message}`,
  }));
  const start = () => Promise.resolve()
    .then(() => run(ua, `sip:${user}@${host}`, done))
    .catch((error) => done({ thrown: `${error.name}: ${error.message}` }));
  if (lib === 'sipjs') {
    ua = new SIP.UA({ uri: `sip:${user}@${host}`, wsServers: [url], register, log: { builtinEnabled: false } });
  } else {
    ua = new JsSIP.UA({
      sockets: [new JsSIP.WebSocketInterface(url)],
      uri: `sip:${user}@${host}`,
      register,
      session_timers: false,
    });
    ua.start();
  }
  ua.once(register ? 'registered' : 'connected', start);
});
