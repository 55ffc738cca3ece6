"""The built-in writer in Spanish: the same small story (scene, what changed, the turn, a
chorus that repeats word for word) from Spanish phrase banks, rhymed and counted by Spanish
spelling.

Rhyme follows Spanish metrics: two words rhyme from the stressed vowel on, fully
(consonante: "playa"/"raya") or in their vowels only (asonante: "luna"/"cuna"/"duda"),
which songs use freely; the stress comes from the written-accent rules (engine.syllabify).
Nouns carry their gender, so articles agree ("la playa", "el mar") and "a el"/"de el"
contract to "al"/"del". Adjectives are the gender-invariant ones ("azul", "triste").
"""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from songforge.engine import syllabify
from songforge.engine.lyric_text import LyricSection
from songforge.engine.lyricist.spanish_happening import (
    Happening,
    find_happening,
    title_of,
)
from songforge.engine.lyricist.spanish_happening import going_on_lines as lines_going_on
from songforge.engine.lyricist.spanish_happening import opening_lines as lines_opening

SPANISH = "es"
# Syllables per line, counted word by word as the voice sings them (no synalepha): a
# syllable more than English lines, as Spanish words are longer.
TARGETS = {"verse": 9, "prechorus": 8, "chorus": 8, "bridge": 9, "outro": 8}
PLACE, SKY, HEART, THING, BEING = "place", "sky", "heart", "thing", "being"

# word: (gender, class). Every word is common Spanish.
_NOUNS_TEXT = """
playa f place; mar m place; calle f place; ciudad f place; camino m place; puerto m place;
río m place; pueblo m place; casa f place; jardín m place; orilla f place; plaza f place;
carretera f place; montaña f place; campo m place; isla f place; puente m place;
esquina f place; arena f place; bahía f place; frontera f place; estación f place;
cielo m sky; sol m sky; luna f sky; noche f sky; día m sky; lluvia f sky; viento m sky;
estrella f sky; mañana f sky; tarde f sky; ola f sky; marea f sky; tormenta f sky;
nube f sky; fuego m sky; luz f sky; invierno m sky; verano m sky; madrugada f sky;
brisa f sky; niebla f sky; amanecer m sky; primavera f sky;
amor m heart; corazón m heart; beso m heart; canción f heart; recuerdo m heart;
sueño m heart; promesa f heart; verdad f heart; libertad f heart; vida f heart;
silencio m heart; olvido m heart; deseo m heart; alegría f heart; tiempo m heart;
nombre m heart; voz f heart; mirada f heart; sonrisa f heart; destino m heart;
esperanza f heart; ilusión f heart; pasión f heart; locura f heart; fiesta f heart;
guitarra f thing; carta f thing; foto f thing; barco m thing; coche m thing;
camión m thing; vela f thing; flor f thing; rosa f thing; anillo m thing; vestido m thing;
ventana f thing; puerta f thing; piano m thing; tambor m thing; maleta f thing;
perro m being; gato m being; caballo m being; niña f being; niño m being; madre f being;
padre m being; abuela f being; abuelo m being; amigo m being; amiga f being;
marinero m being; pájaro m being; gente f being; pescador m being; mujer f being;
hombre m being; tren m thing; biblioteca f place; panadería f place; escuela f place;
"""
NOUNS: dict[str, tuple[str, str]] = {
    entry.split()[0]: (entry.split()[1], entry.split()[2])
    for entry in _NOUNS_TEXT.replace("\n", " ").split(";")
    if entry.strip()
}
# Gender-invariant adjectives that sit well before a noun ("la dulce noche").
ADJECTIVES = ("triste", "dulce", "breve", "leve", "eterna", "vieja")
_INVARIANT = ("triste", "dulce", "breve", "leve")
MOODS = {
    "triste": "triste",
    "melancólica": "triste",
    "melancólico": "triste",
    "nostálgica": "triste",
    "alegre": "dulce",
    "feliz": "dulce",
    "romántica": "dulce",
    "romántico": "dulce",
}
_FRAME_TEXT = """
una un uno unos unas el la los las lo de del en sobre para con sin por a al y o que mi
mis tu tus su sus nuestra nuestro canción canciones tema balada letra música ritmo pista
reggaetón reguetón bachata cumbia salsa bolero ranchera corrido tango pop rock rap trap
flamenco merengue vallenato huapango mariachi norteño son muy bien quiero escribe haz
hazme dame algo como me te se triste
alegre feliz romántica romántico melancólica melancólico nostálgica lenta rápida bailar
baile toda todo dos tres cuatro cinco muchos muchas algunos algunas
"""
_FRAME = frozenset(_FRAME_TEXT.split())
# Sung in the first person: "tu madre" in a prompt is the singer's own.
_OWNERS = {"mi": "mi", "tu": "mi", "mis": "mis", "tus": "mis", "nuestra": "nuestra"}
_OWNERS |= {"nuestro": "nuestro", "su": "su"}
_FEMININE_ARTICLES = frozenset(("la", "una", "las", "unas"))
_MASCULINE_ARTICLES = frozenset(("el", "un", "los", "unos", "del", "al"))


@dataclass(frozen=True)
class Noun:
    word: str
    gender: str  # "m" or "f"
    plural: bool
    kind: str
    owner: str = ""  # "mi", "tu", "nuestra"... as the prompt said it, or "" for the article
    proper: bool = False  # a name ("Cádiz", "Buenos Aires"): no article, its capitals kept

    def definite(self, adjective: str = "") -> str:
        if self.proper:
            return self.word
        article = {"m": "el", "f": "la"}[self.gender]
        if self.plural:
            article = {"m": "los", "f": "las"}[self.gender]
        body = f"{adjective} {self.word}" if adjective else self.word
        return f"{self.owner or article} {body}"

    def indefinite(self) -> str:
        if self.owner or self.proper:
            return self.definite()
        article = {"m": "un", "f": "una"}[self.gender]
        if self.plural:
            article = {"m": "unos", "f": "unas"}[self.gender]
        return f"{article} {self.word}"

    @property
    def estaba(self) -> str:
        return "estaban" if self.plural else "estaba"

    @property
    def esta(self) -> str:
        return "están" if self.plural else "está"


@dataclass(frozen=True)
class Template:
    text: str  # ends on "{END}" (the ending noun with its article)
    sections: frozenset[str]
    kinds: frozenset[str] = frozenset()  # subject kinds for {S}/{A}; empty: no subject
    classes: frozenset[str] = frozenset((PLACE, SKY, HEART, THING, BEING))


def _t(text: str, sections: str, kinds: str = "", classes: str = "") -> Template:
    every = (PLACE, SKY, HEART, THING, BEING)
    return Template(
        text,
        frozenset(sections.split()),
        frozenset(every if kinds == "*" else kinds.split()),
        frozenset(classes.split()) if classes and classes != "*" else frozenset(every),
    )


TEMPLATES: tuple[Template, ...] = (
    # The scene: where it started, with something happening in it.
    _t("caminaba con {S} hacia {END}", "scene", "being thing", "place sky"),
    _t("todo empezó con {A} y {END}", "scene", "*"),
    _t("{S} {estaba} junto a {END}", "scene", "being thing place", "place thing"),
    _t("había {A} cerca de {END}", "scene", "being thing", "place thing"),
    _t("fue en {S}, bajo {END}", "scene", "place", "sky"),
    _t("recuerdo {S} y {END}", "scene bridge", "place sky heart thing"),
    _t("yo te vi en {S} con {END}", "scene", "place", "sky heart"),
    _t("{S} me esperaba{n} junto a {END}", "scene", "being", "place thing"),
    _t("te conocí en {S} bajo {END}", "scene", "place", "sky"),
    _t("cuando {S} {estaba} junto a {END}", "scene", "being thing", "place thing"),
    _t("{S} brillaba{n} sobre {END}", "scene", "sky", "place thing"),
    _t("caía{n} {S} sobre {END}", "scene", "sky", "place thing"),
    _t("{S} camina{n} hacia {END}", "scene", "being", "place"),
    _t("{S} mira{n} hacia {END}", "scene later", "being", "place sky"),
    _t("{S} dormía{n} bajo {END}", "scene", "being", "sky"),
    _t("en {S} nos encontró {END}", "scene", "place", "sky heart"),
    _t("llegué a {S} con {END}", "scene", "place", "sky heart"),
    _t("{S} olía{n} a {END}", "scene", "place", "sky heart"),
    _t("bailamos en {S} bajo {END}", "scene chorus", "place", "sky"),
    _t("te esperaba en {S} con {END}", "scene", "place", "sky heart"),
    _t("vi {A} junto a {END}", "scene", "thing", "place thing"),
    _t("vi a {A} junto a {END}", "scene", "being", "place thing"),
    _t("tenías en la mano {END}", "scene", "", "thing"),
    _t("me regalaste {END}", "scene", "", "thing heart"),
    _t("allí conocí a {END}", "scene", "", "being"),
    _t("me hablabas de {END}", "scene prechorus", "", "*"),
    _t("jugábamos con {END}", "scene", "", "thing being"),
    _t("{S} tenía{n} {END_ADJ}", "scene", "being place", "heart thing"),
    _t("la lluvia caía sobre {END}", "scene", "", "place thing"),
    _t("el viento soplaba en {END}", "scene", "", "place"),
    _t("el sol se dormía en {END}", "scene", "", "place"),
    _t("sonaba una guitarra en {END}", "scene", "", "place"),
    _t("despertaba {END}", "scene", "", "place sky"),
    _t("en {S} cae {END}", "scene later", "place", "sky"),
    _t("en {S} te espera {END}", "scene later chorus", "place", "being heart"),
    _t("{S} vive{n} en {END}", "scene later", "being", "place heart"),
    # Later: what is left, and what goes on without it.
    _t("ahora {S} {esta} lejos de {END}", "later", "being thing", "place sky"),
    _t("ahora pienso en {S} y en {END}", "later", "*"),
    _t("el tiempo pasa por {S} y {END}", "later", "place", "sky heart"),
    _t("todavía llevo {S} hasta {END}", "later", "thing heart", "place"),
    _t("ya no {esta} {S} en {END}", "later", "being thing", "place"),
    _t("me acuerdo de {S} en {END_ADJ}", "later bridge", "*", "sky place"),
    _t("hoy regreso a {S} con {END}", "later", "place", "sky heart"),
    _t("sigo soñando con {S} y {END}", "later", "*"),
    _t("ya no tengo {S}, solo {END}", "later", "being thing heart"),
    _t("me quedan {S} y {END}", "later", "being thing heart"),
    _t("{S} ya no vuelve{n} a {END}", "later", "being thing", "place"),
    _t("busco a {S} en {END}", "later", "being", "place sky"),
    _t("busco {S} en {END}", "later", "thing heart", "place sky"),
    _t("guardo {S} en {END}", "later", "thing heart", "heart"),
    _t("{S} me recuerda{n} {END}", "later", "being place thing", "heart sky"),
    _t("el mar se lleva {END}", "later bridge", "", "sky heart thing"),
    _t("despacio se apaga {END}", "later", "", "sky"),
    _t("la lluvia cae sobre {END}", "later", "", "place thing"),
    _t("la noche cae sobre {END}", "later", "", "place"),
    _t("el viento sopla en {END}", "later", "", "place"),
    _t("todavía me duele {END}", "later bridge", "", "heart"),
    _t("escribo tu nombre en {END}", "later", "", "place thing sky"),
    _t("quiero volver a {END}", "later prechorus", "", "place"),
    _t("se me escapa {END}", "later prechorus", "", "heart sky"),
    _t("la luna brilla sobre {END}", "later", "", "place thing"),
    _t("cada noche sueño con {END}", "later", "", "heart place"),
    _t("ya no me escribe {END}", "later", "", "being"),
    _t("extraño a {END}", "later", "", "being"),
    _t("extraño {END}", "later", "", "thing heart place sky"),
    _t("todavía guardo {END}", "later", "", "thing heart"),
    _t("nadie me habla de {END}", "later bridge", "", "*"),
    # Building.
    _t("siento {S} en {END}", "prechorus", "sky heart place", "sky place"),
    _t("y me lleva hasta {END}", "prechorus", "", "place sky"),
    _t("ya se acerca {END}", "prechorus", "", "sky heart"),
    _t("y algo me llama desde {END}", "prechorus", "", "place sky"),
    _t("dime que vuelve {END}", "prechorus bridge", "", "sky heart"),
    _t("no quiero perder {END}", "prechorus bridge", "", "heart thing"),
    _t("y ya se va {END}", "prechorus", "", "sky heart"),
    _t("{S} me llama{n} desde {END}", "prechorus chorus", "*", "place sky"),
    _t("y me acuerdo de {END}", "prechorus", "", "*"),
    _t("todo me lleva a {END}", "prechorus", "", "place being heart"),
    _t("y vuelve {END}", "prechorus", "", "sky heart being"),
    # The turn.
    _t("y si un día pierdo {S} y {END}", "bridge", "being thing heart"),
    _t("quizás {S} {era} solo {END}", "bridge", "place sky heart", "sky heart"),
    _t("nadie sabe de {S} ni de {END}", "bridge", "*"),
    _t("sin {S} no queda {END}", "bridge", "*", "heart sky"),
    _t("quién me devuelve {END}", "bridge", "", "heart sky"),
    _t("tal vez mañana vuelva {END}", "bridge", "", "sky heart"),
    _t("y si el tiempo borra {END}", "bridge", "", "heart place"),
    _t("no sé vivir sin {END}", "bridge chorus", "", "heart being"),
    _t("y si un día vuelve {END}", "bridge", "", "*"),
    # The chorus.
    _t("canto por {S} y por {END}", "chorus outro", "*"),
    _t("vuelvo a {S} con {END}", "chorus outro", "place", "sky heart"),
    _t("por {S} cantaré hasta {END}", "chorus outro", "*", "sky place"),
    _t("bailo en {S} con {END}", "chorus outro", "place", "sky heart"),
    _t("me quedo con {S} hasta {END}", "chorus outro", "being thing heart", "sky place"),
    _t("{S} me lleva{n} hasta {END}", "chorus outro", "*", "sky place"),
    _t("{S} y yo bajo {END}", "chorus outro", "being thing", "sky"),
    _t("baila conmigo hasta {END}", "chorus outro", "", "sky"),
    _t("quédate conmigo en {END}", "chorus outro bridge", "", "place sky"),
    _t("ven conmigo a {END}", "chorus outro", "", "place"),
    _t("llévame a {END}", "chorus outro prechorus", "", "place"),
    _t("que nunca se acabe {END}", "chorus outro", "", "heart sky"),
    _t("te quiero hasta {END}", "chorus outro", "", "sky"),
    _t("le canto a {END}", "prechorus chorus bridge", "", "being heart"),
    _t("ven y dame {END}", "chorus outro prechorus", "", "thing heart"),
    _t("espérame con {END}", "chorus outro", "", "thing heart sky"),
    _t("vuelve con {END}", "chorus outro", "", "thing being heart"),
    _t("me quedo con {END}", "chorus outro", "", "thing being heart"),
    _t("abrázame junto a {END}", "chorus outro", "", "place thing"),
    _t("{S} me da{n} {END}", "chorus outro", "*", "thing heart"),
    _t("te regalo {END}", "chorus outro", "", "thing heart"),
    _t("canto con {END}", "chorus outro", "", "thing being"),
    _t("en {S} brilla {END}", "chorus outro prechorus", "place", "sky"),
    _t("vuelve{n} {S} con {END}", "later chorus", "being thing heart sky", "sky heart"),
    # After the title in the chorus's first line: short, and something happens.
    _t("ven conmigo", "hook"),
    _t("quédate aquí", "hook"),
    _t("no te vayas", "hook"),
    _t("vuelve a mí", "hook"),
    _t("baila conmigo", "hook"),
    _t("aquí te espero", "hook"),
    _t("cae {END}", "hook", "", "sky"),
    _t("vuelve {END}", "hook", "", "sky heart"),
    _t("ya llega {END}", "hook", "", "sky"),
    _t("pienso en {END_ADJ}", "scene later prechorus bridge", "", "*"),
    # Lines of the scenery, when the subject has been sung enough.
    _t("me pierdo en {END_ADJ}", "scene later prechorus chorus", "", "sky place"),
    _t("me pierdo en {END}", "scene later prechorus chorus", "", "sky place"),
    _t("te espero en {END}", "scene later chorus outro", "", "place sky"),
    _t("volveré a {END}", "bridge chorus outro", "", "place"),
    _t("no me olvides en {END}", "bridge chorus", "", "place sky"),
)
_PREFIXES = ("", "", "", "y ", "oh, ", "hoy ", "ay, ")


@dataclass(frozen=True)
class SpanishDraft:
    title: str
    sections: list[LyricSection]
    rhyme_pairs: list[tuple[str, str]]


def _strip_accents(text: str) -> str:
    return "".join(
        ch for ch in unicodedata.normalize("NFD", text) if unicodedata.category(ch) != "Mn"
    )


@lru_cache(maxsize=5_000)
def rhyme_tail(word: str) -> str:
    """The sound of `word` from its stressed vowel on, spelled plainly: "playa" -> "aya",
    "corazón" -> "on". Spelling variants that sound alike are merged (b/v, ll/y, z/ce/ci,
    silent h) so rhymes are by ear."""
    clean = word.lower().strip(".,;:!?¡¿'\"")
    parts = syllabify.pieces(clean, SPANISH)
    marks = syllabify.word_stresses(clean, SPANISH)
    stressed = marks.index(1) if 1 in marks else len(parts) - 1
    if len(parts) != len(marks):
        stressed = len(parts) - 1
    piece = parts[stressed]
    vowels = [i for i, ch in enumerate(piece) if ch in "aeiouáéíóúü"]
    if not vowels:
        return _plain(clean[-2:])
    accented = [i for i in vowels if piece[i] in "áéíóú"]
    strong = [i for i in vowels if piece[i] in "aeoáéó"]
    at = (accented or strong or vowels[-1:])[0]
    return _plain(piece[at:] + "".join(parts[stressed + 1 :]))


def _plain(tail: str) -> str:
    tail = _strip_accents(tail)
    tail = tail.replace("h", "").replace("v", "b").replace("ll", "y").replace("z", "s")
    tail = re.sub(r"c(?=[ei])", "s", tail)
    tail = re.sub(r"qu(?=[ei])", "k", tail)
    return re.sub(r"c(?=[aou]|$)", "k", tail)


def assonance(word: str) -> str:
    """The vowels of the rhyme tail: words with equal assonance rhyme in Spanish song."""
    return re.sub(r"[^aeiou]", "", rhyme_tail(word))


def rhymes(a: str, b: str) -> bool:
    return a.lower() != b.lower() and assonance(a) == assonance(b) != ""


def line_syllables(line: str) -> int:
    return sum(syllabify.syllable_count(w, SPANISH) for w in line.split())


def _contract(text: str) -> str:
    return re.sub(r"\b([Aa]|[Dd]e) el\b", lambda m: {"a": "al", "de": "del"}[m[1].lower()], text)


def _tokens(prompt: str) -> list[str]:
    return re.findall(r"[^\W\d_]+", prompt.lower())


# Names of more than one word a prompt may write without capitals.
_PLACE_NAMES = (
    "buenos aires",
    "nueva york",
    "san juan",
    "los ángeles",
    "los angeles",
    "la habana",
    "puerto rico",
    "costa rica",
    "santo domingo",
    "san francisco",
    "ciudad de méxico",
    "el salvador",
)
# After these a name is a place: "en Cádiz", "de Buenos Aires".
_PLACE_WORDS = frozenset(("en", "de", "desde", "hacia", "a", "por", "hasta"))
_PLURAL_DETERMINERS = frozenset(
    (
        *("los", "las", "unos", "unas", "mis", "tus", "sus", "nuestras", "nuestros"),
        *("dos", "tres", "cuatro", "cinco", "muchos", "muchas", "algunos", "algunas"),
    )
)
# Adjectives Spanish puts before a noun ("un viejo marinero"): the noun follows them.
_PRENOMINAL = frozenset(("viejo", "vieja", "viejos", "viejas", "pequeño", "pequeña", "pobre"))


def _names(prompt: str) -> tuple[list[str], dict[int, str]]:
    """The prompt's words in lower case, with each name ("Cádiz", "Buenos Aires", "San
    Juan") as one word: a capitalised word past the first, the capitalised words after it,
    or a name of `_PLACE_NAMES` however written. Returns the words and, by position, each
    name as written."""
    raw = re.findall(r"[^\W\d_]+", prompt)
    words: list[str] = []
    names: dict[int, str] = {}
    i = 0
    while i < len(raw):
        low = " ".join(raw[i : i + 3]).lower()
        known = next((n for n in _PLACE_NAMES if (low + " ").startswith(n + " ")), "")
        if known:
            size = len(known.split())
            parts = raw[i : i + size]
        elif i and raw[i][0].isupper():
            size = 1
            while i + size < len(raw) and raw[i + size][0].isupper():
                size += 1
            parts = raw[i : i + size]
        else:
            words.append(raw[i].lower())
            i += 1
            continue
        names[len(words)] = " ".join(p[0].upper() + p[1:] for p in parts)
        words.append(" ".join(parts).lower())
        i += size
    return words, names


_ARTICLES = _FEMININE_ARTICLES | _MASCULINE_ARTICLES


def _lemma(word: str) -> str:
    """The singular of a plural noun as far as spelling tells: "amigas" -> "amiga",
    "trenes" -> "tren"."""
    if word in NOUNS or not word.endswith("s"):
        return word
    if word.endswith("es") and word[:-2] in NOUNS:
        return word[:-2]
    return word[:-1]


def _guess_gender(word: str) -> str:
    if word in NOUNS:
        return NOUNS[word][0]
    return "f" if word.endswith(("a", "ción", "sión", "dad", "tad", "tud", "umbre")) else "m"


def extract_nouns(prompt: str) -> tuple[list[Noun], list[Noun], str]:
    """The prompt's nouns after a preposition or article (the subject), the ones that name
    the kind of song ("canción de amor": amor), and its mood adjective ("" when none)."""
    words, names = _names(prompt)
    subject: list[Noun] = []
    framing: list[Noun] = []
    mood = next((MOODS[w] for w in words if w in MOODS), "")
    in_clause = False
    for i, word in enumerate(words):
        # A relative clause ("una carta que nunca llegó") says what happened, not what of.
        if word in ("que", "quien", "donde", "cuando"):
            in_clause = True
            continue
        before = words[i - 1] if i else ""
        # The clause's verb is no thing, what it names is: "que era *pescador*", "que
        # espera *un tren*".
        named = before in _ARTICLES or before in _OWNERS or _lemma(word) in NOUNS
        if in_clause and word not in ("sobre", "en", "para", "con", "de", "a"):
            if not (named or i in names) or word in _FRAME:
                continue
        else:
            in_clause = False
        if i in names:
            kind = PLACE if before in _PLACE_WORDS else BEING
            last = names[i].split()[-1].lower()
            subject.append(Noun(names[i], _guess_gender(last), False, kind, proper=True))
            continue
        if word in _FRAME or len(word) < 3:
            continue
        if word in _PRENOMINAL and i + 1 < len(words) and before in _ARTICLES | {""}:
            continue
        # A gerund says what happens ("bailando en la playa"), it names nothing.
        if len(word) > 5 and word.endswith(("ando", "iendo", "yendo")):
            continue
        # Spanish adjectives follow their noun ("los gatos negros", "la luna llena"): a
        # word right after a noun, with no article or preposition between, describes it.
        if before in {n.word for n in subject[-1:] + framing[-1:]}:
            continue
        gender = (
            "f"
            if before in _FEMININE_ARTICLES
            else "m"
            if before in _MASCULINE_ARTICLES
            else _guess_gender(word)
        )
        plural = before in _PLURAL_DETERMINERS and word.endswith("s")
        known = NOUNS.get(_lemma(word)) if plural else NOUNS.get(word)
        if before not in _FEMININE_ARTICLES | _MASCULINE_ARTICLES:
            gender = known[0] if known else _guess_gender(_lemma(word) if plural else word)
        kind = known[1] if known else THING
        owner = before if before in _OWNERS else ""
        noun = Noun(word, gender, plural, kind, _OWNERS.get(owner, ""))
        # "canción de amor": a noun right after the kind of song names the kind of song.
        framed = i >= 2 and before == "de" and words[i - 2] in ("canción", "balada", "tema")
        (framing if framed else subject).append(noun)
    return subject, framing, mood


class _Writer:
    def __init__(self, phrases: list[Noun], mood: str, rng: random.Random) -> None:
        self.rng = rng
        self.phrases = phrases
        self.sung = {p.word: 0 for p in phrases}
        self.adjectives = [mood] if mood else []
        self.adjectives += [a for a in ADJECTIVES if a != mood]
        own = [p.word for p in phrases if p.word in NOUNS and not p.plural]
        self.endings = list(dict.fromkeys([*own, *NOUNS]))
        self.preferred = own
        self.used_lines: set[str] = set()
        self.used_ends: set[str] = set()
        self.pairs: list[tuple[str, str]] = []
        self.verses = 0
        # Frames (a template with its nouns blanked) sung in the sheet and in the section
        # being written: one frame at most once a section and twice a sheet, so that no
        # line shape wears out.
        self.frames: dict[str, int] = {}
        self.section_frames: set[str] = set()
        self.happening: Happening | None = None
        self.happening_noun: Noun | None = None

    def pair(self, prefer: list[str]) -> tuple[str, str]:
        head = [w for w in prefer if w not in self.used_ends]
        tail = [w for w in self.endings if w not in head and w not in self.used_ends]
        self.rng.shuffle(head)
        self.rng.shuffle(tail)
        for first in head + tail:
            full = [
                w
                for w in self.endings
                if w not in self.used_ends | {first} and rhyme_tail(w) == rhyme_tail(first)
            ]
            vowels = [
                w for w in self.endings if w not in self.used_ends | {first} and rhymes(w, first)
            ]
            options = full or vowels
            if options:
                second = self.rng.choice(options)
                self.used_ends |= {first, second}
                self.pairs.append((first, second))
                return first, second
        self.used_ends.clear()
        return self.pair(prefer)

    def adjectives_for(self, gender: str) -> list[str]:
        gendered = {"eterna": "eterno", "vieja": "viejo"} if gender == "m" else {}
        return [gendered.get(a, a) for a in self.adjectives]

    def fill(self, template: Template, end: str, phrase: Noun | None) -> str:
        gender, kind = NOUNS[end]
        ending = Noun(end, gender, False, kind)
        subject = phrase or (self.phrases[0] if self.phrases else ending)
        text = template.text.format_map(
            {
                "END": ending.definite(),
                "END_ADJ": ending.definite(self.rng.choice(self.adjectives_for(gender))),
                "S": subject.definite(),
                "A": subject.indefinite(),
                "estaba": subject.estaba,
                "esta": subject.esta,
                "era": "eran" if subject.plural else "era",
                # The verb agrees with a plural subject: "me quedan los gatos".
                "n": "n" if subject.plural else "",
            }
        )
        return _contract(text)

    def line(self, end: str, target: int, section: str) -> str:
        cls = NOUNS[end][1]
        best, best_score, best_phrase = "", 99.0, None
        best_template: Template | None = None
        fewest = min(self.sung.values()) if self.sung else 0
        options: list[tuple[Template, Noun | None]] = []
        for template in TEMPLATES:
            if section not in template.sections or cls not in template.classes:
                continue
            if not self.fresh(template):
                continue
            if "{S}" in template.text or "{A}" in template.text:
                for noun in self.phrases:
                    if noun.kind in template.kinds and noun.word != end:
                        weight = 3 if self.sung[noun.word] == fewest else 1
                        options += [(template, noun)] * weight
            else:
                options.append((template, None))
        if not options:
            options = [
                (t, None)
                for t in TEMPLATES
                if "{S}" not in t.text and "{A}" not in t.text and cls in t.classes
            ]
            options = [o for o in options if self.fresh(o[0])] or options
        for attempt in range(120):
            template, phrase = self.rng.choice(options)
            prefix = self.rng.choice(_PREFIXES)
            if prefix and template.text.startswith(prefix.strip(" ,")):
                prefix = ""  # never "y y me lleva" or "hoy hoy regreso"
            text = prefix + self.fill(template, end, phrase)
            text = text[0].upper() + text[1:]
            gap = abs(line_syllables(text) - target)
            # Within a syllable of the target when sampling can find it; else the closest.
            if text.lower() in self.used_lines or (gap > 1 and attempt < 80):
                continue
            score = (
                (gap if gap <= 1 else 5 * gap)  # past a syllable off, the length decides
                + 0.6 * bool(prefix)
                + 0.7 * self.frames.get(_frame(template), 0)
                - (1.5 if phrase is not None else 0.0)
                # A prompt's noun not sung yet comes first: the song is about it.
                - (2.0 if phrase is not None and not self.sung[phrase.word] else 0.0)
            )
            if score < best_score:
                best, best_score, best_phrase, best_template = text, score, phrase, template
        if not best:
            best = f"{self.fill(TEMPLATES[-1], end, None)}".capitalize()
        if best_phrase is not None:
            self.sung[best_phrase.word] += 1
        if best_template is not None:
            self.sing_frame(best_template)
        self.used_lines.add(best.lower())
        return best

    def fresh(self, template: Template) -> bool:
        frame = _frame(template)
        return frame not in self.section_frames and self.frames.get(frame, 0) < 2

    def sing_frame(self, template: Template) -> None:
        frame = _frame(template)
        self.section_frames.add(frame)
        self.frames[frame] = self.frames.get(frame, 0) + 1

    def hook(self, title: str, target: int) -> str:
        """The chorus's first line: the title, with a short scenery line after it when the
        title alone is far from the line's length."""
        room = target - line_syllables(title)
        if room < 3:
            return title
        tails = [t for t in TEMPLATES if "hook" in t.sections and self.fresh(t)]
        best, best_gap = title, room
        best_template: Template | None = None
        for _ in range(60):
            template = self.rng.choice(tails)
            end = self.rng.choice([e for e in self.endings if NOUNS[e][1] in template.classes])
            if end in title.lower():
                continue
            text = f"{title}, {self.fill(template, end, None)}"
            gap = abs(line_syllables(text) - target)
            if gap < best_gap:
                best, best_gap, best_template = text, gap, template
            if gap == 0:
                break
        if best_template is not None:
            self.sing_frame(best_template)
        return best

    def stanza(self, count: int, target: int, section: str) -> list[str]:
        self.section_frames = set()
        story = section
        opening: list[str] = []
        if section == "verse":
            story = "scene" if self.verses == 0 else "later"
            self.verses += 1
            if self.happening is not None and self.verses <= 2:
                opening = [self.happening_line(target, going_on=self.verses == 2)]
        ends: list[str] = []
        if opening:
            partner = self.partner(self.happening.end if self.happening else "")
            if partner:
                ends = [partner]
        while len(opening) + len(ends) < count:
            a, b = self.pair(self.preferred)
            ends += [a, b]
        if len(opening) + len(ends) > count:
            keep = count - len(opening)
            dropped = set(ends[keep:])
            ends = ends[:keep]
            self.pairs = [p for p in self.pairs if not set(p) & dropped]
        return opening + [self.line(end, target, story) for end in ends]

    def partner(self, word: str) -> str:
        """A noun to rhyme with `word` (the happening's last word) on the next line, the
        pair recorded; "" when no noun rhymes with it."""
        if not word:
            return ""
        fresh = [w for w in self.endings if w not in self.used_ends and w != word.lower()]
        full = [w for w in fresh if rhyme_tail(w) == rhyme_tail(word)]
        options = full or [w for w in fresh if rhymes(w, word)]
        if not options:
            return ""
        chosen = self.rng.choice(options)
        self.used_ends |= {word.lower(), chosen}
        self.pairs.append((word, chosen))
        return chosen

    def happening_line(self, target: int, *, going_on: bool) -> str:
        """What the prompt says happens to its subject, as a sentence about it: as it
        happens in the first verse, still going on in the second; the phrasing closest to
        the line's syllable target, naming the subject when that costs no more than a
        syllable."""
        assert self.happening is not None
        assert self.happening_noun is not None
        noun = self.happening_noun
        phrase = lines_going_on if going_on else lines_opening
        options = phrase(self.happening, noun.definite(), noun.plural)
        named = noun.definite()

        def cost(text: str) -> float:
            return abs(line_syllables(text) - target) + (0 if named in text else 1.1)

        best = _contract(min(options, key=cost))
        self.used_lines.add(best.lower())
        return best[0].upper() + best[1:]


def _frame(template: Template) -> str:
    """The template as a listener hears its shape: the adjective before the ending blanked
    with the noun, the personal "a" with the subject ("busco a {S}" is "busco {S}") and
    an opening "y" dropped."""
    text = template.text.replace("{END_ADJ}", "{END}")
    return re.sub(r"\ba (\{[SA]\})", r"\1", text).removeprefix("y ")


def _title(subject: list[Noun], framing: list[Noun], rng: random.Random) -> str:
    if framing and subject:
        return f"{framing[0].word.capitalize()} en {subject[0].definite()}"
    if subject:
        return subject[0].definite().capitalize()
    if framing:
        return framing[0].word.capitalize()
    end = rng.choice(list(NOUNS))
    return f"{Noun(end, NOUNS[end][0], False, THING).definite().capitalize()}"


def _happening_title(happening: Happening | None) -> str:
    """What happens, as the title, when it is about as long as a chorus line."""
    if happening is None:
        return ""
    text = title_of(happening)
    fits = 4 <= line_syllables(text) <= TARGETS["chorus"] + 1
    return text if text and fits else ""


def write_spanish(
    prompt: str, *, title: str | None, form: list[tuple[str, str, int]], seed: int
) -> SpanishDraft:
    """Spanish lyrics whose sections follow `form` (name, kind, bars), one line per two
    bars: the chorus opens with the title and repeats word for word. Deterministic for a
    given prompt, title, form and seed."""
    rng = random.Random(f"{seed}:{prompt}:{title}:es")
    subject, framing, mood = extract_nouns(prompt)
    phrases = subject + framing
    writer = _Writer(phrases, mood, rng)
    happening = find_happening(prompt, [n.word for n in subject])
    if happening is not None:
        writer.happening = happening
        writer.happening_noun = next(n for n in subject if n.word == happening.noun)
    song_title = title or _happening_title(happening) or _title(subject, framing, rng)
    chorus: list[str] | None = None
    sections: list[LyricSection] = []
    # One chorus, as long as the shortest: a longer chorus of a short song's form sings it
    # again from its start, so every chorus sings the same words.
    shortest = min((max(1, bars // 2) for _, kind, bars in form if kind == "chorus"), default=1)
    for name, kind, bars in form:
        if kind not in TARGETS:
            continue
        count = max(1, bars // 2)
        target = TARGETS[kind]
        if kind == "chorus":
            if chorus is None:
                chorus = [
                    writer.hook(song_title, target),
                    *writer.stanza(shortest - 1, target, "chorus"),
                ]
            lines = [chorus[i % len(chorus)] for i in range(count)]
        elif kind == "outro":
            lines = [writer.hook(song_title, target), *writer.stanza(count - 1, target, "outro")]
        else:
            lines = writer.stanza(count, target, kind)
        sections.append(LyricSection(name, tuple(lines)))
    return SpanishDraft(song_title, sections, writer.pairs)
