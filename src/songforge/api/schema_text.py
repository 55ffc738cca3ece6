"""Regular expressions that say, in JSON Schema, how the server reads request text.

The server trims text with Python's `str.strip()`, whose white space is not ECMA-262's `\\s`
(Python adds U+001C..U+001F and U+0085, ECMA adds U+FEFF), and refuses NUL anywhere (see
json_body.py). These patterns spell the characters out, so JSON Schema validators and
Python's `re` (which generates test data from them) read them the same way.
"""

from __future__ import annotations

# Exactly the characters for which str.isspace() is true.
PY_SPACE = r"\t-\r\u001c-\u0020\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_KEPT = rf"[^{PY_SPACE}\u0000]"  # a character strip() keeps, not NUL

NO_NUL = r"^[^\u0000]*$"
# Text with a character strip() keeps, and no NUL.
NON_BLANK = rf"^[^\u0000]*{_KEPT}[^\u0000]*$"


def trimmed(max_chars: int) -> str:
    """Text of 1 to `max_chars` characters once strip() has trimmed it, and no NUL."""
    return rf"^[{PY_SPACE}]*{_KEPT}(?:[^\u0000]{{0,{max_chars - 2}}}{_KEPT})?[{PY_SPACE}]*$"


# No control character (C0, DEL, C1) anywhere: one-line text such as a title or tags.
NO_CONTROL = r"^[^\u0000-\u001f\u007f-\u009f]*$"
# No control character but tab, line feed and carriage return: prompt and lyrics.
NO_CONTROL_BUT_LAYOUT = r"^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]*$"
