"""The numbers an agenda prints, derived from an item's place in the tree and the agenda's
numbering style (``NumberingStyle``): ``1, 1.1, 1.1.1``; ``1, 1.a, 1.a.i``; ``1, (a), (i)``.
Derived, never stored, so a move renumbers everything after it."""

from __future__ import annotations

from agendas.enums import NumberingStyle

_ROMAN = [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]


def letter(index: int) -> str:
    """a, b, ... z, aa, ab ..."""
    out = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        out = chr(ord("a") + rest) + out
    return out


def roman(index: int) -> str:
    out = ""
    for value, digits in _ROMAN * 4:
        while index >= value:
            out += digits
            index -= value
    return out


def number_for(style: str, depth: int, index: int, parent_number: str) -> str:
    """The number of the ``index``-th numbered item (1-based) at ``depth`` (0 = top level)
    under a parent numbered ``parent_number``."""
    if depth == 0:
        return str(index)
    if style == NumberingStyle.PAREN:
        return f"({letter(index)})" if depth == 1 else f"({roman(index)})"
    if style == NumberingStyle.LETTERS:
        own = letter(index) if depth == 1 else roman(index)
        return f"{parent_number}.{own}" if parent_number else own
    return f"{parent_number}.{index}" if parent_number else str(index)
