"""Every `newsfacts` command explains itself: `--help` works and shows an example."""

from __future__ import annotations

import argparse
import contextlib
import io

import pytest

from newsfacts.cli import build_parser


def registered_commands() -> dict[str, argparse.ArgumentParser]:
    """Return each registered subcommand's parser by name."""
    parser = build_parser()
    actions = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(actions[0].choices) if actions else {}


COMMANDS = sorted(registered_commands())


def test_the_analyst_commands_are_registered() -> None:
    assert {"run", "status", "search", "export", "docs"} <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_help_shows_an_example(command: str) -> None:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), pytest.raises(SystemExit) as exit_info:
        build_parser().parse_args([command, "--help"])
    assert exit_info.value.code == 0
    text = out.getvalue()
    assert "example" in text.lower(), f"`newsfacts {command} --help` has no example"
    assert f"newsfacts {command}" in text.split("example", 1)[1], "the example must show the command itself"


def test_docs_server_serves_the_site(tmp_path) -> None:
    import threading
    import urllib.request

    from newsfacts.cli.docs import make_server

    (tmp_path / "index.html").write_text("<html>dbt docs</html>", encoding="utf-8")
    server = make_server(tmp_path, 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{server.server_port}/index.html", timeout=5) as reply:
            assert reply.status == 200 and b"dbt docs" in reply.read()
    finally:
        server.shutdown()
        server.server_close()
