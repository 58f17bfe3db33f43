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

// Copy buttons: data-copy names the element whose text is copied.
document.addEventListener('click', async (event) => {
  const button = event.target instanceof Element ? event.target.closest('[data-copy]') : null;
  if (!button) return;
  const source = document.querySelector(button.dataset.copy);
  if (!source) return;
  try {
    await navigator.clipboard.writeText(source.textContent.trim());
    const label = button.textContent;
    button.textContent = 'Copied';
    setTimeout(() => { button.textContent = label; }, 1500);
  } catch {
    window.getSelection()?.selectAllChildren(source);
  }
});

// Forms that undo something ask first; the server does not depend on it.
document.addEventListener('submit', (event) => {
  const form = event.target;
  if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
    event.preventDefault();
  }
});

// A role select submits its form when changed; its button stays for keyboards and browsers without scripts.
document.addEventListener('change', (event) => {
  const select = event.target;
  if (select instanceof HTMLSelectElement && select.hasAttribute('data-autosubmit')) {
    select.form?.requestSubmit();
  }
});

// On a phone the filters start folded unless one is set; the search box stays.
const filters = document.querySelector('details.more-filters');
if (filters && window.matchMedia('(max-width: 720px)').matches
    && ![...filters.querySelectorAll('input, select')].some((field) => field.value)) {
  filters.open = false;
}

document.body.addEventListener('htmx:afterSwap', (event) => localTimes(event.target));
localTimes(document);
