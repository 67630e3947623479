"""Turning bytes into text: UTF-8 first, then byte-order marks, then cp1252 with a note."""

from __future__ import annotations

import codecs
import re

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))
_META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


class DecodeError(ValueError):
    """The bytes are not text in any encoding we accept; the message is the rejection reason."""


def looks_binary(data: bytes) -> bool:
    """Return True when the bytes look like a binary file (NUL bytes or many control characters)."""
    head = data[:8192]
    if not head:
        return False
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return False
    if b"\x00" in head:
        return True
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))  # one C pass, not one per byte value
    return controls / len(head) > 0.05


def declared_html_charset(data: bytes) -> str | None:
    """Return the charset an HTML page declares in a <meta> tag, if Python knows that codec."""
    match = _META_CHARSET_RE.search(data[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_bytes(data: bytes, *, declared: str | None = None) -> tuple[str, str | None]:
    """Return (text, note): the decoded text and a note when it was not plain UTF-8, or raise DecodeError."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), f"decoded as {encoding} (byte-order mark)"
            except UnicodeDecodeError as exc:
                raise DecodeError(
                    f"has a {encoding} byte-order mark but is not valid {encoding}: {exc}"
                ) from exc
    if looks_binary(data):
        raise DecodeError("binary content (NUL or control bytes), not text")
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as utf8_error:
        # A page that declares its charset is trusted before the cp1252 guess.
        if declared and declared not in ("utf-8", "utf_8"):
            try:
                return data.decode(declared), f"decoded as {declared} (declared by the page)"
            except (UnicodeDecodeError, LookupError):
                pass
        try:
            return data.decode(
                "cp1252"
            ), f"decoded as cp1252 (not valid UTF-8: {utf8_error.reason} at byte {utf8_error.start})"
        except UnicodeDecodeError as exc:
            raise DecodeError(
                f"not valid UTF-8 (byte {utf8_error.start}) nor cp1252 (byte {exc.start}); re-encode as UTF-8"
            ) from exc
