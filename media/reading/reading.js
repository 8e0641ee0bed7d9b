// Chinese Reader: the reading view's script. The extension renders every line as escaped
// HTML (src/core/reading); this script only places it, reports scrolling and clicks, and
// moves the keyboard focus word by word. Line N of the document is the Nth `.ln` element;
// the lines sit in blocks of BLOCK lines that the browser skips while they are off screen
// (content-visibility), so a 5 MB novel costs layout only where it is read.
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

  const save = (patch) => {
    state = Object.assign({}, state, patch);
    vscode.setState(state);
  };
  const post = (message) => vscode.postMessage(message);

  const BLOCK = 256;
  /** The most lines one request for the lines on and near the screen covers. */
  const NEAR_LIMIT = 600;

  /** The element of line `index`, or undefined. */
  function lineAt(index) {
    let i = index;
    for (const block of doc.children) {
      const n = block.childElementCount;
      if (i < n) return block.children[i];
      i -= n;
    }
    return undefined;
  }

  function lineCount() {
    let n = 0;
    for (const block of doc.children) n += block.childElementCount;
    return n;
  }

  function nextLine(el) {
    if (el.nextElementSibling) return el.nextElementSibling;
    for (let b = el.parentElement.nextElementSibling; b; b = b.nextElementSibling) if (b.firstElementChild) return b.firstElementChild;
    return null;
  }

  function previousLine(el) {
    if (el.previousElementSibling) return el.previousElementSibling;
    for (let b = el.parentElement.previousElementSibling; b; b = b.previousElementSibling) if (b.lastElementChild) return b.lastElementChild;
    return null;
  }

  /** Blocks of BLOCK lines, each with a height guessed from its text until it is laid out once. */
  function blocksOf(lines) {
    const perRow = Math.max(8, Math.floor(doc.clientWidth / (parseFloat(getComputedStyle(doc).fontSize) || 16)));
    const rowHeight = (parseFloat(getComputedStyle(doc).fontSize) || 16) * 2.4;
    const fragment = document.createDocumentFragment();
    for (let i = 0; i < lines.length; i += BLOCK) {
      const chunk = lines.slice(i, i + BLOCK);
      const block = document.createElement('section');
      block.className = 'blk';
      block.innerHTML = chunk.join('');
      let height = 0;
      for (const html of chunk) height += html.includes('blank') ? rowHeight / 4 : Math.ceil(Math.max(1, html.length - 30) / perRow) * rowHeight;
      block.style.containIntrinsicSize = `auto ${Math.round(height)}px`;
      fragment.appendChild(block);
    }
    return fragment;
  }

  function parse(html) {
    const template = document.createElement('template');
    template.innerHTML = html;
    return template.content;
  }

  function lineOf(element) {
    const ln = element && element.closest ? element.closest('#doc .ln') : null;
    if (!ln) return -1;
    let base = 0;
    for (const block of doc.children) {
      if (block === ln.parentElement) return base + Array.prototype.indexOf.call(block.children, ln);
      base += block.childElementCount;
    }
    return -1;
  }

  /**
   * An element's top in page coordinates. Not offsetTop: each block's content-visibility
   * contains its layout, which makes the block its lines' offsetParent.
   */
  function pageTop(el) {
    return el.getBoundingClientRect().top + window.scrollY;
  }

  /** Index of the first line whose bottom is below the top of the viewport: the block, then the line in it. */
  function topLine() {
    const top = window.scrollY + bar.offsetHeight;
    let base = 0;
    for (const block of doc.children) {
      const rect = block.getBoundingClientRect();
      if (rect.bottom + window.scrollY > top && block.childElementCount) {
        const lines = block.children;
        let lo = 0;
        let hi = lines.length - 1;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (lines[mid].getBoundingClientRect().bottom + window.scrollY <= top) lo = mid + 1;
          else hi = mid;
        }
        return base + lo;
      }
      base += block.childElementCount;
    }
    return Math.max(0, base - 1);
  }

  /** Asks the extension to read the pending lines on and near the screen. */
  function requestVisible() {
    const first = topLine();
    const from = Math.max(0, first - 40);
    let el = lineAt(from);
    if (!el) return;
    const bottom = window.scrollY + window.innerHeight;
    let i = from;
    let pending = false;
    let after = 0;
    // Bounded: a screen holds far fewer lines than NEAR_LIMIT, however short they are.
    for (; el && after <= 40 && i - from < NEAR_LIMIT; el = nextLine(el), i++) {
      if (el.classList.contains('pending')) pending = true;
      if (i > first && pageTop(el) >= bottom) after++;
    }
    if (pending) post({ type: 'need', from, to: i, version });
  }

  function scrollToLine(line) {
    const el = lineAt(Math.max(0, Math.min(line, lineCount() - 1)));
    if (!el) return;
    syncedTop = line;
    window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - bar.offsetHeight);
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
    const old = lineAt(index);
    if (!old) return;
    const wasCurrent = current && old.contains(current) ? Number(current.dataset.s) : undefined;
    const fresh = parse(html).firstElementChild;
    if (!fresh) return;
    old.replaceWith(fresh);
    if (wasCurrent !== undefined) setCurrent(fresh.querySelector(`.w[data-s="${wasCurrent}"]`), false);
  }

  /** Replaces `deleteCount` lines from `start` with `lines`; a block left empty goes (its guessed height with it). */
  function splice(start, deleteCount, lines) {
    let el = lineAt(start);
    for (let i = 0; i < deleteCount && el; i++) {
      const next = nextLine(el);
      if (current && el.contains(current)) current = undefined;
      const block = el.parentElement;
      el.remove();
      if (!block.firstElementChild) block.remove();
      el = next;
    }
    const fresh = parse(lines.join(''));
    if (el) el.parentElement.insertBefore(fresh, el);
    else {
      let last = doc.lastElementChild;
      if (!last) {
        last = document.createElement('section');
        last.className = 'blk';
        doc.appendChild(last);
      }
      last.appendChild(fresh);
    }
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
      for (let el = lineAt(topLine()); el; el = nextLine(el)) {
        const words = wordsOf(el);
        if (words.length) return setCurrent(words[0], true);
      }
      return;
    }
    let line = current.closest('.ln');
    const words = Array.from(wordsOf(line));
    const at = words.indexOf(current) + step;
    if (at >= 0 && at < words.length) return setCurrent(words[at], true);
    for (line = step > 0 ? nextLine(line) : previousLine(line); line; line = step > 0 ? nextLine(line) : previousLine(line)) {
      const next = wordsOf(line);
      if (next.length) return setCurrent(step > 0 ? next[0] : next[next.length - 1], true);
    }
  }

  /** The first word of the next (or previous) line with words. */
  function moveLine(step) {
    const from = current ? current.closest('.ln') : lineAt(topLine());
    for (let line = from && (step > 0 ? nextLine(from) : previousLine(from)); line; line = step > 0 ? nextLine(line) : previousLine(line)) {
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
        applyLook(m.look);
        doc.replaceChildren(blocksOf(m.lines));
        scrollToLine(m.line);
        save({ uri: m.uri, line: m.line });
        requestVisible();
        post({ type: 'rendered', lines: lineCount(), version });
        break;
      case 'lines':
        if (m.version !== version) return;
        for (const [line, html] of m.items) replaceLine(line, html);
        post({ type: 'rendered', lines: lineCount(), version });
        break;
      case 'splice':
        version = m.version;
        splice(m.start, m.deleteCount, m.lines);
        requestVisible();
        post({ type: 'rendered', lines: lineCount(), version });
        break;
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
