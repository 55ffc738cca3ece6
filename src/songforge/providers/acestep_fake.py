"""A fake ACE-Step 1.5 API server for tests and benches: a real HTTP server on 127.0.0.1 that
answers the way ACE-Step's `acestep/api_server.py` does, and renders real (simple) audio.

What it reproduces of the real server (ACE-Step-1.5 `acestep/api_server.py`, `docs/en/API.md`):
every answer wrapped as `{"data", "code", "error", "timestamp", "extra"}`; `POST /release_task`
taking JSON or multipart (`src_audio` file) and answering `{"task_id", "status": "queued",
"queue_position"}`; 429 `{"detail": "Server busy: queue is full"}`; 401 for a missing or wrong
key (Bearer); `POST /query_result` answering one entry per id with integer statuses (0 queued
or running, 1 done, 2 failed) and `result` a JSON *string* of a list of items (relative
`/v1/audio?path=…` file URLs, `metas`, `seed_value`, `progress`, `stage`); `"[]"` with
status 0 for an id it does not know; `GET /v1/audio?path=` serving only its own files; one
job rendered at a time (one queue worker); nothing survives `restart()`.

Test controls: `render_seconds` (how long a job renders), `busy_next` (answer 429 to that many
creates), `lose_all()` (forget every job, as a restarted server), prompts containing
`fake:fail` (the job fails), `fake:error-code` (a 200 answer with `code` 500). It counts
`generations` (jobs that started rendering) and `queries` (`/query_result` requests naming a
job it knows: a client that polls has its task id) and records how many accepted, unfinished
jobs it held at once (`max_in_flight`).
"""

from __future__ import annotations

import email.parser
import email.policy
import io
import json
import os
import queue
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, urlparse

import numpy as np
import soundfile

SAMPLE_RATE = 48_000  # ACE-Step renders 48 kHz stereo
_ROOTS = (220.0, 246.94, 261.63, 293.66, 329.63, 349.23, 392.0)
_KEYS = ("A minor", "B minor", "C major", "D minor", "E minor", "F major", "G major")


@dataclass
class FakeJob:
    id: str
    params: dict[str, Any]
    created_at: float
    source: np.ndarray | None = None
    status: str = "queued"  # queued | running | succeeded | failed
    progress: float = 0.0
    files: list[str] = field(default_factory=list)
    seeds: list[int] = field(default_factory=list)
    error: str | None = None


def _chord_audio(seconds: float, seed: int, bpm: int) -> np.ndarray:
    """A stereo chord progression with a pulse on each beat: music enough to decode,
    measure and tell apart by seed."""
    rng = np.random.default_rng(seed)
    frames = max(1, int(seconds * SAMPLE_RATE))
    t = np.arange(frames) / SAMPLE_RATE
    root = _ROOTS[seed % len(_ROOTS)]
    bar = 4 * 60.0 / bpm
    steps = np.array([1.0, 4 / 3, 3 / 2, 9 / 8])[rng.permutation(4)]
    chord_root = root * steps[(t // bar).astype(int) % 4]
    signal = sum(np.sin(2 * np.pi * chord_root * ratio * t) for ratio in (1.0, 1.25, 1.5))
    beat = 60.0 / bpm
    pulse = np.exp(-((t % beat) / 0.08))
    mono = 0.18 * signal * (0.6 + 0.4 * pulse)
    return np.stack([mono, mono * 0.95], axis=1).astype(np.float32)


def _to_stereo(audio: np.ndarray) -> np.ndarray:
    return np.stack([audio, audio], axis=1) if audio.ndim == 1 else audio[:, :2]


def _resampled(audio: np.ndarray, rate: int) -> np.ndarray:
    if rate == SAMPLE_RATE:
        return audio
    positions = np.arange(int(len(audio) * SAMPLE_RATE / rate)) * rate / SAMPLE_RATE
    return np.stack(
        [np.interp(positions, np.arange(len(audio)), audio[:, c]) for c in range(2)], axis=1
    )


class FakeAceStepServer:
    """Start with `start()`, stop with `stop()`; `url` is its base URL."""

    def __init__(
        self,
        *,
        api_key: str | None = None,
        render_seconds: float = 0.2,
        queue_max: int = 200,
        port: int = 0,
    ) -> None:
        self.api_key = api_key
        self.render_seconds = render_seconds
        self.queue_max = queue_max
        self.busy_next = 0
        self.generations = 0
        self.queries = 0
        self.in_flight = 0
        self.max_in_flight = 0
        self.requests: list[dict[str, Any]] = []
        self._jobs: dict[str, FakeJob] = {}
        self._lock = threading.Lock()
        self._queue: queue.Queue[str | None] = queue.Queue()
        self._dir = Path(tempfile.mkdtemp(prefix="acestep-fake-"))
        self._port = port
        self._http: ThreadingHTTPServer | None = None
        self._threads: list[threading.Thread] = []

    # -- lifecycle -------------------------------------------------------------------------
    @property
    def url(self) -> str:
        assert self._http is not None, "start() the server first"
        return f"http://127.0.0.1:{self._http.server_address[1]}"

    def start(self) -> FakeAceStepServer:
        handler = type("Handler", (_Handler,), {"fake": self})
        self._http = ThreadingHTTPServer(("127.0.0.1", self._port), handler)
        self._http.daemon_threads = True
        self._port = int(self._http.server_address[1])  # a restart keeps the port
        self._threads = [
            threading.Thread(target=self._http.serve_forever, daemon=True),
            threading.Thread(target=self._worker, daemon=True),
        ]
        for thread in self._threads:
            thread.start()
        return self

    def stop(self) -> None:
        """Stops answering (connections are refused) and forgets every job."""
        if self._http is not None:
            self._http.shutdown()
            self._http.server_close()
            self._http = None
        self._queue.put(None)
        for thread in self._threads:
            thread.join(timeout=5)
        self.lose_all()

    def lose_all(self) -> None:
        with self._lock:
            self._jobs.clear()
            self.in_flight = 0

    def __enter__(self) -> FakeAceStepServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- the queue worker --------------------------------------------------------------------
    def _worker(self) -> None:
        while (job_id := self._queue.get()) is not None:
            with self._lock:
                job = self._jobs.get(job_id)
                if job is None:
                    continue
                job.status = "running"
                self.generations += 1
            deadline = time.monotonic() + self.render_seconds
            while (left := deadline - time.monotonic()) > 0:
                time.sleep(min(0.05, left))
                job.progress = 1 - left / max(self.render_seconds, 1e-6)
            self._finish(job)

    def _finish(self, job: FakeJob) -> None:
        try:
            if "fake:fail" in str(job.params.get("prompt", "")):
                raise RuntimeError("Music generation failed: CUDA out of memory")
            outputs = self._render(job)
        except Exception as exc:
            with self._lock:
                job.status, job.error = "failed", f"Traceback (most recent call last):\n{exc}"
                self.in_flight -= 1
            return
        with self._lock:
            if job.id in self._jobs:
                job.files, job.status, job.progress = outputs, "succeeded", 1.0
                self.in_flight -= 1

    def _render(self, job: FakeJob) -> list[str]:
        p = job.params
        task_type = str(p.get("task_type") or "text2music")
        bpm = int(p.get("bpm") or 120)
        use_random = str(p.get("use_random_seed", "true")).lower() not in ("false", "0")
        base_seed = int(p.get("seed") or -1)
        if use_random or base_seed < 0:
            base_seed = int.from_bytes(os.urandom(3), "big")
        files = []
        for index in range(max(1, int(p.get("batch_size") or 2))):
            seed = base_seed + index
            job.seeds.append(seed)
            audio = self._render_one(task_type, p, job.source, seed, bpm)
            extension = str(p.get("audio_format") or "mp3")
            extension = extension if extension in ("wav", "flac") else "wav"
            path = self._dir / f"{job.id}_{index}.{extension}"
            soundfile.write(str(path), audio, SAMPLE_RATE)
            files.append(str(path))
        return files

    def _render_one(
        self, task_type: str, p: dict[str, Any], source: np.ndarray | None, seed: int, bpm: int
    ) -> np.ndarray:
        duration = float(p.get("audio_duration") or 30.0)
        if task_type == "text2music" or source is None:
            return _chord_audio(duration, seed, bpm)
        if task_type == "repaint":
            start = float(p.get("repainting_start") or 0.0)
            end = float(p.get("repainting_end") or -1)
            if end < 0:
                end = len(source) / SAMPLE_RATE
            total = max(len(source), int(end * SAMPLE_RATE))
            out = np.zeros((total, 2), dtype=np.float32)
            out[: len(source)] = source
            # Diffusion does not give the kept region back bit for bit.
            noise = np.random.default_rng(seed).normal(0, 0.002, out.shape).astype(np.float32)
            out += noise
            cut = int(start * SAMPLE_RATE)
            new = _chord_audio((total - cut) / SAMPLE_RATE, seed, bpm)
            out[cut:] = new[: total - cut]
            return out
        if task_type == "cover":
            # The source's loudness contour carried by new harmony: same length.
            envelope = np.abs(source).mean(axis=1)
            window = max(1, SAMPLE_RATE // 20)
            envelope = np.convolve(envelope, np.ones(window) / window, mode="same")
            new = _chord_audio(len(source) / SAMPLE_RATE, seed, bpm)
            scale = envelope / max(float(envelope.max()), 1e-6)
            return new * scale[:, None].astype(np.float32)
        if task_type == "complete":
            backing = _chord_audio(len(source) / SAMPLE_RATE, seed, bpm)
            return np.clip(source + 0.5 * backing, -1, 1)
        raise ValueError(f"task_type {task_type} is not supported by this model")

    # -- requests ----------------------------------------------------------------------------
    def create(self, params: dict[str, Any], source: bytes | None) -> FakeJob:
        decoded = None
        if source is not None:
            data, rate = soundfile.read(io.BytesIO(source), dtype="float32", always_2d=True)
            decoded = _resampled(_to_stereo(data), rate).astype(np.float32)
        job = FakeJob(str(uuid.uuid4()), params, time.time(), decoded)
        with self._lock:
            self._jobs[job.id] = job
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
            self.requests.append({**params, "src_audio": source is not None})
        self._queue.put(job.id)
        return job

    def entry(self, task_id: str) -> dict[str, Any]:
        with self._lock:
            job = self._jobs.get(task_id)
            if job is not None:
                self.queries += 1
        if job is None:
            return {"task_id": task_id, "result": "[]", "status": 0}
        created = int(job.created_at)
        status = {"queued": 0, "running": 0, "succeeded": 1, "failed": 2}[job.status]
        if job.status == "succeeded":
            metas = {
                "bpm": int(job.params.get("bpm") or 120),
                "duration": float(job.params.get("audio_duration") or 30.0),
                "genres": "",
                "keyscale": job.params.get("key_scale") or _KEYS[job.seeds[0] % len(_KEYS)],
                "timesignature": str(job.params.get("time_signature") or "4"),
                "prompt": job.params.get("prompt", ""),
                "lyrics": job.params.get("lyrics", ""),
            }
            items: list[dict[str, Any]] = [
                {
                    "file": "/v1/audio?path=" + quote(path, safe=""),
                    "wave": "",
                    "status": 1,
                    "create_time": created,
                    "env": "development",
                    "prompt": job.params.get("prompt", ""),
                    "lyrics": job.params.get("lyrics", ""),
                    "metas": metas,
                    "generation_info": "",
                    "seed_value": ",".join(str(s) for s in job.seeds),
                    "lm_model": "acestep-5Hz-lm-0.6B",
                    "dit_model": "acestep-v15-turbo",
                    "progress": 1.0,
                    "stage": "succeeded",
                }
                for path in job.files
            ]
        else:
            items = [
                {
                    "file": "",
                    "wave": "",
                    "status": status,
                    "create_time": created,
                    "env": "development",
                    "prompt": "",
                    "lyrics": "",
                    "metas": {},
                    "progress": job.progress,
                    "stage": job.status,
                    "error": job.error,
                }
            ]
        return {
            "task_id": task_id,
            "result": json.dumps(items),
            "status": status,
            "progress_text": f"{job.status} {job.progress:.0%}",
        }

    def audio_path(self, path: str) -> Path | None:
        resolved = Path(os.path.realpath(path))
        return resolved if resolved.parent == self._dir.resolve() else None


def _wrap(data: Any, code: int = 200, error: str | None = None) -> dict[str, Any]:
    return {
        "data": data,
        "code": code,
        "error": error,
        "timestamp": int(time.time() * 1000),
        "extra": None,
    }


class _Handler(BaseHTTPRequestHandler):
    fake: FakeAceStepServer
    protocol_version = "HTTP/1.0"  # one request per connection: stop() leaves none open

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        return None

    def _send(self, status: int, body: dict[str, Any]) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _authorised(self) -> bool:
        key = self.fake.api_key
        if key is None:
            return True
        header = self.headers.get("Authorization") or ""
        if not header:
            self._send(401, {"detail": "Missing ai_token or Authorization header"})
            return False
        token = header[7:] if header.startswith("Bearer ") else header
        if token != key:
            self._send(401, {"detail": "Invalid API key"})
            return False
        return True

    def _body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def do_GET(self) -> None:
        url = urlparse(self.path)
        if url.path == "/health":
            self._send(200, _wrap({"status": "ok", "service": "ACE-Step API", "version": "1.0"}))
            return
        if not self._authorised():
            return
        if url.path == "/v1/models":
            models = [{"name": "acestep-v15-turbo", "is_default": True}]
            self._send(200, _wrap({"models": models, "default_model": "acestep-v15-turbo"}))
        elif url.path == "/v1/stats":
            fake = self.fake
            self._send(
                200,
                _wrap(
                    {
                        "jobs": {"total": len(fake._jobs)},
                        "queue_size": fake._queue.qsize(),
                        "queue_maxsize": fake.queue_max,
                        "avg_job_seconds": fake.render_seconds,
                    }
                ),
            )
        elif url.path == "/v1/audio":
            path = parse_qs(url.query).get("path", [""])[0]
            resolved = self.fake.audio_path(path)
            if resolved is None:
                self._send(403, {"detail": "Access denied: path outside allowed directory"})
                return
            if not resolved.exists():
                self._send(404, {"detail": "Audio file not found"})
                return
            data = resolved.read_bytes()
            self.send_response(200)
            media = {".wav": "audio/wav", ".flac": "audio/flac"}.get(resolved.suffix, "audio/mpeg")
            self.send_header("Content-Type", media)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        else:
            self._send(404, {"detail": "Not Found"})

    def do_POST(self) -> None:
        url = urlparse(self.path)
        body = self._body()
        if not self._authorised():
            return
        if url.path == "/release_task":
            self._release(body)
        elif url.path == "/query_result":
            try:
                payload = json.loads(body or b"{}")
            except ValueError:
                payload = {}
            ids = payload.get("task_id_list", [])
            if isinstance(ids, str):
                ids = json.loads(ids)
            self._send(200, _wrap([self.fake.entry(str(i)) for i in ids]))
        else:
            self._send(404, {"detail": "Not Found"})

    def _release(self, body: bytes) -> None:
        content_type = self.headers.get("Content-Type") or ""
        source: bytes | None = None
        if content_type.startswith("multipart/form-data"):
            params, source = _multipart(content_type, body)
        else:
            try:
                params = json.loads(body)
            except ValueError:
                self._send(400, {"detail": "Invalid JSON body"})
                return
            if not isinstance(params, dict):
                self._send(400, {"detail": "JSON payload must be an object"})
                return
        fake = self.fake
        if "fake:error-code" in str(params.get("prompt", "")):
            self._send(200, _wrap(None, code=500, error="generation service not initialised"))
            return
        with fake._lock:
            busy = fake.busy_next > 0 or fake._queue.qsize() >= fake.queue_max
            if fake.busy_next > 0:
                fake.busy_next -= 1
        if busy:
            self._send(429, {"detail": "Server busy: queue is full"})
            return
        job = fake.create(params, source)
        position = fake._queue.qsize()
        self._send(200, _wrap({"task_id": job.id, "status": "queued", "queue_position": position}))


def _multipart(content_type: str, body: bytes) -> tuple[dict[str, Any], bytes | None]:
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        f"Content-Type: {content_type}\r\n\r\n".encode() + body
    )
    params: dict[str, Any] = {}
    source = None
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        payload = part.get_payload(decode=True)
        if not isinstance(name, str) or not isinstance(payload, bytes):
            continue
        if name in ("src_audio", "ctx_audio"):
            source = payload
        else:
            params[name] = payload.decode("utf-8")
    return params, source
