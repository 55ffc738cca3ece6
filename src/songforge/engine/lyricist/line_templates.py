"""Line templates, and the kind of noun each one can end on.

A template that fits one noun makes nonsense of another ("take me back to the table"), so
every line ending belongs to a class and every template names the classes it accepts.
Templates also name the sections they suit: the first verse sets the scene, the second moves
it on, pre-choruses build, choruses declare, bridges turn.

Story templates carry the prompt's subject: `{S}` is its definite noun phrase ("the pickup
truck", "my dog", "London"), `{A}` the indefinite one ("a pickup truck", "stars"), `{was}`
and `{is}` agree with it, and `{act}` is the prompt's situation ("counting stars"). Each
names the kinds of subject it makes sense for (a being, a thing, a place, the sky and
weather, a feeling or idea), so no line has a truck singing or a feeling parked.
"""

from __future__ import annotations

from dataclasses import dataclass

PLACE = "place"  # somewhere a person can be or go
SKY = "sky"  # weather, light, time of day, the elements
HEART = "heart"  # feelings, sounds and ideas
THING = "thing"  # objects you can hold or touch
BEING = "being"  # people and animals

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
    BEING: (
        "friend stranger lover child dog bird horse keeper sailor brother mother "
        "father partner baby girl boy king queen hero wolf fox cat"
    ),
}
NOUN_CLASS: dict[str, str] = {
    word: cls for cls, words in _CLASSES.items() for word in words.split()
}
ALL = frozenset(_CLASSES)
VERSE, PRECHORUS, CHORUS, BRIDGE, OUTRO = "verse", "prechorus", "chorus", "bridge", "outro"
# A verse's story position: the first one sets the scene, later ones move it on.
SCENE, LATER = "scene", "later"
ANY_SECTION = frozenset((VERSE, SCENE, LATER, PRECHORUS, CHORUS, BRIDGE, OUTRO))
SUBJECT_KINDS = frozenset(("being", "thing", "place", "sky", "heart"))


@dataclass(frozen=True)
class Template:
    text: str  # ends on "{end}"; may use {adj}, {verb}, {noun}, {a_noun}, {title}, {S}...
    classes: frozenset[str]
    sections: frozenset[str] = ANY_SECTION
    kinds: frozenset[str] = frozenset()  # subject kinds for {S}/{A}; empty: no subject

    @property
    def needs_subject(self) -> bool:
        return "{S}" in self.text or "{A}" in self.text

    @property
    def needs_action(self) -> bool:
        return "{act}" in self.text


def _t(text: str, classes: str, sections: str = "", kinds: str = "") -> Template:
    return Template(
        text,
        ALL if classes == "*" else frozenset(classes.split()),
        frozenset(sections.split()) if sections else ANY_SECTION,
        SUBJECT_KINDS if kinds == "*" else frozenset(kinds.split()),
    )


def _s(text: str, kinds: str, classes: str, sections: str) -> Template:
    """A story template: one that sings the prompt's subject."""
    return _t(text, classes, sections, kinds)


TEMPLATES: tuple[Template, ...] = (
    # Telling: verses set the scene.
    _t("I was walking down the {end}", "place", "verse"),
    _t("we were young along the {end}", "place", "verse"),
    _t("I remember every {end}", "sky heart", "verse bridge"),
    _t("I still remember the {end}", "*", "verse bridge"),
    _t("looking out across the {end}", "place", "verse"),
    _t("I was waiting by the {end}", "place thing", "verse"),
    _t("you left me by the {end}", "place thing", "verse"),
    _t("there's {a_noun} beside the {end}", "place thing", "verse"),
    _t("every {noun} leads me to the {end}", "place", "verse prechorus"),
    _t("the {noun} is calling from the {end}", "place", "verse prechorus"),
    _t("we were dancing in the {end}", "sky place", "verse"),
    _t("I can hear the {end}", "sky heart", "verse prechorus"),
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
    _t("I will follow you through the {end}", "place sky"),
    _t("we never let go of the {end}", "heart thing"),
    _t("singing softly to the {end}", "sky"),
    _t("racing all the way to the {end}", "place"),
    _t("we were born to {verb} the {end}", "place sky"),
    _t("hear me calling from the {end}", "place"),
    _t("shining brighter than the {end}", "sky"),
    _t("my heart belongs to the {end}", "place sky"),
    _t("in the {adj} light of the {end}", "place sky"),
    _t("I found my way back to the {end}", "place heart"),
    _t("nobody can stop the {end}", "sky heart"),
    _t("holding on to the {end}", "heart thing"),
    # Turning: bridges look at it from somewhere else.
    _t("and if I ever lose the {end}", "sky heart thing", "bridge"),
    _t("maybe we could find the {end}", "place heart", "bridge"),
    _t("what if we never see the {end}", "place sky", "bridge"),
    _t("all the years around the {end}", "place thing", "bridge"),
    _t("even when I lose the {end}", "sky heart", "bridge"),
    _t("after all we gave the {end}", "heart", "bridge"),
)

# The story: lines that sing the subject, by where they stand in the song.
STORY: tuple[Template, ...] = (
    # The scene: who or what, and where.
    _s("{A} {was} waiting by the {end}", "being thing", "place thing", "scene"),
    _s("I found {A} down by the {end}", "being thing", "place", "scene"),
    _s("there {was} {A} beside the {end}", "being thing", "place thing", "scene"),
    _s("it started with {A} and the {end}", "being thing heart", "*", "scene"),
    _s("I remember {S} and the {end}", "*", "*", "scene bridge"),
    _s("back when {S} {was} new beneath the {end}", "being thing", "sky", "scene"),
    _s("{S} and I were watching the {end}", "being", "sky place", "scene"),
    _s("{S} {was} shining on the {end}", "sky", "place thing", "scene"),
    _s("{S} {was} falling on the {end}", "sky", "place thing", "scene"),
    _s("I came to {S} in the {end}", "place", "sky", "scene"),
    _s("we were young in {S} beneath the {end}", "place", "sky", "scene"),
    _s("I grew up with {S} by the {end}", "being thing", "place", "scene"),
    _s("the first time I saw {S} in the {end}", "*", "sky place", "scene"),
    _s("we were {act} by the {end}", "*", "place sky", "scene"),
    _s("I remember {act} in the {end}", "*", "sky place", "scene later"),
    _s("all I had was {S} and the {end}", "*", "*", "scene"),
    # Later: time has moved, something changed.
    _s("now {S} {is} older than the {end}", "being thing place", "place sky thing", "later"),
    _s("then one day {S} went off to the {end}", "being", "place", "later"),
    _s("these days {S} {is} rusting by the {end}", "thing", "place", "later"),
    _s("and still we go on {act} in the {end}", "*", "sky place", "later"),
    _s("I carry {S} through the {end}", "thing heart", "place sky", "later"),
    _s("we followed {S} to the {end}", "being sky heart", "place", "later"),
    _s("now every night I see {S} in the {end}", "*", "sky place", "later"),
    _s("{S} {is} still calling from the {end}", "being", "place", "later"),
    _s("now I keep {S} close beside the {end}", "thing being", "place thing", "later"),
    _s("I went back to {S} in the {end}", "place", "sky", "later"),
    _s("{S} {is} changing with the {end}", "place sky heart", "sky", "later"),
    _s("nobody talks of {S} and the {end}", "*", "*", "later"),
    # Building toward the chorus.
    _s("can you feel {S} in the {end}", "sky heart place", "sky place", "prechorus"),
    _s("something about {S} and the {end}", "*", "*", "prechorus"),
    _s("hold on to {S} and the {end}", "being thing heart", "*", "prechorus"),
    _s("I can hear {S} in the {end}", "being sky", "sky place", "prechorus"),
    # The turn.
    _s("and if I ever lose {S} to the {end}", "being thing heart", "sky place", "bridge"),
    _s("what if {S} could never see the {end}", "being", "place sky", "bridge"),
    _s("I was wrong about {S} and the {end}", "*", "*", "bridge"),
    _s("even {S} cannot stop the {end}", "*", "sky heart", "bridge"),
    _s("all the years with {S} by the {end}", "being thing", "place thing", "bridge"),
    _s("maybe {S} {was} only ever the {end}", "heart sky", "heart sky", "bridge"),
    _s("but no one ever knew {S} like the {end}", "being place", "place sky", "bridge"),
    # The hook's company in the chorus.
    _s("{S} and me against the {end}", "being thing", "place sky heart", "chorus outro"),
    _s("I will hold on to {S} through the {end}", "being thing heart", "sky place", "chorus"),
    _s("all I need is {S} and the {end}", "*", "*", "chorus outro"),
    _s("{S} will carry me through the {end}", "being thing heart sky", "sky place", "chorus"),
    _s("we are {act} in the {end}", "*", "sky place", "chorus outro"),
    _s("sing it for {S} under the {end}", "*", "sky", "chorus outro"),
    _s("take me back to {S} and the {end}", "place being", "sky place", "chorus outro"),
    _s("{S} {is} shining on the {end}", "sky heart", "place", "chorus"),
    _s("{S}, you are my {end}", "being", "heart", "chorus outro"),
    _s("forever {act} by the {end}", "*", "place sky", "chorus outro"),
    # Short ones, for long subjects and short lines.
    _s("I saw {S} by the {end}", "*", "place thing", "scene"),
    _s("{S} {was} there by the {end}", "being thing", "place thing", "scene"),
    _s("I met {S} at the {end}", "being", "place", "scene"),
    _s("with {S} beneath the {end}", "being thing heart", "sky", "scene later"),
    _s("me and {S} by the {end}", "being thing", "place thing", "scene"),
    _s("{S} in the {adj} {end}", "*", "sky place", "scene later"),
    _s("now {S} {is} gone from the {end}", "being thing", "place", "later"),
    _s("{S} {was} lost in the {end}", "being thing heart", "sky place", "later"),
    _s("I took {S} to the {end}", "being thing", "place", "later"),
    _s("I still think of {S} and the {end}", "*", "*", "later bridge"),
    _s("feel {S} in the {end}", "sky heart place", "sky place", "prechorus"),
    _s("{S} and the {adj} {end}", "*", "*", "prechorus"),
    _s("if I lose {S} to the {end}", "being thing heart", "sky place", "bridge"),
    _s("what if {S} {was} the {end}", "*", "heart sky", "bridge"),
    _s("without {S} there's no {end}", "*", "*", "bridge"),
    _s("{S} and me in the {end}", "being thing", "sky place", "chorus outro"),
    _s("all for {S} and the {end}", "*", "*", "chorus outro"),
    _s("{S}, take me to the {end}", "being", "place", "chorus outro"),
    _s("{S} and the {adj} {end}", "*", "*", "scene"),
    # Short ones that say what happened.
    _s("{S} would wait beside the {end}", "being", "place thing", "scene later"),
    _s("{S} would sing beneath the {end}", "being", "sky", "scene chorus"),
    _s("{S} ran along the {end}", "being", "place", "scene"),
    _s("{S} came home across the {end}", "being", "place", "later"),
    _s("{S} waved goodbye from the {end}", "being", "place thing", "later bridge"),
    _s("I lost {S} in the {end}", "being thing heart", "sky place", "bridge later"),
    _s("I kept {S} by the {end}", "thing", "place thing", "scene later"),
    _s("{S} lay beside the {end}", "thing", "place thing", "scene"),
    _s("{S} shone beneath the {end}", "thing sky", "sky", "scene"),
    _s("I walked through {S} in the {end}", "place", "sky", "scene later"),
    _s("{S} {was} quiet in the {end}", "*", "sky place", "scene later"),
    _s("{S} {was} bright above the {end}", "sky", "place", "scene chorus"),
    _s("{S} came down upon the {end}", "sky", "place thing", "scene later"),
    _s("I held on to {S} in the {end}", "heart thing being", "sky place", "later chorus"),
    _s("I sang of {S} to the {end}", "*", "sky place", "later bridge outro"),
    _s("I dream of {S} in the {end}", "*", "sky place", "later bridge chorus"),
    _s("I left {S} in the {end}", "being thing heart", "sky place", "later bridge"),
    _s("{S} {is} waiting in the {end}", "being thing", "sky place", "chorus prechorus"),
    _s("bring back {S} and the {end}", "*", "*", "chorus bridge"),
    _s("tell me of {S} and the {end}", "*", "*", "prechorus bridge"),
    _s("just {S} and the {end}", "*", "*", "scene later chorus"),
    _s("{S} by the {adj} {end}", "being thing", "place thing", "scene later"),
    _s("{S} under the {adj} {end}", "*", "sky", "scene later bridge"),
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
    _t("{title}, my {end}", "heart being"),
    _t("{title}, the {end}", "*"),
)


def templates_for(
    end: str, section: str | None, pool: tuple[Template, ...] = TEMPLATES
) -> tuple[Template, ...]:
    """The templates that make sense ending on `end`, in a section of this kind when given."""
    cls = NOUN_CLASS.get(end, HEART)
    return tuple(t for t in pool if cls in t.classes and (section is None or section in t.sections))


def story_for(
    end: str, section: str, kind: str, has_action: bool, pool: tuple[Template, ...] = STORY
) -> tuple[Template, ...]:
    """Story templates for a subject of `kind` ending on `end` in `section` (a verse's
    SCENE or LATER, or a section kind); situation templates only when there is one."""
    cls = NOUN_CLASS.get(end, HEART)
    return tuple(
        t
        for t in pool
        if cls in t.classes
        and section in t.sections
        and (kind in t.kinds if t.needs_subject else True)
        and (has_action or not t.needs_action)
    )
