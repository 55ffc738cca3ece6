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

from songforge.engine.lyricist.imagery import noun_classes

PLACE = "place"  # somewhere a person can be or go
SKY = "sky"  # weather, light, time of day, the elements
HEART = "heart"  # feelings, sounds and ideas
THING = "thing"  # objects you can hold or touch
BEING = "being"  # people and animals

_CLASSES = {
    PLACE: (
        "avenue bay beach bridge coast deep field galaxy garden harbor highway home "
        "horizon island lane lawn meadow mountain orbit party place planet porch river road "
        "room sea shore skyline space street town city trail valley west bar side"
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
    **noun_classes(),
    **{word: cls for cls, words in _CLASSES.items() for word in words.split()},
}


def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Narrower sets some templates keep to: "every {end}" wants a time ("every morning"), "in
# the {end}" a container or a place, "on the {end}" something with a top, "caught the
# {end}" a light.
TIME = _set(
    "morning night day dawn evening afternoon midnight noon sunday summer winter hour dusk "
    "sunrise sunset twilight spring june autumn"
)
LIGHT = _set(
    "light glow sun moon sunlight moonlight candlelight flame spark morning dawn star "
    "sunbeam sunrise neon floodlight beam lightning"
)
CONTAINER = _set(
    "drawer pocket box case trunk suitcase bag basket cup jar bowl glass bottle album frame "
    "locker desk coat vest mailbox envelope cradle bed chair window car truck cab attic room "
    "kitchen hall hallway parlor nursery garage barn cell ward classroom chapel diner bar "
    "station tent cave tower cabin house"
)
WEATHER = _set(
    "rain snow light dark evening morning dusk mist fog wind breeze sun moon glow night dawn "
    "twilight frost steam smoke shower storm thunder cloud sunlight moonlight candlelight "
    "sunset sunrise spray heat dust gale lightning spring summer winter autumn"
)
PANES = _set("window glass pane roof wall")
# What a time can be left of, or outlived: a time or an event ("the summer", "the war").
EPOCH = TIME | _set(
    "years past war wedding party holiday fire flood storm goodbye dance game harvest "
    "journey voyage birthday winter season"
)
# What a place smells of, or is full of ("the kitchen smelled of bread").
SMELLS = _set("bread rain smoke flour coffee pine tea wine steam dust salt hay rust oil snow")
FULL = _set("laughter light song smoke dust music sound steam sunlight bread rain")
# Sounds a line can hear ring out or echo.
SOUND = _set(
    "chime tick laughter song tune bark purr whistle siren traffic voice echo bell drum chant "
    "cheer hymn carol prayer melody chord note beat rhythm bass groove patter roar thunder "
    "crowd call story lullaby music sound"
)
SURFACE = _set(
    "table shelf mantel floor desk bench chair porch stair stairs dashboard counter "
    "stool pillow blanket cushion ground sand stone step deck roof rooftop bed sill"
)
# What weather can fall on: any place, and things big enough to be out in it.
OPEN = (
    SURFACE
    | PANES
    | frozenset(w for w, c in NOUN_CLASS.items() if c == PLACE)
    | _set(
        "door gate fence car truck boat deck bench tree sled tower hull sail tent barn shed "
        "tractor train platform bicycle bike umbrella coat hat grave stone rock"
    )
)
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
    only: frozenset[str] = frozenset()  # when given, the only words it may end on

    @property
    def needs_subject(self) -> bool:
        return any(slot in self.text for slot in ("{S}", "{A}", "{Ss}", "{V}"))

    @property
    def needs_action(self) -> bool:
        return "{act}" in self.text

    @property
    def needs_acts(self) -> bool:
        """Sings what the subject itself does: "{S} {did}" ("the clock ticked")."""
        return any(slot in self.text for slot in ("{do}", "{does}", "{did}", "{doing}"))

    @property
    def needs_deeds(self) -> bool:
        """Sings what one does to the subject: "you {deeded} {it}" ("you wound it")."""
        return any(slot in self.text for slot in ("{deed}", "{deeded}", "{deeding}"))

    @property
    def refers(self) -> bool:
        """Speaks of the subject without naming it ("it", "you")."""
        return any(slot in self.text for slot in ("{it}", "{they}", "{you}", "{its}", "{your}"))

    @property
    def ends_on_part(self) -> bool:
        """Ends on something the subject has: "I miss {your} {end}" ("your voice")."""
        return any(f"{slot} {{end}}" in self.text for slot in ("{Ss}", "{its}", "{your}"))

    @property
    def needs_parts(self) -> bool:
        return self.ends_on_part or "{part}" in self.text

    def fits(self, end: str) -> bool:
        """Whether the template may end on `end`: its class, and the narrower set if any."""
        return NOUN_CLASS.get(end, HEART) in self.classes and (not self.only or end in self.only)


def _t(
    text: str,
    classes: str,
    sections: str = "",
    kinds: str = "",
    only: frozenset[str] = frozenset(),
) -> Template:
    return Template(
        text,
        ALL if classes == "*" else frozenset(classes.split()),
        frozenset(sections.split()) if sections else ANY_SECTION,
        SUBJECT_KINDS if kinds == "*" else frozenset(kinds.split()),
        only,
    )


def _s(
    text: str, kinds: str, classes: str, sections: str, only: frozenset[str] = frozenset()
) -> Template:
    """A story template: one that sings the prompt's subject."""
    return _t(text, classes, sections, kinds, only)


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
    # Scenes from the subject's world, without naming it: {thing}, {place}, {sky}, {being},
    # {sound} and {light} are the prompt's own imagery ("the kettle", "the porch").
    _t("the {thing} lay still beside the {end}", "place thing", "verse"),
    _t("the {adj} {thing} beside the {end}", "place thing", "verse"),
    _t("I kept {a_thing} beside the {end}", "place thing", "verse"),
    _t("you left {a_thing} by the {end}", "place thing", "verse bridge"),
    _t("the {place} was quiet in the {end}", "sky", "verse"),
    _t("the {place} was {adj} in the {end}", "sky", "verse"),
    _t("the {sky} came in across the {end}", "place", "verse"),
    _t("the {sky} was soft upon the {end}", "place thing", "verse", only=OPEN),
    _t("we never left the {place} till the {end}", "sky", "verse", only=TIME),
    _t("I walked the {place} in the {end}", "sky", "verse"),
    _t("there's {a_thing} in the {end}", "place thing", "verse", only=CONTAINER),
    _t("somebody left the {thing} by the {end}", "place thing", "verse"),
    _t("the {thing} still waits beside the {end}", "place thing", "verse"),
    _t("dust upon the {thing} and the {end}", "thing", "verse"),
    _t("the {being} was sleeping by the {end}", "place thing", "verse"),
    _t("the {being} came home across the {end}", "place", "verse"),
    _t("I heard the {sound} across the {end}", "place", "verse"),
    _t("the {sound} still echoes in the {end}", "place sky", "verse bridge"),
    _t("the {sky} came down upon the {end}", "place thing", "verse", only=OPEN),
    _t("I still see the {thing} upon the {end}", "place thing", "verse", only=SURFACE),
    _t("the {thing} is gathering dust by the {end}", "place thing", "verse"),
    _t("the {place} has changed since the {end}", "sky", "verse bridge", only=TIME),
    _t("nothing's changed along the {end}", "place", "verse"),
    _t("I found the {thing} in the {end}", "place thing", "verse", only=CONTAINER),
    _t("we used to meet beside the {end}", "place thing", "verse"),
    _t("the {light} fell soft across the {end}", "place thing", "verse"),
    _t("the {light} was on the {end}", "place thing", "verse", only=SURFACE),
    _t("I left the {thing} on the {end}", "place thing", "verse", only=SURFACE),
    _t("the {being} would wait beside the {end}", "place thing", "verse"),
    _t("from the {place} you could see the {end}", "place sky", "verse"),
    _t("we ran from the {place} to the {end}", "place", "verse"),
    _t("you said goodbye beside the {end}", "place thing", "verse bridge"),
    _t("you were {adj} in the {end}", "sky", "verse"),
    _t("the {place} was ours in the {end}", "sky", "verse", only=TIME),
    _t("every {thing} in the {place} remembers the {end}", "sky heart", "verse bridge"),
    _t("the {thing} is all that's left of the {end}", "sky heart", "verse bridge", only=EPOCH),
    _t("I went back to the {place} in the {end}", "sky", "verse bridge"),
    _t("nobody sits beside the {end}", "place thing", "verse bridge"),
    _t("the {adj} {thing} and the {end}", "place thing", "verse"),
    _t("the {sky} was {adj} on the {end}", "place thing", "verse"),
    _t("I can still smell the {end}", "sky", "verse", only=frozenset(("rain", "smoke", "steam"))),
    _t("the {place} smelled of {end}", "sky", "verse", only=frozenset(("rain", "smoke"))),
    _t("out past the {place} and the {end}", "place", "verse"),
    _t("I wrote your name upon the {end}", "thing", "verse", only=SURFACE),
    _t("we laughed about it in the {end}", "sky place", "verse"),
    _t("and the {thing} was waiting on the {end}", "place thing", "verse", only=SURFACE),
    _t("the {being} was calling from the {end}", "place", "verse"),
    _t("I know every corner of the {end}", "place", "verse", only=CONTAINER),
    _t("the {sky} moved slowly on the {end}", "place thing", "verse", only=OPEN),
    _t("you hummed along beside the {end}", "place thing", "verse"),
    _t("there was {a_thing} by the {end}", "place thing", "verse"),
    _t("we waited up for the {end}", "sky", "verse", only=TIME),
    _t("the whole {place} was {adj} in the {end}", "sky", "verse"),
    _t("the {thing} is still there by the {end}", "place thing", "verse bridge"),
    _t("the {place} is {adj} in the {end}", "sky", "verse bridge"),
    _t("the {being} still waits by the {end}", "place thing", "verse bridge"),
    _t("I never did forget the {end}", "sky heart place", "verse bridge"),
    # Pre-choruses and choruses, in the subject's world.
    _t("and the {sound} is rising from the {end}", "place sky", "prechorus"),
    _t("I can feel the {sky} on the {end}", "place thing", "prechorus"),
    _t("the {place} is calling through the {end}", "sky", "prechorus"),
    _t("let the {sky} come down on the {end}", "place thing", "chorus prechorus", only=OPEN),
    _t("let the {sound} ring out across the {end}", "place", "chorus"),
    _t("under the {light} by the {end}", "place thing", "chorus"),
    _t("the {sky} will carry me to the {end}", "place", "chorus"),
    _t("and the {place} still knows the {end}", "heart sky", "chorus bridge"),
    _t("every {thing} and every {end}", "place thing sky", "chorus"),
    # Bridges turn to the scene.
    _t("and maybe the {place} remembers the {end}", "heart sky", "bridge"),
    _t("when the {sky} is gone there's still the {end}", "heart sky", "bridge"),
    _t("the {place} is quiet now, but for the {end}", "heart sky", "bridge"),
    _t("someday the {thing} will tell you of the {end}", "heart sky", "bridge"),
    _t("the {thing} won't ever know the {end}", "heart sky", "bridge"),
    _t("I heard the call of the {end}", "being sky", "verse"),
    _t("we used to feed the {end}", "being", "verse"),
    _t("we waved at the {end}", "being place", "verse"),
    _t("somebody whistled for the {end}", "being", "verse"),
    _t("let the {sky} fall on the {end}", "place thing", "chorus", only=OPEN),
    _t("when the {sky} comes to the {end}", "place", "chorus bridge"),
    _t("with the {sky} upon the {end}", "place thing", "chorus"),
    _t("the {sky} is coming to the {end}", "place", "prechorus"),
    _t("I can hear the {sound} in the {end}", "sky place", "prechorus"),
    _t("the {sky} is moving on the {end}", "place thing", "prechorus"),
    _t("every {thing} is waiting for the {end}", "sky", "prechorus", only=TIME),
    _t("and the {being} is calling from the {end}", "place", "prechorus"),
    _t("can you feel the {sky} in the {end}", "place", "prechorus"),
    _t("the {sound} is getting closer to the {end}", "place", "prechorus"),
    _t("the {place} is waking with the {end}", "sky", "prechorus", only=WEATHER),
    _t("the {sky} is turning on the {end}", "place thing", "prechorus"),
    _t("the {place} is holding on to the {end}", "heart sky", "prechorus"),
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
    _s("{V}, you are my {end}", "being", "heart", "chorus outro"),
    _s("forever {act} by the {end}", "*", "place sky", "chorus outro"),
    # Short ones, for long subjects and short lines.
    _s("I saw {S} by the {end}", "being thing", "place thing", "scene"),
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
    _s("if I lose {S} to the {end}", "being thing heart", "sky place", "bridge"),
    _s("{S} and me in the {end}", "being thing", "sky place", "chorus outro"),
    _s("all for {S} and the {end}", "*", "*", "chorus outro"),
    _s("{V}, take me to the {end}", "being", "place", "chorus outro"),
    _s("{S} and the {adj} {end}", "*", "*", "scene"),
    # Short ones that say what happened.
    _s("{S} would wait beside the {end}", "being", "place thing", "scene later"),
    _s("{S} would sing beneath the {end}", "being", "sky", "scene chorus"),
    _s("{S} ran along the {end}", "being", "place", "scene"),
    _s("{S} came home across the {end}", "being", "place", "later"),
    _s("{S} waved goodbye from the {end}", "being", "place", "later bridge"),
    _s("I lost {S} in the {end}", "being thing heart", "sky place", "bridge later"),
    _s("I kept {S} by the {end}", "thing", "place thing", "scene later"),
    _s("{S} lay beside the {end}", "thing", "place thing", "scene"),
    _s("{S} shone beneath the {end}", "thing sky", "sky", "scene"),
    _s("I walked through {S} in the {end}", "place", "sky", "scene later"),
    _s("{S} {was} quiet in the {end}", "being thing place", "sky place", "scene later"),
    _s("{S} {was} {adj} above the {end}", "sky", "place", "scene chorus"),
    _s("{S} came down upon the {end}", "sky", "place thing", "scene later", OPEN),
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
    # What the subject does ({did}: "the clock ticked", "the cat purred") and what one does
    # to it ({deeded}: "you wound", "I fed").
    _s("{S} would {do} beside the {end}", "being thing", "place thing", "scene later"),
    _s("{S} {did} beside the {end}", "being thing", "place thing", "scene later"),
    _s("I heard {S} {do} in the {end}", "being thing", "sky place", "scene later bridge"),
    _s("{S} {did} all through the {end}", "being thing", "sky", "scene later chorus", TIME),
    _s("you {deeded} {S} every {end}", "being thing", "sky", "scene later", TIME),
    _s("you used to {deed} {S} by the {end}", "being thing", "place thing", "scene bridge"),
    _s("I watched {S} {do} beneath the {end}", "being thing", "sky", "scene later"),
    _s("{S} kept {doing} through the {end}", "being thing", "sky place", "later chorus"),
    _s("{S} still {does} beside the {end}", "being thing", "place thing", "later chorus"),
    _s("{S} never stopped {doing} in the {end}", "being thing", "sky place", "later bridge"),
    _s("I {deed} {S} in the {end}", "being thing", "sky place", "later chorus"),
    _s("I'll {deed} {S} till the {end}", "being thing", "sky", "chorus outro", TIME),
    _s("let me {deed} {S} one more {end}", "being thing", "sky", "chorus bridge", TIME),
    _s("{S} {does} beneath the {end}", "being thing", "sky", "scene chorus"),
    _s("and {S} {does} across the {end}", "being thing", "place", "scene later chorus"),
    _s("I loved to hear {S} {do} in the {end}", "being thing", "sky", "scene bridge", TIME),
    _s("{S} would {do} until the {end}", "being thing", "sky", "scene later", TIME),
    _s("I'd {deed} {S} when I saw the {end}", "being thing", "sky", "later"),
    _s("we {deeded} {S} beside the {end}", "being thing", "place thing", "scene later"),
    _s("nobody {deeds} {S} in the {end}", "being thing", "sky place", "later bridge"),
    # The subject, seen and kept.
    _s("{S} {was} there in every {end}", "*", "sky", "scene later chorus", TIME),
    _s("{S} sat quiet by the {end}", "being thing", "place thing", "scene"),
    _s("I found {S} in the {end}", "being thing", "place thing", "later", CONTAINER),
    _s("you gave me {S} in the {end}", "thing", "sky", "scene bridge", TIME),
    _s("you left {S} on the {end}", "thing", "place thing", "later bridge", SURFACE),
    _s("I keep {S} in the {end}", "thing", "place thing", "later chorus", CONTAINER),
    _s(
        "{S} {is} all I have of the {end}", "thing place", "heart sky", "later bridge chorus", EPOCH
    ),
    _s("{S} remembered every {end}", "being thing place", "sky", "later bridge", TIME),
    _s("{S} outlived the {end}", "thing place", "heart sky", "later bridge", EPOCH),
    _s("there's nothing like {S} in the {end}", "*", "sky", "chorus", TIME),
    _s("I can still see {S} by the {end}", "*", "place thing", "later bridge"),
    _s("{S} {was} waiting when I reached the {end}", "being thing", "place", "scene later"),
    _s("we took {S} down to the {end}", "being thing", "place", "scene later"),
    _s("I carried {S} across the {end}", "being thing", "place", "later"),
    _s("I woke to {S} and the {end}", "*", "sky", "scene", TIME),
    _s("{S} knew the way to the {end}", "being", "place", "scene later"),
    _s("{S} and I would talk till the {end}", "being", "sky", "scene later", TIME),
    _s("{S} and I walked down to the {end}", "being", "place", "scene"),
    _s("{S} taught me all about the {end}", "being", "heart sky", "scene later bridge"),
    _s("{S} told me stories of the {end}", "being", "heart place sky", "scene later"),
    _s("I sat with {S} till the {end}", "being", "sky", "scene later", TIME),
    _s("{S} {was} waiting at the {end}", "being thing", "place", "scene"),
    _s("there {was} {A} on the {end}", "thing", "place thing", "scene", SURFACE),
    _s("{S} came back with the {end}", "being sky", "sky", "later"),
    _s("{S} went quiet in the {end}", "being thing", "sky place", "later bridge"),
    _s("{S} slept right through the {end}", "being", "sky", "scene later", TIME),
    _s("{S} {was} shining in the {end}", "thing sky", "sky place", "scene"),
    _s("you held {S} up to the {end}", "thing", "sky", "scene later", LIGHT),
    _s("{S} caught the {end}", "thing", "sky", "scene later", LIGHT),
    _s("everybody loved {S} in the {end}", "being place thing", "sky", "scene", TIME),
    _s("{S} {was} all we had against the {end}", "*", "sky heart", "bridge chorus"),
    _s("I remember {S} in the {end}", "*", "sky", "scene later", TIME),
    _s("it was {S} that brought the {end}", "*", "sky", "later bridge", WEATHER),
    _s("{S} still hold{s} the {end}", "thing place", "heart sky", "later bridge chorus"),
    _s("{S} remember{s} the {end}", "being thing place", "heart sky", "later bridge"),
    _s("{S} shine{s} like the {end}", "thing sky", "sky", "chorus", LIGHT),
    _s("I looked for {S} in the {end}", "being thing", "sky place", "later bridge"),
    _s("I wrapped {S} up against the {end}", "being thing", "sky", "later"),
    _s("you'd find {S} by the {end}", "being thing", "place thing", "scene"),
    _s("{S} {was} heavy in my {end}", "thing", "thing", "scene later", CONTAINER),
    # The subject addressed, in choruses and bridges.
    _s("oh {V}, stay with me till the {end}", "being thing", "sky", "chorus", TIME),
    _s("{V}, don't you leave me in the {end}", "being", "sky place", "chorus"),
    _s("{V}, I'll be there in the {end}", "being", "sky place", "chorus outro"),
    _s("I'll keep {S} safe from the {end}", "being thing", "sky", "chorus bridge"),
    _s("{S} {is} mine through every {end}", "*", "sky", "chorus", TIME),
    _s("I'd give the world for {S} and the {end}", "*", "*", "chorus bridge"),
    _s("{V}, you were there through every {end}", "being thing", "sky", "chorus", TIME),
    _s("oh {V}, come home before the {end}", "being", "sky", "chorus"),
    _s("hold on, {V}, through the {end}", "being thing", "sky", "chorus"),
    _s("{S} will be here after the {end}", "being thing place", "sky", "chorus bridge"),
    _s("{S} will outlast the {end}", "thing place heart", "sky heart", "chorus bridge", EPOCH),
    _s("I'll carry {S} into the {end}", "being thing heart", "sky place", "chorus"),
    _s("keep {S} safe through the {end}", "*", "sky", "chorus prechorus"),
    _s("here's to {S} and the {end}", "*", "*", "chorus outro"),
    _s("raise a glass to {S} and the {end}", "*", "*", "chorus outro"),
    _s("we'll keep {S} till the {end}", "being thing heart", "sky", "chorus", TIME),
    _s("{S} {is} the heart of the {end}", "*", "place sky", "chorus"),
    _s("and {S} {is} all I need in the {end}", "*", "sky", "chorus", TIME),
    _s("I hear {S} in the {end}", "being thing", "sky place", "chorus"),
    _s("{S} {is} calling through the {end}", "being", "sky", "chorus prechorus"),
    # Building toward the chorus.
    _s("oh, {S} {is} coming with the {end}", "being sky", "sky", "prechorus"),
    _s("here comes {S} across the {end}", "being sky", "place", "prechorus"),
    _s("{S} {is} closer than the {end}", "*", "place sky", "prechorus"),
    _s("I keep {S} close against the {end}", "being thing", "sky", "prechorus chorus"),
    _s("and {S} {is} calling from the {end}", "being", "place", "prechorus"),
    # The turn.
    _s("maybe {S} never knew the {end}", "being", "heart place", "bridge"),
    _s("I should have kept {S} from the {end}", "being thing", "sky", "bridge"),
    _s("what would {S} say about the {end}", "being", "heart", "bridge"),
    _s("somewhere {S} {is} waiting in the {end}", "being thing", "sky place", "bridge later"),
    _s("and when {S} {is} gone, I'll keep the {end}", "being thing", "heart thing", "bridge"),
    _s("nobody could replace {S} or the {end}", "*", "*", "bridge"),
    _s("I'd give it all for {S} and one more {end}", "*", "sky", "bridge chorus", TIME),
    _s("if {S} could talk about the {end}", "thing place", "heart sky", "bridge"),
    _s("if {S} could speak of the {end}", "thing place being", "heart sky", "bridge"),
    _s("when {S} {is} gone, who'll keep the {end}", "being thing", "heart place", "bridge"),
    _s("I never told {S} about the {end}", "being", "heart", "bridge"),
    _s("{S} never saw the {end}", "being", "place sky", "bridge later"),
    _s("{S} {was} gone before the {end}", "being thing", "sky", "bridge later", TIME),
    # Lines that speak of the subject without naming it, after a line that has.
    _s("you {deeded} {it} every {end}", "thing", "sky", "scene later", TIME),
    _s("I used to {deed} {it} in the {end}", "thing", "sky place", "scene later"),
    _s("you {deeded} {it} by the {end}", "thing", "place thing", "scene later"),
    _s("I keep {it} in the {end}", "thing", "place thing", "later chorus", CONTAINER),
    _s("I held {it} up against the {end}", "thing", "sky", "scene later", LIGHT),
    _s("and still {they} {does} in the {end}", "thing", "sky place", "later chorus bridge"),
    _s("and {they} {did} all through the {end}", "thing", "sky", "scene later", TIME),
    _s("you gave {it} to me in the {end}", "thing", "sky", "scene bridge", TIME),
    _s("I found {it} in the {end}", "thing", "place thing", "later", CONTAINER),
    _s("you left {it} on the {end}", "thing", "place thing", "later", SURFACE),
    _s("{you} {did} beside the {end}", "being", "place thing", "scene later"),
    _s("{you} used to {do} in the {end}", "being", "sky place", "scene later bridge"),
    _s("I watched {you} {do} beneath the {end}", "being", "sky", "scene later"),
    _s("{you}'d {do} until the {end}", "being", "sky", "scene later chorus", TIME),
    _s("I'd {deed} {you} by the {end}", "being", "place thing", "later"),
    # Short chorus lines that do something, for a chorus's short lines.
    _s("{S} {did} in the {end}", "being thing", "sky place", "chorus later"),
    _s("{S} {does} by the {end}", "being thing", "place thing", "chorus"),
    _s("hold {S} in the {end}", "being thing heart", "sky place", "chorus"),
    _s("sing for {S} in the {end}", "*", "sky", "chorus outro"),
    _s("keep {S} by the {end}", "being thing", "place thing", "chorus"),
    _s("find {S} in the {end}", "being thing", "sky place", "chorus bridge"),
    _s("{S} light{s} up the {end}", "thing sky", "sky place", "chorus"),
    _s("{S} sing{s} to the {end}", "being", "sky place", "chorus"),
    _s("{S} wait{s} by the {end}", "being thing", "place thing", "chorus later"),
    _s("{S} come{s} home to the {end}", "being", "place", "chorus"),
    _s("{S} dream{s} of the {end}", "being", "*", "chorus later"),
    _s("call {S} to the {end}", "being", "place", "chorus"),
    _s("run with {S} to the {end}", "being", "place", "chorus"),
    _s("dance with {S} in the {end}", "being", "sky place", "chorus"),
    _s("{S} shine{s} on the {end}", "thing sky", "place thing", "chorus"),
    _s("love {S} in the {end}", "*", "sky", "chorus"),
    _s("{deed} {S} by the {end}", "being thing", "place thing", "chorus"),
    _s("{deed} {S} in the {end}", "being thing", "sky", "chorus"),
    _s("hear {S} {do} in the {end}", "being thing", "sky place", "chorus"),
    _s("watch {S} {do} in the {end}", "being thing", "sky place", "chorus"),
    _s("oh {V}, {do} in the {end}", "being", "sky place", "chorus outro"),
    _s("{S} {did} by the {end}", "being thing", "place thing", "chorus later"),
    _s("{S} {is} home in the {end}", "being thing", "sky", "chorus"),
    _s("{S} {was} made for the {end}", "*", "sky place", "chorus"),
    _s("{S} {is} gold in the {end}", "thing sky", "sky", "chorus"),
    _s("{S} {is} {adj} as the {end}", "thing sky", "sky", "chorus", LIGHT),
    _s("I'll find {S} in the {end}", "being thing", "sky place", "chorus"),
    # Short lines of what happened, for long subjects.
    _s("{S} {was} new in the {end}", "being thing", "sky", "scene", TIME),
    _s("{S} came to me in the {end}", "*", "sky", "scene", TIME),
    _s("{S} slept beside the {end}", "being", "place thing", "scene later"),
    _s("{S} {was} warm beside the {end}", "being thing", "place thing", "scene"),
    _s("{S} {was} cold beside the {end}", "being thing", "place thing", "later bridge"),
    _s("I met {S} in the {end}", "being", "sky", "scene", TIME),
    _s("I lost {S} by the {end}", "being thing", "place thing", "later bridge"),
    _s("I missed {S} in the {end}", "*", "sky", "later bridge", TIME),
    _s("I held {S} by the {end}", "being thing", "place thing", "scene later"),
    _s("{S} lay still in the {end}", "being thing", "sky place", "scene later"),
    _s("we found {S} in the {end}", "being thing", "place thing", "scene", CONTAINER),
    _s("we lost {S} to the {end}", "being thing heart", "sky", "later bridge"),
    _s("{S} stood by the {end}", "being thing", "place thing", "scene"),
    _s("{S} {was} young in the {end}", "being", "sky", "scene", TIME),
    _s("{S} grew old by the {end}", "being thing", "place thing", "later"),
    _s("you loved {S} in the {end}", "*", "sky", "scene later", TIME),
    _s("you brought {S} to the {end}", "being thing", "place", "scene"),
    _s("you showed me {S} in the {end}", "*", "sky", "scene", TIME),
    _s("{S} {was} lost to the {end}", "being thing", "sky", "later bridge"),
    _s("{S} never left the {end}", "being thing", "place", "later"),
    _s("{S} still call{s} from the {end}", "being", "place", "later chorus"),
    _s("{S} still wait{s} in the {end}", "being thing", "sky place", "later bridge"),
    _s("{S} belong{s} to the {end}", "*", "place sky", "chorus bridge"),
    _s("{S} will wait by the {end}", "being thing", "place thing", "chorus bridge"),
    _s("{S} will sing in the {end}", "being", "sky place", "chorus"),
    _s("{S} {is} gone with the {end}", "being thing", "sky", "bridge later"),
    _s("{S} {was} there through the {end}", "*", "sky", "later chorus"),
    _s("{S} held on through the {end}", "being thing", "sky", "later chorus"),
    _s("{S} saw me through the {end}", "being thing heart", "sky", "later chorus bridge"),
    _s("{S} came back in the {end}", "being thing", "sky", "later", TIME),
    _s("{S} kept me from the {end}", "*", "sky", "later bridge chorus"),
    _s("{S} {was} waiting for the {end}", "being thing", "sky", "scene", TIME),
    _s("{S} {was} ours in the {end}", "being thing place", "sky", "scene later", TIME),
    _s("we had {S} and the {end}", "*", "heart sky", "scene"),
    _s("I'd know {S} in the {end}", "being thing", "sky", "bridge chorus"),
    _s("take {S} to the {end}", "being thing", "place", "chorus"),
    _s("bring {S} to the {end}", "being thing", "place", "chorus"),
    _s("{S} {is} there in the {end}", "*", "sky place", "chorus"),
    _s("{S} {is} ours in the {end}", "being thing place", "sky", "chorus", TIME),
    _s("{S} {is} safe in the {end}", "being thing", "place thing", "chorus", CONTAINER),
    # What the subject has: "I can still hear my watch's chime", "I miss your voice".
    _s("I can still hear {Ss} {end}", "being thing", "*", "scene later bridge", SOUND),
    _s("I remember {Ss} {end}", "being thing", "*", "scene later bridge"),
    _s("I miss {Ss} {end}", "being thing", "*", "later bridge chorus"),
    _s("I keep {Ss} {end}", "being thing", "thing", "later chorus"),
    _s("I still have {Ss} {end}", "being thing", "thing", "later bridge"),
    _s("there's dust on {Ss} {end}", "thing", "thing", "later"),
    _s("I held {Ss} {end}", "being", "thing", "scene later"),
    _s("I fixed {Ss} {end}", "thing", "thing", "scene later"),
    _s("I'd give it all for {Ss} {end}", "being thing", "*", "chorus bridge"),
    _s("I dream of {Ss} {end}", "being thing", "*", "chorus bridge"),
    _s("I found {Ss} {end}", "being thing", "thing", "later"),
    _s("nothing sounds like {Ss} {end}", "being thing", "heart", "chorus", SOUND),
    _s("I held {Ss} {part} in the {end}", "being thing", "sky place", "scene later"),
    _s("I found {Ss} {part} by the {end}", "being thing", "place thing", "later"),
    _s("we fixed {Ss} {part} by the {end}", "thing", "place thing", "scene later"),
    _s("I miss {your} {end}", "being", "*", "scene later bridge chorus"),
    _s("I can still hear {your} {end}", "being", "*", "scene later bridge", SOUND),
    _s("I still have {your} {end}", "being", "thing", "later bridge"),
    _s("I still hear {its} {end}", "thing", "*", "scene later bridge chorus", SOUND),
    _s("I still keep {its} {end}", "thing", "thing", "later bridge"),
    _s("the light on {its} {end}", "thing", "thing", "scene"),
    # Places, and weather, as subjects.
    _s("{S} smelled of {end}", "place", "*", "scene later", SMELLS),
    _s("{S} {was} full of {end}", "place thing", "*", "scene later", FULL),
    _s("we danced in {S} till the {end}", "place", "sky", "scene later chorus", TIME),
    _s("I grew up in {S} by the {end}", "place", "place thing", "scene"),
    _s("we'd sing in {S} till the {end}", "place", "sky", "scene later", TIME),
    _s("{S} kept the {end}", "place", "heart thing", "later bridge"),
    _s("there's {a_thing} in {S} by the {end}", "place", "place thing", "scene later"),
    _s("we stood out in {S} by the {end}", "sky", "place thing", "scene later"),
    _s(
        "{S} came in through the {end}",
        "sky",
        "place thing",
        "scene later",
        _set("window door gate roof"),
    ),
    _s("{S} covered the {end}", "sky", "place thing", "scene later"),
    _s("{S} lit up the {end}", "sky", "place sky thing", "scene later chorus"),
    _s("{S} {was} on the {end}", "sky", "place thing", "scene later", SURFACE | PANES),
    # Endings that are beings: the subject's company.
    _s("{S} {was} friends with the {end}", "being", "being", "scene later"),
    _s("{S} waited for the {end}", "being thing place", "being sky", "scene later"),
    _s("{S} followed the {end}", "being", "being sky place", "scene later"),
    _s("{S} watched the {end}", "being place", "being sky", "scene later"),
    _s("I told {S} about the {end}", "being", "being heart", "later bridge"),
    _s("{S} never feared the {end}", "being", "being sky", "later bridge chorus"),
    _s("{S} chased the {end}", "being", "being", "scene later"),
    # More for the chorus: the subject where it is, what it does.
    _s("{V}, meet me by the {end}", "being", "place thing", "chorus"),
    _s("{V}, wait for me by the {end}", "being thing", "place thing", "chorus"),
    _s("{V}, shine on the {end}", "thing sky", "place thing", "chorus"),
    _s("carry {S} to the {end}", "being thing", "place", "chorus"),
    _s("follow {S} to the {end}", "being sky", "place", "chorus"),
    _s("stay with {S} by the {end}", "being thing", "place thing", "chorus"),
    _s("{S} {is} standing by the {end}", "being thing", "place thing", "chorus later"),
    _s("{S} {is} sleeping by the {end}", "being", "place thing", "chorus later"),
    _s("{S} {is} shining by the {end}", "thing sky", "place thing", "chorus"),
    _s("we'll meet {S} by the {end}", "being", "place thing", "chorus"),
    _s("I'll wait with {S} by the {end}", "being thing", "place thing", "chorus"),
    _s("I'll sit with {S} by the {end}", "being thing", "place thing", "chorus bridge"),
    _s("leave {S} by the {end}", "thing", "place thing", "chorus"),
    _s("lay {S} by the {end}", "thing", "place thing", "chorus"),
    _s("{S} {is} there by the {end}", "*", "place thing", "chorus"),
    _s("there {is} {S} by the {end}", "being thing", "place thing", "chorus"),
    _s("look at {S} by the {end}", "being thing", "place thing", "chorus"),
    _s("sing to {S} by the {end}", "being", "place thing", "chorus"),
    _s("come back, {V}, to the {end}", "being", "place", "chorus"),
    _s("{S} {is} dreaming by the {end}", "being", "place thing", "chorus"),
    _s("you'll find {S} by the {end}", "being thing", "place thing", "chorus"),
    _s("I see {S} by the {end}", "being thing place", "place thing", "chorus"),
    _s("I see {S} in the {end}", "*", "sky place", "chorus"),
    _s("I feel {S} in the {end}", "*", "sky place", "chorus"),
    _s("I need {S} by the {end}", "being thing", "place thing", "chorus"),
    _s("we need {S} in the {end}", "*", "sky", "chorus"),
    _s("hold {S} close by the {end}", "being thing", "place thing", "chorus"),
    _s("{S} {is} glowing in the {end}", "thing sky", "sky place", "chorus"),
    _s("{S} {is} dancing in the {end}", "being", "sky place", "chorus"),
    _s("{S} {is} singing to the {end}", "being", "sky place", "chorus"),
    _s("{V}, light up the {end}", "thing sky", "sky place", "chorus"),
    _s("{V}, carry me to the {end}", "being thing", "place", "chorus"),
    _s("{S} {is} home beside the {end}", "being thing", "place thing", "chorus"),
    _s("{S} {is} falling on the {end}", "sky", "place thing", "chorus"),
    _s("{S} {is} coming to the {end}", "sky being", "place", "chorus prechorus"),
    # More for the verses: where the subject was, and who was with it.
    _s("{S} {was} sitting by the {end}", "being thing", "place thing", "scene"),
    _s("{S} {was} resting by the {end}", "being thing", "place thing", "scene later"),
    _s("{S} {was} standing by the {end}", "being thing", "place thing", "scene"),
    _s("{S} {was} sleeping by the {end}", "being", "place thing", "scene later"),
    _s("{S} {was} waiting in the {end}", "being thing", "sky place", "scene"),
    _s("I used to see {S} by the {end}", "*", "place thing", "scene later"),
    _s("I would find {S} by the {end}", "being thing", "place thing", "scene"),
    _s("we would visit {S} in the {end}", "being place", "sky", "scene", TIME),
    _s("we left {S} by the {end}", "being thing", "place thing", "later"),
    _s("you put {S} on the {end}", "thing", "place thing", "scene", SURFACE),
    _s("you kept {S} on the {end}", "thing", "place thing", "scene later", SURFACE),
    _s("I put {S} in the {end}", "thing", "place thing", "later", CONTAINER),
    _s("I sat with {S} by the {end}", "being thing", "place thing", "scene later"),
    _s("I walked with {S} to the {end}", "being", "place", "scene later"),
    _s("I talked to {S} by the {end}", "being", "place thing", "later"),
    _s("{S} would sit beside the {end}", "being", "place thing", "scene"),
    _s("{S} would sleep beside the {end}", "being", "place thing", "scene"),
    _s("{S} {was} resting on the {end}", "being thing", "place thing", "scene", SURFACE),
    _s("{S} {was} lying on the {end}", "being thing", "place thing", "scene later", SURFACE),
    _s("I could see {S} from the {end}", "*", "place", "scene"),
    _s("I could hear {S} from the {end}", "being thing sky", "place", "scene"),
    _s("{S} {is} quiet by the {end}", "being thing", "place thing", "later"),
    _s("{S} {is} resting by the {end}", "being thing", "place thing", "later"),
    _s("{S} {is} sleeping in the {end}", "being", "sky place", "later"),
    _s("{S} {is} waiting by the {end}", "being thing", "place thing", "later"),
    _s("now {S} {is} quiet in the {end}", "*", "sky place", "later"),
    _s("no one visits {S} in the {end}", "being place thing", "sky", "later", TIME),
    _s("I still visit {S} in the {end}", "being place thing", "sky", "later", TIME),
    _s("I still talk to {S} in the {end}", "being thing", "sky", "later bridge", TIME),
    _s("{S} still sit{s} beside the {end}", "being thing", "place thing", "later"),
    _s("{S} still stand{s} beside the {end}", "being thing", "place thing", "later"),
    # More turns.
    _s("maybe {S} {is} waiting by the {end}", "being thing", "place thing", "bridge"),
    _s("maybe {S} never left the {end}", "being thing", "place", "bridge"),
    _s("someday I'll bring {S} to the {end}", "being thing", "place", "bridge"),
    _s("one day {S} will see the {end}", "being", "place sky", "bridge"),
    _s("when I'm gone, keep {S} by the {end}", "being thing", "place thing", "bridge"),
    _s("if I could hold {S} in the {end}", "being thing", "sky place", "bridge"),
    _s("I wish that {S} could see the {end}", "being", "place sky", "bridge"),
    _s("I hope {S} {is} warm by the {end}", "being thing", "place thing", "bridge"),
    _s("tell {S} I'm coming to the {end}", "being", "place", "bridge"),
    _s("they say {S} {is} gone from the {end}", "being thing", "place", "bridge"),
    _s("nobody sees {S} in the {end}", "*", "sky place", "bridge"),
    _s("all this time {S} {was} in the {end}", "being thing", "place thing", "bridge", CONTAINER),
    # Places, weather and feelings as subjects.
    _s("I went down to {S} in the {end}", "place", "sky", "scene later", TIME),
    _s("{S} {was} warm in the {end}", "place", "sky", "scene later", TIME),
    _s("{S} {was} {adj} in the {end}", "place sky", "sky", "scene later"),
    _s("{S} fell on the {end}", "sky", "place thing", "scene later"),
    _s("{S} {was} soft upon the {end}", "sky", "place thing", "scene", OPEN),
    _s("{S} {was} cold upon the {end}", "sky", "place thing", "later bridge"),
    _s("we danced in {S} by the {end}", "sky", "place thing", "scene later chorus"),
    _s("I walked in {S} to the {end}", "sky", "place", "scene later"),
    _s("{S} {was} all I had in the {end}", "heart", "sky", "scene later bridge", TIME),
    _s("we had {S} in the {end}", "heart", "sky", "scene", TIME),
    _s("I chase {S} through the {end}", "heart", "sky place", "chorus later"),
    _s("{S} {is} rising with the {end}", "heart sky", "sky", "chorus prechorus"),
    # Feelings, sounds and times as endings, further on in the story.
    _s("{S} {was} part of the {end}", "*", "heart sky", "later bridge"),
    _s("{S} never lost the {end}", "being thing", "heart", "later bridge"),
    _s("{S} {was} keeping the {end}", "thing", "heart", "later", _set("time beat rhythm tune")),
    _s("{S} gave me the {end}", "being thing", "heart", "scene later"),
    _s("{S} still sing{s} the {end}", "being", "heart", "later chorus", SOUND),
    _s("{S} taught me the {end}", "being", "heart", "later bridge"),
    _s("{S} held the {end}", "being thing place", "heart thing", "later"),
    _s("{S} counted every {end}", "thing being", "sky", "later", TIME),
    _s("{S} brought back the {end}", "*", "heart sky", "later bridge chorus"),
    _s("{S} {was} there for the {end}", "*", "heart sky", "later bridge"),
    _s("{S} {was} the keeper of the {end}", "*", "heart", "later bridge"),
    _s("{S} {was} still in the {end}", "*", "sky place", "later"),
    _s("{S} {was} shining through the {end}", "thing sky", "sky", "later"),
    _s("{S} {was} gone by the {end}", "being thing", "sky", "later", TIME),
    _s("{S} {was} with me through the {end}", "*", "sky", "later chorus", TIME | WEATHER),
    _s("{S} {was} the first to hear the {end}", "being", "heart sky", "scene later"),
    # Places as subjects.
    _s("we lived in {S} by the {end}", "place", "place thing", "scene"),
    _s("I walked through {S} to the {end}", "place", "place", "scene later"),
    _s("the road to {S} ran by the {end}", "place", "place thing", "scene"),
    _s("{S} {was} waking with the {end}", "place", "sky", "scene", WEATHER),
    _s("{S} {was} sleeping in the {end}", "place", "sky", "scene later"),
    _s("{S} {was} {adj} in the {end}", "place sky", "sky", "scene later"),
    _s("there {was} a light in {S} by the {end}", "place", "place thing", "scene"),
    _s("I found my way to {S} by the {end}", "place", "place thing", "scene later"),
    _s("we met in {S} by the {end}", "place", "place thing", "scene"),
    _s("{S} {is} different in the {end}", "place", "sky", "later"),
    _s("{S} {is} {adj} in the {end}", "place sky", "sky", "later chorus"),
    _s("I drove back to {S} in the {end}", "place", "sky", "later", TIME),
    _s("nobody stays in {S} past the {end}", "place", "sky", "later bridge", TIME),
    _s("I hear {S} calling through the {end}", "place being", "sky", "later chorus"),
    _s("I still dream of {S} in the {end}", "place being thing", "sky", "later bridge", TIME),
    _s("take me home to {S} by the {end}", "place", "place thing", "chorus"),
    _s("meet me in {S} by the {end}", "place", "place thing", "chorus"),
    _s("{S} {is} shining in the {end}", "place sky thing", "sky", "chorus"),
    _s("I belong in {S} by the {end}", "place", "place thing", "chorus"),
    _s("we'll be in {S} by the {end}", "place", "sky", "chorus", TIME),
    _s("if I could go back to {S} in the {end}", "place", "sky", "bridge"),
    _s("maybe {S} still wait{s} by the {end}", "place being thing", "place thing", "bridge"),
    _s("one day I'll see {S} in the {end}", "place being thing", "sky", "bridge"),
    # Days and feelings as subjects.
    _s("{S} came with the {end}", "heart sky", "sky", "scene later"),
    _s("we spent {S} by the {end}", "heart", "place thing", "scene later"),
    _s("I felt {S} in the {end}", "heart sky", "sky", "scene later chorus"),
    _s("we raised a glass to {S} by the {end}", "heart being", "place thing", "later chorus"),
    _s("I still remember {S} by the {end}", "heart place", "place thing", "later bridge"),
    _s("{S} {is} calling from the {end}", "heart", "place", "later chorus"),
    _s("{S} {was} waiting by the {end}", "heart being thing", "place thing", "scene later"),
    _s("{S} {was} sweet beside the {end}", "heart", "place thing", "scene"),
    _s("we kept {S} by the {end}", "heart thing", "place thing", "later"),
    _s("{S} {is} all around the {end}", "heart sky", "place thing", "chorus"),
    _s("{S} {was} written on the {end}", "heart", "place thing", "scene later", SURFACE),
    # Places as subjects, seen and gone back to.
    _s("we drove out to {S} in the {end}", "place", "sky", "scene", TIME),
    _s("we'd meet in {S} after the {end}", "place", "sky", "scene", WEATHER),
    _s("{S} {was} ours beside the {end}", "place", "place thing", "scene"),
    _s("I spent my days in {S} by the {end}", "place", "place thing", "scene"),
    _s("we'd walk through {S} in the {end}", "place", "sky", "scene"),
    _s("{S} {was} lit up in the {end}", "place", "sky", "scene later"),
    _s("{S} looked out on the {end}", "place", "place sky", "scene"),
    _s("{S} opened to the {end}", "place", "place sky", "scene"),
    _s("{S} {was} close to the {end}", "place", "place thing", "scene"),
    _s("there was laughter in {S} by the {end}", "place", "place thing", "scene"),
    _s("we'd play in {S} till the {end}", "place", "sky", "scene", TIME),
    _s("I fell asleep in {S} by the {end}", "place", "place thing", "scene"),
    _s("I drove past {S} in the {end}", "place", "sky", "later"),
    _s("{S} {is} quieter in the {end}", "place", "sky", "later"),
    _s("they closed {S} in the {end}", "place", "sky", "later", TIME),
    _s("{S} {is} waiting for the {end}", "place", "sky", "later chorus", TIME),
    _s("{S} still look{s} out on the {end}", "place", "place sky", "later"),
    _s("{S} {has} changed since the {end}", "place heart", "sky", "later bridge", TIME),
    _s("someone else lives in {S} by the {end}", "place", "place thing", "later"),
    _s("I still see {S} from the {end}", "place", "place", "later"),
    _s("{S} held on to the {end}", "place being thing", "heart thing", "later"),
    # Short lines of what the subject kept and saw, for long names later on.
    _s("{S} saved the {end}", "place being thing", "heart thing", "later bridge"),
    _s("{S} knew the {end}", "being place thing", "heart", "later bridge"),
    _s("{S} guarded the {end}", "being place", "thing heart", "later bridge"),
    _s("{S} still {has} the {end}", "being", "thing heart", "later bridge"),
    _s("{S} never let go of the {end}", "being thing place", "heart thing", "later bridge"),
    _s("{S} kept the smell of {end}", "place thing", "*", "later", SMELLS),
    _s("{S} missed the {end}", "being place", "heart sky thing", "later bridge"),
    _s("{S} lost the {end}", "being thing place", "heart thing", "later bridge"),
    _s("{S} found the {end}", "being", "thing heart", "later bridge"),
    _s("{S} {was} built for the {end}", "place thing", "heart sky", "later scene"),
    _s("{S} {has} seen the {end}", "*", "sky heart place", "later bridge"),
    _s("{S} {has} known the {end}", "being place thing", "heart", "later bridge"),
    _s("{S} {has} heard the {end}", "being place thing", "heart", "later", SOUND),
    # The shortest chorus lines, for names of four syllables ("the umbrella").
    _s("{S} light{s} the {end}", "thing sky", "place sky", "chorus prechorus"),
    _s("{S} fill{s} the {end}", "sky being", "place sky", "chorus prechorus"),
    _s("{S} love{s} the {end}", "being", "place sky thing", "chorus prechorus"),
    _s("{S} call{s} the {end}", "being", "being sky", "chorus prechorus"),
    _s("{S} see{s} the {end}", "being place", "sky place", "chorus prechorus"),
    _s("{S} hear{s} the {end}", "being", "heart sky", "chorus prechorus"),
    _s("{S} chase{s} the {end}", "being", "being sky", "chorus prechorus"),
    # Building toward the chorus.
    _s("and here comes {S} with the {end}", "being sky", "sky", "prechorus"),
    _s("{S} {is} calling me to the {end}", "being place", "place", "prechorus"),
    _s("I can hear {S} at the {end}", "being thing", "place thing", "prechorus"),
    _s("{S} {is} rising with the {end}", "being sky", "sky", "prechorus"),
    _s("wait for {S} by the {end}", "being thing", "place thing", "prechorus"),
    _s("I know {S} {is} near the {end}", "being thing", "place thing", "prechorus"),
    _s("{S} {is} close, I feel the {end}", "*", "sky", "prechorus"),
    _s("here {is} {S} and the {end}", "being thing", "*", "prechorus"),
    _s("feel {S} on the {end}", "sky", "place thing", "prechorus"),
    _s("soon {S} will reach the {end}", "being thing", "place", "prechorus"),
    _s("one more night with {S} and the {end}", "being thing", "*", "prechorus"),
    _s("{S} {is} waiting at the {end}", "being thing", "place", "prechorus"),
    # Short lines for the first verse and the bridge.
    _s("{S} sat by the {end}", "being thing", "place thing", "scene"),
    _s("{S} lay in the {end}", "being thing", "place thing", "scene", CONTAINER),
    _s("{S} {was} by the {end}", "being thing place", "place thing", "scene"),
    _s("{S} {was} near the {end}", "being thing", "place thing", "scene"),
    _s("{S} slept by the {end}", "being", "place thing", "scene"),
    _s("{S} shone on the {end}", "thing sky", "place thing", "scene"),
    _s("{S} woke with the {end}", "being", "sky", "scene", TIME),
    _s("{S} met the {end}", "being", "being place", "scene"),
    _s("{S} faced the {end}", "place being thing", "place sky", "scene"),
    _s("{S} heard the {end}", "being", "heart sky", "scene", SOUND),
    _s("{S} loved the {end}", "being", "place sky thing", "scene later"),
    _s("if {S} knew the {end}", "being", "heart place", "bridge"),
    _s("why did {S} leave the {end}", "being", "place", "bridge"),
    _s("{S} left the {end}", "being", "place", "bridge later"),
    _s("{S} gave up the {end}", "being", "heart thing", "bridge"),
    _s("{S} fought the {end}", "being", "sky being", "bridge later"),
    # Places with the things in them ("the kitchen" and "the kettle").
    _s("in {S} I found the {end}", "place", "thing", "scene later"),
    _s("in {S} you kept the {end}", "place", "thing", "scene"),
    _s("in {S} there's still the {end}", "place", "thing", "later"),
    _s("{S} {was} warm around the {end}", "place", "thing", "scene"),
    _s("{S} {was} built around the {end}", "place", "thing", "scene"),
    _s("the heart of {S} was the {end}", "place", "thing place", "scene"),
    _s("we gathered in {S} round the {end}", "place", "thing", "scene"),
    _s("everyone in {S} knew the {end}", "place", "thing heart", "scene later"),
    _s("in {S} we shared the {end}", "place", "thing heart", "scene"),
    _s("they sold {S} and the {end}", "place", "thing", "later"),
    _s("nobody in {S} moved the {end}", "place", "thing", "later"),
    _s("in {S} I still see the {end}", "place", "thing", "later"),
    _s("{S} {was} never the same without the {end}", "place", "thing heart", "later bridge"),
    _s("we sat in {S} round the {end}", "place", "thing", "scene"),
    _s("light filled {S} and the {end}", "place", "thing", "scene"),
    _s("we'd laugh in {S} round the {end}", "place", "thing", "scene"),
    # Feelings and sounds in a short chorus line.
    _s("I give {S} my {end}", "being", "heart", "chorus"),
    _s(
        "{S} gave me a {end}",
        "being thing",
        "heart",
        "chorus later",
        _set("song tune reason name story chance"),
    ),
    # People and animals in the weather; things by other things; places in a chorus.
    _s("{S} walked out in the {end}", "being", "sky", "scene"),
    _s("{S} sang out in the {end}", "being", "sky", "scene"),
    _s("{S} {was} laughing in the {end}", "being", "sky", "scene"),
    _s("{S} {was} dancing in the {end}", "being", "sky", "scene"),
    _s("{S} stood out in the {end}", "being", "sky", "scene later"),
    _s("{S} came home in the {end}", "being", "sky", "scene later"),
    _s("{S} left me the {end}", "being", "thing heart", "later bridge"),
    _s("{S} still keep{s} the {end}", "being", "thing", "later"),
    _s("I gave {S} the {end}", "being", "thing heart", "scene later"),
    _s("{S} never moved the {end}", "being", "thing", "later"),
    _s("{S} {was} sitting on the {end}", "being thing", "thing", "scene later", SURFACE),
    _s("{S} {was} rusting in the {end}", "thing", "sky", "later"),
    _s("{S} {was} shining in the {end}", "thing sky", "sky", "later"),
    _s("{S} {was} out in the {end}", "thing being", "sky", "later"),
    _s("{S} {was} left out in the {end}", "thing", "sky", "later"),
    _s("{S} {is} waiting by the {end}", "place", "thing", "chorus"),
    _s("{S} {is} warm beside the {end}", "place", "thing", "chorus"),
    _s("take me to {S} and the {end}", "place", "thing", "chorus"),
    _s("{S} and the {adj} {end}", "place", "thing", "chorus"),
    _s("{S} lean{s} on the {end}", "thing", "thing", "chorus", SURFACE),
    _s("{S} wait{s} on the {end}", "thing", "thing", "chorus", SURFACE),
    _s("{S} {was} there for the {end}", "heart", "thing", "later"),
    _s("{S} {was} kept in the {end}", "heart thing", "thing", "later", CONTAINER),
    _s("{S} {was} in the {end}", "heart sky", "thing", "later", CONTAINER),
    _s("{S} fell on the {end}", "sky", "thing", "later"),
    _s("{S} {was} on the {end}", "heart", "thing", "later", SURFACE),
    # Small things one holds, which nothing waits or sleeps beside ("the yarn", "the rope").
    _s("{S} {was} never far from the {end}", "being thing", "place thing", "scene later chorus"),
    _s("{S} {was} busy with the {end}", "being", "thing", "scene later"),
    _s("I think of {S} when I see the {end}", "*", "thing place sky", "later bridge"),
    _s("we're back in {S} with the {end}", "place", "thing sky", "chorus later"),
    _s("I had {S} and the {end}", "being thing place", "thing", "scene later chorus"),
    _s("{S} came back to the {end}", "being", "place thing", "later chorus"),
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
    _t("{title}, by the {end}", "place thing"),
    _t("{title}, through the {end}", "sky place"),
    _t("{title} and the {end}", "*"),
    _t("{title}, oh the {end}", "heart sky"),
    _t("{title}, come home to the {end}", "place"),
    _t("{title}, all through the {end}", "sky", only=TIME),
    _t("{title}, don't leave the {end}", "place heart"),
    _t("{title}, I hear the {end}", "heart sky", only=SOUND),
    _t("{title} beneath the {end}", "sky"),
    _t("{title}, bring back the {end}", "heart sky"),
    _t("{title} and the {adj} {end}", "*"),
    _t("{title}, light up the {end}", "place sky"),
    _t("{title}, till the {end}", "sky", only=TIME),
    _t("{title}, here comes the {end}", "sky heart"),
    _t("{title}, after the {end}", "sky", only=WEATHER),
    _t("{title}, one more {end}", "sky", only=TIME),
    _t("{title} on the {end}", "place thing", only=SURFACE),
    _t("{title}, across the {end}", "place"),
    _t("{title}, stay by the {end}", "place thing"),
    _t("{title}, wait for the {end}", "sky heart"),
    _t("{title}, sing to the {end}", "place sky"),
    _t("{title}, shine on the {end}", "place thing"),
    _t("{title}, call out to the {end}", "place sky"),
    _t("{title}, hear the {end}", "heart sky", only=SOUND),
    _t("{title}, meet me at the {end}", "place"),
    _t("{title}, oh, the {adj} {end}", "*"),
    _t("{title}, down by the {end}", "place thing"),
    _t("{title}, out in the {end}", "sky place"),
    _t("{title}, here by the {end}", "place thing"),
    _t("{title}, come through the {end}", "sky place"),
    _t("{title}, into the {end}", "sky place"),
    _t("{title}, hold the {end}", "heart thing"),
    _t("{title}, home to the {end}", "place"),
    _t("{title}, over the {end}", "place sky"),
)


def templates_for(
    end: str, section: str | None, pool: tuple[Template, ...] = TEMPLATES
) -> tuple[Template, ...]:
    """The templates that make sense ending on `end`, in a section of this kind when given."""
    return tuple(t for t in pool if t.fits(end) and (section is None or section in t.sections))


def story_for(
    end: str,
    section: str,
    kind: str,
    has_action: bool,
    pool: tuple[Template, ...] = STORY,
    *,
    acts: bool = False,
    deeds: bool = False,
) -> tuple[Template, ...]:
    """Story templates for a subject of `kind` ending on `end` in `section` (a verse's
    SCENE or LATER, or a section kind); situation templates only when there is one, and
    templates of what the subject does (`acts`) or what one does to it (`deeds`) only when
    its field says."""
    return tuple(
        t
        for t in pool
        if t.fits(end)
        and section in t.sections
        and (kind in t.kinds if t.needs_subject or t.refers else True)
        and (has_action or not t.needs_action)
        and (acts or not t.needs_acts)
        and (deeds or not t.needs_deeds)
    )
