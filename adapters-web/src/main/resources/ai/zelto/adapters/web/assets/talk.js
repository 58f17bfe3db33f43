// Talk to agent: asks for the microphone, has the server start a voice session for the signed-in person, joins
// its LiveKit room with LiveKit's own client (served by Zelto), and shows connecting / connected / agent speaking
// / ended. Hang up leaves the room and ends the session on the server.
(() => {
  const root = document.querySelector('[data-talk]');
  if (!root || !window.LivekitClient) {
    return;
  }
  const { Room, RoomEvent, Track } = window.LivekitClient;
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  const stateBox = root.querySelector('.talk-state');
  const statusText = root.querySelector('[data-status]');
  const errorBox = root.querySelector('[data-error]');
  const callButton = root.querySelector('[data-call]');
  const hangupButton = root.querySelector('[data-hangup]');
  const sessionLink = root.querySelector('[data-session-link]');
  let room = null;
  let endHref = null;
  let ended = false;
  let connected = false;
  let hungUp = false;

  const show = (state, text) => {
    stateBox.dataset.state = state;
    statusText.textContent = text;
  };
  const fail = (text) => {
    errorBox.textContent = text;
    errorBox.hidden = false;
  };

  // true once the server ended the session (or there is none to end)
  const endSession = async () => {
    if (!endHref || ended) {
      return true;
    }
    try {
      const answer = await fetch(endHref, { method: 'POST', headers: { 'X-CSRF-Token': csrf, Accept: 'application/json' } });
      if (!answer.ok) {
        const body = await answer.json().catch(() => ({}));
        fail(body.error || 'The session could not be ended; try Hang up again.');
        return false;
      }
      ended = true;
      return true;
    } catch (unreachable) {
      fail('The session could not be ended from here; it ends by itself when the room empties.');
      return false;
    }
  };

  const hangUp = async () => {
    hungUp = true;
    hangupButton.disabled = true;
    // leaving a room that is still connecting waits for the attempt to give up: end the session meanwhile
    const leaving = room ? room.disconnect().catch(() => {}) : Promise.resolve();
    const endedHere = await endSession();
    await Promise.race([leaving, new Promise((resolve) => setTimeout(resolve, 2000))]);
    if (endedHere) {
      errorBox.hidden = true;
    }
    show('ended', 'Ended. The conversation appears once the agent\u2019s worker forwards it.');
    callButton.disabled = false;
    callButton.textContent = 'Call again';
  };

  const start = async () => {
    errorBox.hidden = true;
    callButton.disabled = true;
    ended = false;
    connected = false;
    hungUp = false;
    show('connecting', 'Asking for your microphone\u2026');
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      stream.getTracks().forEach((track) => track.stop());
    } catch (denied) {
      show('idle', 'Ready.');
      fail('The microphone is blocked. Allow it for this site in the browser, then start the call again.');
      callButton.disabled = false;
      return;
    }
    show('connecting', 'Starting the session\u2026');
    let session;
    try {
      const answer = await fetch(root.dataset.start, {
        method: 'POST', headers: { 'X-CSRF-Token': csrf, Accept: 'application/json' },
      });
      session = await answer.json();
      if (!answer.ok) {
        throw new Error(session.error || 'The session could not be started.');
      }
    } catch (refused) {
      show('idle', 'Ready.');
      fail(refused.message);
      callButton.disabled = false;
      return;
    }
    endHref = session.end_href;
    sessionLink.href = session.session_href;
    sessionLink.hidden = false;
    hangupButton.disabled = false;
    show('connecting', 'Connecting to ' + session.agent_name + '\u2026');
    room = new Room();
    room.on(RoomEvent.TrackSubscribed, (track) => {
      if (track.kind === Track.Kind.Audio) {
        const element = track.attach();
        element.hidden = true;
        root.appendChild(element);
      }
    });
    room.on(RoomEvent.ActiveSpeakersChanged, (speakers) => {
      const agentSpeaks = speakers.some((speaker) => speaker.identity !== room.localParticipant.identity);
      if (stateBox.dataset.state === 'connected' || stateBox.dataset.state === 'speaking') {
        show(agentSpeaks ? 'speaking' : 'connected', agentSpeaks ? 'Agent speaking' : 'Connected \u2014 speak when you like.');
      }
    });
    room.on(RoomEvent.Disconnected, () => {
      // the room ended or the connection was lost after it was up; a failed connect is handled below
      if (connected && !hungUp) {
        hangUp();
      }
    });
    try {
      await room.connect(session.livekit_url, session.token);
      connected = true;
      await room.localParticipant.setMicrophoneEnabled(true);
      show('connected', 'Connected \u2014 speak when you like.');
    } catch (unreachable) {
      if (hungUp) {
        return;
      }
      fail('Could not connect to LiveKit: ' + (unreachable && unreachable.message ? unreachable.message : unreachable)
        + '. Hang up to end the session, or try again.');
      show('failed', 'Not connected.');
    }
  };

  callButton.addEventListener('click', start);
  hangupButton.addEventListener('click', hangUp);
  // Leaving the page leaves the room; LiveKit then closes it and its webhook ends the session.
  window.addEventListener('pagehide', () => {
    if (room) {
      room.disconnect();
    }
  });
})();
