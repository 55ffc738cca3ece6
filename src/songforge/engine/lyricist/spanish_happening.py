"""What a Spanish prompt says happens to its subject right after naming it, and the ways to
sing it: as it happens ("El perro espera en la estación"), as it goes on ("Y sigue
esperando en la estación") and as a title ("Esperando en la estación").

Three shapes are read: a relative clause ("un perro *que espera en la estación*"), a
gerund ("un pescador *esperando el barco*") and a participle with what it reaches ("un
barco *perdido en el mar*"). The verb forms follow the regular paradigms (Real Academia
Española, "Nueva gramática", ch. 4); the stem-changing and irregular verbs a prompt is
likely to use are listed by hand, as the paradigms cannot tell "vuelve" (volver) from
"bebe" (beber).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Gerund -> third person singular present, where the regular rule (-ando -> -a, -iendo
# -> -e) misses the stem change or the spelling.
_IRREGULAR_PRESENT = {
    "soñando": "sueña",
    "pensando": "piensa",
    "contando": "cuenta",
    "volando": "vuela",
    "recordando": "recuerda",
    "jugando": "juega",
    "despertando": "despierta",
    "encontrando": "encuentra",
    "mostrando": "muestra",
    "soltando": "suelta",
    "nevando": "nieva",
    "cerrando": "cierra",
    "empezando": "empieza",
    "temblando": "tiembla",
    "probando": "prueba",
    "sonando": "suena",
    "acostando": "acuesta",
    "durmiendo": "duerme",
    "volviendo": "vuelve",
    "sintiendo": "siente",
    "mintiendo": "miente",
    "pidiendo": "pide",
    "viniendo": "viene",
    "siguiendo": "sigue",
    "leyendo": "lee",
    "cayendo": "cae",
    "diciendo": "dice",
    "yendo": "va",
    "riendo": "ríe",
    "sonriendo": "sonríe",
    "muriendo": "muere",
    "perdiendo": "pierde",
    "queriendo": "quiere",
    "lloviendo": "llueve",
    "pudiendo": "puede",
    "haciendo": "hace",
    "teniendo": "tiene",
    "oyendo": "oye",
    "trayendo": "trae",
    "huyendo": "huye",
    "siendo": "es",
    "estando": "está",
}
_IRREGULAR_GERUND = {present: gerund for gerund, present in _IRREGULAR_PRESENT.items()}
# Preterite and imperfect forms say the thing is over: it is remembered, not going on.
_PAST = frozenset(
    [
        "fue",
        "fueron",
        "era",
        "eran",
        "estuvo",
        "tuvo",
        "vino",
        "dijo",
        "hizo",
        "murió",
        "pudo",
        "quiso",
    ]
)
_PARTICIPLES = frozenset(
    [
        "roto",
        "rota",
        "rotos",
        "rotas",
        "muerto",
        "muerta",
        "escrito",
        "escrita",
        "abierto",
        "abierta",
        "vuelto",
        "vuelta",
    ]
)
_NEGATIONS = ("nunca", "no", "ya", "siempre", "todavía", "aún", "también")
# Words that end the clause: what follows them is another thing.
_STOPS = frozenset(["que", "y", "o", "pero", "porque", "cuando", "mientras", "aunque"])
# Pronouns that go before the verb: "que *me* espera".
_CLITICS = frozenset(["me", "te", "se", "nos", "le", "les", "lo", "la", "los", "las"])


@dataclass(frozen=True)
class Happening:
    """What happens to the prompt's subject (the noun `noun` as the prompt wrote it)."""

    noun: str
    shape: str  # "present", "past", "gerund" or "participle"
    verb: str  # as the prompt wrote it: "espera", "llegó", "esperando", "perdido"
    rest: str  # what it reaches, as written: "en la estación", "el barco"
    adverb: str = ""  # "nunca" in "que nunca llega"
    clitic: str = ""  # "me" in "que me espera"

    @property
    def end(self) -> str:
        """The line's last word, for its rhyme."""
        return (self.rest or self.verb).split()[-1]


def _present_of(gerund: str) -> str:
    if gerund in _IRREGULAR_PRESENT:
        return _IRREGULAR_PRESENT[gerund]
    if gerund.endswith("ando"):
        return gerund[:-4] + "a"
    return gerund[:-5] + "e"


def _gerund_of(present: str) -> str:
    """The gerund of a present form: "espera" -> "esperando", "vive" -> "viviendo",
    "sueña" -> "soñando"."""
    if present in _IRREGULAR_GERUND:
        return _IRREGULAR_GERUND[present]
    stem, vowel = present[:-1], present[-1]
    if vowel == "a":
        return stem + "ando"
    return stem + "iendo"


def _plural(verb: str) -> str:
    if verb == "es":
        return "son"
    return verb + "n"


def _is_gerund(word: str) -> bool:
    return len(word) > 5 and word.endswith(("ando", "iendo", "yendo"))


def _is_participle(word: str) -> bool:
    ending = r"(?:ad|id)[oa]s?"
    return word in _PARTICIPLES or (
        len(word) > 5 and re.fullmatch(rf"\w+{ending}", word) is not None
    )


def _is_past(verb: str) -> bool:
    return verb in _PAST or verb.endswith(("ó", "aba", "aban", "ía", "ían", "ieron", "aron"))


def _clause(tokens: list[str]) -> list[str]:
    out: list[str] = []
    for token in tokens:
        if token.lower() in _STOPS or token in ",.;:":
            break
        out.append(token)
    return out


def find_happening(prompt: str, nouns: list[str]) -> Happening | None:
    """The first of `nouns` (the subject's words, as `extract_nouns` read them) that the
    prompt follows with what happens to it, and what happens; None when none is."""
    raw = re.findall(r"[^\W\d_]+|[,.;:]", prompt)
    tokens = [t if i and t[0].isupper() else t.lower() for i, t in enumerate(raw)]
    lowered = [t.lower() for t in tokens]
    for noun in nouns:
        if noun.lower() not in lowered:
            continue
        at = lowered.index(noun.lower()) + 1
        # One adjective may sit between: "un gato negro que duerme".
        if at + 1 < len(lowered) and lowered[at] != "que" and lowered[at + 1] == "que":
            at += 1
        after = tokens[at:]
        if not after:
            continue
        first = after[0].lower()
        if first == "que":
            words = _clause(after[1:])
            adverb = words[0].lower() if words and words[0].lower() in _NEGATIONS else ""
            words = words[1:] if adverb else words
            clitic = words[0].lower() if len(words) > 1 and words[0] in _CLITICS else ""
            words = words[1:] if clitic else words
            if not words or words[0][0].isupper():
                continue
            verb = words[0].lower()
            shape = "past" if _is_past(verb) else "present"
            return Happening(noun, shape, verb, " ".join(words[1:]), adverb, clitic)
        words = _clause(after)
        if _is_gerund(first):
            return Happening(noun, "gerund", first, " ".join(words[1:]))
        if _is_participle(first) and len(words) > 1:
            return Happening(noun, "participle", first, " ".join(words[1:]))
    return None


def _join(*parts: str) -> str:
    return " ".join(p for p in parts if p)


def _present(happening: Happening, plural: bool) -> str:
    verb = happening.verb
    if happening.shape == "gerund":
        verb = _present_of(verb)
        return _plural(verb) if plural else verb
    return _join(happening.clitic, verb)


def _gerund(happening: Happening) -> str:
    if happening.shape == "gerund":
        return happening.verb
    verb = happening.verb
    if verb.endswith("n") and len(verb) > 3:
        verb = verb[:-1]  # "esperan" -> "espera"
    return _gerund_of(verb)


def opening_lines(happening: Happening, subject: str, plural: bool) -> list[str]:
    """Ways to sing it as it happens, about `subject` ("el perro"), best first."""
    esta = "están" if plural else "está"
    if happening.shape == "participle":
        core = _join(esta, happening.verb, happening.rest)
        return [_join(subject, core), _join("hoy", subject, core), core]
    if happening.shape == "past":
        core = _join(happening.adverb, happening.verb, happening.rest)
        return [_join(subject, core), _join("y", subject, core), core]
    core = _join(happening.adverb, _present(happening, plural), happening.rest)
    if happening.adverb:  # never "hoy nunca llega"
        return [_join(subject, core), _join("y", subject, core), core]
    return [_join(subject, core), _join("hoy", subject, core), _join("y", subject, core), core]


def going_on_lines(happening: Happening, subject: str, plural: bool) -> list[str]:
    """Ways to sing that it is still happening ("El perro todavía espera en la estación",
    "Y sigue esperando en la estación"), or for something over, that it is remembered."""
    rest = happening.rest
    sigue = "siguen" if plural else "sigue"
    esta = "están" if plural else "está"
    if happening.shape == "participle":
        cores = [
            _join(sigue, happening.verb, rest),
            _join("todavía", esta, happening.verb, rest),
            _join("aún", esta, happening.verb, rest),
        ]
    elif happening.shape == "past":
        said = _join(happening.adverb, happening.clitic, happening.verb, rest)
        return [
            _join("aún recuerdo que", subject, said),
            _join("todavía recuerdo que", said),
            _join("aún recuerdo que", said),
            _join("y aún recuerdo que", said),
        ]
    elif happening.adverb in ("nunca", "no"):
        verb = _present(happening, plural)
        cores = [_join("todavía no", verb, rest), _join("aún no", verb, rest)]
    else:
        verb = _present(happening, plural)
        cores = [_join("todavía", verb, rest), _join("aún", verb, rest)]
        if not happening.clitic:  # "sigue esperándome" would need the pronoun joined on
            cores.append(_join(sigue, _gerund(happening), rest))
    lines = [_join(subject, core) for core in cores]
    return lines + cores + [_join("y", core) for core in cores]


def title_of(happening: Happening) -> str:
    """The happening as a title ("Esperando en la estación", "Perdido en el mar"); "" when
    it is over or denied, which makes no title."""
    if happening.shape == "past" or happening.adverb in ("nunca", "no") or happening.clitic:
        return ""
    verb = happening.verb if happening.shape == "participle" else _gerund(happening)
    text = _join(verb, happening.rest)
    return text[0].upper() + text[1:]
