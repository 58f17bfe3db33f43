// The conversation page: the transcript follows the audio, and a click (or Enter) on a turn plays from it.
// Turns carry their start and end seconds as data attributes; turns without times cannot be followed.

const audio = document.getElementById('audio');
const transcript = document.getElementById('transcript');
const turns = transcript ? [...transcript.querySelectorAll('.turn')] : [];
const starts = turns.map((turn) => Number.parseFloat(turn.dataset.start));
const timed = starts.some((start) => Number.isFinite(start));
const follow = document.getElementById('follow');
let current = null;

function turnAt(seconds) {
  let found = null;
  for (let i = 0; i < turns.length; i += 1) {
    if (Number.isFinite(starts[i]) && starts[i] <= seconds + 0.05) found = turns[i];
  }
  return found;
}

function mark(turn, scroll) {
  if (turn === current) return;
  current?.classList.remove('current');
  current?.removeAttribute('aria-current');
  current = turn;
  if (!turn) return;
  turn.classList.add('current');
  turn.setAttribute('aria-current', 'true');
  if (scroll && (!follow || follow.checked)) turn.scrollIntoView({ block: 'center', behavior: 'smooth' });
}

function seek(turn) {
  const start = Number.parseFloat(turn.dataset.start);
  if (!audio || !Number.isFinite(start)) return;
  audio.currentTime = start;
  mark(turn, false);
  audio.play().catch(() => {});
}

if (audio && timed) {
  audio.addEventListener('timeupdate', () => mark(turnAt(audio.currentTime), !audio.paused));
  audio.addEventListener('seeked', () => mark(turnAt(audio.currentTime), true));
}

for (const turn of turns) {
  turn.addEventListener('click', (event) => {
    if (window.getSelection()?.toString()) return; // selecting text, not seeking
    if (event.target instanceof Element && event.target.closest('a')) return;
    seek(turn);
  });
  turn.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      seek(turn);
    }
  });
}

document.getElementById('speed')?.addEventListener('change', (event) => {
  if (audio) audio.playbackRate = Number.parseFloat(event.target.value);
});

// Open at the turn the URL names (#turn-N), else at the first search hit; position the player there too.
function opening() {
  const named = window.location.hash.match(/^#turn-(\d+)$/);
  if (named) return document.getElementById(`turn-${named[1]}`);
  const first = Number.parseInt(transcript?.dataset.firstHit ?? '-1', 10);
  return first >= 0 ? document.getElementById(`turn-${first}`) : null;
}

const start = opening();
if (start) {
  start.scrollIntoView({ block: 'center' });
  start.focus({ preventScroll: true });
  const at = Number.parseFloat(start.dataset.start);
  if (audio && Number.isFinite(at)) {
    const place = () => { audio.currentTime = at; mark(start, false); };
    if (audio.readyState >= 1) place(); else audio.addEventListener('loadedmetadata', place, { once: true });
  }
}
