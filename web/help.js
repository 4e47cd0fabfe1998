// help.js — the first-run tour (three steps, each pointing at a part of the screen), the
// keyboard-shortcut sheet and the About panel with every source and its date.
'use strict';

(function (page) {
  const TOUR_KEY = 'pactscope.tour.v1';

  // ---- dialogs ---------------------------------------------------------------------------------
  function showDialog(id) {
    const d = document.getElementById(id);
    if (!d.open) d.showModal();
  }
  for (const d of document.querySelectorAll('dialog')) d.addEventListener('close', () => page.canvas.focus());
  page.commands.shortcuts = () => showDialog('shortcuts');
  page.commands.about = () => {
    const list = document.getElementById('about-sources');
    list.textContent = '';
    for (const s of window.pactscope.sources()) {
      const li = document.createElement('li');
      const date = document.createElement('span');
      date.className = 'date';
      date.textContent = s.date || 'undated';
      li.append(date);
      if (/^https?:\/\//.test(s.url)) {
        const a = document.createElement('a');
        a.href = s.url;
        a.target = '_blank';
        a.rel = 'noopener noreferrer';
        a.textContent = s.title;
        li.append(a);
      } else {
        li.append(document.createTextNode(s.title));
      }
      const id = document.createElement('code');
      id.textContent = s.id;
      li.append(' ', id);
      list.append(li);
    }
    showDialog('about');
  };

  // ---- the tour --------------------------------------------------------------------------------
  const steps = [
    { title: 'Pick a deal', spot: ['preset_combo'],
      text: 'Start from a shipped scenario: the Microsoft–OpenAI partnership from Azure exclusivity (2019) through the right of first refusal and the $250B commitment to the non-exclusive licence (2026). The timeline below shows which clause is in force when.' },
    { title: 'Change the fine print', spot: ['section:clauses', 'section:providers', 'section:workloads', 'section:policy'],
      text: 'Edit any clause, price, power limit or demand assumption. Drag a number, or click it and type: 50B, $1.5k, 35%, 1.2 GW, or "a to b" for an uncertain range (the ~ button does it for you). Results follow as you drag; Ctrl+Z undoes a whole edit.' },
    { title: 'Read what it does', spot: ['tab:Overview', 'tab:Capacity & power', 'tab:Uncertainty', 'tab:Money', 'tab:Compare', 'tab:Sweep', 'tab:Story', 'mc_progress'],
      text: 'Cost, stranded commitments, demand served and each party\'s money, with Monte Carlo P10–P90 ranges. Pin a scenario to compare (and see what changed), sweep an assumption to find break-evens, see every era side by side in Story, and use File to download CSV and charts or to copy a share link.' },
  ];
  const tour = document.getElementById('tour');
  const spot = document.getElementById('tour-spot');
  let step = 0;
  function placeSpot() {
    const items = window.pactscope.items();
    const rects = steps[step].spot.map((n) => items[n]).filter(Boolean);
    if (!rects.length) { spot.hidden = true; return; }
    const x0 = Math.min(...rects.map((r) => r.x)), y0 = Math.min(...rects.map((r) => r.y));
    const x1 = Math.max(...rects.map((r) => r.x + r.w)), y1 = Math.max(...rects.map((r) => r.y + r.h));
    Object.assign(spot.style, { left: x0 - 6 + 'px', top: y0 - 6 + 'px', width: x1 - x0 + 12 + 'px', height: y1 - y0 + 12 + 'px' });
    spot.hidden = false;
  }
  function show(i) {
    step = i;
    document.getElementById('tour-step').textContent = `Step ${i + 1} of ${steps.length}`;
    document.getElementById('tour-title').textContent = steps[i].title;
    document.getElementById('tour-text').textContent = steps[i].text;
    document.getElementById('tour-back').disabled = i === 0;
    document.getElementById('tour-next').textContent = i === steps.length - 1 ? 'Start' : 'Next';
    tour.hidden = false;
    placeSpot();
    document.getElementById('tour-next').focus();
  }
  function finish() {
    tour.hidden = true;
    try { localStorage.setItem(TOUR_KEY, 'done'); } catch (_) { /* private mode: shown again next time */ }
    page.canvas.focus();
  }
  document.getElementById('tour-next').addEventListener('click', () => (step + 1 < steps.length ? show(step + 1) : finish()));
  document.getElementById('tour-back').addEventListener('click', () => show(Math.max(0, step - 1)));
  document.getElementById('tour-skip').addEventListener('click', finish);
  tour.addEventListener('keydown', (e) => { if (e.key === 'Escape') finish(); });
  // The app lays itself out again on the frames after a resize (window.pactscope.items() reports the
  // last frame), so the spotlight follows for a while rather than once.
  let followUntil = 0;
  function follow() {
    if (tour.hidden || performance.now() > followUntil) return;
    placeSpot();
    requestAnimationFrame(follow);
  }
  window.addEventListener('resize', () => {
    if (tour.hidden) return;
    page.wake();
    const idle = performance.now() > followUntil;
    followUntil = performance.now() + 1500;
    if (idle) requestAnimationFrame(follow);
  });
  page.commands.tour = () => show(0);

  page.startup.push(() => {
    let seen = null;
    try { seen = localStorage.getItem(TOUR_KEY); } catch (_) { /* no storage: show it */ }
    if (!seen) show(0);
  });
})(window.PactScopePage);
