"""The demo attachments' text, read from content/attachments.json (its "_about" says what is in it).

Data, not code, so a borough can read or rewrite the demo's prose without reading Python.
"""

import json
from pathlib import Path

CONTENT = Path(__file__).resolve().parent / "content"

_data = json.loads((CONTENT / "attachments.json").read_text(encoding="utf-8"))
ATTACHMENTS: dict[str, dict] = _data["files"]
ATTACHMENT_ONLY_PHRASES: dict[str, str] = _data["phrases"]
