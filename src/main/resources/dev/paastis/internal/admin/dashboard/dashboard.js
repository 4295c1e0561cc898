// Paastis admin dashboard: plain browser JavaScript, no build step, no external resources.
// Every text that comes from the server is written with textContent, never as HTML.
"use strict";

(function () {
  const TOKEN_KEY = "paastis.admin.token";
  const EVENT_LIMIT = 30;
  const EVENTS_KEPT = 60;
  const APP_REFRESH_DEBOUNCE_MS = 250;
  const BUSY_POLL_MS = 2000;
  const FULL_REFRESH_MS = 60000;
  const RECONNECT_DELAYS_MS = [1000, 2000, 5000, 10000, 15000];
  const WEEK_SECONDS = 7 * 24 * 3600;
  const BUSY_STATES = ["STARTING", "STOPPING"];
  const SVG_NS = "http://www.w3.org/2000/svg";
  const SAVINGS_ROW_PX = 40;

  const $ = (id) => document.getElementById(id);

  const apps = new Map(); // name -> app object as the API gives it
  const pendingRefresh = new Map(); // name -> timer id
  let clockOffsetMs = 0; // server time minus browser time
  let session = null; // {token, abort: AbortController, timers: interval ids} while signed in

  // ---- the token ----------------------------------------------------------

  class Unauthorized extends Error {}

  const REFUSED = "That token was refused (401). Enter the admin API token again.";

  function storedToken() {
    try {
      return sessionStorage.getItem(TOKEN_KEY);
    } catch (e) {
      return null;
    }
  }

  function storeToken(token) {
    try {
      if (token === null) {
        sessionStorage.removeItem(TOKEN_KEY);
      } else {
        sessionStorage.setItem(TOKEN_KEY, token);
      }
    } catch (e) {
      // storage refused (private mode): the token lives in memory for this page only
    }
  }

  // Shows the token form; keepTyped leaves the token in the field (the server was not reached).
  function showLogin(message, keepTyped) {
    const typed = keepTyped && session ? session.token : "";
    endSession();
    storeToken(null);
    $("dashboard").hidden = true;
    $("sign-out").hidden = true;
    $("live").hidden = true;
    $("login").hidden = false;
    const error = $("login-error");
    error.textContent = message || "";
    error.hidden = !message;
    const input = $("token");
    input.value = typed;
    input.setAttribute("aria-invalid", message ? "true" : "false");
    input.focus();
  }

  function endSession() {
    if (session) {
      session.abort.abort();
      session.timers.forEach((timer) => clearInterval(timer));
      session = null;
    }
    pendingRefresh.forEach((timer) => clearTimeout(timer));
    pendingRefresh.clear();
  }

  async function signIn(token) {
    endSession();
    session = { token: token, abort: new AbortController(), timers: [] };
    const current = session;
    $("login-submit").disabled = true;
    try {
      await loadApps(); // first: the events show the apps' display names
      await loadEvents();
    } catch (e) {
      if (current !== session) {
        return;
      }
      if (e instanceof Unauthorized) {
        showLogin(REFUSED);
      } else {
        showLogin("Could not load the dashboard (" + e.message + "). Try again.", true);
      }
      return;
    } finally {
      $("login-submit").disabled = false;
    }
    storeToken(token);
    $("login").hidden = true;
    $("dashboard").hidden = false;
    $("sign-out").hidden = false;
    $("live").hidden = false;
    current.timers.push(
      setInterval(tick, 1000),
      setInterval(pollBusyApps, BUSY_POLL_MS),
      setInterval(() => loadApps().catch(report), FULL_REFRESH_MS),
      setInterval(() => loadSavings().catch(report), FULL_REFRESH_MS),
    );
    loadSavings().catch(report); // apart: the apps and events show even if it fails
    stream(current, 0);
  }

  // ---- talking to the admin API -------------------------------------------

  // fetch() with the token; a 401 signs out and asks for the token again.
  async function authorized(current, method, path, accept) {
    if (!current) {
      throw new Unauthorized("signed out");
    }
    const response = await fetch(path, {
      method: method,
      headers: { Authorization: "Bearer " + current.token, Accept: accept },
      signal: current.abort.signal,
      cache: "no-store",
    });
    if (response.status === 401) {
      if (current === session) {
        showLogin(REFUSED);
      }
      throw new Unauthorized("401");
    }
    return response;
  }

  async function api(method, path) {
    const response = await authorized(session, method, path, "application/json");
    if (!response.ok) {
      throw new Error(await problemText(response));
    }
    return response.status === 204 ? null : response.json();
  }

  async function problemText(response) {
    try {
      const problem = await response.json();
      return problem.detail || problem.title || "HTTP " + response.status;
    } catch (e) {
      return "HTTP " + response.status;
    }
  }

  function report(error) {
    if (error instanceof Unauthorized || (error && error.name === "AbortError")) {
      return;
    }
    showNotice("Could not refresh the dashboard: " + error.message);
  }

  function showNotice(text) {
    $("notice-text").textContent = text;
    $("notice").hidden = false;
  }

  function hideNotice() {
    $("notice").hidden = true;
    $("notice-text").textContent = "";
  }

  // ---- apps -----------------------------------------------------------------

  async function loadApps() {
    const body = await api("GET", "/api/apps");
    const serverNow = Date.parse(body.now);
    if (!Number.isNaN(serverNow)) {
      clockOffsetMs = serverNow - Date.now();
    }
    const names = new Set();
    for (const app of body.apps) {
      names.add(app.name);
      apps.set(app.name, app);
    }
    for (const name of Array.from(apps.keys())) {
      if (!names.has(name)) {
        apps.delete(name);
      }
    }
    renderApps();
  }

  async function loadApp(name) {
    try {
      apps.set(name, await api("GET", "/api/apps/" + encodeURIComponent(name)));
    } catch (e) {
      if (e instanceof Unauthorized || e.name === "AbortError") {
        return;
      }
      // gone from every provider (404) or not answering: the full list decides
      await loadApps();
      return;
    }
    renderApps();
  }

  function refreshAppSoon(name) {
    clearTimeout(pendingRefresh.get(name));
    pendingRefresh.set(
      name,
      setTimeout(() => {
        pendingRefresh.delete(name);
        loadApp(name).catch(report);
      }, APP_REFRESH_DEBOUNCE_MS),
    );
  }

  function pollBusyApps() {
    apps.forEach((app, name) => {
      if (BUSY_STATES.includes(app.state) && !pendingRefresh.has(name)) {
        refreshAppSoon(name);
      }
    });
  }

  /** POST start or stop, POST pin?for=…, DELETE pin: the app's JSON comes back. */
  async function act(name, action, button, method = "POST", query = "") {
    button.disabled = true;
    hideNotice();
    try {
      const app = await api(
        method,
        "/api/apps/" + encodeURIComponent(name) + "/" + action + query,
      );
      if (app && app.name) {
        apps.set(app.name, app);
      }
      renderApps();
    } catch (e) {
      if (!(e instanceof Unauthorized) && e.name !== "AbortError") {
        showNotice("Could not " + action + " " + displayName(name) + ": " + e.message);
      }
      button.disabled = false;
    }
  }

  function renderApps() {
    const tbody = $("app-rows");
    const names = Array.from(apps.keys()).sort(
      (a, b) => displayName(a).localeCompare(displayName(b)) || a.localeCompare(b),
    );
    const existing = new Map();
    for (const row of Array.from(tbody.children)) {
      const name = row.dataset.app;
      if (apps.has(name)) {
        existing.set(name, row);
      } else {
        row.remove();
      }
    }
    names.forEach((name, index) => {
      const row = existing.get(name) || createRow(name);
      updateRow(row, apps.get(name));
      if (tbody.children[index] !== row) {
        tbody.insertBefore(row, tbody.children[index] || null);
      }
    });
    $("apps-empty").hidden = names.length > 0;
    $("apps").hidden = names.length === 0;
    const running = names.filter((name) => apps.get(name).state === "RUNNING").length;
    $("apps-summary").textContent =
      names.length === 0 ? "" : running + " of " + names.length + " running";
  }

  const COLUMNS = [
    ["name", "App"],
    ["state", "State"],
    ["provider", "Provider"],
    ["region", "Region"],
    ["last", "Last access"],
    ["left", "Why, next change"],
    ["slept", "Slept, 7 days"],
    ["action", ""],
  ];

  function createRow(name) {
    const row = document.createElement("tr");
    row.dataset.app = name;
    for (const [key, label] of COLUMNS) {
      const cell = document.createElement("td");
      cell.className = "col-" + key;
      if (label) {
        cell.dataset.label = label;
      }
      row.appendChild(cell);
    }
    const nameCell = row.querySelector(".col-name");
    nameCell.appendChild(element("span", "app-name", ""));
    nameCell.appendChild(element("span", "app-meta", ""));

    const badge = element("span", "badge", "");
    row.querySelector(".col-state").appendChild(badge);

    const slept = row.querySelector(".col-slept");
    slept.appendChild(element("span", "slept-hours", ""));
    const bar = element("span", "bar", "");
    bar.appendChild(element("span", "bar-fill", ""));
    slept.appendChild(bar);

    const button = element("button", "button act", "");
    button.type = "button";
    button.addEventListener("click", () => {
      const action = button.dataset.action;
      if (action) {
        act(name, action, button);
      }
    });
    const actions = row.querySelector(".col-action");
    actions.appendChild(button);

    // a pin keeps the app awake for the chosen time, whatever its idle time and schedules
    const pinFor = element("select", "pin-for", "");
    pinFor.setAttribute("aria-label", "pin " + name + " for");
    for (const [value, label] of PIN_DURATIONS) {
      const option = element("option", "", label);
      option.value = value;
      option.selected = value === "2h";
      pinFor.appendChild(option);
    }
    const pin = element("button", "button button-quiet pin", "");
    pin.type = "button";
    pin.addEventListener("click", () => {
      if (pin.dataset.pinned === "true") {
        act(name, "pin", pin, "DELETE");
      } else {
        act(name, "pin", pin, "POST", "?for=" + encodeURIComponent(pinFor.value));
      }
    });
    actions.appendChild(pinFor);
    actions.appendChild(pin);
    return row;
  }

  const PIN_DURATIONS = [
    ["1h", "1 h"],
    ["2h", "2 h"],
    ["8h", "8 h"],
    ["1d", "1 day"],
  ];

  /** What each reason of GET /api/apps says, before the time to its next change. */
  const WHY = {
    idle_timer: "sleeps in",
    pin: "pinned",
    keep_awake: "keep awake",
    busy: "busy",
    keep_asleep: "asleep on schedule",
    asleep: "asleep",
    waking: "waking",
    untracked: "not tracked yet",
  };

  function updateRow(row, app) {
    row.querySelector(".app-name").textContent = displayName(app.name);
    const meta = row.querySelector(".app-meta");
    meta.textContent = [
      displayName(app.name) === app.name ? "" : app.name,
      app.tracked ? hostOf(app.url) : "not tracked",
    ]
      .filter((part) => part)
      .join(" · ");
    meta.classList.toggle("untracked", !app.tracked);

    const badge = row.querySelector(".badge");
    badge.textContent = app.state;
    badge.dataset.state = app.state;
    badge.className = "badge badge-" + app.state.toLowerCase();
    badge.title = app.in_flight > 0 ? app.in_flight + " request(s) in flight" : "";

    setText(row.querySelector(".col-provider"), app.provider);
    setText(row.querySelector(".col-region"), app.region);

    const last = row.querySelector(".col-last");
    last.dataset.at = app.last_accessed_at || "";
    last.title = app.last_accessed_at ? new Date(app.last_accessed_at).toLocaleString() : "";

    const left = row.querySelector(".col-left");
    left.dataset.at = app.changes_at || "";
    left.dataset.why = app.why || "";
    left.title = app.max_idle_time_seconds
      ? "Idle limit " + formatDuration(app.max_idle_time_seconds)
      : "";

    const seconds = app.slept_seconds_7d || 0;
    row.querySelector(".slept-hours").textContent = formatHours(seconds);
    row.querySelector(".bar-fill").style.width =
      Math.min(100, (100 * seconds) / WEEK_SECONDS).toFixed(1) + "%";
    row.querySelector(".col-slept").title =
      Math.round((100 * seconds) / WEEK_SECONDS) + "% of the last 7 days";

    const pin = row.querySelector("button.pin");
    const pinned = Boolean(app.pinned_until) && Date.parse(app.pinned_until) > serverNow();
    pin.dataset.pinned = String(pinned);
    pin.textContent = pinned ? "Unpin" : "Pin";
    pin.disabled = false;
    pin.setAttribute("aria-label", (pinned ? "unpin " : "pin ") + app.name);
    pin.title = pinned
      ? "Pinned awake until " + new Date(app.pinned_until).toLocaleString()
      : "Keep it awake for the chosen time, whatever its idle time and schedules";
    row.querySelector(".pin-for").hidden = pinned;

    const button = row.querySelector("button.act");
    const running = app.state === "RUNNING";
    const busy = BUSY_STATES.includes(app.state);
    const action = running ? "stop" : "start";
    button.dataset.action = busy ? "" : action;
    button.textContent = busy
      ? app.state === "STARTING"
        ? "Starting…"
        : "Stopping…"
      : running
        ? "Stop"
        : "Start";
    button.className = "button act " + (running ? "button-danger" : "button-primary");
    button.disabled = busy;
    button.setAttribute("aria-label", (busy ? app.state.toLowerCase() : action) + " " + app.name);
    tickRow(row, serverNow());
  }

  function setText(cell, value) {
    cell.textContent = value === null || value === undefined || value === "" ? "—" : value;
    cell.classList.toggle("none", value === null || value === undefined || value === "");
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    node.className = className;
    node.textContent = text;
    return node;
  }

  // The provider's human name where it differs from the key (Clever Cloud's app ids).
  function displayName(name) {
    const app = apps.get(name);
    return (app && app.display_name) || name;
  }

  function hostOf(url) {
    if (!url) {
      return "";
    }
    try {
      return new URL(url).host;
    } catch (e) {
      return url;
    }
  }

  // ---- time ---------------------------------------------------------------

  function serverNow() {
    return Date.now() + clockOffsetMs;
  }

  function tick() {
    const now = serverNow();
    document.querySelectorAll("#app-rows tr").forEach((row) => tickRow(row, now));
    document.querySelectorAll("#events time").forEach((time) => {
      time.nextSibling.textContent = ago(Date.parse(time.dateTime), now);
    });
  }

  function tickRow(row, now) {
    const last = row.querySelector(".col-last");
    const lastAt = Date.parse(last.dataset.at);
    last.textContent = Number.isNaN(lastAt) ? "—" : ago(lastAt, now);
    last.classList.toggle("none", Number.isNaN(lastAt));

    const left = row.querySelector(".col-left");
    const changesAt = Date.parse(left.dataset.at);
    const why = WHY[left.dataset.why] || "";
    if (Number.isNaN(changesAt)) {
      left.textContent = why || "—";
      left.classList.remove("soon");
    } else {
      const seconds = Math.round((changesAt - now) / 1000);
      left.textContent = (why ? why + " " : "") + (seconds > 0 ? countdown(seconds) : "now");
      left.classList.toggle("soon", seconds <= 60);
    }
    left.classList.toggle("none", !why && Number.isNaN(changesAt));
  }

  function countdown(seconds) {
    const h = Math.floor(seconds / 3600);
    const m = Math.floor((seconds % 3600) / 60);
    const s = seconds % 60;
    if (h > 0) {
      return h + "h " + String(m).padStart(2, "0") + "m";
    }
    return m > 0 ? m + "m " + String(s).padStart(2, "0") + "s" : s + "s";
  }

  function ago(at, now) {
    const seconds = Math.max(0, Math.round((now - at) / 1000));
    if (seconds < 5) {
      return "just now";
    }
    if (seconds < 60) {
      return seconds + "s ago";
    }
    if (seconds < 3600) {
      return Math.floor(seconds / 60) + "m ago";
    }
    if (seconds < 86400) {
      return Math.floor(seconds / 3600) + "h ago";
    }
    return Math.floor(seconds / 86400) + "d ago";
  }

  function formatHours(seconds) {
    if (seconds <= 0) {
      return "0 h";
    }
    const hours = seconds / 3600;
    return hours < 0.1 ? "< 0.1 h" : hours.toFixed(1) + " h";
  }

  function formatDuration(seconds) {
    if (seconds % 3600 === 0) {
      return seconds / 3600 + " h";
    }
    if (seconds % 60 === 0) {
      return seconds / 60 + " min";
    }
    return seconds + " s";
  }

  function clockTime(at) {
    return new Date(at).toLocaleTimeString([], {
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
  }

  // ---- savings: an inline SVG chart, built with DOM calls ------------------

  // Read every minute, not at each event: it reads every app's history, and 30 days move slowly.
  async function loadSavings() {
    renderSavings(await api("GET", "/api/savings"));
  }

  // One group per app: its name, a label (hours asleep, the saving), and a bar as long as the
  // window with the hours awake, then asleep; what is left is time the app was not tracked.
  function renderSavings(body) {
    const windowHours = Math.max(0, (Date.parse(body.until) - Date.parse(body.since)) / 3600000);
    const days = Math.round(windowHours / 24);
    const span =
      windowHours >= 24 ? days + (days === 1 ? " day" : " days") : hoursText(windowHours);
    $("savings-title").textContent = "Savings (" + span + ")";
    const chart = $("savings-chart");
    chart.replaceChildren();
    body.apps.forEach((app, index) => chart.appendChild(savingsBar(app, index, windowHours)));
    chart.setAttribute("height", String(body.apps.length * SAVINGS_ROW_PX));
    $("savings-empty").hidden = body.apps.length > 0;
    $("savings-total").textContent = savingsTotal(body.totals);
  }

  function savingsBar(app, index, windowHours) {
    const group = svg("g", {
      class: "savings-bar",
      transform: "translate(0 " + index * SAVINGS_ROW_PX + ")",
    });
    group.dataset.app = app.app;
    const awake = share(app.hours_awake, windowHours);
    const asleep = Math.min(share(app.hours_asleep, windowHours), 100 - awake);
    const title = svg("title", {});
    title.textContent =
      app.app +
      ": " +
      hoursText(app.hours_awake) +
      " awake, " +
      hoursText(app.hours_asleep) +
      " asleep, " +
      wakesText(app.wakes) +
      (app.cost_per_hour === null ? "" : ", " + app.cost_per_hour + " per hour awake");
    group.appendChild(title);
    group.appendChild(svgText("savings-app", "0", displayName(app.app)));
    const label = svgText("savings-value", "100%", savingsLabel(app));
    label.setAttribute("text-anchor", "end");
    group.appendChild(label);
    group.appendChild(bar("savings-track", 0, 100));
    group.appendChild(bar("savings-awake", 0, awake));
    group.appendChild(bar("savings-asleep", awake, asleep));
    return group;
  }

  function savingsLabel(app) {
    const hours = hoursText(app.hours_asleep) + " asleep";
    return app.saving === null ? hours : hours + " · " + app.saving + " saved";
  }

  function savingsTotal(totals) {
    const hours =
      hoursText(totals.hours_asleep) +
      " asleep, " +
      hoursText(totals.hours_awake) +
      " awake, " +
      wakesText(totals.wakes);
    return totals.saving === null
      ? "Total: " + hours + ". No rule sets a cost per hour: no saving to show."
      : "Total saved: " + totals.saving + " (" + hours + ")";
  }

  // A bar from x to x + width, in percent of the chart's width.
  function bar(className, x, width) {
    return svg("rect", {
      class: className,
      x: x + "%",
      y: "20",
      width: width + "%",
      height: "12",
      rx: className === "savings-track" ? "3" : "0",
    });
  }

  // Percent of the window, to one decimal.
  function share(hours, windowHours) {
    if (!(windowHours > 0)) {
      return 0;
    }
    return Math.min(100, Math.max(0, Math.round((1000 * hours) / windowHours) / 10));
  }

  function wakesText(wakes) {
    return wakes + (wakes === 1 ? " wake" : " wakes");
  }

  function hoursText(hours) {
    return formatHours(Math.round(hours * 3600));
  }

  function svg(tag, attributes) {
    const node = document.createElementNS(SVG_NS, tag);
    Object.entries(attributes).forEach(([name, value]) => node.setAttribute(name, value));
    return node;
  }

  function svgText(className, x, text) {
    const node = svg("text", { class: className, x: x, y: "14" });
    node.textContent = text;
    return node;
  }

  // ---- events ---------------------------------------------------------------

  async function loadEvents() {
    const body = await api("GET", "/api/events?limit=" + EVENT_LIMIT);
    const list = $("events");
    list.replaceChildren();
    body.events.forEach((event) => list.appendChild(eventItem(event)));
    $("events-empty").hidden = body.events.length > 0;
  }

  function prependEvent(event) {
    const list = $("events");
    list.insertBefore(eventItem(event), list.firstChild);
    while (list.children.length > EVENTS_KEPT) {
      list.lastChild.remove();
    }
    $("events-empty").hidden = true;
  }

  function eventItem(event) {
    const item = document.createElement("li");
    item.dataset.type = event.type;
    item.dataset.app = event.app;

    const when = document.createElement("span");
    when.className = "event-when";
    const time = element("time", "", clockTime(event.occurred_at));
    time.dateTime = event.occurred_at;
    time.title = new Date(event.occurred_at).toLocaleString();
    when.appendChild(time);
    when.appendChild(element("span", "event-ago", ago(Date.parse(event.occurred_at), serverNow())));
    item.appendChild(when);

    item.appendChild(element("span", "event-type event-" + eventTone(event.type), label(event)));
    const app = element("span", "event-app", displayName(event.app));
    app.title = event.app;
    item.appendChild(app);
    const details = Object.entries(event.details || {})
      .map(([key, value]) => key + ": " + (typeof value === "object" ? JSON.stringify(value) : value))
      .join(" · ");
    item.appendChild(element("span", "event-details", details));
    return item;
  }

  function label(event) {
    return event.type.replace(/^APP_/, "").replace(/_/g, " ").toLowerCase();
  }

  function eventTone(type) {
    switch (type) {
      case "APP_STARTED":
        return "good";
      case "APP_START_FAILED":
        return "bad";
      case "APP_STARTING":
        return "busy";
      case "APP_STOPPED":
        return "sleep";
      default:
        return "info";
    }
  }

  // ---- the live event stream: fetch() so that the token goes in a header ----

  async function stream(current, attempt) {
    if (current !== session) {
      return;
    }
    setLive(attempt === 0 ? "connecting" : "reconnecting");
    let opened = false;
    try {
      const response = await authorized(current, "GET", "/api/events/stream", "text/event-stream");
      if (!response.ok || !response.body) {
        throw new Error("HTTP " + response.status);
      }
      opened = true;
      setLive("live");
      if (attempt > 0) {
        // events may have been missed while away
        loadApps().then(loadEvents).then(loadSavings).catch(report);
      }
      await readEvents(response.body, onEvent);
    } catch (e) {
      if (e instanceof Unauthorized || e.name === "AbortError" || current !== session) {
        return;
      }
    }
    if (current !== session) {
      return;
    }
    const next = opened ? 1 : attempt + 1;
    const delay = RECONNECT_DELAYS_MS[Math.min(next, RECONNECT_DELAYS_MS.length) - 1];
    setLive("reconnecting");
    setTimeout(() => stream(current, next), delay);
  }

  // text/event-stream: "data:" lines make up an event, a blank line ends it, ":" starts a comment.
  async function readEvents(body, dispatch) {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    let data = [];
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        return;
      }
      buffer += decoder.decode(value, { stream: true });
      const lines = buffer.split(/\r\n|\r|\n/);
      buffer = lines.pop();
      for (const line of lines) {
        if (line === "") {
          if (data.length > 0) {
            dispatch(data.join("\n"));
          }
          data = [];
        } else if (line.startsWith(":")) {
          continue;
        } else if (line.startsWith("data")) {
          const colon = line.indexOf(":");
          let value = colon < 0 ? "" : line.slice(colon + 1);
          if (value.startsWith(" ")) {
            value = value.slice(1);
          }
          if (colon < 0 || colon === 4) {
            data.push(value);
          }
        }
      }
    }
  }

  function onEvent(text) {
    let event;
    try {
      event = JSON.parse(text);
    } catch (e) {
      return;
    }
    if (!event || typeof event.type !== "string" || typeof event.app !== "string") {
      return;
    }
    prependEvent(event);
    refreshAppSoon(event.app);
  }

  function setLive(status) {
    const live = $("live");
    live.dataset.status = status;
    live.textContent =
      status === "live" ? "Live" : status === "connecting" ? "Connecting…" : "Reconnecting…";
  }

  // ---- wiring ---------------------------------------------------------------

  document.addEventListener("DOMContentLoaded", () => {
    $("login-form").addEventListener("submit", (e) => {
      e.preventDefault();
      const token = $("token").value.trim();
      if (token) {
        $("login-error").hidden = true;
        signIn(token);
      }
    });
    $("sign-out").addEventListener("click", () => showLogin(""));
    $("notice-close").addEventListener("click", hideNotice);
    const token = storedToken();
    if (token) {
      signIn(token);
    } else {
      showLogin("");
    }
  });
})();
