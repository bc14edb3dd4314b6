"""Text that came from outside (feeds, pages, URLs with secrets) made safe to show.

One place for what every output edge needs, so terminal lines, piped output, logs, JSON Lines,
email headers and webhook bodies all treat hostile text alike:

- `visible(text)`: control characters are shown, never executed. C0 controls (ESC, NUL, CR,
  BEL...) become their Unicode "control pictures" (ESC -> U+241B), DEL becomes U+2421, and C1
  controls (the 8-bit CSI U+009B...), bidirectional overrides and isolates (U+202E...), line and
  paragraph separators, the BOM and lone surrogates become `<U+XXXX>`. So `ESC[2J` prints as
  `␛[2J` and an OSC 8 hyperlink as its plain text.
- `mask_secrets(text)` / `mask_url(url)`: credentials in URLs are replaced by `***`, the way
  SQLAlchemy shows a database URL: the password of `user:password@` (a lone user name, often a
  token, is masked whole) and the values of query parameters named like a secret (token,
  api_key, password, signature, ...).
- `safe_json(obj)`: one JSON line with the masking applied to every string, and the characters
  a terminal could act on that json.dumps(ensure_ascii=False) leaves raw (C1, bidi controls,
  separators, lone surrogates) written as JSON escapes: a parser reads back the same text.

Lives in alerts/ because alerts/ may import neither worker/ nor storage/ and needs it for email
headers and webhook bodies; the worker imports it from here. Written by hand: each piece is a
regex or two over the standard library (rich.markup.escape covers markup only, not controls).
"""

from __future__ import annotations

import json
import re
from typing import Any

MASK = "***"

# C0 and C1 controls, DEL, bidi embeddings/overrides/isolates and marks, line/paragraph
# separators, BOM / zero-width no-break space, and lone surrogates (unencodable in UTF-8).
_UNSAFE = (
    "\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
    "\ufeff\ud800-\udfff"
)
_UNSAFE_ONE_LINE = re.compile(f"[\t\n{_UNSAFE}]")
_UNSAFE_MULTILINE = re.compile(f"[{_UNSAFE}]")
# What json.dumps(ensure_ascii=False) leaves unescaped but a terminal may act on.
_JSON_RAW_UNSAFE = re.compile(
    "[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]"
)


def _picture(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char in "\t\n":
        return " "  # whitespace in a one-line field: harmless, but it must not break the line
    if code < 0x20:
        return chr(0x2400 + code)  # U+2400..U+241F: the control pictures, ␀ ␇ ␍ ␛ ...
    if code == 0x7F:
        return "\u2421"  # ␡
    return f"<U+{code:04X}>"


def visible(text: str | None, *, multiline: bool = False) -> str:
    """`text` with every control character shown instead of acted on.

    One-line (the default, for titles, URLs, headers, log fields): tabs and newlines become
    spaces too. Multiline (diffs, mail bodies): newlines and tabs stay, CR LF becomes LF.
    """
    if not text:
        return ""
    if multiline:
        text = text.replace("\r\n", "\n")
        return _UNSAFE_MULTILINE.sub(_picture, text)
    return _UNSAFE_ONE_LINE.sub(_picture, text)


# -- secrets in URLs -------------------------------------------------------------------------

_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*://[^\s<>\"'`]+")
_USERINFO = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*://)([^/?#@\s]*)@")
_PARAM = re.compile(r"([?&;])([^=&;#\s]+)=([^&;#\s]*)")
# Query parameter names that carry credentials: whole names, or a name ending in one of these
# after a separator (access_token, client_secret, X-Amz-Signature, api-key...).
_SECRET_NAME = re.compile(
    r"(?:^|[_\-.])(?:token|secret|passw(?:or)?d|pwd|pass|api_?key|apikey|key|auth|"
    r"authorization|sig|signature|credential|credentials|session(?:id)?|sid|jwt)$",
    re.I,
)


def _masked_userinfo(match: re.Match[str]) -> str:
    scheme, userinfo = match.group(1), match.group(2)
    if not userinfo:
        return match.group()
    user, colon, _password = userinfo.partition(":")
    if colon and user:
        return f"{scheme}{user}:{MASK}@"
    return f"{scheme}{MASK}@"  # a lone user name is often the token itself


def _masked_param(match: re.Match[str]) -> str:
    sep, name, value = match.groups()
    if value and _SECRET_NAME.search(name):
        return f"{sep}{name}={MASK}"
    return match.group()


def mask_url(url: str) -> str:
    """The URL with its credentials replaced by `***` (user name kept when there is a password)."""
    masked = _USERINFO.sub(_masked_userinfo, url, count=1)
    if "=" in masked:
        masked = _PARAM.sub(_masked_param, masked)
    return masked


def mask_secrets(text: str | None) -> str:
    """Every URL inside `text` (an error message, a log line) with its credentials masked."""
    if not text:
        return ""
    if "://" not in text:
        return text
    return _URL.sub(lambda m: mask_url(m.group()), text)


def safe_line(text: str | None) -> str:
    """One line for a terminal, a log or a header: secrets masked, controls made visible."""
    return visible(mask_secrets(text))


def mask_strings(obj: Any) -> Any:
    """A copy of a JSON-like value with mask_secrets applied to every string in it."""
    if isinstance(obj, str):
        return mask_secrets(obj)
    if isinstance(obj, dict):
        return {key: mask_strings(value) for key, value in obj.items()}
    if isinstance(obj, list | tuple):
        return [mask_strings(value) for value in obj]
    return obj


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def safe_json(obj: Any, **dumps: Any) -> str:
    """json.dumps of `obj` with secrets masked and terminal-unsafe characters escaped."""
    text = json.dumps(mask_strings(obj), ensure_ascii=False, **dumps)
    # Those characters can only occur inside JSON strings, where \\uXXXX means the same text.
    return _JSON_RAW_UNSAFE.sub(_json_escape, text)


__all__ = ["MASK", "mask_secrets", "mask_strings", "mask_url", "safe_json", "safe_line", "visible"]
