// songforge web app: no build step. Task ids live in localStorage, so a refresh resumes
// every unfinished task (and re-sends an unanswered create with its Idempotency-Key)
// instead of ever creating a second one.
"use strict";

const store = {
  get key() { return localStorage.getItem("songforge.key") || ""; },
  set key(value) { localStorage.setItem("songforge.key", value); },
  get token() { return localStorage.getItem("songforge.mt") || ""; },
  set token(value) { localStorage.setItem("songforge.mt", value); },
  get creating() { return JSON.parse(localStorage.getItem("songforge.creating") || "[]"); },
  set creating(list) { localStorage.setItem("songforge.creating", JSON.stringify(list)); },
};
const params = new URLSearchParams(location.search);
const POLL_MS = Number(params.get("poll")) || 5000;
const cards = new Map();
const $ = (selector, root = document) => root.querySelector(selector);

class ApiError extends Error {
  constructor(status, error) {
    super(error.message || `HTTP ${status}`);
    this.status = status;
    this.code = error.code;
    this.requestId = error.request_id;
  }
}

async function api(method, path, body, headers = {}) {
  const response = await fetch(path, {
    method,
    headers: { Authorization: `Bearer ${store.key}`, "Content-Type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(response.status, data.error || {});
  return data;
}

function showError(message) {
  const box = $("#error");
  box.textContent = message;
  box.hidden = !message;
}

function newKey() {
  return "web-" + (crypto.randomUUID ? crypto.randomUUID() : String(Math.random()).slice(2));
}

// ---- cards ----------------------------------------------------------------------------
function cardFor(id) {
  if (cards.has(id)) return cards.get(id);
  const node = $("#card-template").content.firstElementChild.cloneNode(true);
  node.dataset.id = id;
  $("#library").prepend(node);
  cards.set(id, node);
  return node;
}

function render(task, node = cardFor(task.id)) {
  node.dataset.status = task.status;
  node.dataset.action = task.action;
  if (task.title) node.dataset.title = task.title; // a pending task has no title yet; keep the asked one
  $(".card-title", node).textContent = node.dataset.title || (task.action === "LYRICS" ? "Lyrics" : "New song");
  $(".badge", node).textContent = task.cancelled ? "cancelled" : task.status;
  const running = task.status === "pending" || task.status === "processing";
  const progress = $(".progress", node);
  progress.hidden = !running;
  $(".bar span", node).style.width = `${task.progress || 0}%`;
  $(".bar", node).setAttribute("aria-valuenow", String(task.progress || 0));
  $(".stage", node).textContent = `${task.stage || "queued"} · ${task.progress || 0}%`;
  const failure = $(".failure", node);
  failure.hidden = task.status !== "failed";
  if (task.status === "failed") failure.textContent = task.error ? task.error.message : "Failed.";
  const cost = task.cost != null ? `cost $${task.cost}` : task.reserved_amount ? `reserved $${task.reserved_amount}` : "";
  $(".meta", node).textContent = [task.id, task.model, cost].filter(Boolean).join(" · ");
  if (task.status === "completed" && task.action === "LYRICS") {
    const words = $(".words", node);
    words.textContent = task.lyrics || "";
    words.hidden = false;
  }
  // The player appears only for a completed task that has audio.
  if (task.status === "completed" && task.audio_url && !$("audio", node)) player(task, node);
}

function player(task, node) {
  const media = $(".media", node);
  const cover = document.createElement("img");
  cover.src = task.image_url || "";
  cover.alt = `Cover of ${task.title || "the song"}`;
  const right = document.createElement("div");
  const audio = document.createElement("audio");
  audio.controls = true;
  audio.preload = "metadata";
  audio.src = task.audio_url;
  const wave = document.createElement("canvas");
  wave.width = 600; wave.height = 48;
  wave.setAttribute("aria-label", "Waveform; click to seek");
  wave.addEventListener("click", (event) => {
    if (audio.duration) audio.currentTime = audio.duration * (event.offsetX / wave.clientWidth);
  });
  drawWave(task.audio_url, wave);
  const actions = document.createElement("div");
  actions.className = "player-actions";
  const download = document.createElement("a");
  download.href = task.audio_url; download.download = ""; download.textContent = "Download";
  const more = document.createElement("button");
  more.type = "button"; more.className = "secondary"; more.textContent = "Continue from here";
  more.addEventListener("click", () => continueFrom(task, audio.currentTime));
  actions.append(download, more);
  right.append(audio, wave, actions);
  if (task.video_url) {
    const details = document.createElement("details");
    const summary = document.createElement("summary");
    summary.textContent = "Video";
    const video = document.createElement("video");
    video.controls = true; video.preload = "none"; video.src = task.video_url;
    details.append(summary, video);
    right.append(details);
  }
  const timing = (task.metadata && task.metadata.lyrics_timing) || [];
  if (timing.length) right.append(timedLyrics(timing, audio));
  else if (task.lyrics) {
    const words = $(".words", node);
    words.textContent = task.lyrics; words.hidden = false;
  }
  media.classList.toggle("no-cover", !task.image_url);
  media.replaceChildren(...(task.image_url ? [cover, right] : [right]));
}

function timedLyrics(timing, audio) {
  const list = document.createElement("ol");
  list.className = "timed";
  list.setAttribute("aria-label", "Lyrics");
  const items = timing.map((line) => {
    const item = document.createElement("li");
    // Backing vocals are shown as the caller wrote them: in parentheses.
    item.textContent = line.backing ? `(${line.text})` : line.text;
    if (line.backing) item.classList.add("backing");
    item.dataset.start = line.start;
    list.append(item);
    return item;
  });
  audio.addEventListener("timeupdate", () => {
    let current = -1;
    timing.forEach((line, index) => { if (line.start <= audio.currentTime) current = index; });
    items.forEach((item, index) => item.classList.toggle("now", index === current));
  });
  return list;
}

async function drawWave(url, canvas) {
  try {
    const data = await (await fetch(url)).arrayBuffer();
    const context = new (window.AudioContext || window.webkitAudioContext)();
    const buffer = await context.decodeAudioData(data);
    const samples = buffer.getChannelData(0);
    const g = canvas.getContext("2d");
    const step = Math.max(1, Math.floor(samples.length / canvas.width));
    g.fillStyle = "#ff6f91";
    for (let x = 0; x < canvas.width; x++) {
      let peak = 0;
      for (let i = x * step; i < (x + 1) * step && i < samples.length; i++) peak = Math.max(peak, Math.abs(samples[i]));
      const h = Math.max(1, peak * canvas.height);
      g.fillRect(x, (canvas.height - h) / 2, 1, h);
    }
    context.close();
  } catch (error) {
    canvas.hidden = true; // the player still works without the drawing
  }
}

// ---- polling ----------------------------------------------------------------------------
async function follow(task) {
  render(task);
  let current = task;
  while (current.status === "pending" || current.status === "processing") {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    try {
      current = await api("GET", current.poll_url);
      render(current);
    } catch (error) {
      if (error.status === 401 || error.status === 404) { showError(error.message); return; }
    }
  }
}

// ---- creating ---------------------------------------------------------------------------
async function create(body) {
  const pending = { key: newKey(), body, at: Date.now() };
  store.creating = [...store.creating, pending];
  await send(pending);
}

// Creations being sent by this page: a click while the library is still loading must not be
// sent a second time by the library's resume of unsent creations (two answers for one card
// removed the card).
const sending = new Set();

async function send(pending) {
  if (sending.has(pending.key)) return;
  sending.add(pending.key);
  try {
    await sendOnce(pending);
  } finally {
    sending.delete(pending.key);
  }
}

async function sendOnce(pending) {
  const placeholder = cardFor(pending.key);
  render({ id: pending.key, status: "pending", stage: "queued", progress: 0,
           action: pending.body.action || "MUSIC", title: pending.body.title, model: pending.body.model },
         placeholder);
  try {
    const task = await api("POST", "/v1/music/generations", pending.body, { "Idempotency-Key": pending.key });
    cards.delete(pending.key);
    const shown = cards.get(task.id);
    if (shown && shown !== placeholder) placeholder.remove();
    else { placeholder.dataset.id = task.id; cards.set(task.id, placeholder); }
    store.creating = store.creating.filter((p) => p.key !== pending.key);
    follow(task).then(showBalance);
    showBalance();
  } catch (error) {
    if (error instanceof ApiError) {
      store.creating = store.creating.filter((p) => p.key !== pending.key);
      render({ id: pending.key, status: "failed", action: "MUSIC", error: { message: error.message },
               title: pending.body.title }, placeholder);
    } else {
      showError("The server did not answer; the request will be sent again when you reload.");
    }
  }
}

function formBody(form) {
  const data = new FormData(form);
  const body = { model: data.get("model") || "suno_music", prompt: String(data.get("prompt") || "").trim() };
  for (const name of ["title", "tags", "lyrics"]) {
    const value = String(data.get(name) || "").trim();
    if (value) body[name] = value;
  }
  if (data.get("duration")) body.duration = Number(data.get("duration"));
  if (data.get("instrumental")) body.make_instrumental = true;
  return body;
}

async function continueFrom(task, seconds) {
  await create({ model: task.model, continue_clip_id: task.clip_id, continue_at: Math.max(1, Math.round(seconds * 10) / 10) });
}

// ---- balance ----------------------------------------------------------------------------
async function showBalance() {
  const out = $("#balance");
  if (!store.token) { out.textContent = ""; return; }
  try {
    const balance = await api("GET", "/v1/management/balance", undefined,
                              { Authorization: `Bearer ${store.token}` });
    out.textContent = `$${balance.balance_decimal} available · $${balance.reserved_decimal} reserved · $${balance.total_used_decimal} spent`;
  } catch (error) {
    out.textContent = `Balance unavailable: ${error.message}`;
  }
}

// ---- start -------------------------------------------------------------------------------
async function loadModels() {
  const models = await api("GET", "/v1/models?recommended_for=music");
  const select = $("#model");
  select.replaceChildren(...models.data.map((model) => new Option(model.id, model.id)));
}

async function loadLibrary() {
  const page = await api("GET", "/v1/tasks?limit=50");
  for (const task of page.data.slice().reverse()) follow(task);
  for (const pending of store.creating) send(pending);
}

async function start() {
  showError("");
  $("#key-status").textContent = "";
  if (!store.key) { $("#key-status").textContent = "Enter your API key to start."; return; }
  try {
    await api("GET", "/v1/tasks?limit=1");
  } catch (error) {
    showError(error.status === 401 ? `That API key was refused: ${error.message}` : error.message);
    return;
  }
  $("#key-status").textContent = "Key accepted.";
  await loadModels();
  await loadLibrary();
  await showBalance();
}

$("#key-form").addEventListener("submit", (event) => {
  event.preventDefault();
  store.key = $("#api-key").value.trim();
  cards.forEach((node) => node.remove());
  cards.clear();
  start();
});
$("#song-form").addEventListener("submit", (event) => {
  event.preventDefault();
  create(formBody(event.target));
});
$("#lyrics-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const prompt = $("#lyrics-prompt").value.trim();
  create({ model: "suno_lyrics", action: "LYRICS", prompt });
});
$("#billing-form").addEventListener("submit", (event) => {
  event.preventDefault();
  store.token = $("#mt-token").value.trim();
  showBalance();
});
$("#api-key").value = store.key;
$("#mt-token").value = store.token;
start();
