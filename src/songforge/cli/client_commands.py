"""The client side of the `songforge` command: generate, lyrics, continue, status, models.

They talk to a running server over HTTP with the SDK (SONGFORGE_API_KEY and
SONGFORGE_BASE_URL).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, NoReturn
from urllib.parse import unquote, urlsplit

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

from songforge.client import Client, SongforgeError, Task
from songforge.domain.download_names import song_file_name

console = Console()
err_console = Console(stderr=True)

# Server data (titles, lyrics, error messages echoing input) may hold control characters;
# printed raw, an ESC sequence would drive the user's terminal.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_CONTROL_BUT_LAYOUT = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(value: object, *, multiline: bool = False) -> str:
    """`value` as text with every control character shown as an escape (`\\x1b`); with
    `multiline`, tabs and line feeds stay."""
    pattern = _CONTROL_BUT_LAYOUT if multiline else _CONTROL
    return pattern.sub(lambda m: f"\\x{ord(m.group()):02x}", str(value))


def open_client() -> Client:
    try:
        return Client()
    except SongforgeError as exc:
        err_console.print(printable(exc.message), markup=False, style="red")
        raise typer.Exit(2) from None


class _ProgressView:
    """A live bar on a terminal; one line per stage when the output is a file or pipe."""

    def __init__(self) -> None:
        self._progress: Progress | None = None
        self._bar: TaskID | None = None
        self._last_stage = ""

    def __enter__(self) -> _ProgressView:
        if console.is_terminal:
            self._progress = Progress(
                TextColumn("{task.fields[stage]:<15}"),
                BarColumn(),
                TextColumn("{task.percentage:>3.0f}%"),
                TimeElapsedColumn(),
                console=console,
            )
            self._progress.__enter__()
            self._bar = self._progress.add_task("song", total=100, stage="queued")
        return self

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.__exit__(None, None, None)

    def update(self, task: Task) -> None:
        if self._progress is not None and self._bar is not None:
            self._progress.update(self._bar, completed=task.progress, stage=printable(task.stage))
        elif task.stage != self._last_stage:
            console.print(f"stage: {printable(task.stage)} {task.progress}%", markup=False)
        self._last_stage = task.stage


def _wait_and_show(client: Client, task: Task, interval: float) -> Task:
    try:
        with _ProgressView() as view:
            done = client.tasks.wait(
                task.id, on_progress=view.update, interval=interval, raise_on_failure=False
            )
    except KeyboardInterrupt:
        err_console.print(
            f"\nStopped waiting; task {task.id} keeps running on the server.\n"
            f"Resume with: songforge status {task.id} --wait"
        )
        raise typer.Exit(130) from None
    if done.status == "failed":
        _fail(done)
    return done


def _fail(task: Task) -> NoReturn:
    """Says why the task failed (code and message) on stderr and exits with status 1."""
    error = task.error
    code = error.code if error else "generation_failed"
    message = error.message if error else "The task failed."
    err_console.print(
        printable(f"Task {task.id} failed: {code}: {message}"), markup=False, style="red"
    )
    raise typer.Exit(1)


def _show(done: Task) -> None:
    if done.title:
        console.print(printable(done.title), markup=False, style="bold")
    if done.lyrics:
        console.print(printable(done.lyrics, multiline=True), markup=False)
    if done.cost is not None:
        console.print(printable(f"cost: ${done.cost}  task: {done.id}"), markup=False)


def _save(client: Client, done: Task, out: Path | None, video: bool) -> None:
    if done.audio_url:
        extension = Path(done.audio_url.split("?")[0]).suffix or ".mp3"
        audio_path = out or Path(f"{done.id}{extension}")
        client.files.download(done.audio_url, audio_path)
        console.print(f"audio: {audio_path}")
        if video and done.video_url:
            video_path = audio_path.with_suffix(".mp4")
            client.files.download(done.video_url, video_path)
            console.print(f"video: {video_path}")


def _run(body: dict[str, object], out: Path | None, video: bool, interval: float) -> None:
    with open_client() as client:
        try:
            task = client.create({k: v for k, v in body.items() if v is not None})
        except SongforgeError as exc:
            err_console.print(printable(exc), markup=False, style="red")
            raise typer.Exit(1) from None
        console.print(f"task: {task.id}")
        done = _wait_and_show(client, task, interval)
        _show(done)
        _save(client, done, out, video)


def register(app: typer.Typer) -> None:
    @app.command()
    def generate(
        prompt: Annotated[str, typer.Argument(help="What the song is about")],
        title: Annotated[str | None, typer.Option(help="Song title")] = None,
        tags: Annotated[str | None, typer.Option(help="Styles, e.g. 'synth-pop, upbeat'")] = None,
        instrumental: Annotated[bool, typer.Option(help="No vocals")] = False,
        lyrics: Annotated[Path | None, typer.Option(help="A file with your own lyrics")] = None,
        duration: Annotated[float | None, typer.Option(help="Length in seconds")] = None,
        seed: Annotated[int | None, typer.Option(help="Same seed, same song")] = None,
        model: Annotated[str, typer.Option(help="Model id")] = "suno_music",
        out: Annotated[Path | None, typer.Option(help="Where to save the audio")] = None,
        video: Annotated[bool, typer.Option(help="Also save the video")] = False,
        interval: Annotated[float, typer.Option(help="Seconds between polls")] = 2.0,
    ) -> None:
        """Make a song, show its progress, save the audio."""
        words = lyrics.read_text(encoding="utf-8") if lyrics else None
        body: dict[str, object] = {
            "model": model,
            "prompt": prompt,
            "title": title,
            "tags": tags,
            "lyrics": words,
            "duration": duration,
            "seed": seed,
        }
        if instrumental:
            body["make_instrumental"] = True
        _run(body, out, video, interval)

    @app.command("lyrics")
    def lyrics_command(
        prompt: Annotated[str, typer.Argument(help="What the lyrics are about")],
        title: Annotated[str | None, typer.Option(help="Title to use")] = None,
        interval: Annotated[float, typer.Option(help="Seconds between polls")] = 1.0,
    ) -> None:
        """Write lyrics only."""
        _run(
            {"model": "suno_lyrics", "action": "LYRICS", "prompt": prompt, "title": title},
            None,
            False,
            interval,
        )

    @app.command("continue")
    def continue_command(
        clip: Annotated[str, typer.Argument(help="clip_… (or its task id) to continue")],
        at: Annotated[
            float | None, typer.Option(help="Seconds into the clip to continue from")
        ] = None,
        prompt: Annotated[str | None, typer.Option(help="What the new part is about")] = None,
        duration: Annotated[float | None, typer.Option(help="Length of the new part")] = None,
        out: Annotated[Path | None, typer.Option(help="Where to save the audio")] = None,
        interval: Annotated[float, typer.Option(help="Seconds between polls")] = 2.0,
    ) -> None:
        """Continue an earlier clip."""
        _run(
            {"continue_clip_id": clip, "continue_at": at, "prompt": prompt, "duration": duration},
            out,
            False,
            interval,
        )

    @app.command()
    def status(
        task_id: Annotated[str, typer.Argument(help="ldtask_…")],
        wait: Annotated[bool, typer.Option(help="Wait until it ends")] = False,
        out: Annotated[Path | None, typer.Option(help="Where to save the audio")] = None,
        interval: Annotated[float, typer.Option(help="Seconds between polls")] = 2.0,
    ) -> None:
        """Show a task; with --wait, follow it to the end and save its audio."""
        with open_client() as client:
            try:
                task = client.tasks.get(task_id)
            except SongforgeError as exc:
                err_console.print(printable(exc), markup=False, style="red")
                raise typer.Exit(1) from None
            if wait and not task.is_terminal:
                task = _wait_and_show(client, task, interval)
            console.print(
                printable(f"{task.id}: {task.status} ({task.stage}, {task.progress}%)"),
                markup=False,
            )
            if task.status == "failed":
                _fail(task)
            if task.status == "completed":
                _show(task)
                if wait:
                    _save(client, task, out, False)

    @app.command()
    def download(
        task_id: Annotated[str, typer.Argument(help="ldtask_… of a completed song")],
        out: Annotated[Path, typer.Option(help="Folder to save into")] = Path("."),
    ) -> None:
        """Save every file of a completed song (audio, video, cover, stems, lossless master,
        score, MIDI) under the names the server gives them (from the song's title); for a
        lyrics task, its lyrics as a .txt file."""
        with open_client() as client:
            try:
                task = client.tasks.get(task_id)
            except SongforgeError as exc:
                err_console.print(printable(exc), markup=False, style="red")
                raise typer.Exit(1) from None
            if task.status == "failed":
                _fail(task)
            if task.status != "completed":
                err_console.print(
                    f"Task {task.id} is {task.status} ({task.progress}%); nothing to download yet."
                    f" Follow it with: songforge status {task.id} --wait",
                    markup=False,
                )
                raise typer.Exit(1)
            assets = task.asset_urls()
            if not assets and not task.lyrics:
                err_console.print(
                    f"Task {task.id} completed without files or lyrics; nothing to download.",
                    markup=False,
                )
                raise typer.Exit(1)
            out.mkdir(parents=True, exist_ok=True)
            for kind, url in assets.items():
                name = unquote(urlsplit(url).path.rsplit("/", 1)[-1]) or f"{task.id}-{kind}"
                target = client.files.download(url, out / Path(name).name)
                typer.echo(printable(f"{kind}: {target}"))
            if not assets and task.lyrics:
                # A lyrics task has no files: its words are the result, saved under the same
                # title-and-tag name the server gives song files.
                target = out / song_file_name(task.title, task.id[-8:], "audio", ".txt")
                target.write_text(task.lyrics.rstrip("\n") + "\n", encoding="utf-8")
                typer.echo(printable(f"lyrics: {target}"))

    @app.command()
    def models() -> None:
        """List the models this server offers."""
        with open_client() as client:
            for model in client.models.list():
                summary = model.tokenlab.get("request_format_summary") or {}
                operations = ", ".join(summary.get("public_operations", []))
                console.print(printable(f"{model.id:<26} {operations}"), markup=False)
