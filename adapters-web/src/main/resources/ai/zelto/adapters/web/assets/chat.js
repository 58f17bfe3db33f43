// Chat with a text agent: sends each message with Accept: text/event-stream and writes the reply into the page
// as it streams (delta events, then message; or error). Without this script the form posts and the page reloads.
(() => {
  const root = document.querySelector('[data-chat]');
  const form = root && root.querySelector('[data-composer]');
  if (!form || !window.fetch || !window.TextDecoder) {
    return;
  }
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  const log = root.querySelector('[data-log]');
  const errorBox = root.querySelector('[data-error]');
  const text = form.querySelector('textarea');
  const send = form.querySelector('[data-send]');
  const agent = form.dataset.agent;

  const bubble = (role, speaker, body) => {
    const item = document.createElement('li');
    item.className = 'turn turn-' + role;
    const meta = document.createElement('div');
    meta.className = 'turn-meta';
    const who = document.createElement('span');
    who.className = 'speaker';
    who.textContent = speaker;
    meta.append(who);
    const words = document.createElement('p');
    words.className = 'turn-text';
    words.textContent = body;
    item.append(meta, words);
    log.append(item);
    item.scrollIntoView({ block: 'nearest' });
    return { item, meta, words };
  };
  const stamp = (meta, iso, time) => {
    const when = document.createElement('time');
    when.className = 'offset';
    when.dateTime = iso;
    when.textContent = time;
    meta.append(when);
  };
  const fail = (message) => {
    errorBox.textContent = message;
    errorBox.hidden = false;
  };

  const submit = async () => {
    const message = text.value.trim();
    if (!message || send.disabled) {
      return;
    }
    errorBox.hidden = true;
    const empty = root.querySelector('[data-empty]');
    if (empty) {
      empty.remove();
    }
    const mine = bubble('user', 'You', message);
    text.value = '';
    send.disabled = true;
    const reply = bubble('assistant', agent, '');
    reply.item.classList.add('typing');
    reply.item.setAttribute('aria-busy', 'true');
    try {
      const answer = await fetch(form.action, {
        method: 'POST',
        headers: {
          'X-CSRF-Token': csrf,
          Accept: 'text/event-stream',
          'Content-Type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ text: message }),
      });
      if (!answer.ok || !answer.body) {
        const body = await answer.json().catch(() => ({}));
        reply.item.remove();
        mine.item.remove();
        text.value = message;
        fail(body.error || 'The message was not sent (' + answer.status + ').');
        return;
      }
      const reader = answer.body.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) {
          break;
        }
        buffer += decoder.decode(value, { stream: true });
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let name = 'message';
          const data = [];
          block.split('\n').forEach((line) => {
            if (line.startsWith('event:')) name = line.slice(6).trim();
            else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
          });
          const payload = JSON.parse(data.join('\n') || '{}');
          if (name === 'delta') {
            reply.item.classList.remove('typing');
            reply.words.textContent += payload.text;
            reply.item.scrollIntoView({ block: 'nearest' });
          } else if (name === 'message') {
            reply.words.textContent = payload.text;
            stamp(reply.meta, payload.iso, payload.time);
          } else if (name === 'error') {
            reply.item.remove();
            fail(payload.error);
          }
        }
      }
    } catch (unreachable) {
      reply.item.remove();
      fail('The reply could not be read; your message is kept. Reload the page to see the chat as it is.');
    } finally {
      reply.item.classList.remove('typing');
      reply.item.removeAttribute('aria-busy');
      send.disabled = false;
      text.focus();
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit();
  });
  text.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      submit();
    }
  });
})();
