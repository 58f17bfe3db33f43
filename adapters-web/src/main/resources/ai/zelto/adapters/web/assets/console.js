// Progressive enhancement for every console page. Pages work without it; this adds local times, keyboard
// navigation through the list (j/k, Enter, /), and the CSRF header on htmx requests.

const csrf = document.querySelector('meta[name="csrf-token"]')?.content ?? '';

document.body.addEventListener('htmx:configRequest', (event) => {
  event.detail.headers['X-CSRF-Token'] = csrf;
});

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function localTimes(root) {
  for (const time of root.querySelectorAll('time[datetime]')) {
    const at = new Date(time.dateTime);
    if (!Number.isNaN(at.getTime())) {
      time.title = time.dateTime;
      time.textContent = timeFormat.format(at);
    }
  }
}

function rows() {
  return [...document.querySelectorAll('[data-keyboard-list] tbody tr')];
}

function select(index) {
  const all = rows();
  if (all.length === 0) return;
  const bounded = Math.max(0, Math.min(all.length - 1, index));
  all.forEach((row, i) => row.classList.toggle('selected', i === bounded));
  const link = all[bounded].querySelector('a.row-link');
  link?.focus({ preventScroll: true });
  all[bounded].scrollIntoView({ block: 'nearest' });
}

function typing(target) {
  return target instanceof HTMLElement
      && (target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName));
}

document.addEventListener('keydown', (event) => {
  if (event.metaKey || event.ctrlKey || event.altKey || typing(event.target)) return;
  const all = rows();
  const current = all.findIndex((row) => row.classList.contains('selected'));
  if (event.key === 'j' && all.length) {
    event.preventDefault();
    select(current + 1);
  } else if (event.key === 'k' && all.length) {
    event.preventDefault();
    select(current < 0 ? 0 : current - 1);
  } else if (event.key === 'Enter' && current >= 0 && !(event.target instanceof HTMLAnchorElement)) {
    all[current].querySelector('a.row-link')?.click();
  } else if (event.key === '/') {
    const search = document.getElementById('q');
    if (search) {
      event.preventDefault();
      search.focus();
      search.select();
    }
  } else if (event.key === 'n' || event.key === 'p') {
    document.querySelector(`[data-key="${event.key}"]`)?.click();
  }
});

document.addEventListener('click', (event) => {
  const row = event.target instanceof Element ? event.target.closest('[data-keyboard-list] tbody tr') : null;
  if (row && !(event.target instanceof Element && event.target.closest('a, button, input, select'))) {
    row.querySelector('a.row-link')?.click();
  }
});

document.body.addEventListener('htmx:afterSwap', (event) => localTimes(event.target));
localTimes(document);
