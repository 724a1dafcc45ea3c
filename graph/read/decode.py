"""Bytes of a Swedish text file → one normalised spelling of its text.

Files come in UTF-8 (with or without BOM), Windows-1252, UTF-16 and, once in a while,
UTF-8 that somebody already misread as Windows-1252. Whatever the source, the text
leaves here in Unicode NFC with Unix line ends and odd white space folded, so that
the character offsets later stages record point at the same characters in anybody's
copy of the text.
"""

from __future__ import annotations

import codecs
import re
import unicodedata


def decode(data: bytes) -> str:
    """Bytes of a Swedish text file → str: UTF-8 (with or without BOM), else Windows-1252.

    Windows-1252 bytes that spell å, ä, ö (E5, E4, F6) are never valid UTF-8, so trying
    UTF-8 first cannot misread a Windows file. UTF-16 (what Notepad calls "Unicode") is
    recognised by its BOM. Latin-1 is the last resort: it decodes any byte.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def normalise(text: str) -> str:
    """NFC, Unix line ends, one plain space for every odd one, no invisible characters.

    A non-breaking space or a soft hyphen inside "14\u00a0000" or "för\u00adsäkring" would
    otherwise make two spellings of one word and shift offsets between copies of a text.
    """
    text = _repair_mojibake(text.replace("\r\n", "\n").replace("\r", "\n"))
    text = unicodedata.normalize("NFC", text).translate(_FOLD)
    return "\n".join(_SPACE_RUN.sub(" ", line).strip() for line in text.split("\n"))


def inline(text: str) -> str:
    """One line of metadata (a title, an id, an attribute): normalised, all white space folded."""
    return " ".join(normalise(text).split())


# --- mojibake ----------------------------------------------------------------


def _cp1252_char(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:  # the five bytes cp1252 leaves undefined read as Latin-1
        return chr(byte)


# UTF-8 that was once decoded as Windows-1252 ("mojibake"): ä (C3 A4) shows as "Ã¤",
# – (E2 80 93) as "â€“". Only these lead characters are repaired: "Ã", "Â" and "â€"
# do not occur before such characters in real Swedish text, so the repair is safe.
_CONTINUATION = "".join(_cp1252_char(b) for b in range(0x80, 0xC0))
_MOJIBAKE = re.compile(f"[ÂÃ][{re.escape(_CONTINUATION)}]|â[€‚][{re.escape(_CONTINUATION)}]")


def _repair_mojibake(text: str) -> str:
    def repair(match: re.Match[str]) -> str:
        try:
            return match.group().encode("cp1252").decode("utf-8")
        except UnicodeError:
            return match.group()

    return _MOJIBAKE.sub(repair, text)


# --- white space and invisible characters ------------------------------------

_SPACE = " "
_ODD_SPACES = "\t\u00a0\u1680\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B)))
_INVISIBLE = "\u00ad\u180e\u200b\u200c\u200d\u2060\ufeff"  # soft hyphen, zero-width chars, BOM
_LINE_BREAKS = "\u000b\u000c\u0085\u2028\u2029"
_CONTROLS = "".join(  # all but tab and line breaks (handled above)
    map(chr, [*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F, *range(0x80, 0x85), *range(0x86, 0xA0)])
)
_FOLD = str.maketrans(
    {
        **dict.fromkeys(map(ord, _ODD_SPACES), _SPACE),
        **dict.fromkeys(map(ord, _INVISIBLE + _CONTROLS)),
        **dict.fromkeys(map(ord, _LINE_BREAKS), "\n"),
    }
)
_SPACE_RUN = re.compile(" {2,}")
