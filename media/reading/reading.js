// Chinese Reader: the reading view's script. The extension renders every line as escaped
// HTML (src/core/reading); this script only places it, reports scrolling and clicks, and
// moves the keyboard focus word by word. Line N of the document is the Nth `.ln` element;
// the lines sit in blocks of BLOCK lines that the browser skips while they are off screen
// (content-visibility), so a 5 MB novel costs layout only where it is read.
(function () {
  'use strict';
  // User Timing marks, from which test/e2e/reading.test.mjs prints where the time to open goes.
  performance.mark('reading:script');
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
  /** A filled block that edits grew past this many lines is split, so off-screen skipping stays fine-grained. */
  const SPLIT_AT = 4 * BLOCK;

  /**
   * The document is a column of blocks. A filled block holds its lines' elements; a hole
   * (`.hole`, `data-n` lines) holds none yet and only takes their guessed height, until it
   * comes near the screen and the extension sends its lines. So a 5 MB novel costs the DOM
   * of what was read, not of the whole text.
   */
  const isHole = (block) => block.classList.contains('hole');
  const sizeOf = (block) => (isHole(block) ? Number(block.dataset.n) : block.childElementCount);

  /** The block holding line `index` and the line's offset in it, or undefined past the end. */
  function locate(index) {
    let i = index;
    for (const block of doc.children) {
      const n = sizeOf(block);
      if (i < n) return { block, offset: i };
      i -= n;
    }
    return undefined;
  }

  /** The element of line `index`: undefined past the end or in a hole. */
  function lineAt(index) {
    const at = locate(index);
    return at && !isHole(at.block) ? at.block.children[at.offset] : undefined;
  }

  function lineCount() {
    let n = 0;
    for (const block of doc.children) n += sizeOf(block);
    return n;
  }

  /** The index of a block's first line. */
  function baseOf(target) {
    let base = 0;
    for (const block of doc.children) {
      if (block === target) return base;
      base += sizeOf(block);
    }
    return -1;
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

  function metrics() {
    const fontSize = parseFloat(getComputedStyle(doc).fontSize) || 16;
    return { perRow: Math.max(8, Math.floor(doc.clientWidth / fontSize)), rowHeight: fontSize * 2.4 };
  }

  /** A guess at the height of lines of these lengths: rows of one character per em, ruby on each row. */
  function guessHeight(lengths, m) {
    let height = 0;
    for (const length of lengths) height += length === 0 ? m.rowHeight / 4 : Math.ceil(length / m.perRow) * m.rowHeight;
    return Math.round(height);
  }

  function hole(lengths, m) {
    const block = document.createElement('section');
    block.className = 'blk hole';
    block.dataset.n = String(lengths.length);
    block.style.height = `${guessHeight(lengths, m)}px`;
    return block;
  }

  function filled(fragment, height) {
    const block = document.createElement('section');
    block.className = 'blk';
    block.appendChild(fragment);
    // Until the browser has laid it out once, an off-screen block takes this height.
    block.style.containIntrinsicSize = `auto ${height}px`;
    return block;
  }

  /** Fills a hole with its lines' markup. */
  function fill(block, html) {
    const height = parseFloat(block.style.height) || 0;
    block.classList.remove('hole');
    delete block.dataset.n;
    block.style.height = '';
    block.style.containIntrinsicSize = `auto ${Math.round(height)}px`;
    block.appendChild(parse(html));
  }

  /** The blocks for a document of `lengths`, with lines [from, from + lines.length) filled. */
  function blocksOf(lengths, from, lines) {
    const m = metrics();
    const fragment = document.createDocumentFragment();
    const holes = (start, end) => {
      for (let i = start; i < end; i += BLOCK) fragment.appendChild(hole(lengths.slice(i, Math.min(end, i + BLOCK)), m));
    };
    holes(0, from);
    for (let i = 0; i < lines.length; i += BLOCK) {
      fragment.appendChild(filled(parse(lines.slice(i, i + BLOCK).join('')), guessHeight(lengths.slice(from + i, from + i + BLOCK), m)));
    }
    holes(from + lines.length, lengths.length);
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
    const base = baseOf(ln.parentElement);
    return base < 0 ? -1 : base + Array.prototype.indexOf.call(ln.parentElement.children, ln);
  }

  /**
   * The blocks whose box meets [top, bottom] (page coordinates), with their first lines.
   * Positions come from getBoundingClientRect, not offsetTop: each block's content-visibility
   * contains its layout, which makes the block its lines' offsetParent.
   */
  function blocksIn(top, bottom) {
    const found = [];
    let base = 0;
    for (const block of doc.children) {
      const rect = block.getBoundingClientRect();
      const blockTop = rect.top + window.scrollY;
      if (blockTop > bottom) break;
      if (blockTop + rect.height > top) found.push({ block, base, top: blockTop, height: rect.height });
      base += sizeOf(block);
    }
    return found;
  }

  /** Index of the first line whose bottom is below the top of the viewport (in a hole: by proportion). */
  function topLine() {
    const top = window.scrollY + bar.offsetHeight;
    const [first] = blocksIn(top, top);
    if (!first) return Math.max(0, lineCount() - 1);
    const { block, base } = first;
    const n = sizeOf(block);
    if (isHole(block)) return base + Math.min(n - 1, Math.floor((n * (top - first.top)) / Math.max(1, first.height)));
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

  /** Ranges asked for in this version: a reply an edit overtook is dropped, and asked again after it. */
  let asked = new Set();

  /** Asks the extension for the blocks on and near the screen (a screen's height either side) that are holes or hold plain lines. */
  function requestVisible() {
    const margin = window.innerHeight;
    for (const { block, base } of blocksIn(window.scrollY - margin, window.scrollY + 2 * margin)) {
      if (!isHole(block) && !block.querySelector('.pending')) continue;
      const n = sizeOf(block);
      const key = `${base}:${n}`;
      if (n === 0 || asked.has(key)) continue;
      asked.add(key);
      post({ type: 'need', from: base, to: base + n - 1, version });
    }
  }

  /** Lines [from, from + lines.length) from the extension: holes are filled, shown lines replaced. */
  function applyRange(from, lines) {
    let at = locate(from);
    let i = 0;
    while (at && i < lines.length) {
      const { block, offset } = at;
      const n = sizeOf(block);
      if (isHole(block)) {
        // A hole is filled whole or not at all (the view asks for whole blocks).
        if (offset === 0 && n <= lines.length - i) fill(block, lines.slice(i, i + n).join(''));
        i += n - offset;
      } else {
        for (let k = offset; k < n && i < lines.length; k++, i++) replaceLine(block.children[k], lines[i]);
      }
      const next = block.nextElementSibling;
      at = next ? { block: next, offset: 0 } : undefined;
    }
  }

  /** The line the extension asked to show, while it is in a hole: the view scrolls there again once it is filled. */
  let wantTop = -1;
  /** Where our own last scroll put the page: its scroll event is not a user's. */
  let ownScrollY = -1;

  function scrollToLine(line) {
    const target = Math.max(0, Math.min(line, lineCount() - 1));
    const at = locate(target);
    if (!at) return;
    syncedTop = line;
    let y;
    if (isHole(at.block)) {
      const rect = at.block.getBoundingClientRect();
      y = rect.top + window.scrollY + (rect.height * at.offset) / Math.max(1, sizeOf(at.block));
      wantTop = line;
    } else {
      y = at.block.children[at.offset].getBoundingClientRect().top + window.scrollY;
      wantTop = -1;
    }
    window.scrollTo(0, y - bar.offsetHeight);
    ownScrollY = window.scrollY;
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

  function replaceLine(old, html) {
    if (!old) return;
    const wasCurrent = current && old.contains(current) ? Number(current.dataset.s) : undefined;
    const fresh = parse(html).firstElementChild;
    if (!fresh) return;
    old.replaceWith(fresh);
    if (wasCurrent !== undefined) setCurrent(fresh.querySelector(`.w[data-s="${wasCurrent}"]`), false);
  }

  /**
   * Replaces `deleteCount` lines from `start` with `lines`. Lines deleted from a hole only
   * shrink it; lines inserted into one only grow it (they are asked for when it comes near
   * the screen). A block left empty goes.
   */
  function splice(start, deleteCount, lines) {
    let left = deleteCount;
    let at = locate(start);
    while (left > 0 && at) {
      const { block, offset } = at;
      const next = block.nextElementSibling;
      if (isHole(block)) {
        const n = sizeOf(block);
        const k = Math.min(left, n - offset);
        const height = parseFloat(block.style.height) || 0;
        block.dataset.n = String(n - k);
        block.style.height = `${Math.round((height * (n - k)) / Math.max(1, n))}px`;
        left -= k;
      } else {
        while (left > 0 && block.children[offset]) {
          if (current && block.children[offset].contains(current)) current = undefined;
          block.children[offset].remove();
          left--;
        }
      }
      if (sizeOf(block) === 0) block.remove();
      // The rest of the deletion starts at the next block's first line.
      at = left > 0 && next ? { block: next, offset: 0 } : undefined;
    }
    if (!lines.length) return;
    at = locate(start);
    let target;
    if (at && isHole(at.block) && at.offset > 0) {
      // Inside a hole: the lines join it, unseen.
      const n = sizeOf(at.block);
      const height = parseFloat(at.block.style.height) || 0;
      at.block.dataset.n = String(n + lines.length);
      at.block.style.height = `${Math.round((height * (n + lines.length)) / Math.max(1, n))}px`;
      splitHole(at.block);
      return;
    }
    if (at && !isHole(at.block)) {
      target = at.block;
      target.insertBefore(parse(lines.join('')), target.children[at.offset] || null);
    } else {
      // At a hole's start or past the end: the previous block takes them if it is filled.
      const before = at ? at.block.previousElementSibling : doc.lastElementChild;
      if (before && !isHole(before)) {
        target = before;
        target.appendChild(parse(lines.join('')));
      } else {
        target = filled(parse(lines.join('')), 0);
        doc.insertBefore(target, at ? at.block : null);
      }
    }
    if (target.childElementCount > SPLIT_AT) split(target);
  }

  /**
   * Splits a hole that a paste grew past BLOCK lines into holes of BLOCK lines, so that each
   * can be asked for and filled whole (the extension answers at most 2000 lines at a time).
   */
  function splitHole(block) {
    let n = sizeOf(block);
    if (n <= BLOCK) return;
    const perLine = (parseFloat(block.style.height) || 0) / n;
    while (n > BLOCK) {
      const tail = document.createElement('section');
      tail.className = 'blk hole';
      tail.dataset.n = String(BLOCK);
      tail.style.height = `${Math.round(perLine * BLOCK)}px`;
      block.after(tail);
      n -= BLOCK;
    }
    block.dataset.n = String(n);
    block.style.height = `${Math.round(perLine * n)}px`;
  }

  /** Splits a grown filled block into blocks of BLOCK lines. */
  function split(block) {
    const height = block.getBoundingClientRect().height;
    const n = block.childElementCount;
    while (block.childElementCount > BLOCK) {
      const tail = document.createElement('section');
      tail.className = 'blk';
      const moved = Array.prototype.slice.call(block.children, block.childElementCount - BLOCK);
      for (const el of moved) tail.appendChild(el);
      tail.style.containIntrinsicSize = `auto ${Math.round((height * BLOCK) / n)}px`;
      block.after(tail);
    }
  }

  /** Tells the extension how many lines the page has, and how many of them it holds as elements. */
  function reportRendered() {
    let held = 0;
    for (const block of doc.children) if (!isHole(block)) held += block.childElementCount;
    post({ type: 'rendered', lines: lineCount(), held, version });
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
        asked = new Set();
        hideCard();
        current = undefined;
        applyLook(m.look);
        doc.replaceChildren(blocksOf(m.lengths, m.from, m.lines));
        scrollToLine(m.line);
        performance.clearMarks('reading:init');
        performance.mark('reading:init');
        save({ uri: m.uri, line: m.line });
        requestVisible();
        reportRendered();
        break;
      case 'range':
        if (m.version !== version) return;
        applyRange(m.from, m.lines);
        if (wantTop >= 0) scrollToLine(wantTop);
        requestVisible();
        reportRendered();
        break;
      case 'lines':
        if (m.version !== version) return;
        for (const [line, html] of m.items) replaceLine(lineAt(line), html);
        reportRendered();
        break;
      case 'splice':
        version = m.version;
        asked = new Set();
        splice(m.start, m.deleteCount, m.lines);
        requestVisible();
        reportRendered();
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
      requestVisible();
      // Our own scroll (to a line the editor showed) is not sent back; a user's is.
      if (ownScrollY >= 0 && Math.abs(window.scrollY - ownScrollY) < 1) return;
      ownScrollY = -1;
      wantTop = -1;
      const line = topLine();
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
