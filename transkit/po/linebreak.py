"""Unicode line breaking (UAX #14) exactly as libunistring 1.0 does it, for the PO writer.

GNU gettext wraps strings where libunistring says a line may break; to write catalogs
as msgcat writes them, transkit needs the same answers, not today's Unicode rules: so the
line-breaking class and column width of every code point are libunistring 1.0's
(Unicode 14), measured from the library and stored below as run-length tables, and the
pair rules are its implementation's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

# --------------------------------------------------------------------------
# UAX #14 as libunistring 1.0 implements it.  Classes, in the order of the tables below
# (OPW is an East Asian wide OP, which LB30 treats apart; AI, SA, XX are stored as AL,
# CB as ID, CJ as NS, LF, CR and NL as BK, as libunistring resolves them):
_AL, _BA, BK, _SP, _EX, _QU, _CM, _PR, _PO, _OP, _CP, _IS, _HY, _SY, _NU, _CL, _GL = range(17)
_BB, _HL, _JL, _JV, _JT, _NS, _ZW, _ZWJ, _B2, _IN, _WJ, _ID, _OPW, _EB, _H2, _H3 = range(17, 33)
_RI, _EM = 33, 34
_HL_BA = 35  # not a class: Hebrew then HY or BA, after which LB21a forbids a break

NO, CAN, MUST = 0, 1, 2  # per character: no break before it, a break may, one must


def break_opportunities(classes: Sequence[int]) -> tuple[list[int], int]:
    """The break flag before each character, exactly as libunistring 1.0's
    u8_possible_linebreaks sets it, and the class left behind for what follows.

    Its rules, first match wins: LB4-6 a BK character is a mandatory break (flagged on
    itself; it resets the context); LB7 no break before SP or ZW; LB9/10 a combining
    mark or ZWJ takes its base's class (no break before it), but at the start or after
    spaces it is AL (and may start a line after spaces); LB8 a break after ZW; LB8a none
    after ZWJ; LB30a regional indicators go in pairs; LB21a none after Hebrew + HY/BA;
    then the pair table, its I meaning "only after spaces".
    """
    pairs = _PAIR_TABLE
    out = [NO] * len(classes)
    prev = last = BK  # the previous character's class; the last non-space one's
    seen_space = False
    ri_count = 0
    for i, cls in enumerate(classes):
        if cls == BK:
            out[i] = MUST
            prev = last = BK
            seen_space = False
            ri_count = 0
            continue
        if cls == _SP:
            seen_space = True
        elif cls == _ZW:
            last = _ZW
            seen_space = False
        elif cls == _CM or cls == _ZWJ:
            if last == BK:
                last = _AL
                seen_space = False
            elif last == _ZW or seen_space:
                out[i] = CAN
                last = _AL
                seen_space = False
        else:
            if last == _ZW:
                out[i] = CAN
            elif last == BK or prev == _ZWJ or prev == _HL_BA:
                pass
            elif last == _RI and cls == _RI:
                if seen_space or ri_count % 2 == 0:
                    out[i] = CAN
            else:
                kind = pairs[last][cls]
                if kind == 2 or (kind == 1 and seen_space):
                    out[i] = CAN
            last = cls
            seen_space = False
        prev = _HL_BA if prev == _HL and (cls == _HY or cls == _BA) else cls
        ri_count = ri_count + 1 if cls == _RI else 0
    return out, last


def _after_spaces_table() -> tuple[bytes, ...]:
    """For the class a word leaves behind and the next word's first class: 1 when a break
    may come between them after spaces (never after leading spaces: BK)."""
    return tuple(
        bytes(break_opportunities([last, _SP, first])[0][2] == CAN for first in range(35)) for last in range(35)
    )


# --------------------------------------------------------------------------
# libunistring 1.0's data, measured from the library (Unicode 14).
#
# The pair table: row = class of the last non-space character, column = class of the
# next character; D: a break may come between them, I: only if spaces separate them,
# P: never.  Rows and columns in the order of the classes above.
_PAIRS = (
    "IIPPPIIIIIPPIPIPIDIDDDIPIDIPDDDDDDD",  # AL
    "DIPPPIIDDDPPIPDPDDDDDDIPIDIPDDDDDDD",  # BA
    "PPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPP",  # BK
    "PPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPP",  # SP
    "DIPPPIIDDDPPIPDPIDDDDDIPIDIPDDDDDDD",  # EX
    "IIPPPIIIIPPPIPIPIIIIIIIPIIIPIPIIIII",  # QU
    "IIPPPIIIIIPPIPIPIDIDDDIPIDIPDDDDDDD",  # CM
    "IIPPPIIDDIPPIPIPIDIIIIIPIDIPIIIIIDI",  # PR
    "IIPPPIIDDIPPIPIPIDIDDDIPIDIPDIDDDDD",  # PO
    "PPPPPPIPPPPPPPPPPPPPPPPPIPPPPPPPPPP",  # OP
    "IIPPPIIIIDPPIPIPIDIDDDIPIDIPDDDDDDD",  # CP
    "DIPPPIIDDDPPIPIPIDDDDDIPIDIPDDDDDDD",  # IS
    "DIPPPIIDDDPPIPIPDDDDDDIPIDIPDDDDDDD",  # HY
    "DIPPPIIDDDPPIPIPIDIDDDIPIDIPDDDDDDD",  # SY
    "IIPPPIIIIIPPIPIPIDIDDDIPIDIPDDDDDDD",  # NU
    "DIPPPIIIIDPPIPDPIDDDDDPPIDIPDDDDDDD",  # CL
    "IIPPPIIIIIPPIPIPIIIIIIIPIIIPIIIIIII",  # GL
    "IIPPPIIIIIPPIPIPIIIIIIIPIIIPIIIIIII",  # BB
    "IIPPPIIIIIPPIPIPIDIDDDIPIDIPDDDDDDD",  # HL
    "DIPPPIIDIDPPIPDPIDDIIDIPIDIPDDDIIDD",  # JL
    "DIPPPIIDIDPPIPDPIDDDIIIPIDIPDDDDDDD",  # JV
    "DIPPPIIDIDPPIPDPIDDDDIIPIDIPDDDDDDD",  # JT
    "DIPPPIIDDDPPIPDPIDDDDDIPIDIPDDDDDDD",  # NS
    "DDPPDDDDDDDDDDDDDDDDDDDPDDDDDDDDDDD",  # ZW
    "IIPPPIIIIIPPIPIPIIIIIIIPIIIPIIIIIII",  # ZWJ
    "DIPPPIIDDDPPIPDPIDDDDDIPIPIPDDDDDDD",  # B2
    "DIPPPIIDDDPPIPDPIDDDDDIPIDIPDDDDDDD",  # IN
    "IIPPPIIIIIPPIPIPIIIIIIIPIIIPIIIIIII",  # WJ
    "DIPPPIIDIDPPIPDPIDDDDDIPIDIPDDDDDDD",  # ID
    "PPPPPPIPPPPPPPPPPPPPPPPPIPPPPPPPPPP",  # OPW
    "DIPPPIIDIDPPIPDPIDDDDDIPIDIPDDDDDDI",  # EB
    "DIPPPIIDIDPPIPDPIDDDIIIPIDIPDDDDDDD",  # H2
    "DIPPPIIDIDPPIPDPIDDDDIIPIDIPDDDDDDD",  # H3
    "DIPPPIIDDDPPIPDPIDDDDDIPIDIPDDDDDID",  # RI
    "DIPPPIIDIDPPIPDPIDDDDDIPIDIPDDDDDDD",  # EM
)

# Run-length tables over all code points U+0000..U+10FFFF: a symbol (the value) and an
# optional run length in base 36 (1 when absent).  Surrogates are stored as AL, width 1.
_SYMBOLS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ!#$%&()*+,-./:;<=>?@[]^_`{|}~"
_CLASS_RUNS = (  # the class of each code point
    "G9BC4GiDEFAHIAFJKAHLMLNOaL2A3EArJHKAtJBPAG6CGqQJIH3A5FABA2IHA2RA6FA3JAeg"
    "RA3RAiRAwG27QGcQ7GdAeLA78G7A73LBA4HAG19BGAG2AG2EGA8SrA4S4AmI3L2A2GbEGE3A"
    "17GlOaIO2A3GA2rEAG7A2G6A2G2AG4A2OaAnGAuGrA2jGbAfOaAxG9A4LEA3GH2AmG4AG9AG"
    "3AG5A17G3A1oG8A16GoAGxA1iG3AGiAG7AaG2B2OaAhG3A1kGAG7A2G2A2G3A9GAaG2A2OaA"
    "2I2A5IAHA2GA2G3A1kGAG5A4G2A2G3A3GAkOaG2A3GAbG3A1kGAG8AG3AG3AkG2A2OaAHA8G"
    "6AG3A1kGAG7A2G2A2G3A7G3AaG2A2OaAiGA1nG5A3G3AG4A9GAeOaA9HA6G5A1jGAG7AG3AG"
    "4A7G2AbG2A2OaA7RA9G3RA1jGAG7AG3AG4A7G2AbG2A2OaAgG4A1jG2AG7AG3AG4A9GAaG2A"
    "2OaA9IA7G3A1yGA4G6AGAG8A6OaA2G2A23HAgOaB2A38OaA13R4AR2QR2BQE5QAEA3G2A6Oa"
    "AaBGAGAGJPJPG2A1dGeBG5BG2A5GbAG10AB2A6GA9R2BRA5Q2A2tOaB2A1wOaA2uT2oU20V2"
    "gA9pG3ABA4eBAhrBAqJPA26B3A10G4AsG3B2ArG2AuG2A2oB2WABABHA4OaAoE2B2RAE2AG3"
    "QGOaA2zG2AyGA3aGcA4GcA8E2OaA3kOaA1pG5A2rGOaA6OaAmGvA1dG5A1bGhAbOaB2AB4Aa"
    "G9A9B2AG3AuGdA2OaA18GeA1cGkA3B5OaA6OaA10B2A28G3AGlA4GA6GA2G3A5iG1sAe5RA2"
    "B7QB3XGYG2BQB2ZA3F2JF3JFA4!3BC2G5QI8AF2AW2A6LJPW3AcBAB4AB3#A5GaAdJPAeJPA"
    "hH7IHeIH4IH2IHIHfGxAiIA5IAcHA6zH2A63!AoJPJPAe$2Ad%PA5h$4Aek$4Ag$2A2$A$3&"
    "$2Ap$3A18$Am$A1p$cA4$A$3A$2A3$2A2$A2$3A8$A6$5A$2&$A2$8A3$2&4A25F6AE2$A3J"
    "PJPJPJPJPJPJPA27JPAvJPJPJPJPJPAb7JPJPJPJPJPJPJPJPJPJPJPA1rJPJPAwJPAkxG3A"
    "7EB3AEBA34BAeGA2oGwFeB8ABJBA2F2A2F2JPJPJPJPB4EAB2AB2A5Z2B3AB2JB8ABAB2A3E"
    "2JPJPJPJPBAy$qA$2hAc$5yAq$cA4BP2$2W$2%P%P%P%P%P$2%P%P%P%PW%P2$aG6$5G$5W2"
    "$3AW$W$W$W$W$pW$vW$W$W$6W$6W2A2G2W4$W2$W$W$W$W$pW$vW$W$W$6W$6W2$4W4$A5$1"
    "7A$2mA$2cAcWg$vA$14A8$5f4A1s$g7pW$vrA3$1jA1jB2A7hBEBAgOaA1xG4AGaAwG2A28G"
    "2AB5A7eGA3GA4GAnG5A4GAbIA1nR2E2A8G2A1eGiA8B2OaA6GiAaRA2GOaAsG8B2AnGdAcTt"
    "A3G4A1bGeA6B3A6OaAmOaA1bGeAcGA8G2A2OaA3B3A3vG5B2A3G2A6kG8BG2A2OaA6()r()r"
    "()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r"
    "()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r"
    "()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r"
    "()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r"
    "()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r"
    "()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r"
    "()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r"
    "()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r"
    "()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r"
    "()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r"
    "()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r"
    "()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r"
    "()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r"
    "()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r"
    "()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r"
    "()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r()r"
    "()r()r()r()r()r()r()r()r()r()r()r()r()rAcUnA4V1dA6is$e8AtSGSaASdAS5ASAS2"
    "AS2ASaAdqPJA58IA3GgLP2L2E2%P!A6Gg$5%P%P%P%P%P%P%P%P$2%P$7P$PAW2E2$%P%P%P"
    "$8A$HI$A43#AE$2HI$2%P$2P$P$bW2$3E$r%$P$t%$P$%P2%P2W$Wa$19W2$vA3$6A2$6A2$"
    "6A2$3A3IH$3H2AiG3$A77B3A6yGA6aGA45G5A10BA1cBA5rOaAq5BA5jBA69G3AG2A5G4A14"
    "G3A4GAgB8A3xG2A9B6!A1uB7AdgG4A8OaAa9G2BA48GbA1dG4A3eG3A1hGfB2AtOaGA2G2Aa"
    "G4A19GbA3B4GA19OaA6G3A10GeAOaB4AG2A18GARAaG3A1cGeA4B2ABG4AG2OaARAB3A24Gc"
    "B2AB2AGA2yBA1hGcA5OaA6G4A1jG2AG7A2G2A2G3A9GAaG2A2G7A3G5A5cGiA4B4AOaB2A2G"
    "A29GkAcOaA5xG7A2G9RB2E2A3BfA4G2A2aGhB2AdOaA6RdA1qGdA8OaA2uOaA2B3A6lGfA4l"
    "OaA1yG6AG2A2G4AGAG2B3A9OaA3bG7A2G7ARAGAsGaA14G7AG4RAB4RAGA9GbA1aGgB3AR3B"
    "2Ab0G8AG8AB5AaOaAmREAwGmAGeA3eG6A3GAG2AG7AGA8OaA1cG5AG2AG5A8OaA95G4A6eI4"
    "AuBAvkB5A2qrJ3P3A10PA3JPJPA6nJP2A50Q7JPA3h1JPA780OaA4B2A28OaA12G5BA1mG7B"
    "3AaBAbOaAn1B2A52GAG1jA7G4A25W4QAbG2Ae$4qgA8$lcAe8$9A6wn$83A19W3AhW4A8$b0"
    "A1whG2BG4A3mkG1aA2GnAf2G5A3GmA2G7AuG4A44G3A13dO1eAe8G1jA4G1eA8GAeGA2B4Ag"
    "G5AGfA11sG7AGhA2G7AG2AG5A79G7A9OaA9wGA1pG4OaA5HA15cG7A31G7A5OaA4J2AngIA3"
    "IAnj$18&4$2s&c$f&2$f&$f&$11&aAd$3A2l$3A1p$&1k*q$3&d$18&4$9&7$2&e$6&4a$3p"
    "&$mA2$nA2$5A$5&3$2&$2&3$1a+5$1u&2$2&b$l&j$3&$4&3$&3$7&$&$eA$A$A$5&$4A$A2"
    "$25A7$gAe$dAo$16&2$4&$l&$4&2$1pA8$oA6$23&3$3&5A12F3W3A4$z&$g&3$9&$b&$b&5"
    "$g&3$d&3A38&cA2d$4&7$c&4$&fAc&4A1k&8Aa&6A14&8Au&2$2&26Ac&$2&$8&8$6&$9&a$"
    "2&3$1k&$1p&2$&2$&$h&3$&d$yA2c&c$e&2$5&3$5&3$7&9$t&3$b&5$3&d$a&6$8&oA6oOa"
    "A6&seA2$1ekeA2$1ekeAe1ojGAuG2oA3kG6oA47bk"
)
_WIDTH_RUNS = (
    "AwB2nAxBdABgiA34B7nA7B7bA19BABA2BA2BAB1kA6BaAbBAB1aAlBgAB2tA8BA6B2A2BA4B"
    "xABABuArB2jAbB1mA9B9ABoA4BA9BA3BA5B17A3B1gA2B6A8B16A1lB1jABAB4A8B4AB3A7B"
    "aA2BtAB1mAB4A4B8ABkA2BqAB2A2B1lAB4A2B4A2B2A3B3ABuA2B3ABbA2B1lAB4A5BA2B4A"
    "BkA2BmA6BAB1mAB2ABA4B8AB7A2BbA2BuAB1pABcAB1eAB3AB1jABA3B5A3BA4B7A2BbA2Bt"
    "AB1mABfA2BkA2BsA2B1lA2B4A4B8ABkA2BtAB20AB7A3BAB2iAB2A7BcA8B2qAB2A9BbA6B2"
    "2A2BrABABAB1jAeBA5BA2B5AbBA10B9AB2uA4BA6BA2B2A2BpA2B4A3BgA4BdAB2A2B6ABfA"
    "B2qC2oA4gB9pA3BqaA3BtA2BuA2BuA2B1sA2BA7B8AB2AbB9AB19A5B39A2ByAB3aA3B4A2B"
    "9AB6A3B63A2B2AB1mABA7BABAB2A8B6AaB2AB1cAvB1dA4B1cABA5BAB5AB14A9BcA2BwA4B"
    "2A2BA3B1kABA2B3ABA3B1mA8B2A2B48A3BAdBA7B4AB6AB3A2B5iA1sBejA5BqA5B1dA5BAa"
    "B2oAxBfdC2BdC2B5aC4B3CB2CBehC2BlC2B1eCcB17CBjCBdCB8C2BhC2B5C2B8CB5CBlCB7"
    "C2BCB4CB2CB7CB4C2BsCBzCBCB4C3BCB1pC3BoCBeCBnvC2B1fCB4CBbdA3B3xAB2oAwB3kC"
    "buA4ChBC2hA2CbxB8C5f4B1sCh5cBbjA4BAaBwA2B28A2B7kAB3AB4ABpA2B5AB47A2BqAiB"
    "dAB12A8BpAbBeCtB3A3B1cAB2A4B2A2B13AB1vA6B2A2B2A2BcAB8AB1bAB1fABA3B2A2B5A"
    "2BAB16A2B8AB6mAB2AB4ABiC8mcBcAnB4A1dB6isCe8BuABkhAgCgAgC1sB3zAC2pB3jC7Bi"
    "A3Be9AB6aAB45A5B1aeA3BA2B5A4B14A3B4AB4lA2BfxA4BarA2B49AbB1dA4B3fAB1iAfB1"
    "5AB2A2BaA3B1dA4B2A2B2AB4ABaAB1eA3B10A5BA8B1qABcA2B1gA9BaA4B2AB2nA3B2ABA2"
    "B6AB4gAB3A8BlA2B1lA2B3AB11A7B3A5B5fA8B2A3BABnAB2cA6BAB4A2BA2B6mA4B6A2BA2"
    "BrA2B2dA8B2ABA2B2yABAB2A6BAB2tA3B2A4BA5B77A9BA2B74A2BAB4AB40A4B2A2B4ABwA"
    "6B2A2B14A6B2A4B8AB9A6B2A3B1aAdBA2BbaA7BA6B2cAmB2A7BA2BA2B3eA6B3ABA2BA7BA"
    "B20A2B3ABAB9nA2B46zA9Bat3A5B1nA7Bt4AB1rA4B25C4ABbC2BeC4qgB8CyeB16C9B6w7C"
    "4BC7BC2BC83B19C3BhC4B8Cb0B1whA2BA4B3mkA1aB2AnBf4A3B9AgB2A7BuA4B44A3B1izA"
    "1jB4A1eB8ABeABmA5BAfB11sA7BAhB2A7BA2BA5B79A7BafAB1pA4B15sA7B31A7B1btCB5m"
    "CB5aCB2CaB2tC81BcC9BC1yBCmBcC17B4C5BcChB3CB3C1zBCBC57B2C1rBdC4BCoBiCBqC2"
    "BdCB2eC2dB1cC1yB6CB3C3B2C3B5C3BbC2B7C9B6bCcB4CB7vC1bBCaBC55B34C5B3C5B3C7"
    "B9CtB3CbB5C6BaCaB6C8B8C7BztC2t4wBe1ohABuA2oB3kA6oB47bk"
)
"""Column width of each code point: 0 (combining, format and control characters), 1, 2."""


_RUN = re.compile(r"([^0-9a-z])([0-9a-z]*)")


def _decode_runs(runs: str, size: int = 0x110000) -> bytes:
    """One byte per code point for the first ``size`` code points, from a run-length
    table: a symbol (the value's index in _SYMBOLS) and the run length in base 36 (1 if
    absent)."""
    value_of = {symbol: bytes((value,)) for value, symbol in enumerate(_SYMBOLS)}
    parts = []
    done = 0
    for symbol, count in _RUN.findall(runs):
        parts.append(value_of[symbol] * (int(count, 36) if count else 1))
        done += len(parts[-1])
        if done >= size:
            break
    return b"".join(parts)[:size]


@cache
def tables() -> tuple[bytes, bytes]:
    """The class and the width of every code point (2.2 MB), decoded on first use."""
    return _decode_runs(_CLASS_RUNS), _decode_runs(_WIDTH_RUNS)


_PAIR_TABLE = tuple(bytes("PID".index(kind) for kind in row) for row in _PAIRS)
AFTER_SPACES = _after_spaces_table()
ASCII_TABLES = _decode_runs(_CLASS_RUNS, 128), _decode_runs(_WIDTH_RUNS, 128)
