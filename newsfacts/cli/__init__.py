"""The `newsfacts` command line: a thin shell over the library.

Each subcommand lives in its own module under newsfacts/cli/ and exposes
`register(subparsers)`, which adds its parser and sets `func` (taking the parsed args and
returning an exit code). Adding a command = adding a module and listing it in COMMAND_MODULES.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from newsfacts import __version__

# Order here is the order in `newsfacts --help`.
COMMAND_MODULES = [
    "load",
    "build",
    "check",
    "run",
    "predict",
    "evaluate",
    "audit",
    "search",
    "export",
    "status",
    "docs",
    "bench",
]


def build_parser() -> argparse.ArgumentParser:
    """Return the top-level parser with every available subcommand registered."""
    parser = argparse.ArgumentParser(
        prog="newsfacts",
        description="Turn news articles into countable facts: load → build → check → query.",
        epilog="Start with `make demo`, then `newsfacts status`. Each command has --help with an example.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"newsfacts {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"newsfacts.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"newsfacts.cli.{name}":
                continue  # command not built yet
            raise
        module.register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the CLI and return its exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
