"""Generate the command-line reference from the argparse parser itself.

Writes ``generated/cli-reference.txt`` (included by ``cli.rst``): the ``--help`` of
``jamsos-pemilu`` and of each command, so the page cannot drift from the tool.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx

from jamsos_pemilu.cli import help_pages


def _page() -> str:
    parts = []
    for name, text in help_pages().items():
        title = f"``jamsos-pemilu {name}``" if name else "``jamsos-pemilu``"
        body = "\n".join(f"   {line}".rstrip() for line in text.splitlines())
        parts.append(f"{title}\n{'~' * len(title)}\n\n.. code-block:: text\n\n{body}\n")
    return "\n".join(parts)


def _generate(app: Sphinx) -> None:
    out = Path(app.srcdir) / "generated"
    out.mkdir(exist_ok=True)
    path = out / "cli-reference.txt"
    text = _page()
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def setup(app: Sphinx) -> dict[str, object]:
    """Register the generator."""
    app.connect("builder-inited", _generate)
    return {"version": "1", "parallel_read_safe": True}
