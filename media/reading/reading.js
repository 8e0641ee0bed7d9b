// Chinese Reader: the reading view's script. The extension renders every line as escaped
// HTML (src/core/reading); this script only places it, reports scrolling and clicks, and
// moves the keyboard focus word by word. Line N of the document is child N of #doc.
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();
  const doc = document.getElementById('doc');
  const card = document.getElementById('card');
  const bar = document.getElementById('bar');
  const glossButton = document.getElementById('toggle-gloss');
  const scriptButton = document.getElementById('toggle-script');
  const exportButton = document.getElementById('export');

  /** Persisted across reloads (and by the extension's serializer). */
  let state = Object.assign({ gloss: undefined, script: 'original', line: 0 }, vscode.getState() || {});
  let version = -1;
  /** The top line the extension last asked for: its echo from our scroll event is not sent back. */
  let syncedTop = -1;
  /** The line whose card is open, and the word's start in it. */
  let cardFor;
  let current;
  let hoverTimer;
  let hideTimer;

  const save = (patch) => {
    state = Object.assign({}, state, patch);
    vscode.setState(state);
  };
  const post = (message) => vscode.postMessage(message);

  function parse(html) {
    const template = document.createElement('template');
    template.innerHTML = html;
    return template.content;
  }

  function lineOf(element) {
    const ln = element && element.closest ? element.closest('#doc > .ln') : null;
    return ln ? Array.prototype.indexOf.call(doc.children, ln) : -1;
  }

  /** Index of the first line whose bottom is below the top of the viewport (binary search over the lines). */
  function topLine() {
    const lines = doc.children;
    const top = window.scrollY + bar.offsetHeight;
    let lo = 0;
    let hi = lines.length - 1;
    if (hi < 0) return 0;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const el = lines[mid];
      if (el.offsetTop + el.offsetHeight <= top) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  function bottomLine(from) {
    const lines = doc.children;
    const bottom = window.scrollY + window.innerHeight;
    let i = from;
    while (i < lines.length - 1 && lines[i].offsetTop < bottom) i++;
    return i;
  }

  /** Asks the extension to read the pending lines on and near the screen. */
  function requestVisible() {
    const lines = doc.children;
    if (lines.length === 0) return;
    const first = topLine();
    const last = bottomLine(first);
    const from = Math.max(0, first - 40);
    const to = Math.min(lines.length - 1, last + 40);
    for (let i = from; i <= to; i++) {
      if (lines[i].classList.contains('pending')) {
        post({ type: 'need', from, to, version });
        return;
      }
    }
  }

  function scrollToLine(line) {
    const el = doc.children[Math.max(0, Math.min(line, doc.children.length - 1))];
    if (!el) return;
    syncedTop = line;
    window.scrollTo(0, el.offsetTop - bar.offsetHeight);
  }

  function applyLook(look) {
    document.body.classList.remove('tones-pleco', 'tones-mdbg', 'tones-none', 'spam-strike', 'spam-hide', 'spam-show');
    document.body.classList.add(`tones-${look.toneColors}`, `spam-${look.spamLines}`);
    const gloss = state.gloss === undefined ? look.gloss : state.gloss;
    document.body.classList.toggle('gloss', gloss);
    glossButton.setAttribute('aria-pressed', String(gloss));
    scriptButton.setAttribute('aria-pressed', String(state.script === 'other'));
    // The document's own editor.fontSize (language-specific settings included); CSSOM, not markup, so the CSP holds.
    if (look.fontSize) document.documentElement.style.setProperty('--rv-font-size', `${look.fontSize}px`);
  }

  function replaceLine(index, html) {
    const old = doc.children[index];
    if (!old) return;
    const wasCurrent = current && old.contains(current) ? Number(current.dataset.s) : undefined;
    const fresh = parse(html).firstElementChild;
    if (!fresh) return;
    old.replaceWith(fresh);
    if (wasCurrent !== undefined) setCurrent(fresh.querySelector(`.w[data-s="${wasCurrent}"]`), false);
  }

  function setCurrent(word, scroll) {
    if (current) {
      current.classList.remove('cur');
      current.removeAttribute('tabindex');
    }
    current = word || undefined;
    if (!current) return;
    current.classList.add('cur');
    current.setAttribute('tabindex', '0');
    current.focus({ preventScroll: true });
    if (scroll) current.scrollIntoView({ block: 'nearest' });
  }

  function wordsOf(line) {
    return line ? line.querySelectorAll('.w') : [];
  }

  /** The word `step` words away from the current one (arrows), across lines. */
  function moveWord(step) {
    if (!current) {
      const first = doc.children[topLine()];
      for (let el = first; el; el = el.nextElementSibling) {
        const words = wordsOf(el);
        if (words.length) return setCurrent(words[0], true);
      }
      return;
    }
    let line = current.closest('.ln');
    const words = Array.from(wordsOf(line));
    const at = words.indexOf(current) + step;
    if (at >= 0 && at < words.length) return setCurrent(words[at], true);
    for (line = step > 0 ? line.nextElementSibling : line.previousElementSibling; line; line = step > 0 ? line.nextElementSibling : line.previousElementSibling) {
      const next = wordsOf(line);
      if (next.length) return setCurrent(step > 0 ? next[0] : next[next.length - 1], true);
    }
  }

  /** The first word of the next (or previous) line with words. */
  function moveLine(step) {
    const from = current ? current.closest('.ln') : doc.children[topLine()];
    for (let line = from && (step > 0 ? from.nextElementSibling : from.previousElementSibling); line; line = step > 0 ? line.nextElementSibling : line.previousElementSibling) {
      const words = wordsOf(line);
      if (words.length) return setCurrent(words[0], true);
    }
  }

  function openCard(word) {
    const line = lineOf(word);
    if (line < 0) return;
    cardFor = { line, start: Number(word.dataset.s), word };
    post({ type: 'card', line, start: cardFor.start, version });
  }

  function showCard(message) {
    if (!cardFor || cardFor.line !== message.line || cardFor.start !== message.start) return;
    card.innerHTML = message.html;
    card.hidden = false;
    const rect = cardFor.word.getBoundingClientRect();
    const left = Math.max(8, Math.min(window.scrollX + rect.left, window.scrollX + window.innerWidth - card.offsetWidth - 8));
    let top = window.scrollY + rect.bottom + 4;
    if (rect.bottom + card.offsetHeight + 8 > window.innerHeight && rect.top > card.offsetHeight + 8) top = window.scrollY + rect.top - card.offsetHeight - 4;
    card.style.left = `${left}px`;
    card.style.top = `${top}px`;
  }

  function hideCard() {
    card.hidden = true;
    cardFor = undefined;
  }

  window.addEventListener('message', (event) => {
    const m = event.data;
    switch (m.type) {
      case 'init':
        version = m.version;
        hideCard();
        current = undefined;
        doc.innerHTML = m.html;
        applyLook(m.look);
        scrollToLine(m.line);
        save({ uri: m.uri, line: m.line });
        requestVisible();
        post({ type: 'rendered', lines: doc.children.length, version });
        break;
      case 'lines':
        if (m.version !== version) return;
        for (const [line, html] of m.items) replaceLine(line, html);
        post({ type: 'rendered', lines: doc.children.length, version });
        break;
      case 'splice': {
        version = m.version;
        for (let i = 0; i < m.deleteCount && doc.children[m.start]; i++) {
          if (current && doc.children[m.start].contains(current)) current = undefined;
          doc.children[m.start].remove();
        }
        doc.insertBefore(parse(m.html), doc.children[m.start] || null);
        requestVisible();
        post({ type: 'rendered', lines: doc.children.length, version });
        break;
      }
      case 'scrollTo':
        scrollToLine(m.line);
        save({ line: m.line });
        requestVisible();
        break;
      case 'look':
        applyLook(m.look);
        break;
      case 'card':
        showCard(m);
        break;
    }
  });

  let scrollQueued = false;
  window.addEventListener('scroll', () => {
    if (scrollQueued) return;
    scrollQueued = true;
    requestAnimationFrame(() => {
      scrollQueued = false;
      const line = topLine();
      requestVisible();
      if (line === syncedTop) return;
      syncedTop = line;
      save({ line });
      post({ type: 'scrolled', line });
    });
  });

  doc.addEventListener('click', (event) => {
    const word = event.target.closest('.w');
    if (word) {
      setCurrent(word, false);
      openCard(word);
      return;
    }
    hideCard();
    const line = lineOf(event.target);
    if (line >= 0) post({ type: 'reveal', line });
  });

  doc.addEventListener('mouseover', (event) => {
    const word = event.target.closest('.w');
    clearTimeout(hoverTimer);
    if (!word || (cardFor && cardFor.word === word)) return;
    hoverTimer = setTimeout(() => openCard(word), 500);
  });
  doc.addEventListener('mouseout', () => clearTimeout(hoverTimer));
  card.addEventListener('mouseenter', () => clearTimeout(hideTimer));

  card.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-act]');
    if (!button || !cardFor || button.disabled) return;
    post({ type: 'action', act: button.dataset.act, line: cardFor.line, start: cardFor.start, version });
  });

  document.addEventListener('keydown', (event) => {
    if (event.target && event.target.closest && event.target.closest('#bar, #card')) return;
    switch (event.key) {
      case 'ArrowRight':
        moveWord(1);
        break;
      case 'ArrowLeft':
        moveWord(-1);
        break;
      case 'ArrowDown':
        moveLine(1);
        break;
      case 'ArrowUp':
        moveLine(-1);
        break;
      case 'Enter':
        if (!current) return;
        openCard(current);
        break;
      case 'Escape':
        hideCard();
        return;
      default:
        return;
    }
    event.preventDefault();
  });

  glossButton.addEventListener('click', () => {
    const gloss = !document.body.classList.contains('gloss');
    document.body.classList.toggle('gloss', gloss);
    glossButton.setAttribute('aria-pressed', String(gloss));
    save({ gloss });
    post({ type: 'toggle', gloss, script: state.script });
  });

  scriptButton.addEventListener('click', () => {
    const script = state.script === 'other' ? 'original' : 'other';
    scriptButton.setAttribute('aria-pressed', String(script === 'other'));
    save({ script });
    post({ type: 'toggle', gloss: document.body.classList.contains('gloss'), script });
  });

  exportButton.addEventListener('click', () => post({ type: 'export' }));

  post({ type: 'ready', state });
})();
