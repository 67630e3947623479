"""Bounded gzip decompression: a file that would expand past the limit is refused, never expanded."""

from __future__ import annotations

import zlib

MAX_DECOMPRESSED_BYTES = 256 * 1024 * 1024
_CHUNK = 1024 * 1024


class DecompressError(ValueError):
    """The data is not gzip, is corrupt, or expands past the limit; the message is the reason."""


def gunzip_bounded(data: bytes, limit: int = MAX_DECOMPRESSED_BYTES) -> bytes:
    """Return the decompressed bytes of every gzip member, raising DecompressError past `limit` bytes."""
    out = bytearray()
    remaining = data
    while remaining:
        inflater = zlib.decompressobj(wbits=31)
        pending = remaining
        try:
            while pending:
                # max_length keeps each step small, so a bomb is caught after `limit` bytes, not at the end.
                chunk = inflater.decompress(pending, min(_CHUNK, limit - len(out) + 1))
                out += chunk
                if len(out) > limit:
                    raise DecompressError(
                        f"gzip expands beyond {limit // (1024 * 1024)} MiB (a gzip bomb?); not expanded"
                    )
                pending = inflater.unconsumed_tail
                if inflater.eof:
                    break
                if not chunk and not pending:
                    break
        except zlib.error as exc:
            raise DecompressError(f"corrupt gzip data: {exc}") from exc
        if not inflater.eof:
            raise DecompressError("truncated gzip data (the stream ends before its last block)")
        remaining = inflater.unused_data
        # Trailing zero padding after the last member is common and harmless.
        if remaining and not remaining.strip(b"\x00"):
            break
    return bytes(out)
