"""Line templates, and the kind of noun each one can end on.

A template that fits one noun makes nonsense of another ("take me back to the table"), so
every line ending belongs to a class and every template names the classes it accepts.
Templates also name the sections they suit: verses tell, pre-choruses build, choruses
declare, bridges turn.
"""

from __future__ import annotations

from dataclasses import dataclass

PLACE = "place"  # somewhere a person can be or go
SKY = "sky"  # weather, light, time of day, the elements
HEART = "heart"  # feelings, sounds and ideas
THING = "thing"  # objects you can hold or touch

_CLASSES = {
    PLACE: (
        "avenue bay beach bridge coast deep field galaxy garden harbor highway home "
        "horizon island lane lawn meadow mountain orbit party place planet porch river road "
        "room sea shore skyline space street town trail valley west bar side"
    ),
    SKY: (
        "afternoon blue breeze cloud comet dark dawn day fire flame flood glow heat light moon "
        "morning night rain shadow shower sky snow star storm stream summer sun sunrise "
        "thunder tide wave wind"
    ),
    HEART: (
        "battle bass beat crowd crown dream embrace face fight flight goodbye grace heart "
        "height hope kiss line love memory mile music name past promise rhythm ride show "
        "sign silence smile song soul sound spark time touch tune view war way gold ghost"
    ),
    THING: (
        "car door floor engine guitar hand letter photograph puddle sail sand speaker stone table "
        "tree umbrella wheel window wing ground"
    ),
}
NOUN_CLASS: dict[str, str] = {
    word: cls for cls, words in _CLASSES.items() for word in words.split()
}
ALL = frozenset(_CLASSES)
VERSE, PRECHORUS, CHORUS, BRIDGE, OUTRO = "verse", "prechorus", "chorus", "bridge", "outro"
ANY_SECTION = frozenset((VERSE, PRECHORUS, CHORUS, BRIDGE, OUTRO))


@dataclass(frozen=True)
class Template:
    text: str  # ends on "{end}"; may use {adj}, {verb}, {noun}, {title}
    classes: frozenset[str]
    sections: frozenset[str] = ANY_SECTION


def _t(text: str, classes: str, sections: str = "") -> Template:
    return Template(
        text,
        ALL if classes == "*" else frozenset(classes.split()),
        frozenset(sections.split()) if sections else ANY_SECTION,
    )


TEMPLATES: tuple[Template, ...] = (
    # Telling: verses set the scene.
    _t("I was walking down the {end}", "place", "verse"),
    _t("we were young along the {end}", "place", "verse"),
    _t("I remember every {end}", "sky heart", "verse bridge"),
    _t("I still remember the {end}", "*", "verse bridge"),
    _t("looking out across the {end}", "place", "verse"),
    _t("I was waiting by the {end}", "place thing", "verse"),
    _t("you left me by the {end}", "place thing", "verse"),
    _t("there's a {noun} beside the {end}", "place thing", "verse"),
    _t("the {noun} was {adj} on the {end}", "place", "verse"),
    _t("every {noun} leads me to the {end}", "place", "verse prechorus"),
    _t("the {noun} is calling from the {end}", "place", "verse prechorus"),
    _t("the {adj} {noun} beneath the {end}", "sky", "verse"),
    _t("we were dancing in the {end}", "sky place", "verse"),
    _t("I can hear the {end}", "sky heart", "verse prechorus"),
    _t("you were {adj} as the {end}", "sky", "verse"),
    # Building: pre-choruses lean toward the chorus.
    _t("can you feel it in the {end}", "sky heart", "prechorus"),
    _t("something's rising from the {end}", "place sky", "prechorus"),
    _t("I can feel the {end}", "sky heart", "prechorus chorus"),
    _t("here it comes across the {end}", "place sky", "prechorus"),
    _t("hold on, here comes the {end}", "sky heart", "prechorus"),
    _t("don't you let go of the {end}", "heart thing", "prechorus"),
    # Declaring: choruses and outros.
    _t("we are running through the {end}", "place sky"),
    _t("hold me close beneath the {end}", "sky"),
    _t("we keep on chasing the {end}", "sky heart"),
    _t("you and I will {verb} the {end}", "place sky"),
    _t("tonight we {verb} the {end}", "place sky"),
    _t("I keep on dreaming of the {end}", "place sky"),
    _t("take me back to the {end}", "place"),
    _t("all I ever need is the {end}", "sky heart"),
    _t("dancing slowly in the {end}", "place sky"),
    _t("lost inside the {adj} {end}", "place sky"),
    _t("waiting for the {adj} {end}", "sky heart"),
    _t("we light up the {end}", "place"),
    _t("following the {adj} {end}", "place sky"),
    _t("there is nothing like the {end}", "*"),
    _t("I will follow you through the {end}", "place sky"),
    _t("we never let go of the {end}", "heart thing"),
    _t("singing softly to the {end}", "sky"),
    _t("racing all the way to the {end}", "place"),
    _t("we were born to {verb} the {end}", "place sky"),
    _t("hear me calling from the {end}", "place"),
    _t("shining brighter than the {end}", "sky"),
    _t("my heart belongs to the {end}", "place sky"),
    _t("in the {adj} light of the {end}", "place sky"),
    _t("we {verb} the {noun} and the {end}", "place sky"),
    _t("I found my way back to the {end}", "place heart"),
    _t("nobody can stop the {end}", "sky heart"),
    _t("we are the {adj} {end}", "sky heart"),
    _t("holding on to the {end}", "heart thing"),
    # Turning: bridges look at it from somewhere else.
    _t("and if I ever lose the {end}", "sky heart thing", "bridge"),
    _t("maybe we could find the {end}", "place heart", "bridge"),
    _t("what if we never see the {end}", "place sky", "bridge"),
    _t("all the years around the {end}", "place thing", "bridge"),
    _t("even when I lose the {end}", "sky heart", "bridge"),
    _t("after all we gave the {end}", "heart", "bridge"),
)
# A chorus's first line: the title, then a rhyme word.
HOOK_TAILS: tuple[Template, ...] = (
    _t("{title}, take me to the {end}", "place"),
    _t("{title}, we are the {end}", "sky heart"),
    _t("{title} in the {adj} {end}", "place sky"),
    _t("{title}, we chase the {end}", "sky heart"),
    _t("{title}, under the {end}", "sky"),
    _t("{title}, hold on to the {end}", "heart thing"),
    _t("{title} in the {end}", "place sky"),
    _t("{title}, my {end}", "heart"),
    _t("{title}, the {end}", "*"),
)


def templates_for(
    end: str, section: str | None, pool: tuple[Template, ...] = TEMPLATES
) -> tuple[Template, ...]:
    """The templates that make sense ending on `end`, in a section of this kind when given."""
    cls = NOUN_CLASS.get(end, HEART)
    return tuple(t for t in pool if cls in t.classes and (section is None or section in t.sections))
