// Every cause of each library's table, triggered for real: the scenarios run by driver.js for
// tests/test_triggers.rs against the scripted peer of tests/gateway/ws_peer.rs, whose
// behaviour each scenario names in its user (`sipjs.answer.481`). Timers are shortened
// through each library's own Timers object; everything else goes through public settings
// and objects. Each scenario reports the event the library emitted and the cause it carried,
// or what happened instead (`thrown`: a synchronous exception).
'use strict';

// JsSIP exports no Timers, but its module object is the one the library reads each time it
// arms a timer (Node caches modules by path), so shortening a timer there takes effect.
const JsSIPTimers = require('jssip/lib/Timers');

const TIMER_MS = 400;

function shortenTimers(SIP) {
  for (const timers of [SIP.Timers, JsSIPTimers]) {
    timers.TIMER_B = TIMER_MS; // an INVITE unanswered (REQUEST_TIMEOUT)
    timers.TIMER_F = TIMER_MS; // a MESSAGE unanswered
    timers.TIMER_H = TIMER_MS; // a 2xx never ACKed (NO_ACK)
  }
  // SIP.js waits 64 × T1 for a PRACK (Session.js:1235): 640 ms.
  SIP.Timers.T1 = 10;
}

// What a library reported through an event: its name and the cause it carried.
const reported = (event, cause) => ({ event, cause: cause === undefined ? null : cause });

// Calls `body` and reports what it threw, if it throws.
function thrown(body, done) {
  try {
    body();
    done({ thrown: null });
  } catch (error) {
    done({ thrown: `${error.name}: ${error.message}` });
  }
}

// SIP.js 0.6.4: `failed` is `(response, cause)`, `terminated` one object `{ message, cause }`.
function sipjsTriggers({ host, sipjsMedia }) {
  const failingMedia = () => {
    const handler = sipjsMedia();
    // A media handler that cannot produce a description, as one whose getUserMedia was
    // refused cannot.
    handler.getDescription = (ok, fail) => setImmediate(() => fail(new Error('denied')));
    return handler;
  };
  failingMedia.isSupported = () => true;
  const unsupportedMedia = () => sipjsMedia();
  unsupportedMedia.isSupported = () => false;

  const call = (behaviour, config, on) => ({
    behaviour,
    config,
    run: (ua, done) => on(ua.invite(`sip:sipjs.${behaviour}@${host}`), done),
  });
  const failed = (session, done) => session.on('failed', (response, cause) => done(reported('failed', cause)));
  const terminated = (session, done) => session.on('terminated', (e) => done(reported('terminated', e.cause)));
  // The peer calls the registered UA (`callme.*`); `on(session, done)` handles its INVITE.
  const called = (behaviour, on, config = {}) => ({
    behaviour: `callme.${behaviour}`,
    config: { register: true, ...config },
    run: (ua, done) => ua.on('invite', (session) => on(session, done)),
  });

  return {
    INVALID_TARGET: { run: (ua, done) => thrown(() => ua.invite(''), done) },
    WEBRTC_NOT_SUPPORTED: {
      config: { mediaHandlerFactory: unsupportedMedia },
      run: (ua, done) => thrown(() => ua.invite(`sip:sipjs.answer@${host}`), done),
    },
    CONNECTION_ERROR: call('close', {}, failed),
    REQUEST_TIMEOUT: call('silent', {}, failed),
    INTERNAL_ERROR: call('answer.nocontact', {}, failed),
    BAD_MEDIA_DESCRIPTION: call('answer.badsdp', {}, failed),
    BYE: call('answer.bye', {}, terminated),
    DIALOG_ERROR: call('answer.481', {}, (session, done) => {
      session.once('accepted', () => setImmediate(() => session.dtmf('1')));
      terminated(session, done);
    }),
    WEBRTC_ERROR: call('answer', { mediaHandlerFactory: failingMedia }, failed),
    USER_DENIED_MEDIA_ACCESS: call('answer', { mediaHandlerFactory: failingMedia }, failed),
    CANCELED: called('cancel', failed),
    NO_ANSWER: called('ring', failed, { noAnswerTimeout: 1 }),
    EXPIRES: called('expires', failed),
    NO_ACK: called('noack', (session, done) => {
      terminated(session, done);
      session.accept();
    }),
    NO_PRACK: called('noprack', (session, done) => {
      terminated(session, done);
      session.progress();
    }),
  };
}

// JsSIP 3.13.8: `failed` and `ended` carry `{ originator, message, cause }`.
function jssipTriggers({ host, noMedia }) {
  const session = (e) => ({ ...reported(e.type, e.cause), originator: e.originator });
  const call = (behaviour, on, options = {}) => ({
    behaviour,
    run: (ua, done) => {
      const rtc = ua.call(`sip:jssip.${behaviour}@${host}`, { mediaStream: noMedia, ...options });
      on(rtc, done);
    },
  });
  const failed = (rtc, done) => rtc.on('failed', (e) => done(session({ ...e, type: 'failed' })));
  const ended = (rtc, done) => rtc.on('ended', (e) => done(session({ ...e, type: 'ended' })));
  const message = (behaviour) => ({
    behaviour,
    run: (ua, done) => ua.sendMessage(`sip:jssip.${behaviour}@${host}`, 'hello', {
      eventHandlers: { failed: (e) => done({ ...reported('failed', e.cause), originator: e.originator }) },
    }),
  });
  const called = (behaviour, on, config = {}) => ({
    behaviour: `callme.${behaviour}`,
    config: { register: true, ...config },
    run: (ua, done) => ua.on('newRTCSession', (e) => {
      if (e.originator === 'remote') {
        on(e.session, done);
      }
    }),
  });
  const answered = (on) => (rtc, done) => {
    on(rtc, done);
    rtc.answer({ mediaStream: noMedia });
  };

  return {
    INVALID_TARGET: { run: (ua, done) => thrown(() => ua.call('sip:@@', { mediaStream: noMedia }), done) },
    CONNECTION_ERROR: message('close'),
    REQUEST_TIMEOUT: message('silent'),
    INTERNAL_ERROR: call('answer.nocontact', failed),
    BAD_MEDIA_DESCRIPTION: call('answer.badsdp', failed),
    BYE: call('answer.bye', ended),
    DIALOG_ERROR: call('answer.481', (rtc, done) => {
      rtc.once('confirmed', () => setImmediate(() => rtc.sendInfo('application/x-test', 'x')));
      ended(rtc, done);
    }),
    RTP_TIMEOUT: call('answer', (rtc, done) => {
      // What a browser's peer connection does when media stops flowing: ICE fails.
      rtc.once('confirmed', () => setImmediate(() => {
        rtc.connection.iceConnectionState = 'failed';
        rtc.connection.dispatchEvent(new Event('iceconnectionstatechange'));
      }));
      ended(rtc, done);
    }),
    // No media stream given: JsSIP asks getUserMedia, which the user refuses.
    USER_DENIED_MEDIA_ACCESS: call('answer', failed, { mediaStream: undefined }),
    CANCELED: called('cancel', failed),
    NO_ANSWER: called('ring', failed, { no_answer_timeout: 1 }),
    EXPIRES: called('expires', failed),
    NO_ACK: called('noack', answered(ended)),
    MISSING_SDP: called('nosdp', answered(ended)),
    WEBRTC_ERROR: called('badsdp', answered(failed)),
  };
}

// How often each cause is referenced in the library's code, comments left out: a cause no
// live line names can never be reported.
function liveReferences(dir, names) {
  const fs = require('fs');
  const path = require('path');
  const files = [];
  const walk = (at) => {
    for (const entry of fs.readdirSync(at, { withFileTypes: true })) {
      const full = path.join(at, entry.name);
      if (entry.isDirectory()) {
        walk(full);
      } else if (entry.name.endsWith('.js')) {
        files.push(full);
      }
    }
  };
  walk(dir);
  const code = files
    .map((file) => fs.readFileSync(file, 'utf8'))
    .map((text) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, ''))
    .join('\n');
  const counts = {};
  for (const name of names) {
    counts[name] = (code.match(new RegExp(`causes\\.${name}\\b`, 'g')) || []).length;
  }
  return counts;
}

module.exports = { shortenTimers, sipjsTriggers, jssipTriggers, liveReferences };
