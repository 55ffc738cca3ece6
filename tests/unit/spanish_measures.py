"""Measures of a Spanish lyric sheet, independent of the writer's own phrase banks: whether a
line has a conjugated verb, a line's frame (its nouns blanked out) and doubled words.

The verb forms are conjugated here from infinitives by the regular paradigms (Real Academia
Española, "Nueva gramática", ch. 4) with the irregular and stem-changing forms listed by
hand, so that the measure does not trust the writer's templates to say where their verbs
are. Gerunds, infinitives and participles are not conjugated: "soñando con la luna" is a
line without a verb, as a listener hears it.
"""

from __future__ import annotations

import itertools
import re

_AR = """
amar bailar besar brillar buscar caminar cantar cambiar cruzar cuidar dejar despertar
encontrar enamorar esperar escuchar extrañar gritar guardar hablar llamar llegar
llevar llorar mirar olvidar pasar pensar quedar quemar recordar regresar robar
sonar soñar soplar temblar tocar tomar trabajar viajar volar jugar cocinar apagar
acabar acercar borrar pintar sangrar saltar mojar dibujar abrazar cerrar contar
mostrar durar empezar escapar girar alumbrar andar lavar tirar respirar
enseñar regalar amanecer anochecer conocer
"""
_ER = "beber correr oler creer deber leer perder querer temer volver doler mover llover"
_IR = "abrir partir subir vivir escribir sentir dormir morir pedir seguir repetir"
# Forms the regular paradigms miss: stem changes, irregular verbs, pronominal imperatives.
_IRREGULAR = """
soy eres es somos son fui fue fueron era eras éramos eran seré será serán sea sean
estoy estás está estamos están estuve estuvo estaba estaban esté estará estarán
voy vas va vamos van iba ibas iban irá iré irán vaya vayan ve
he has ha hemos han había habían hay habrá
tengo tienes tiene tenemos tienen tuve tuvo tenía tenían tendrá
vengo vienes viene vienen vino vine venía venían vendrá ven venga
digo dice dicen dijo dije decía dirá dime
hago hace hacen hizo hice hacía hará
puedo puede pueden pudo podía podrá
sé sabe saben supo sabía sabrá
doy da dan dio di daba
veo ve ven vio vi veía veían verá
pongo pone ponen puso ponía
salgo sale salen salió salía
oigo oye oyen oyó
cae caen cayó caía caían caigo
trae traen trajo traía
sueño sueñas sueña sueñan sueñe
vuelvo vuelves vuelve vuelven vuelva vuelvan
duermo duermes duerme duermen durmió duerma
muero muere mueren murió
recuerdo recuerdas recuerda recuerdan recuerde
cuento cuenta cuentan
encuentro encuentras encuentra encuentran encuentre
vuelo vuela vuelan
pierdo pierdes pierde pierden pierda
quiero quieres quiere quieren quiera
siento sientes siente sienten sintió sienta
pienso piensas piensa piensan
despierto despiertas despierta despiertan
juego juega juegan
llueve llovió llovía
duele duelen dolió dolía
sigo sigues sigue siguen siguió siga
pido pide piden pidió
tiembla tiemblan
muestra muestran
huele huelen
devuelve devuelven devuelvo devuelva devolvió
acuerdo acuerdas acuerda acuerdan acuérdate
conozco
llegué busqué toqué empecé crucé jugué apagué saqué
cierro cierra cierran
empieza empiezan empezó
suena suenan
llévame quédate mírame dame abrázame bésame baila canta vuelve ven espera
olvídame dime escúchame llámame sígueme espérame abrázame llévame
"""


def _regular(infinitive: str) -> set[str]:
    stem, ending = infinitive[:-2], infinitive[-2:]
    if ending == "ar":
        tails = [
            "o",
            "as",
            "a",
            "amos",
            "an",
            "é",
            "aste",
            "ó",
            "aron",
            "aba",
            "abas",
            "ábamos",
            "aban",
            "e",
            "es",
            "en",
        ]
    else:
        vowel = "e" if ending == "er" else "i"
        tails = ["o", "es", "e", f"{vowel}mos", "en", "í", "iste", "ió", "ieron"]
        tails += ["ía", "ías", "íamos", "ían", "a", "as", "an"]
    forms = {stem + t for t in tails}
    forms |= {infinitive + t for t in ["é", "ás", "á", "emos", "án", "ía", "ían"]}
    return forms


VERB_FORMS: frozenset[str] = frozenset(
    {form for verb in (_AR + _ER + _IR).split() for form in _regular(verb)}
    | set(_IRREGULAR.split())
)
# Nouns that are spelled like a verb form ("canto", "beso", "sueño"...) count as verbs only
# where no article or possessive sits right before them.
_DETERMINERS = frozenset(
    [
        "el",
        "la",
        "los",
        "las",
        "un",
        "una",
        "unos",
        "unas",
        "mi",
        "mis",
        "tu",
        "tus",
        "su",
        "sus",
        "del",
        "al",
        "nuestro",
        "nuestra",
        "este",
        "esta",
    ]
)


def words(line: str) -> list[str]:
    return re.findall(r"[^\W\d_]+", line.lower())


def has_verb(line: str) -> bool:
    """Whether the line has a conjugated verb (not a gerund, infinitive or participle)."""
    found = words(line)
    return any(
        w in VERB_FORMS and (i == 0 or found[i - 1] not in _DETERMINERS)
        for i, w in enumerate(found)
    )


_BLANKED = _DETERMINERS | frozenset(
    ["triste", "dulce", "breve", "leve", "eterna", "eterno", "vieja", "viejo"]
)
_OPENERS = re.compile(r"^(?:(?:y|oh|ay|hoy)\b,?\s*)+")


def frame(line: str, nouns: set[str]) -> str:
    """The line with its nouns (any word of `nouns`, with the article or adjective before
    it) blanked out and an opening "y"/"oh"/"ay"/"hoy" dropped: "Me queda el amor, el
    tambor" -> "me queda _, _"."""
    text = _OPENERS.sub("", line.lower())
    out: list[str] = []
    for token in re.findall(r"[^\W\d_]+|[,;:]", text):
        if token in nouns:
            while out and out[-1] in _BLANKED:
                out.pop()
            out.append("_")
        else:
            out.append(token)
    return " ".join(out).replace(" ,", ",")


def doubled_words(line: str) -> list[str]:
    found = words(line)
    return [a for a, b in itertools.pairwise(found) if a == b]
