// The placement preview webview. It only renders the model the extension posts (previewModel.ts):
// node tiles per DaemonSet grouped by zone or role, and the rollout as wave columns with a
// step/play control. No framework, no remote content, no innerHTML: text goes in as text.
// @ts-check
(function () {
  const vscode = acquireVsCodeApi();
  const root = /** @type {HTMLElement} */ (document.getElementById('root'));
  const saved = vscode.getState() || {};
  /** @type {Record<string, number>} rollout step per DaemonSet key (0 = before the rollout) */
  const steps = saved.steps || {};
  /** @type {any} */
  let model = null;
  let message = '';
  let appliedFocus = saved.appliedFocus || 0;
  /** The document shown (a URI string), kept so the panel comes back on it after a reload. */
  let documentUri = typeof saved.uri === 'string' ? saved.uri : undefined;
  /** @type {{ key: string, timer: number } | null} */
  let playing = null;
  const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;

  window.addEventListener('message', (event) => {
    const data = event.data;
    if (data && typeof data === 'object' && data.type === 'cluster' && typeof data.text === 'string') {
      // Only the cluster line (a live snapshot's age): no redraw, so hover and focus stay.
      if (model) model.cluster = data.text;
      const line = root.querySelector('.cluster-name');
      if (line) line.textContent = data.text;
      return;
    }
    if (!data || typeof data !== 'object' || data.type !== 'update') return; // unknown messages are ignored
    model = data.model || null;
    message = typeof data.message === 'string' ? data.message : '';
    const uri = typeof data.uri === 'string' ? data.uri : undefined;
    if (uri !== documentUri) {
      documentUri = uri;
      save();
    }
    render();
    const focus = data.focus;
    if (focus && typeof focus.token === 'number' && focus.token !== appliedFocus) {
      appliedFocus = focus.token;
      save();
      const section = document.querySelector(`section.daemonset[data-key="${CSS.escape(String(focus.key))}"]`);
      if (section instanceof HTMLElement) {
        section.scrollIntoView({ block: 'start', behavior: reduceMotion ? 'auto' : 'smooth' });
        const heading = section.querySelector('h2 button');
        if (heading instanceof HTMLElement) heading.focus({ preventScroll: true });
      }
    }
  });

  function save() {
    // Read back by previewState.ts when VS Code restores the panel.
    vscode.setState({ steps, appliedFocus, uri: documentUri });
  }

  /**
   * @param {string} tag
   * @param {Record<string, string>} [attrs]
   * @param {(Node | string | null | undefined)[]} [children]
   */
  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) node.setAttribute(name, value);
    for (const child of children || []) if (child !== null && child !== undefined) node.append(child);
    return node;
  }

  function render() {
    const focusId = document.activeElement instanceof HTMLElement ? document.activeElement.dataset.fid : undefined;
    root.replaceChildren();
    if (model === null || model.daemonsets.length === 0) {
      if (model !== null) root.append(header());
      for (const problem of (model && model.problems) || []) root.append(el('p', { class: 'problem' }, [problem]));
      root.append(el('p', { class: 'message' }, [message || 'Nothing to show.']));
    } else {
      root.append(header());
      if (model.problems.length > 0) root.append(el('ul', { class: 'problems' }, model.problems.map((p) => el('li', {}, [p]))));
      for (const ds of model.daemonsets) root.append(daemonSet(ds));
    }
    if (focusId) {
      const again = root.querySelector(`[data-fid="${CSS.escape(focusId)}"]`);
      if (again instanceof HTMLElement) again.focus({ preventScroll: true });
    }
  }

  function header() {
    return el('header', {}, [
      el('h1', {}, [model.fileName || 'Placement preview']),
      // aria-live off: the age of a live snapshot changes every second and is not worth announcing.
      el('p', { class: 'cluster' }, ['Cluster: ', el('span', { class: 'cluster-name', 'aria-live': 'off' }, [model.cluster])]),
    ]);
  }

  /** @param {any} ds */
  function daemonSet(ds) {
    const id = `ds-${ds.key.replace(/[^A-Za-z0-9_-]/g, '_')}`;
    const reveal = el('button', { class: 'link', title: 'Show this DaemonSet in the editor', 'data-fid': `${ds.key}/reveal` }, [ds.name]);
    reveal.addEventListener('click', () => vscode.postMessage({ type: 'reveal', name: ds.name, namespace: ds.namespace }));
    const step = Math.min(steps[ds.key] || 0, ds.timeline.waves.length);
    const waveOf = new Map();
    ds.timeline.waves.forEach((/** @type {string[]} */ nodes, /** @type {number} */ i) => nodes.forEach((n) => waveOf.set(n, i + 1)));
    return el('section', { class: 'daemonset', 'data-key': ds.key, 'aria-labelledby': id }, [
      el('h2', { id }, [reveal, el('span', { class: 'namespace' }, [ds.namespace])]),
      el('p', { class: 'summary' }, [ds.summary]),
      ds.overhead ? el('p', { class: 'overhead' }, [ds.overhead]) : null,
      ds.impact ? el('p', { class: ds.impact.rollout ? 'impact rollout' : 'impact' }, [ds.impact.text]) : null,
      legend(ds.counts),
      el('div', { class: 'groups' }, ds.groups.map((/** @type {any} */ g) => group(ds, g, waveOf, step))),
      timeline(ds, step),
    ]);
  }

  /** @param {{runs: number, pending: number, skipped: number}} counts */
  function legend(counts) {
    return el('p', { class: 'legend' }, [
      el('span', { class: 'chip runs' }, [`${counts.runs} runs`]),
      el('span', { class: 'chip pending' }, [`${counts.pending} pending`]),
      el('span', { class: 'chip skipped' }, [`${counts.skipped} skipped`]),
    ]);
  }

  /**
   * @param {any} ds
   * @param {{ title: string, tiles: any[] }} g
   * @param {Map<string, number>} waveOf
   * @param {number} step
   */
  function group(ds, g, waveOf, step) {
    const runs = g.tiles.filter((t) => t.placement === 'runs').length;
    return el('div', { class: 'group' }, [
      el('h3', {}, [g.title, el('span', { class: 'count' }, [`${runs}/${g.tiles.length}`])]),
      el('ul', { class: 'tiles', role: 'list' }, g.tiles.map((t) => tile(ds, t, waveOf.get(t.node), step))),
    ]);
  }

  /**
   * @param {any} ds
   * @param {{ node: string, placement: string, reason: string | null, tooltip: string }} t
   * @param {number | undefined} wave
   * @param {number} step
   */
  function tile(ds, t, wave, step) {
    const classes = ['tile', t.placement];
    let rollout = '';
    if (wave !== undefined && step > 0) {
      if (wave < step) rollout = 'updated';
      else if (wave === step) rollout = 'being replaced';
      if (rollout !== '') classes.push(wave < step ? 'updated' : 'replacing');
    }
    const label = [`${t.node}: ${t.placement}`, t.reason ? `(${t.reason})` : '', rollout ? `, ${rollout}` : ''].join(' ');
    return el('li', { class: classes.join(' '), tabindex: '0', title: t.tooltip, 'aria-label': `${label}. ${t.tooltip}`, 'data-fid': `${ds.key}/tile/${t.node}` }, [
      el('span', { class: 'node' }, [t.node]),
      el('span', { class: 'reason' }, [t.reason || t.placement]),
    ]);
  }

  /** @param {any} ds @param {number} step */
  function timeline(ds, step) {
    const tl = ds.timeline;
    const heading = el('h3', {}, ['Rollout', el('span', { class: 'strategy' }, [tl.strategy])]);
    if (tl.note) return el('div', { class: 'timeline' }, [heading, el('p', { class: 'note' }, [tl.note])]);
    const n = tl.waves.length;
    const controls = el('div', { class: 'controls', role: 'group', 'aria-label': `Rollout of ${ds.name}` }, [
      button('Back', 'Previous step of the rollout', `${ds.key}/prev`, step === 0, () => setStep(ds.key, step - 1, n)),
      button(playing && playing.key === ds.key ? 'Pause' : 'Play', playing && playing.key === ds.key ? 'Pause' : 'Play the rollout wave by wave', `${ds.key}/play`, n === 0, () => togglePlay(ds.key, n)),
      button('Next', 'Next step of the rollout', `${ds.key}/next`, step >= n, () => setStep(ds.key, step + 1, n)),
      el('span', { class: 'step', 'aria-live': 'polite' }, [step === 0 ? `Before the rollout · ${n} ${n === 1 ? 'wave' : 'waves'}` : `Wave ${step} of ${n}`]),
      tl.duration ? el('span', { class: 'duration' }, [`Estimated ${tl.duration}`]) : null,
    ]);
    const columns = tl.waves.map((/** @type {string[]} */ nodes, /** @type {number} */ i) => {
      const state = i + 1 < step ? 'done' : i + 1 === step ? 'current' : 'todo';
      return el('li', { class: `wave ${state}`, 'aria-current': state === 'current' ? 'step' : 'false' }, [
        el('h4', {}, [`Wave ${i + 1}`]),
        el('ul', { role: 'list' }, nodes.map((node) => el('li', {}, [node]))),
      ]);
    });
    if (tl.stall) {
      columns.push(
        el('li', { class: 'wave stall' }, [
          el('h4', {}, ['Stalls']),
          el('p', { class: 'stall-reason' }, [tl.stall.reason]),
          el('ul', { role: 'list' }, tl.stall.nodes.map((/** @type {string} */ node) => el('li', {}, [node]))),
        ]),
      );
    }
    return el('div', { class: 'timeline' }, [heading, el('p', { class: 'summary' }, [tl.summary]), controls, el('ol', { class: 'waves' }, columns)]);
  }

  /**
   * @param {string} text @param {string} label @param {string} fid @param {boolean} disabled @param {() => void} onClick
   */
  function button(text, label, fid, disabled, onClick) {
    const b = el('button', { 'aria-label': label, title: label, 'data-fid': fid }, [text]);
    if (disabled) b.setAttribute('disabled', '');
    b.addEventListener('click', onClick);
    return b;
  }

  /** @param {string} key @param {number} step @param {number} n */
  function setStep(key, step, n) {
    steps[key] = Math.max(0, Math.min(step, n));
    save();
    render();
  }

  /** @param {string} key @param {number} n */
  function togglePlay(key, n) {
    if (playing) {
      clearInterval(playing.timer);
      const was = playing.key;
      playing = null;
      if (was === key) return render();
    }
    if ((steps[key] || 0) >= n) steps[key] = 0;
    const timer = window.setInterval(() => {
      const next = (steps[key] || 0) + 1;
      if (next > n) {
        clearInterval(timer);
        playing = null;
        render();
        return;
      }
      setStep(key, next, n);
    }, reduceMotion ? 1500 : 900);
    playing = { key, timer };
    render();
  }

  // Arrow keys move between the tiles of one DaemonSet (Tab moves between DaemonSets and controls).
  root.addEventListener('keydown', (event) => {
    const tile = event.target instanceof HTMLElement ? event.target.closest('li.tile') : null;
    if (!tile || !['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp', 'Home', 'End'].includes(event.key)) return;
    const section = tile.closest('section.daemonset');
    const tiles = section ? [...section.querySelectorAll('li.tile')] : [];
    const at = tiles.indexOf(tile);
    const next = event.key === 'Home' ? 0 : event.key === 'End' ? tiles.length - 1 : event.key === 'ArrowRight' || event.key === 'ArrowDown' ? at + 1 : at - 1;
    const target = tiles[Math.max(0, Math.min(next, tiles.length - 1))];
    if (target instanceof HTMLElement) {
      target.focus();
      event.preventDefault();
    }
  });

  vscode.postMessage({ type: 'ready' });
})();
