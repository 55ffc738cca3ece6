"""`songforge demos`: one song per style, made side by side, saved to a folder to listen to."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer

from songforge.cli.client_commands import console, err_console, open_client
from songforge.client import Client, SongforgeError, Task

# (style tag, prompt): the twelve styles of the listening guide in docs/engine.md.
DEMO_STYLES: tuple[tuple[str, str], ...] = (
    ("pop", "a bright pop song about a summer morning"),
    ("synth-pop", "an upbeat synth-pop song about city lights at night"),
    ("rock", "a rock song about the open road"),
    ("metal", "a heavy metal song about a storm at sea"),
    ("edm", "an edm track about dancing until sunrise"),
    ("hip-hop", "a hip-hop track about chasing your dreams"),
    ("lo-fi", "a calm lo-fi song about a rainy afternoon"),
    ("jazz", "a jazz tune about a lonely night in the city"),
    ("blues", "a blues song about a long train ride"),
    ("country", "a country song about driving home"),
    ("r&b", "a smooth r&b song about falling in love"),
    ("orchestral", "an orchestral piece about mountains at dawn"),
)


def _file_name(style: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in style) + ".mp3"


def _follow(client: Client, tasks: dict[str, Task], interval: float) -> dict[str, Task]:
    """Polls every unfinished task until all have ended, printing each stage change."""
    seen: dict[str, str] = {}
    while any(not task.is_terminal for task in tasks.values()):
        time.sleep(interval)
        for style, task in tasks.items():
            if task.is_terminal:
                continue
            tasks[style] = task = client.tasks.get(task.id)
            if seen.get(style) != task.stage:
                seen[style] = task.stage
                console.print(f"{style:<11} {task.stage} {task.progress}%")
    return tasks


def register(app: typer.Typer) -> None:
    @app.command()
    def demos(
        out: Annotated[Path, typer.Option(help="Folder for the MP3 files")] = Path("demos"),
        duration: Annotated[float, typer.Option(help="Length of each song in seconds")] = 60,
        styles: Annotated[
            str | None, typer.Option(help="Comma list of styles (default: all twelve)")
        ] = None,
        interval: Annotated[float, typer.Option(help="Seconds between polls")] = 2.0,
    ) -> None:
        """Make one song per style, all at once, and save them to listen to side by side."""
        wanted = dict(DEMO_STYLES)
        if styles:
            names = [name.strip() for name in styles.split(",") if name.strip()]
            unknown = [name for name in names if name not in wanted]
            if unknown:
                err_console.print(
                    f"[red]Unknown style(s): {', '.join(unknown)}. "
                    f"Choose from: {', '.join(wanted)}[/red]"
                )
                raise typer.Exit(2)
            wanted = {name: wanted[name] for name in names}
        out.mkdir(parents=True, exist_ok=True)
        with open_client() as client:
            tasks: dict[str, Task] = {}
            try:
                for style, prompt in wanted.items():
                    body = {"prompt": prompt, "tags": style, "duration": duration}
                    tasks[style] = client.create(body)
            except SongforgeError as exc:
                err_console.print(f"[red]{exc}[/red]")
                raise typer.Exit(1) from None
            console.print(f"{len(tasks)} songs queued; saving to {out}/")
            failed = 0
            for style, task in _follow(client, tasks, interval).items():
                if task.status != "completed" or not task.audio_url:
                    failed += 1
                    message = task.error.message if task.error else task.status
                    err_console.print(f"[red]{style}: {message}[/red]")
                    continue
                path = out / _file_name(style)
                client.files.download(task.audio_url, path)
                meta = task.metadata
                console.print(
                    f"{path}  {task.title}  ({meta.get('style')}, {meta.get('bpm')} bpm, "
                    f"{meta.get('key')})"
                )
        if failed:
            raise typer.Exit(1)
