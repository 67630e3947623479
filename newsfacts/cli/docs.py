"""`newsfacts docs`: generate dbt's documentation site and serve it on localhost."""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import sys
from pathlib import Path

from newsfacts.paths import database_path

EXAMPLE = """example:
  newsfacts docs                 # generate, then serve on http://127.0.0.1:8080 (Ctrl-C to stop)
  newsfacts docs --no-serve      # only generate target/index.html and target/catalog.json
"""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "docs",
        help="generate and serve the dbt docs (lineage, columns, tests)",
        description="Run `dbt docs generate` on the warehouse, then serve the site on localhost.",
        epilog=EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--db", help="warehouse file (default: $NEWSFACTS_DB or warehouse/newsfacts.duckdb)")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--no-serve", action="store_true", help="generate only")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from newsfacts import warehouse

    db_path = database_path(args.db)
    result = warehouse.docs_generate(db_path)
    if not result.success:
        print(result.summary(), file=sys.stderr)
        return 1
    target, _ = warehouse.dbt_dirs(db_path)
    print(f"docs written to {target / 'index.html'}", file=sys.stderr)
    if args.no_serve:
        return 0
    try:
        server = make_server(target, args.port)
    except OSError as exc:
        message = f"newsfacts docs: cannot listen on port {args.port} ({exc.strerror}); try --port 8081"
        print(message, file=sys.stderr)
        return 1
    with server:
        print(f"serving on http://127.0.0.1:{server.server_port}/ (Ctrl-C to stop)", file=sys.stderr)
        with contextlib.suppress(KeyboardInterrupt):
            server.serve_forever()
    return 0


def make_server(directory: Path, port: int) -> http.server.ThreadingHTTPServer:
    """Return an HTTP server for directory's files on localhost (port 0 = any free port), not started."""
    handler = functools.partial(QuietHandler, directory=str(directory))
    return http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files without logging every request of the docs site's many assets to the terminal."""

    def log_message(self, format: str, *args: object) -> None:
        pass
