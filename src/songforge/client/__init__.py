"""The songforge Python SDK.

from songforge.client import Client
with Client() as client:                      # SONGFORGE_API_KEY, SONGFORGE_BASE_URL
    task = client.music.create("a synth-pop song about city lights", title="City Lights")
    done = client.tasks.wait(task.id, on_progress=lambda t: print(t.stage, t.progress))
    client.files.download(done.audio_url, "city-lights.mp3")
"""

from songforge.client.async_client import AsyncClient
from songforge.client.errors import SongforgeError
from songforge.client.models import ModelInfo, Task, TaskPage
from songforge.client.sync_client import Client

__all__ = ["AsyncClient", "Client", "ModelInfo", "SongforgeError", "Task", "TaskPage"]
