// Check-off for a runbook page. The page is the printed checklist and works without this
// script; with it, each step is checked off with its UTC time and initials, the observed result
// is typed next to the expected one, and the record is kept in this browser's localStorage per
// runbook, target and incident id. Stored values are data: they reach the page only as text
// (textContent, value), never as markup. The record itself (reading, completeness, export) is
// runbook-record.js, loaded first. Classic scripts, not modules: the site has no bundler and
// must work opened from disk, where Chromium loads no module script.
(() => {
  const article = document.querySelector('article.runbook');
  const R = globalThis.tierbookRunbookRecord;
  if (!article || !R) return;
  const rb = {
    id: article.dataset.runbook || '',
    target: article.dataset.target || '',
    confirm: article.dataset.confirm || '',
    hash: article.dataset.hash || '',
    cluster: article.dataset.cluster || '',
    version: article.dataset.version || '',
    title: article.dataset.title || '',
  };
  const scope = `${rb.id}|${rb.target}`;
  const CURRENT_KEY = `tierbook-runbook-incident|${scope}`;
  const INITIALS_KEY = 'tierbook-runbook-initials';
  const recordKey = (incident) => `tierbook-runbook|${scope}|${incident}`;
  const store = {
    get(key) {
      try {
        return localStorage.getItem(key);
      } catch {
        return null;
      }
    },
    set(key, value) {
      try {
        localStorage.setItem(key, value);
      } catch {}
    },
    remove(key) {
      try {
        localStorage.removeItem(key);
      } catch {}
    },
  };
  const byId = (id) => document.getElementById(id);
  const el = (tag, props = {}, children = []) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(props)) {
      if (k === 'text') node.textContent = v;
      else if (k === 'className') node.className = v;
      else node.setAttribute(k, v);
    }
    for (const child of children) node.append(child);
    return node;
  };
  const utcNow = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  const str = (v) => (typeof v === 'string' ? v : '');

  const steps = [...article.querySelectorAll('.rb-step')].map((node) => ({
    node,
    id: node.dataset.step || '',
    number: Number(node.dataset.number),
    title: node.dataset.title || '',
    pause: node.dataset.kind === 'pause',
    ponr: node.hasAttribute('data-point-of-no-return'),
    verify: node.querySelector('.rb-results') !== null,
    items: [...node.querySelectorAll('.rb-checks li')],
    checks: node.querySelectorAll('.rb-checks li').length,
    expected: node.querySelector('.rb-expected')?.textContent ?? null,
    controls: {},
  }));

  const load = (incident) => R.readRecord(store.get(recordKey(incident)), incident, steps, rb.hash);

  const initials = (() => {
    try {
      const saved = JSON.parse(store.get(INITIALS_KEY) || '{}');
      return { doer: str(saved.doer), verifier: str(saved.verifier) };
    } catch {
      return { doer: '', verifier: '' };
    }
  })();
  const params = new URLSearchParams(location.search);
  let incident = (params.get('incident') || store.get(CURRENT_KEY) || R.incidentAt(new Date())).trim();
  let record = load(incident);

  const stepState = (step) => {
    record.steps[step.id] ??= R.blankStep();
    return record.steps[step.id];
  };
  const complete = (step) => R.isComplete(step, record);
  function save() {
    store.set(
      recordKey(incident),
      JSON.stringify({ format: 'tierbook-runbook-record/1', runbook: rb.id, target: rb.target, ...record }),
    );
    store.set(CURRENT_KEY, incident);
  }
  function log(step, event, by, detail = '') {
    record.timeline.push({
      at: utcNow(),
      step: step.id,
      number: step.number,
      title: step.title,
      event,
      by,
      detail,
    });
  }
  function say(text) {
    byId('rb-status').textContent = text;
  }
  function who(role) {
    const value = initials[role].trim();
    if (!value) say(`Enter the ${role}'s initials first (at the top of the page).`);
    return value;
  }

  // The controls each step gets on screen (hidden when printed).
  for (const step of steps) {
    const box = el('div', { className: 'rb-live rb-controls' });
    const c = step.controls;
    if (step.pause) {
      c.checks = step.items.map((item, i) => {
        const input = el('input', {
          type: 'checkbox',
          class: 'rb-live rb-check-input',
          'aria-label': item.textContent,
        });
        input.addEventListener('change', () => {
          const s = stepState(step);
          const by = who('doer');
          if (input.checked && !by) return render();
          if (input.checked) s.checks[i] = { at: utcNow(), by };
          else delete s.checks[i];
          log(step, input.checked ? 'checked' : 'unchecked', by, item.textContent || '');
          save();
          render();
        });
        item.prepend(input);
        return input;
      });
    } else {
      if (step.ponr) {
        c.confirmText = el('input', {
          type: 'text',
          class: 'rb-confirm-text',
          autocomplete: 'off',
          spellcheck: 'false',
        });
        c.confirm = el('button', {
          type: 'button',
          class: 'rb-confirm',
          text: 'Pass the point of no return',
        });
        c.confirmText.addEventListener('input', () => render());
        c.confirm.addEventListener('click', () => {
          if (c.confirmText.value.trim() !== rb.confirm) return;
          const by = who('doer');
          if (!by) return;
          stepState(step).done = { at: utcNow(), by };
          log(step, 'point of no return passed', by, `confirmed by typing ${rb.confirm}`);
          c.confirmText.value = '';
          save();
          render();
        });
        box.append(
          el('label', { className: 'rb-confirm-label' }, [
            'Point of no return: type ',
            el('code', { text: rb.confirm }),
            ' to confirm ',
            c.confirmText,
          ]),
          c.confirm,
        );
      }
      c.done = el('input', {
        type: 'checkbox',
        class: 'rb-done-input',
        'aria-label': `Step ${step.number} done`,
      });
      c.done.addEventListener('change', () => {
        const s = stepState(step);
        // A point of no return is passed with its confirmation, never with a tick.
        if (c.done.checked && step.ponr) return render();
        const by = who('doer');
        if (c.done.checked && !by) return render();
        s.done = c.done.checked ? { at: utcNow(), by } : null;
        if (!c.done.checked) s.verified = null;
        log(step, c.done.checked ? 'done' : 'undone', by);
        save();
        render();
      });
      box.append(el('label', { className: 'rb-done-label' }, [c.done, ' Done']));
      if (step.verify) {
        c.verified = el('input', {
          type: 'checkbox',
          class: 'rb-verified-input',
          'aria-label': `Step ${step.number} verified`,
        });
        c.verified.addEventListener('change', () => {
          const s = stepState(step);
          const by = who('verifier');
          if (c.verified.checked && !by) return render();
          s.verified = c.verified.checked ? { at: utcNow(), by } : null;
          log(step, c.verified.checked ? 'verified' : 'unverified', by, s.observed);
          save();
          render();
        });
        box.append(
          el('label', { className: 'rb-verified-label' }, [c.verified, ' Verified (result read back)']),
        );
        c.observed = el('textarea', {
          class: 'rb-live rb-observed-input',
          rows: '3',
          'aria-label': `Observed result of step ${step.number}`,
        });
        c.observed.addEventListener('input', () => {
          stepState(step).observed = c.observed.value;
          save();
        });
        c.observed.addEventListener('change', () => {
          log(step, 'observed', initials.doer.trim(), c.observed.value);
          save();
          render();
        });
        step.node.querySelector('.rb-observed')?.append(c.observed);
      }
    }
    c.blocked = el('p', { className: 'rb-live rb-blocked-note' });
    step.node.querySelector('.rb-step-head')?.after(c.blocked);
    step.node.append(box);
  }

  /** Everything shown from the record, as text. */
  function render() {
    article.dataset.incident = incident;
    byId('rb-incident').value = incident;
    const shown = article.querySelector('[data-field="incident"]');
    if (shown) shown.textContent = incident;
    const first = R.firstIncomplete(steps, record);
    steps.forEach((step, index) => {
      const s = record.steps[step.id] || R.blankStep();
      const c = step.controls;
      const blocked = first !== -1 && index > first;
      step.node.classList.toggle('rb-blocked', blocked);
      step.node.classList.toggle('rb-current', index === first);
      step.node.classList.toggle('rb-complete', complete(step));
      const waitFor = steps[first];
      c.blocked.textContent =
        blocked && waitFor
          ? `Blocked: step ${waitFor.number} (${waitFor.title}) is not ${waitFor.pause ? 'checked off' : 'verified'} yet.`
          : '';
      const checkTimes = Object.values(s.checks)
        .map((m) => m.at)
        .sort();
      const cell = (field, value) => {
        const td = step.node.querySelector(`.rb-sign [data-field="${field}"]`);
        if (td) td.textContent = value;
      };
      if (step.pause) {
        const all = step.items.every((_, i) => s.checks[i]);
        cell('time', all ? checkTimes[checkTimes.length - 1] || '' : '');
        cell('doer', all ? [...new Set(Object.values(s.checks).map((m) => m.by))].join(', ') : '');
        cell('verifier', '');
        c.checks.forEach((input, i) => {
          input.checked = Boolean(s.checks[i]);
          input.disabled = blocked;
          step.items[i].toggleAttribute('data-checked', input.checked);
        });
        return;
      }
      cell('time', s.done ? s.done.at : '');
      cell('doer', s.done ? s.done.by : '');
      cell('verifier', s.verified ? s.verified.by : '');
      c.done.checked = s.done !== null;
      c.done.disabled = blocked || (step.ponr && s.done === null);
      if (c.confirm) {
        c.confirmText.disabled = blocked || s.done !== null;
        c.confirm.disabled = blocked || s.done !== null || c.confirmText.value.trim() !== rb.confirm;
      }
      if (c.verified) {
        c.verified.checked = s.verified !== null;
        c.verified.disabled = blocked || s.done === null;
        if (document.activeElement !== c.observed) c.observed.value = s.observed;
        c.observed.disabled = blocked;
        const box = step.node.querySelector('.rb-box[data-field="observed"]');
        if (box) box.textContent = s.observed;
      }
    });
    const list = byId('rb-timeline-list');
    list.replaceChildren(
      ...record.timeline.map((e) =>
        el('li', {
          text: `${e.at} · step ${e.number} ${e.title} · ${e.event}${e.by ? ` · ${e.by}` : ''}${e.detail ? ` · ${e.detail}` : ''}`,
        }),
      ),
    );
    if (record.hash !== rb.hash) {
      say(
        `This record was made with runbook hash ${record.hash}; this page is hash ${rb.hash}: the steps may differ.`,
      );
    }
  }

  // The timeline for the post-incident review.
  const exported = () => R.timeline(rb, record, steps, utcNow());
  function download(text, type, extension) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const a = el('a', { href: url, download: `${incident}.${rb.id}.timeline.${extension}` });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  document.documentElement.classList.add('rb-js');
  // The panel follows the runbook's title and facts.
  const panel = document.querySelector('.rb-panel');
  if (panel) article.querySelector('.rb-head')?.after(panel);
  for (const node of document.querySelectorAll('.rb-live[hidden]')) node.hidden = false;
  byId('rb-doer').value = initials.doer;
  byId('rb-verifier').value = initials.verifier;
  for (const role of ['doer', 'verifier']) {
    byId(`rb-${role}`).addEventListener('input', (event) => {
      initials[role] = event.target.value;
      store.set(INITIALS_KEY, JSON.stringify(initials));
    });
  }
  byId('rb-incident').addEventListener('change', (event) => {
    incident = event.target.value.trim() || R.incidentAt(new Date());
    record = load(incident);
    store.set(CURRENT_KEY, incident);
    showInUrl();
    say(`Incident ${incident}: ${record.timeline.length} entries recorded in this browser.`);
    render();
  });
  byId('rb-export-md').addEventListener('click', () =>
    download(R.timelineMarkdown(exported()), 'text/markdown', 'md'),
  );
  byId('rb-export-json').addEventListener('click', () =>
    download(`${JSON.stringify(exported(), null, 2)}\n`, 'application/json', 'json'),
  );
  // Reset asks twice: the second click within 5 s erases this incident's record.
  const reset = byId('rb-reset');
  let armed = null;
  reset.addEventListener('click', () => {
    if (armed === null) {
      reset.textContent = `Click again to erase ${incident}`;
      armed = setTimeout(() => {
        armed = null;
        reset.textContent = 'Reset this incident';
      }, 5000);
      return;
    }
    clearTimeout(armed);
    armed = null;
    reset.textContent = 'Reset this incident';
    store.remove(recordKey(incident));
    record = load(incident);
    say(`The record of ${incident} was erased from this browser.`);
    render();
  });
  // The incident in the URL: a reload or a shared link opens the same record. No record is
  // written until something is checked.
  function showInUrl() {
    history.replaceState(null, '', `?incident=${encodeURIComponent(incident)}${location.hash}`);
  }
  store.set(CURRENT_KEY, incident);
  showInUrl();
  render();
})();
