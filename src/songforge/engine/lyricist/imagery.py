"""Semantic fields: the world a song's subject lives in, so its lines can show that world.

A song about a grandfather's watch is sung with hands, a chain, a pocket and the years; a
song about a cat in a bookstore with shelves, pages, a window and dust. Each field lists the
words that put a prompt in it (`triggers`, singular lemmas), the nouns it is seen in, each
with the class of line ending it makes (place, sky, heart, thing, being, as in
`line_templates`), a few adjectives, verbs a person does across its places (`verbs`: "we
cross the bay"), and for its central things and beings (`core`) what they do (`acts`:
a watch ticks, a cat purrs) and what one does to them (`deeds`: one winds a watch).

A prompt's fields are those its subject nouns trigger (the lead phrase first), then its
action's, then its mood's; a subject no field knows falls back to fields for its kind
(a thing, a being, a place...). Every word has a CMU dictionary entry; nouns are singular
unless written plural on purpose ("hands", "years"), and plural ones only ever end a line.
"""

from __future__ import annotations

import collections
import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from lemminflect import getAllLemmas

# The line-ending classes of `line_templates` (kept as plain strings so that module can
# import this one).
_CLASS_NAMES = ("place", "sky", "heart", "thing", "being")


@dataclass(frozen=True)
class Field:
    name: str
    triggers: frozenset[str]  # lemmas whose presence in a subject puts a prompt here
    core: frozenset[str]  # the triggers that `acts` and `deeds` describe
    beings: frozenset[str]  # the core words that are people or animals
    nouns: tuple[tuple[str, str], ...]  # (noun, ending class), most telling first
    also: tuple[tuple[str, str], ...]  # nouns of the field less telling, that help it rhyme
    acts: tuple[tuple[frozenset[str], tuple[str, ...]], ...]  # per core words (none: all)
    deeds: tuple[tuple[frozenset[str], tuple[str, ...]], ...]
    parts: tuple[tuple[frozenset[str], tuple[str, ...]], ...]  # a watch's hands, a cat's paw
    verbs: tuple[str, ...]  # transitive, base form, for the field's places and skies
    adjectives: tuple[str, ...]

    def nouns_of(self, cls: str) -> list[str]:
        return [noun for noun, c in self.nouns if c == cls]


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


def _per_word(text: str) -> tuple[tuple[frozenset[str], tuple[str, ...]], ...]:
    """ "tick chime | rain: fall pour": verbs for all core words, then for named ones."""
    out = []
    for group in text.split("|"):
        words, _, verbs = group.rpartition(":")
        if verbs.strip():
            out.append((frozenset(words.split()), tuple(verbs.split())))
    return tuple(out)


def _f(
    name: str,
    triggers: str,
    *,
    core: str = "",
    who: str = "",
    place: str = "",
    sky: str = "",
    heart: str = "",
    thing: str = "",
    being: str = "",
    also: str = "",
    parts: str = "",
    acts: str = "",
    deeds: str = "",
    verbs: str = "",
    adj: str = "",
) -> Field:
    by_class = dict(zip(_CLASS_NAMES, (place, sky, heart, thing, being), strict=True))
    nouns = tuple((noun, cls) for cls, words in by_class.items() for noun in words.split())
    more = tuple(
        (noun, cls.strip())
        for part in also.split("|")
        if part.strip()
        for cls, words in [part.split(":")]
        for noun in words.split()
    )
    return Field(
        name,
        frozenset((triggers + " " + core + " " + who).split()),
        frozenset((core + " " + who).split()),
        frozenset(who.split()),
        nouns,
        more,
        _per_word(acts),
        _per_word(deeds),
        _per_word(parts),
        tuple(verbs.split()),
        tuple(adj.split()),
    )


FIELDS: tuple[Field, ...] = (
    # Time, clocks and what is handed down.
    _f(
        "clocks",
        "clockwork hour minute o'clock passage tick time",
        core="alarm clock cuckoo hourglass pendulum sundial timepiece watch wristwatch",
        place="hallway hall tower mantel",
        sky="hour midnight morning evening spring",
        heart="time years chime second moment tick past face sands tears rhyme",
        thing="hands chain pocket dial key glass gears case bell vest shelf wall drawer coat chest",
        also="sky: night light day dawn tide dust | thing: locket ring lock brass chair stair "
        "door floor",
        parts="hands face chain dial glass key spring chime tick case gears",
        acts="tick chime stop turn",
        deeds="wind keep wear polish mend carry",
        verbs="count keep mark",
        adj="old silver golden patient worn steady",
    ),
    _f(
        "heirlooms",
        "antique heirloom inheritance keepsake treasure",
        core="brooch locket medal necklace quilt ring trunk",
        place="attic hall",
        heart="name memory years promise past",
        thing="box ribbon lace velvet photograph button thread trunk locket chain ring drawer "
        "chest shelf key case pearl stone",
        also="place: place world | sky: rain light dust | heart: face rest tears gold trust | "
        "thing: vase string cane vest tree tea curl throne frame wall door floor rust "
        "clasp picture lid | being: girl",
        parts="chain clasp stone picture ribbon lid key velvet",
        acts="shine gleam",
        deeds="keep wear hold polish treasure",
        adj="old worn precious faded silver",
    ),
    # Family.
    _f(
        "grandparents",
        "elder grandchild granddaughter grandson",
        who="grandfather grandma grandmother grandpa grandparent granny nana",
        place="porch parlor kitchen garden yard hall",
        sky="evening afternoon sunday",
        heart="story voice laughter years wisdom name tune prayer",
        thing="chair pipe cane glasses quilt kettle radio table hands hat coat shed bread tea "
        "stair",
        also="place: lane | heart: note smile song stories | thing: card wall mat boat key "
        "tree frame bed thread",
        parts="voice hands smile chair pipe cane stories laughter hat coat name",
        acts="smile laugh sing hum wait whistle",
        deeds="visit miss hold thank",
        adj="old gentle kind weathered wise",
    ),
    _f(
        "parents",
        "family parent upbringing",
        who="dad father mama mom mother mum papa",
        place="kitchen porch doorway yard hallway hall",
        sky="evening morning light",
        heart="voice advice name lullaby promise prayer",
        thing="apron coat shoes table door car keys bed",
        also="sky: night star | heart: call note smile laughter | thing: bread chair floor "
        "frame wall card stair hands",
        parts="voice hands smile advice apron coat name laughter",
        acts="smile sing wait call worry",
        deeds="hold miss call thank",
        adj="gentle tired strong kind",
    ),
    _f(
        "childhood",
        "childhood playground toy youth",
        who="boy brother child daughter girl kid sibling sister son toddler",
        place="yard playground backyard street lane hill",
        sky="summer afternoon",
        heart="laughter secret game name dare",
        thing="swing kite bike ball shoes tree bed chalk slide",
        being="friend",
        also="place: side | sky: spring night rain light | heart: ride smile voice | thing: "
        "string wall sled shed stair card train bee",
        parts="laughter smile name voice bike kite shoes",
        acts="laugh run play grow",
        deeds="hold teach call raise",
        adj="little young wild",
    ),
    _f(
        "school",
        "classroom education homework lesson locker recess school student exam exams",
        who="teacher",
        place="classroom hallway playground yard gym hall",
        sky="morning afternoon",
        heart="lesson recess name test",
        thing="desk chalk book pencil locker bus board bell bag",
        being="teacher",
        also="place: grass | sky: rain light | heart: game grade voice | thing: flag wall ball "
        "card door floor window",
        parts="voice name desk chalk",
        acts="smile teach",
        deeds="thank miss",
        adj="little yellow old",
    ),
    _f(
        "weddings",
        "altar engagement honeymoon marriage vow wedding",
        who="bride groom",
        place="aisle church altar garden hall",
        sky="june evening",
        heart="vow promise kiss dance toast",
        thing="ring veil dress cake rose bouquet glass candle lace bell",
        also="place: lake side room grass | sky: moon light night spring | heart: smile face "
        "bloom tune chance | thing: vase balloon string hand",
        parts="veil dress ring vow smile hand",
        acts="smile dance",
        deeds="kiss hold marry",
        adj="white sweet new",
    ),
    _f(
        "babies",
        "bedtime cradle crib lullaby nursery",
        who="baby infant newborn",
        place="nursery room",
        sky="moon night star light",
        heart="lullaby breath dream sigh tune",
        thing="cradle blanket rattle pillow bed bear lamp chair",
        also="sky: sky beam | heart: prayer smile | thing: hand spoon balloon jar",
        parts="breath cradle blanket smile hand lullaby",
        acts="sleep dream smile",
        deeds="rock hold hush carry",
        adj="little sleepy tiny soft",
    ),
    # Feelings, sung with the situations and objects they live in: jealousy with her phone
    # and a stranger's name, anxiety with the ceiling at three, not candlelight and moons.
    _f(
        "jealousy",
        "jealousy jealous envy envious suspicion suspicious cheating cheat betrayal possessive",
        place="doorway hallway party car",
        sky="night midnight",
        heart="lie name secret perfume green whisper",
        thing="phone lipstick collar shirt message screen door",
        being="stranger rival",
        also="sky: dark light | heart: eyes | thing: glass bed",
        adj="green jealous bitter",
    ),
    _f(
        "anxiety",
        "anxiety anxious panic nervous nerves worry worried restless insomnia dread stress",
        place="room bed hallway",
        sky="midnight dark night",
        heart="breath heartbeat pulse worry panic",
        thing="ceiling clock phone screen wall pillow sheet",
        also="place: street hall | heart: call head fear | thing: lock clock sheet",
        adj="restless sleepless racing",
    ),
    _f(
        "nostalgia",
        "homesick nostalgia nostalgic yesterday reminisce",
        place="house street porch yard",
        sky="summer afternoon",
        heart="song memory youth",
        thing="photograph polaroid cassette bike radio record",
        also="sky: sun | heart: name years | thing: tape door",
        adj="faded old golden",
    ),
    _f(
        "anger",
        "anger angry rage raging fury furious wrath hate hatred temper resentment",
        place="street doorway kitchen",
        sky="fire smoke",
        heart="shout scream red temper",
        thing="fist door glass wall plate window",
        also="sky: storm thunder heat | heart: war head liar | thing: wire floor",
        adj="red burning bitter",
    ),
    _f(
        "regret",
        "regret regretful remorse apology mistake guilt shame",
        place="bridge station doorway road",
        sky="rain night",
        heart="apology word promise mistake goodbye",
        thing="letter train door phone ring",
        also="sky: light | heart: name | thing: floor",
        adj="bitter heavy",
    ),
    _f(
        "pride",
        "pride proud glory triumph victory accomplishment",
        place="stage field podium street",
        sky="sun light",
        heart="name cheer glory",
        thing="medal trophy banner flag crown ribbon",
        also="place: town | heart: fame | thing: rag",
        adj="proud golden",
    ),
    _f(
        "first love",
        "crush teenage",
        place="hallway porch bleachers",
        sky="summer june",
        heart="kiss note secret",
        thing="note locker bike hand letter",
        also="heart: miss | thing: coat band",
        adj="shy sweet young",
    ),
    _f(
        "freedom",
        "freedom free liberty escape wanderlust runaway independence",
        place="highway road horizon",
        sky="sky wind",
        heart="flight wing",
        thing="wing window key engine",
        also="sky: light | heart: name | thing: door",
        adj="open wild",
    ),
    _f(
        "fear",
        "fear afraid scared terror fright frightened phobia nightmare",
        place="closet stair hallway basement",
        sky="shadow dark night",
        heart="footstep scream whisper heartbeat",
        thing="door stair closet lock",
        also="heart: knock | thing: chair clock floor",
        adj="cold trembling",
    ),
    _f(
        "gratitude",
        "gratitude grateful thankful thanks thanksgiving blessing blessed appreciation",
        place="table kitchen home",
        sky="harvest evening",
        heart="prayer thanks grace blessing",
        thing="table bread hand plate",
        also="place: land | thing: gate chair",
        adj="grateful warm",
    ),
    # Love, loss and people.
    _f(
        "love",
        "affection anniversary crush devotion heart kiss love romance valentine",
        who="boyfriend darling girlfriend husband lover partner sweetheart wife",
        place="doorway",
        sky="candlelight moonlight evening light night fire",
        heart="kiss touch heart promise name embrace vow dance smile",
        thing="rose letter hand ring candle wine bed pillow glass",
        also="place: place | sky: flame moon | heart: desire face chance romance line tune "
        "voice | thing: lace door",
        parts="kiss hand smile touch name voice heart",
        acts="smile laugh dance",
        deeds="hold kiss love need",
        verbs="hold keep",
        adj="tender sweet warm only",
    ),
    _f(
        "heartbreak",
        "breakup divorce ex farewell goodbye heartache heartbreak leaving missing tear",
        place="doorway station room hall",
        sky="rain dark night",
        heart="goodbye silence heartache promise echo tears name",
        thing="ring photograph letter key door suitcase bed pillow phone glass",
        also="place: lane park | sky: sky flame | heart: sigh lie years fears spark | thing: "
        "pane train floor stone frame string",
        adj="broken empty cold",
    ),
    _f(
        "friendship",
        "buddy companion crew friendship gang pal",
        who="friend",
        place="corner porch street bar",
        sky="summer night",
        heart="laughter secret promise joke story song",
        thing="bottle jacket car table",
        also="place: road town side | sky: star light smoke | heart: ride voice | thing: seat",
        parts="laughter voice jacket secret",
        adj="old true",
    ),
    _f(
        "loneliness",
        "alone isolation loneliness solitude lonely lonesome isolated",
        place="room hallway hall",
        sky="dark night rain",
        heart="silence echo",
        thing="chair cup phone window bed wall door streetlight",
        also="place: park | sky: light | heart: gloom call | thing: stone floor stair pane",
        adj="empty lonely",
    ),
    _f(
        "memory",
        "album memory past photo photograph picture remembrance",
        place="attic hall",
        heart="memory past years tears",
        thing="photograph frame album box drawer letter shelf",
        also="sky: dust light night | heart: name face song | thing: door floor wall key string "
        "ring case lace",
        adj="faded old",
    ),
    # Dancing and celebrating.
    _f(
        "dancing",
        "ballroom club dance dancing disco nightclub rave",
        who="dancer",
        place="ballroom club hall",
        sky="light strobe night",
        heart="beat rhythm bass groove sound",
        thing="shoes speaker mirror floor ball lights",
        also="place: street place | sky: heat dark glow | heart: face show spark | thing: door "
        "ground wall dress",
        parts="shoes dress",
        acts="dance spin move sway",
        deeds="spin",
        adj="electric wild spinning",
    ),
    _f(
        "parties",
        "celebration festival fiesta friday party saturday weekend",
        place="rooftop kitchen yard hall street",
        sky="night midnight light",
        heart="laughter crowd toast cheer beat",
        thing="glass balloon confetti table cup door floor",
        also="place: grass | sky: moon cloud | heart: sound tune dance chance | thing: beer",
        adj="loud wild golden",
    ),
    _f(
        "birthdays",
        "birthday present",
        place="kitchen",
        sky="candlelight light",
        heart="wish cheer year song name",
        thing="cake candle present balloon ribbon table",
        also="place: yard | sky: flame glow night | heart: game tune | thing: card dish spoon bow",
        adj="sweet little",
    ),
    _f(
        "graduation",
        "commencement degree diploma graduate graduation",
        place="stage hall road",
        sky="june morning",
        heart="name cheer future speech dream",
        thing="cap gown diploma tassel photograph hand",
        also="place: town land | heart: crown year team tune | thing: map page frame wall",
        adj="proud",
    ),
    _f(
        "holidays",
        "christmas december hanukkah holiday thanksgiving",
        place="fireplace hall",
        sky="snow night",
        heart="carol prayer cheer",
        thing="tree ornament stocking candle gift bell door sleigh bow table",
        also="sky: star glow fire light | heart: choir year | thing: tray chair | being: deer",
        adj="merry",
    ),
    # Sport and effort.
    _f(
        "football",
        "baseball basketball coach football game goal league match soccer stadium team",
        place="pitch field stadium stands town",
        sky="floodlight rain night",
        heart="crowd cheer goal score chant game name roar",
        thing="ball boots whistle jersey scarf post net bench",
        also="sky: cloud light | heart: call fame sweat year dream team crown | thing: beer "
        "train hands",
        adj="muddy",
    ),
    _f(
        "running",
        "finish jogging marathon race sprint track",
        who="athlete runner",
        place="track road hill street",
        sky="heat rain dawn",
        heart="breath pace mile line crowd cheer",
        thing="shoes medal ribbon",
        also="place: lane lawn | sky: cloud | heart: smile sign race face beat pain year "
        "stride | thing: lace",
        parts="shoes breath stride pace medal",
        acts="run race",
        adj="steady tired",
    ),
    # Struggle.
    _f(
        "war",
        "army battle front general regiment trench veteran war",
        who="soldier",
        place="trench front border field hill",
        sky="smoke fire dawn rain",
        heart="march silence name war",
        thing="rifle boots helmet medal letter uniform flag coat drum",
        also="place: shore lane | sky: night light flame sun | heart: fight flight note sound | "
        "thing: shield wire bag boat train door ground gun",
        parts="boots helmet letter rifle uniform medal coat",
        acts="march fight fall wait",
        deeds="salute remember",
        adj="cold distant brave",
    ),
    _f(
        "warriors",
        "battle courage fight fighting glory strength victory",
        who="champion fighter hero knight warrior",
        place="hill battlefield",
        sky="fire storm dawn",
        heart="glory battle honor war crown pride",
        thing="sword shield armor banner stone gate wall",
        also="place: field side shore hall | sky: flame tide night light | heart: name story "
        "roar ride fate fight height call | thing: throne weight",
        parts="sword shield armor name banner",
        acts="rise fight stand",
        adj="fearless brave unbroken",
    ),
    _f(
        "ambition",
        "ambition dream fame future goal hustle success",
        place="stage top street",
        sky="light",
        heart="dream crown name fame prize",
        thing="ladder mirror",
        also="place: town shop | sky: star night beam flame | heart: game beat height flight "
        "team score | thing: door page cage seat car floor",
        adj="bright hungry",
    ),
    _f(
        "hope",
        "belief believing faith hope hopeful wish",
        sky="dawn sunrise light morning sun",
        heart="hope promise prayer",
        thing="window door seed",
        also="place: shore road | sky: night day ray sky spring | heart: flight way word | "
        "thing: rope stair floor wing | being: bird",
        adj="rising new",
    ),
    _f(
        "protest",
        "injustice march protest rally revolution strike",
        place="square street town",
        sky="smoke",
        heart="voice chant crowd name sign",
        thing="banner gate",
        also="sky: air cloud flame night light fire | heart: beat choice shame line call fate "
        "fight crown war | thing: wall door",
        adj="angry loud",
    ),
    _f(
        "work",
        "factory job labor mill mine office shift wage work boss coworker colleague monday "
        "mondays commute firefighter fireman firehouse",
        who="miner worker",
        place="factory mill yard",
        sky="smoke dawn",
        heart="wage shift sweat",
        thing="whistle clock helmet machine tools hands lamp gate",
        also="place: hill mine dock camp block | sky: dust | heart: line debt joke soul | "
        "thing: weight crate plate freight stamp cage steel wheel meal coal rust floor "
        "door boots",
        parts="hands lamp helmet tools boots",
        acts="work toil",
        adj="tired heavy grey",
    ),
    _f(
        "money",
        "bill cash debt dollar landlord landlady mortgage money paycheck price rent tax taxes "
        "loan loans tuition",
        place="street bank counter",
        heart="debt price rent wage",
        thing="coin bill envelope key",
        also="place: store | sky: night | heart: sweat bet fee beat crash fight gold deal | "
        "thing: door cent cage till collar floor meal ash",
        adj="cold empty",
    ),
    # Messages.
    _f(
        "phones",
        "call cellphone message screen smartphone text voicemail",
        core="phone",
        sky="midnight glow",
        heart="message silence voice text",
        thing="phone screen charger bed",
        also="sky: light night dark glow | heart: name tone call choice show line sign game "
        "spark | thing: stone wall floor door",
        parts="screen glow message voice",
        acts="ring buzz glow",
        deeds="call check hold",
        adj="silent blue",
    ),
    _f(
        "letters",
        "envelope mail postman stamp",
        core="letter postcard",
        place="mailbox",
        heart="word name line",
        thing="envelope stamp ink paper page pen drawer",
        also="place: lane shore | sky: rain night light flame | heart: heart year sign | thing: "
        "door frame lamp floor box train | being: bird",
        parts="envelope stamp ink page line word",
        acts="arrive wait",
        deeds="read write keep send fold",
        adj="folded",
    ),
    _f(
        "books",
        "bookshop bookstore library poem reader reading shelf story",
        core="book novel",
        place="aisle corner",
        sky="afternoon dust",
        heart="story word chapter tale rhyme",
        thing="shelf page spine cover lamp chair window glass",
        also="place: stage trail nook store | sky: light night rain | heart: time line smile "
        "dream | thing: stamp stair hook door floor pane mat hat | being: bird",
        parts="page spine cover story chapter word line",
        acts="wait",
        deeds="read open close",
        adj="dusty worn quiet",
    ),
    # Animals.
    _f(
        "cats",
        "whisker",
        who="cat kitten kitty",
        place="rooftop porch",
        sky="sunbeam sun",
        heart="purr",
        thing="window ball yarn bowl cushion chair mat rug",
        also="place: barn hill house | sky: light night moon afternoon beam | heart: dream nap | "
        "thing: fur hat mug wall hole stair sill lap tail dish paw straw bed thread door "
        "floor box string | being: mouse fish",
        parts="purr tail paw fur bowl bed",
        acts="purr sleep stretch wander",
        deeds="feed stroke hold",
        adj="sleepy lazy curious soft",
    ),
    _f(
        "dogs",
        "bark leash",
        who="dog hound pup puppy retriever labrador poodle beagle terrier husky corgi dachshund "
        "bulldog chihuahua pug collie spaniel greyhound rottweiler dalmatian",
        place="yard porch park field",
        heart="bark",
        thing="collar leash ball bone bowl gate stick",
        also="place: beach trail lane bend grass rock | sky: dark sun rain night light stream | "
        "heart: call spark dream run | thing: door stone wall brick crate plate hole floor "
        "tail paw sock bed shed",
        parts="bark collar leash bone tail paw bowl bed",
        acts="run bark wait sleep",
        deeds="walk feed call",
        adj="loyal muddy faithful",
    ),
    _f(
        "horses",
        "bull cowboy cowgirl ranch rodeo saddle stable",
        who="donkey horse mare mule pony stallion",
        place="ranch corral arena barn prairie trail",
        sky="dust sun",
        heart="crowd",
        thing="saddle reins rope boots hat barrel fence hay",
        also="place: slope plain lane west hill field | sky: day rain star night cloud | heart: "
        "way run trust ride pride | thing: branch tail rail rust gun mane grain table",
        parts="saddle mane reins tail hay",
        acts="run gallop",
        deeds="ride saddle",
        adj="dusty wild",
    ),
    _f(
        "circus",
        "acrobat carnival circus clown juggler",
        heart="crowd laughter show",
        thing="drum balloon nose ring tent",
        also="place: town stage | sky: light cloud moon glow night star | heart: tune height "
        "band face smile crown | thing: string swing gown rose bow cage | being: lion",
        adj="painted",
    ),
    _f(
        "birds",
        "birdsong feather flock nest",
        who="bird crow dove eagle gull hawk owl parrot raven robin sparrow swallow",
        place="field roof",
        sky="sky wind morning dawn cloud",
        heart="song flight call",
        thing="wing feather nest branch wire seed bough tree hedge",
        also="place: west lawn sea hill square | sky: spring weather fire light night air rain | "
        "heart: rest height | thing: string swing kite wall ledge pane grain sill",
        parts="wing feather nest song",
        acts="sing fly soar",
        deeds="feed free",
        adj="little free",
    ),
    _f(
        "whales",
        "aquarium fin reef",
        who="dolphin fish octopus seal shark turtle whale",
        place="deep reef ocean sea bay",
        sky="tide wave foam spray storm",
        heart="song call",
        thing="fin shell net boat stone",
        also="place: shore cave lagoon | sky: day swell light night blue moon | heart: note "
        "roar way | thing: bell bone floor oar ship tail",
        parts="song fin tail",
        acts="swim sing dive",
        deeds="follow free",
        adj="blue deep",
    ),
    # Sea and shore.
    _f(
        "sea",
        "captain fisherman ocean sail sailing sailor sea shanty voyage",
        core="boat canoe kayak ocean raft sea ship yacht",
        place="harbor shore bay deck island sea coast pier dock",
        sky="tide wave wind spray gale storm",
        heart="voyage call",
        thing="sail mast rope anchor oar hull net wheel map sand shell",
        being="gull",
        also="place: rock land cave isle | sky: star night light moon foam swell blue | heart: "
        "past tale hope roar wish mile | thing: wreck rail keel cap hand bell coat wheel "
        "| being: whale seal fish crew",
        parts="boat ship canoe kayak yacht raft: sail mast hull oar anchor deck rope wheel",
        acts="sail drift rock | sea ocean: roll roar",
        deeds="row steer sail",
        verbs="sail cross",
        adj="salty blue wide",
    ),
    _f(
        "lighthouses",
        "beacon lighthouse",
        who="keeper",
        place="rock cliff tower shore coast bay",
        sky="fog storm light beam wave tide",
        thing="lamp lantern stairs glass door log",
        being="gull",
        also="place: dock cave sea | sky: night hour spray day moon swell gale | heart: call "
        "height dream roar way tale | thing: clock lock floor oar brass key tea hull ship "
        "bell shell wall sail stone | being: dog",
        parts="lamp lantern stairs door",
        acts="wait watch",
        deeds="visit miss",
        adj="lonely tall",
    ),
    _f(
        "harbors",
        "dock fishing harbor harbour pier port quay",
        place="pier dock harbor bay shore",
        sky="fog tide",
        heart="call",
        thing="net rope boat crate buoy anchor",
        being="gull",
        also="place: rock side | sky: gale day spray light night rain swell wave | heart: hope "
        "year wish way roar past note | thing: gear beer clock coat freight gate weight "
        "hull oar door floor ship sail rail chain crane bell shell mast | being: fish dog",
        adj="grey",
    ),
    _f(
        "islands",
        "island lagoon palm tropic tropical",
        place="island lagoon beach",
        sky="sun breeze tide wave",
        thing="palm shell hammock sand boat drum",
        also="place: shore bay sea coast land dune | sky: swell moon day spray night light star "
        "fire heat | heart: calm tune fun ride way note dance chance beat | thing: bell "
        "tree key oar rum",
        adj="warm lazy",
    ),
    _f(
        "rivers",
        "baptism creek lake pond river riverbank stream water",
        core="creek river stream",
        place="river bank bridge shore ford",
        sky="current mist",
        heart="flow",
        thing="stone reed willow",
        also="place: ridge lane plain bend rock dock side land pool mill hill sea | sky: rain "
        "snow glow stream light night moon day tide | heart: dream tune way wish | thing: "
        "boat plank oar board seed weed pillow sand tree | being: friend fish",
        acts="river stream creek: run flow bend",
        deeds="river stream creek: cross follow",
        adj="cool slow",
    ),
    # Weather and sky.
    _f(
        "rain",
        "cloud drizzle puddle rain raincoat rainy shower weather",
        core="rain umbrella",
        place="street lane gutter roof",
        sky="rain cloud shower storm gray",
        heart="patter",
        thing="umbrella window puddle coat glass drain pane",
        also="place: bay shore shop hall tower grass | sky: hour night light sky | heart: "
        "crowd beat way note goodbye sound | thing: seat sheet shutter flower boat train "
        "chain door floor wall stone phone hood well ground handle",
        parts="umbrella: handle",
        acts="rain: fall pour",
        deeds="umbrella: open carry share",
        adj="grey wet silver",
    ),
    _f(
        "storms",
        "gale hurricane lightning storm tempest thunder flood tornado twister",
        core="storm",
        place="coast harbor roof",
        sky="thunder lightning wind gale rain cloud",
        thing="shutter window",
        also="place: lane shore cave hill bay sea gutter | sky: tide spray day night light dark "
        "fire swell | heart: roar tale fight sound spark | thing: door sail rail pane chain "
        "floor wire tree ground bell sill",
        acts="storm: roll break rage",
        adj="wild",
    ),
    _f(
        "night",
        "constellation midnight moon moonlight night sky star starlight",
        core="moon star",
        place="hill rooftop field",
        sky="star moon sky dark midnight glow comet light night",
        heart="wish",
        thing="telescope window",
        also="place: park slope lane street town deep space place | sky: snow beam stream fire "
        "rain cloud | heart: dream tune goodbye spark show flight height hope face way | "
        "thing: balloon sill kite bed | being: owl",
        acts="star moon: shine glow fall rise burn",
        deeds="star moon: count watch follow",
        verbs="count watch",
        adj="silver bright endless",
    ),
    _f(
        "dusk",
        "dusk evening sunset twilight",
        place="porch",
        sky="dusk twilight evening sunset",
        heart="hush",
        thing="lamp candle",
        also="place: hill meadow bay | sky: glow light night sky moon afternoon day star shadow "
        "fire | heart: show goodbye sigh tune way gold | thing: torch brush sill bell hay "
        "kite",
        adj="soft quiet",
    ),
    _f(
        "sunlight",
        "sun sunlight sunny sunshine",
        place="meadow",
        sky="sun light morning glow sky day",
        heart="smile laughter",
        thing="window",
        also="place: lawn lake land sea hill grass | sky: shadow breeze dawn beam stream ray | "
        "heart: run fun show mile way play gold dream song flight | thing: kite glass "
        "flower tree sand bee | being: butterfly",
        adj="bright golden",
    ),
    _f(
        "snow",
        "blizzard december frost ice january sled snow snowman winter",
        core="snow",
        place="hill",
        sky="snow frost",
        thing="sled scarf mitten window glove",
        also="place: lane park wood road | sky: night fire ice chill light glow moon star dark | "
        "heart: hush tune spark gold note sound | thing: bed shed bread sill pane train "
        "pine tree ground door floor coat | being: dove crow",
        acts="snow: fall drift settle",
        adj="cold white",
    ),
    _f(
        "summer",
        "august beach july sand summer sunshine surf vacation wave",
        core="sun",
        place="beach shore boardwalk pier",
        sky="sun heat breeze wave",
        thing="sand towel shell",
        also="place: bay lake pool side land street grass | sky: tide night light day spray june "
        "moon afternoon star stream fire swell | heart: smile year cheer fun run beat way "
        "play ride tune dream mile goodbye | thing: peach oar floor beer wheat hand bell "
        "pie kite balloon glass cream car jar cake",
        acts="sun: shine burn",
        adj="golden warm lazy",
    ),
    _f(
        "autumn",
        "autumn fall leaf november october",
        place="porch lane",
        sky="rain wind",
        thing="leaf",
        also="place: field school road | sky: fire day night light moon afternoon frost smoke "
        "weather | heart: grief gold sound goodbye sigh way flight call | thing: branch "
        "grain pane tree hay oak letter wall door floor ground",
        adj="amber",
    ),
    _f(
        "spring",
        "april bloom blossom may spring",
        sky="rain",
        heart="bloom",
        thing="blossom",
        also="place: room lane west meadow garden lawn field hill grass | sky: shower sun day "
        "ray light dawn stream cloud breeze | heart: word rest fun way dream song | thing: "
        "pane seed weed wing swing string nest flower tree kite bee | being: bird",
        adj="green new",
    ),
    _f(
        "space",
        "cosmonaut cosmos galaxy mars orbit planet satellite space spaceship spacewalk universe",
        core="rocket",
        who="astronaut",
        place="orbit station earth space galaxy planet",
        sky="star comet light glow moon",
        heart="silence signal countdown call",
        thing="rocket helmet window suit glass screen hatch",
        also="place: earth sea place shore | sky: dark sun night fire dust beam | heart: "
        "flight tune goodbye height sight spark birth face race line sign dream team call "
        "roar sound show | thing: pocket locket boot balloon wire flag machine door floor "
        "ground engine suit",
        parts="helmet window engine suit flag",
        acts="float fly drift",
        deeds="launch miss",
        adj="silent endless",
    ),
    # Places.
    _f(
        "city",
        "avenue city downtown lights neon skyline street subway traffic urban laundromat bus "
        # Cities and boroughs a song is sung in as a city ("growing up in the Bronx").
        "bronx brooklyn harlem queens manhattan nyc chicago detroit philly atlanta houston",
        place="street avenue corner alley subway skyline town bridge block",
        sky="neon glow midnight light",
        heart="traffic siren crowd sign sound noise",
        thing="window lamppost car cab door glass",
        also="place: valley store square tower | sky: rain night heat blue snow cloud star fire "
        "steam shower | heart: beat view crown show flight height sight line name game fame "
        "dream goodbye | thing: train seat wine clock lock pane chain ground floor stair "
        "wire spire flower drain",
        verbs="cross light",
        adj="neon electric restless",
    ),
    _f(
        "small town",
        "hometown suburb town village",
        place="square church diner porch street field road",
        sky="summer dust",
        heart="name sign",
        thing="bench gate truck fence",
        also="place: lane fair motel hill mill school pool store park creek bar | sky: sun heat "
        "night light star dark rain | heart: line game luck | thing: bell well chair stair "
        "seat wheat plate pine train grain rust door tree car flag stool | being: duck",
        adj="little quiet",
    ),
    _f(
        "farms",
        "barn corn crop farm field harvest orchard wheat",
        core="tractor",
        who="farmer",
        place="barn field yard meadow row hill",
        sky="sun rain dawn dust",
        heart="harvest",
        thing="tractor fence gate plow hay seed grain wheel",
        also="place: mill lane plain creek | sky: day fog flood heat sky | heart: way run luck "
        "toil | thing: crate weight clay weed feed chain steel meal corn wheat seat rust "
        "well bell coat mud truck log pie soil oil engine wheel hat | being: cow goat "
        "sheep duck dog",
        parts="engine wheel seat plow hat",
        acts="plow rumble",
        deeds="drive fix",
        adj="golden dusty",
    ),
    _f(
        "kitchens",
        "bread cake cook cooking kitchen oven pie recipe soup stove dishwasher fridge "
        "refrigerator toaster microwave",
        place="kitchen",
        sky="morning steam",
        heart="recipe",
        thing="oven stove kettle pot flour apron spoon loaf bread plate pan tray jar door cup "
        "pie table",
        also="sky: moon afternoon day light night glow hour star | heart: tune way wish dream "
        "prayer song smell hum sigh | thing: flower thread gate can fan floor tea key sink "
        "drink cream spice rice slice cake chair butter shutter crumb dough bell stool "
        "shelf",
        adj="warm golden",
    ),
    _f(
        "gardens",
        "bloom blossom daisy flower garden gardener rose seed tulip tomato tomatoes vegetable "
        "vegetables herb herbs seedling seedlings",
        place="garden lawn path",
        sky="spring rain sun breeze",
        heart="bloom",
        thing="rose gate seed spade vine hedge bed",
        also="place: lane room hill grass | sky: shower shade dawn light dew blue sky | heart: "
        "loss toil rest view | thing: bee tree stone wall weed reed blade pine wine ledge "
        "shed broom wing swing pane flower glass soil moss cross hose nest sill | being: "
        "bird butterfly",
        adj="green",
    ),
    _f(
        "forests",
        "forest oak pine tree wood woods",
        place="forest wood clearing path",
        sky="mist rain wind stream",
        thing="leaf branch pine moss tree",
        being="deer owl fox",
        also="place: trail hill glade lane lair | sky: beam fog night light dark moon snow glow "
        "shade air gale | heart: tale dream grief year howl loss line sign flight bark | "
        "thing: stone vine cross bone log root boot fruit blade bee bear | being: frog lark "
        "crow wolf",
        adj="green deep",
    ),
    _f(
        "mountains",
        "climb hill mountain peak summit valley volcano lava eruption",
        place="peak valley ridge summit trail pass",
        sky="snow wind cloud",
        thing="stone",
        being="eagle",
        also="place: creek bridge slope lake hill cave top grass rock | sky: sky glow light "
        "night ice air dawn chill star moon mist wave | heart: tale hope height flight "
        "sight prayer call | thing: rope glass bone throne pine wall bear | being: flock",
        adj="high",
    ),
    _f(
        "deserts",
        "cactus canyon desert dune mesa sand",
        place="dune canyon road plain",
        sky="sun heat dust sky",
        thing="cactus sand stone bone",
        being="snake hawk",
        also="place: land lane trail garage motel lake | sky: star moon rain night light fire | "
        "heart: tune run beat trust goodbye ache mile smile flight gold tale | thing: hand "
        "train chain grain gun seat rust car scar well shell wire tire post skull rail",
        adj="dry endless",
    ),
    _f(
        "home",
        "door home house porch room roof ceiling attic basement chimney gutter leak cottage "
        "hallway staircase doorstep sofa couch laundry",
        place="porch room hallway yard",
        sky="evening light",
        heart="welcome",
        thing="door key window table gate wall",
        also="place: hall street lane | sky: fire rain night flame | heart: name bloom call "
        "prayer song | thing: chair bed torch broom card floor tree tea stair shed bread "
        "plate pane seat frame",
        adj="warm",
    ),
    _f(
        "moving",
        "apartment boxes move moving eviction evict evicted",
        place="apartment hallway room street",
        heart="goodbye",
        thing="box key door wall truck tape",
        also="place: store hall lane town | sky: light night dust sky | heart: luck escape sigh "
        "call name gap | thing: floor broom seat sheet pane stair chair frame bed map",
        adj="empty new",
    ),
    # Journeys.
    _f(
        "roads",
        "drive driving highway interstate journey road route trip",
        place="highway road lane exit town motel bridge",
        heart="mile ride sign line",
        thing="map wheel car truck radio",
        also="place: plain ridge side west hill coast bay shore store street bar grass | sky: "
        "dust rain night light tide star sun sky dawn heat day | heart: smile pride gap "
        "deal luck trust flight sight run goodbye rest beat year way | thing: train pine "
        "well bell cap steel meal scar rust glass seat door gear post",
        verbs="drive cross chase",
        adj="open endless",
    ),
    _f(
        "trucks",
        "diesel rig semi trucker",
        core="pickup truck",
        place="highway road lot lane",
        sky="dust",
        heart="ride mile line",
        thing="tailgate wheel engine gear radio",
        being="dog",
        also="place: town plain creek west store bar | sky: rain fog night light sun star dawn "
        "heat day | heart: luck deal year pride smile sign run trust way rest | thing: "
        "gate plate freight weight steel beer log load chain grain rust seat wheat hat "
        "hay glass mud door floor gun pine hood horn | being: duck",
        parts="tailgate wheel engine radio seat hood horn",
        acts="rumble roll",
        deeds="drive fix",
        adj="rusty dusty",
    ),
    _f(
        "cars",
        "cadillac driver garage lot mustang parking",
        core="cab car convertible taxi",
        place="lot highway garage street",
        sky="neon",
        heart="ride",
        thing="wheel engine mirror dashboard radio",
        also="place: avenue spot town side lane park | sky: rain light heat night star fire dark "
        "| heart: deal beat view pride mile smile line sign song speed year crash flash "
        "dash spark | thing: seat door key steel floor tree chain drain scar glass tire "
        "wire gear horn hood trunk",
        parts="wheel engine radio mirror seat hood horn door",
        acts="roar idle",
        deeds="drive park wash",
        adj="old chrome",
    ),
    _f(
        "trains",
        "conductor locomotive platform railroad railway station track",
        core="train",
        place="platform track station",
        sky="steam smoke",
        heart="line",
        thing="ticket window suitcase bench clock seat door whistle",
        also="place: town shack lane plain dock west bridge ridge hill mill aisle bar rock "
        "block | sky: rain stream beam night light star day sky | heart: goodbye sign "
        "dream sigh rest crown farewell note mile smile way | thing: rack pine oak chain "
        "pane grain lock floor car bell wheel steel coat hat gate freight crate engine",
        parts="whistle window seat car door wheel engine",
        acts="roll leave whistle wait",
        deeds="catch miss ride",
        adj="old empty",
    ),
    _f(
        "travel",
        "abroad airplane airport flight journey passport pilot plane suitcase travel trip",
        place="runway terminal",
        sky="cloud",
        heart="journey flight",
        thing="suitcase ticket passport window bag gate",
        also="place: town street sea coast shore bay aisle west east square | sky: sky light "
        "night heat rain sun day star air | heart: crowd sight height goodbye gap roam mile "
        "smile line sign way | thing: seat flag tag wing plane train pane map post door "
        "floor car chair",
        verbs="cross",
        adj="distant",
    ),
    _f(
        "bicycles",
        "cycling",
        core="bicycle bike",
        place="lane hill path garage",
        thing="bell wheel chain spoke pedal basket",
        also="place: street park road town lake lawn grass | sky: breeze rain dust dark light "
        "night sun | heart: joke thrill ride pride trust spark flight run fun hike mile "
        "smile | thing: seat well steel train oak medal rust kite gate brake horn tire wire",
        parts="bell wheel chain spoke pedal basket seat",
        acts="rust",
        deeds="ride pedal fix",
        adj="rusty old",
    ),
    # Fire, drink and company.
    _f(
        "fire",
        "bonfire camp campfire camping ember fire marshmallow tent",
        place="lake shore",
        sky="flame smoke star",
        heart="story",
        thing="ember log tent lantern canoe",
        also="place: camp wood hill | sky: night december fog dark light moon heat glow sky "
        "chill | heart: spark joke name game song tune show sigh soul roar bark | thing: "
        "stick oak lamp pine seat stone ash coal oar | being: dog snake loon",
        adj="warm",
    ),
    _f(
        "coffee",
        "barista cafe coffee cup espresso mug",
        place="corner counter",
        sky="morning steam",
        thing="cup mug table window saucer spoon",
        also="place: store street square town | sky: rain afternoon light sun | heart: dream "
        "tune scene truth smile song name smell bite | thing: rug cream pane train bean "
        "machine milk door floor booth seat chair clock tea glass bun cake bell",
        adj="warm bitter",
    ),
    _f(
        "bars",
        "bar bartender beer drink pub saloon tavern whiskey wine",
        place="bar corner",
        sky="neon midnight",
        thing="glass bottle stool jukebox",
        also="place: pool street town saloon hall | sky: star night light moon dark rain ice | "
        "heart: song year cheer line sign fight joke price pain beat crowd name game shame "
        "spark truth tune dance chance glance call | thing: door scar car jar brass beer "
        "wine floor oak dice cab pane seat booth wall | being: fool",
        adj="smoky",
    ),
    # Music, only when the subject itself is music.
    _f(
        "music",
        "band choir chord melody musician record singer song gibson stratocaster telecaster "
        "amplifier amp speaker microphone",
        core="banjo drum fiddle guitar harmonica piano radio saxophone trumpet violin",
        place="stage hall",
        heart="chord melody song tune note sound beat line",
        thing="string key case strap pick",
        also="place: bar town room | sky: light moon afternoon star night cloud fire rain glow "
        "flame | heart: call crowd band dream choir show encore pain name fame spell hum "
        "sign face | thing: throat coat page wall car seat sheet wine lap stick hand "
        "stand thumb wire shoes floor door train frame bell case strap",
        parts="string key chord note tune case strap",
        acts="play sing ring hum",
        deeds="play tune strum",
        adj="old sweet",
    ),
    # Faith, illness and confinement.
    _f(
        "faith",
        "angel baptism chapel church faith god gospel heaven hymn pray prayer",
        place="chapel aisle altar river",
        sky="heaven light",
        heart="prayer hymn grace soul",
        thing="candle bell pew cross",
        also="place: place shore hill sea lawn | sky: night fire rain sun stream beam flame dawn "
        "sky | heart: face sight flight height loss smile mile love choir goodbye pain name "
        "word fate song sound sign | thing: chair stair well moss stone throne spire door "
        "floor wing gate ground tree bread wine vine | being: dove king son bird",
        adj="holy quiet",
    ),
    _f(
        "hospitals",
        "cancer hospital illness patient sick ward scrubs",
        who="doctor nurse",
        place="ward hallway",
        sky="night",
        heart="heartbeat breath shift",
        thing="bed window chart monitor coffee badge",
        also="place: hall | sky: light dawn hour moon afternoon chill air | heart: fight sight "
        "call prayer care verse hope pain sleep name smile year fear view heart voice | "
        "thing: chair gift door floor cord thread seat sheet wall pane vein lift pill "
        "sill card flower clock tile hand stand spoon hands coat",
        parts="hands voice coat",
        acts="wait",
        adj="tired pale",
    ),
    _f(
        "prisons",
        "cell convict inmate jail prison prisoner",
        place="cell yard",
        heart="time",
        thing="bars door key wall",
        also="place: shore sea town | sky: light night stars sky dawn sun dark fire | heart: "
        "spell farewell call crime chime pain fight sight flight goodbye sigh fate name "
        "shame game dream run gold spark mark | thing: bell well card floor tree chain "
        "train stone phone gate weight plate bed bread wire gun letter | being: guard",
        adj="cold grey",
    ),
    # Games, screens and luck.
    _f(
        "board games",
        "board boardgame checkmate checker checkers chess chessboard domino gambit "
        "grandmaster monopoly scrabble stalemate tournament",
        core="pawn rook bishop",
        place="board square table park",
        sky="afternoon evening",
        heart="move checkmate gambit stalemate",
        thing="pawn board king queen dice clock card",
        also="place: bench cafe hall room corner | sky: light night rain sun | heart: game "
        "turn check silence patience fight mind win loss plan crown war line fate | thing: "
        "rook knight piece timer square cup chair "
        "door floor glass hand throne tile",
        parts="crown square board",
        acts="wait fall advance",
        deeds="move guard sacrifice",
        verbs="cross guard",
        adj="black white wooden patient",
    ),
    _f(
        "computers",
        "ai algorithm chatbot code coding computer cursor internet keyboard laptop monitor "
        "online pixel program programmer software website",
        core="laptop computer",
        place="desk room office network web",
        sky="glow midnight light static",
        heart="code signal data password login dream ghost error",
        thing="screen keyboard cursor pixel monitor",
        also="sky: night dark blue dawn beam stream | heart: dream scene mind line sign name "
        "game sound voice heart spark fear truth | thing: machine mouse wire key cable fan "
        "chair cup door floor window wall lamp chip desk",
        parts="screen keys cursor fan glow",
        acts="hum glow blink",
        deeds="type open wake",
        adj="electric blue glowing",
    ),
    _f(
        "casinos",
        "blackjack casino croupier gamble gambler gambling getaway heist jackpot las "
        "poker robber robbery roulette slot vault vegas",
        core="dice",
        who="gambler dealer",
        place="vault casino table strip",
        sky="neon midnight glow",
        heart="bet luck jackpot getaway bluff",
        thing="dice chip cards vault diamond",
        also="place: lobby floor street town desert bar hall | sky: light night star fire "
        "dawn ice | heart: price fault odds plan deal game fame gold chance dance crime "
        "time fate run line sign shame | thing: wheel mask bag car safe gun "
        "ring glass coin door wall key chain case watch",
        parts="spots corners",
        acts="roll tumble",
        deeds="roll throw",
        verbs="crack cross",
        adj="lucky neon golden",
    ),
    _f(
        "mines",
        "canary coal colliery mine miner mining pit shaft",
        who="miner",
        place="mine shaft tunnel pit seam hill town",
        sky="dark dust dawn",
        heart="breath shift cough",
        thing="coal lamp pick helmet shovel cart boots",
        being="canary",
        also="place: valley row track | sky: smoke night light rain | heart: wage toil soul "
        "prayer name pain | thing: rock stone wall rail chain bell hand coat",
        parts="lamp helmet hands boots",
        acts="dig toil",
        adj="black deep tired",
    ),
    _f(
        "vineyards",
        "cellar grape harvest vineyard vine vintner vintage winery",
        core="vine grape",
        place="vineyard cellar hill row slope",
        sky="sun dusk harvest",
        heart="vintage toast harvest",
        thing="grape vine barrel bottle glass cork basket cask press",
        also="place: valley field lane | sky: rain light dawn heat | heart: year time wine "
        "sweet fine | thing: table crate tree hand stone door",
        parts="grapes leaves",
        acts="ripen climb",
        deeds="pick press",
        adj="purple ripe golden",
    ),
    _f(
        "bakeries",
        "bake baker bakery baking bread bun croissant dough flour loaf pastry",
        who="baker",
        place="bakery counter kitchen street",
        sky="dawn morning steam",
        heart="warmth smell",
        thing="oven flour dough loaf crust tray apron bun window sugar",
        also="sky: light glow | heart: rise prayer song | thing: bread pan bell shelf "
        "jar door floor cake spoon",
        parts="apron hands flour",
        acts="knead bake",
        adj="warm golden",
    ),
    _f(
        "fast food",
        "burger burgers cashier diner drive-thru food fryer fries grill restaurant waiter waitress",
        who="waitress cook manager",
        place="diner counter kitchen booth lot",
        sky="neon midnight steam",
        heart="shift order grease tip",
        thing="fryer counter apron grill booth coffee",
        also="sky: light night glow fire drift | heart: youth truth desire wage line name "
        "time pay smile | thing: wire tray register cup burger fries hat badge sign door "
        "floor plate window pot",
        parts="apron badge hat",
        acts="wait",
        adj="greasy tired",
    ),
    _f(
        "mixtapes",
        "cassette dj mixtape playlist radio rewind stereo tape walkman",
        core="cassette mixtape",
        place="car bedroom room",
        sky="static night",
        heart="song tune rewind side track static",
        thing="tape cassette radio stereo",
        also="sky: light dark | heart: line name voice sound heart beat | thing: dial pen "
        "label deck headphones window "
        "bed floor door seat",
        parts="tape label side",
        acts="play hiss",
        deeds="play rewind record",
        adj="old worn",
    ),
    _f(
        "bathtime",
        "bath bathroom bathtub floss soap tooth toothbrush toothpaste",
        core="toothbrush",
        place="bathroom sink tub",
        sky="morning bubble",
        heart="smile grin giggle song",
        thing="toothbrush teeth sink mirror soap",
        being="duck",
        also="sky: light day sun | heart: tune fun | thing: toothpaste towel cup tub floor "
        "door tap comb brush",
        parts="bristles",
        acts="scrub",
        deeds="brush rinse",
        adj="shiny clean",
    ),
    _f(
        "driving tests",
        "examiner instructor learner licence license permit",
        who="examiner",
        place="lot lane road corner",
        sky="noon",
        heart="turn signal nerves test",
        thing="wheel mirror brake pedal cone clipboard gear seatbelt",
        also="sky: light rain sun | heart: line sign way pride | thing: car door seat key",
        adj="nervous careful",
    ),
    _f(
        "meteors",
        "astronomy comet meteor stargazer stargazing telescope",
        core="meteor comet",
        place="hill field roof meadow",
        sky="meteor comet star sky streak night",
        heart="wish wonder silence",
        thing="telescope blanket",
        also="sky: light dark dawn | heart: sight flight height dream name | thing: chair "
        "grass hand car",
        parts="tail light",
        acts="fall streak burn",
        deeds="watch count",
        adj="silver falling",
    ),
    _f(
        "insects",
        "beehive clover hive honey insect pollen",
        who="bee butterfly ant ladybug beetle caterpillar moth cricket dragonfly",
        place="hive meadow garden field",
        sky="sun summer breeze",
        heart="buzz hum",
        thing="honey flower clover comb wing petal leaf jar",
        also="sky: light day | heart: song tune dance | thing: tree rose stem bloom",
        parts="wings stripes",
        acts="buzz hum fly dance",
        deeds="follow watch",
        adj="golden tiny",
    ),
    _f(
        "malls",
        "boutique escalator mall outlet shopper shopping",
        place="mall store court lot arcade",
        sky="neon light",
        heart="sale crowd",
        thing="escalator fountain bag window sign bench mannequin",
        also="sky: glow | heart: song line name | thing: door floor coin glass",
        adj="bright empty",
    ),
    _f(
        "brass bands",
        "brass parade trombone tuba",
        core="tuba trombone",
        place="street square aisle hall",
        sky="sun",
        heart="tune march dance cheer",
        thing="trumpet tuba trombone drum horn cymbal",
        also="sky: light | heart: beat song | thing: hat flag bell",
        parts="bell valves",
        acts="play blare",
        deeds="play march",
        adj="brassy loud",
    ),
    _f(
        "funerals",
        "burial casket coffin eulogy funeral grief grieving bereavement mourner mourning widow",
        place="grave church chapel hill",
        sky="rain mist dusk",
        heart="grief prayer eulogy silence hymn goodbye",
        thing="casket flower lily candle stone veil wreath",
        also="sky: grey light hour | heart: tear name | thing: suit hand photograph handle",
        adj="black quiet",
    ),
    _f(
        "closures",
        "closing closure layoff plant shutdown unemployed unemployment",
        place="plant factory gate lot town line",
        sky="smoke grey",
        heart="layoff pension wage shift",
        thing="gate whistle padlock sign chain fence paycheck window",
        also="sky: rust dust | heart: pride name | thing: door floor steel coat",
        adj="closed rusted empty",
    ),
    _f(
        "fishing",
        "alaska angler bait fish fishing salmon trawler",
        who="salmon",
        place="river bay harbor boat deck dock stream",
        sky="ice fog tide dawn",
        heart="catch haul",
        thing="net line hook boat rod reel ice",
        also="sky: rain light sun | heart: luck way | thing: rope can coat",
        parts="scales fins",
        acts="leap swim run",
        deeds="catch",
        adj="silver cold",
    ),
    # Machines, fantasy and ghosts.
    _f(
        "machines",
        "circuit vending wire",
        core="android computer machine robot",
        place="lab",
        heart="signal code spark",
        thing="wire circuit screen switch gears",
        also="place: road store | sky: light glow fire night dark steam dust beam | heart: scene "
        "tears fears mark jolt part art core dream show line sign name game sound link "
        "touch love command trust gold | thing: tire machine load steel wheel bolt chip "
        "ship cab floor door frame ground key kettle petal plug bug chain brain crane train "
        "oil coil ink glove hand rust drum",
        parts="wire circuit screen gears spark switch",
        acts="hum blink",
        adj="electric metal",
    ),
    _f(
        "fantasy",
        "castle gold kingdom knight prince princess treasure wizard",
        who="dragon",
        place="castle cave tower mountain",
        sky="fire flame",
        heart="gold crown",
        thing="treasure sword",
        also="place: fountain town trail keep deep hill field hall grave | sky: night light "
        "smoke star sky moon stream flood wave | heart: power tale law flight height fight "
        "sight roar war lore fate spell dream scream sleep blood call | thing: flower gown "
        "hoard wing ring scale veil claw jaw stone bone throne oak cloak scar door floor "
        "gate well bell shell rune shield wall | being: lord king knight",
        parts="wing scale claw gold flame",
        acts="sleep guard burn roar",
        adj="ancient",
    ),
    _f(
        "ghosts",
        "cemetery ghost grave haunted spirit",
        place="grave hallway",
        sky="mist",
        thing="candle",
        also="place: cave hall street room house shore | sky: night light moon dark dust fog "
        "glow snow shadow flame | heart: sight fright tune despair prayer spell mark spark "
        "call name sigh goodbye gold gloom doom fate howl | thing: post door floor stair "
        "chair bell well sheet wall ball frame stone bone rust tomb log glass gate mirror "
        "window | being: mouse owl crow",
        adj="pale",
    ),
)
BY_NAME = {field.name: field for field in FIELDS}

# Makes and models of cars, motorbikes and guitars, and the world each names: a make is
# the name of a thing one owns ("my Gibson"), never a person's.
MAKES = {
    **dict.fromkeys(
        _words(
            "ford chevy chevrolet dodge cadillac buick pontiac toyota honda nissan mazda subaru "
            "volkswagen vw jeep porsche ferrari tesla mustang corvette camaro impala civic beetle "
            "corolla camry"
        ),
        "cars",
    ),
    **dict.fromkeys(_words("harley ducati vespa kawasaki yamaha"), "roads"),
    **dict.fromkeys(_words("gibson fender stratocaster telecaster"), "music"),
}

# Fields for a subject no field knows, by its kind, and the fields a mood lends.
KIND_FIELDS = {
    "being": ("friendship",),
    "thing": ("memory", "home"),
    "place": ("home", "small town"),
    "sky": ("night", "rain"),
    "heart": ("love", "memory"),
}
MOOD_FIELDS = {
    "sad": ("loneliness", "memory"),
    "nostalgic": ("nostalgia", "memory"),
    "tender": ("love",),
    "happy": ("sunlight",),
    "angry": ("anger", "fire"),
    "calm": ("dusk",),
    "hopeful": ("hope",),
    "dark": ("night", "ghosts"),
    "energetic": ("dancing",),
}
# The engine's mood names (engine/mood.py) in the writer's mood words.
ENGINE_MOODS = {
    "sad": "sad",
    "melancholic": "nostalgic",
    "dark": "dark",
    "angry": "angry",
    "happy": "happy",
    "energetic": "energetic",
    "dreamy": "calm",
    "calm": "calm",
    "romantic": "tender",
    "epic": "hopeful",
    "ballad": "nostalgic",
}
# Nouns that take no "a" ("a flour"), kept out of lines that count them.
MASS = frozenset(
    _words(
        "flour dust sand yarn confetti lace velvet thread ink paper hay moss tea bread wine "
        "grain steam smoke fog mist rain snow frost heat sweat code traffic laughter wisdom "
        "advice silence glory honor fame debt rent fur straw rust brass rice cream milk honey "
        "sugar butter salt water juice oil syrup dough grease meat cheese chocolate coffee "
        "cotton wool silk denim leather gasoline soap foam blood grass mud dirt ash sunshine "
        "moonlight starlight sunlight candlelight thunder lightning weather music furniture "
        "luggage homework jewelry money news perfume glitter sawdust gravel concrete lipstick"
    )
)
# Line endings for when a field cannot rhyme a word: plain words any song may use.
GENERAL = _words(
    "night light sky time way day home rain door floor name sun ground sound side dawn "
    "dark glow morning place shore stone tide breeze wind town"
)


def _by_trigger() -> dict[str, tuple[Field, ...]]:
    out: dict[str, list[Field]] = {}
    for field in FIELDS:
        for word in field.triggers:
            out.setdefault(word, []).append(field)
    return {word: tuple(fields) for word, fields in out.items()}


_TRIGGERS = _by_trigger()


def fields_of(word: str) -> tuple[Field, ...]:
    """The fields a (singular, lower-case) word puts a prompt in."""
    return _TRIGGERS.get(word, ())


def noun_classes() -> dict[str, str]:
    """Every field noun with its ending class (a noun in two fields keeps its first)."""
    out: dict[str, str] = {}
    for field in FIELDS:
        for noun, cls in (*field.nouns, *field.also):
            out.setdefault(noun, cls)
        for word in field.core:
            out.setdefault(word, "being" if word in field.beings else "thing")
    return out


def _lemmas(word: str) -> list[str]:
    """The word and its noun and verb lemmas: "stars" → star, "driving" → drive."""
    word = word.lower().removesuffix("'s")
    found = [word]
    for tag in ("NOUN", "VERB"):
        found += [str(lemma) for lemma in getAllLemmas(word).get(tag, ())]
    return list(dict.fromkeys(found))


_AMBIGUOUS = frozenset(("match", "game", "goal", "team", "score"))
# Heads that only say when or how much of the word before them ("harvest time", "meteor
# shower"): the modifier names the world; they count only when it names none.
_LATE = frozenset(("time", "shower"))
# Worlds two words name together and neither alone ("first love" is not every first thing).
_COMPOUNDS = {
    ("first", "love"): "first love",
    ("puppy", "love"): "first love",
    ("driving", "test"): "driving tests",
    ("computer", "screen"): "computers",
    # A fishing village is a harbour's before it is a small town of bleachers and a diner.
    ("fishing", "village"): "harbors",
    ("fishing", "town"): "harbors",
    # Waiting tables is a diner's, not a furniture shop's.
    ("waiting", "tables"): "fast food",
    # Growing up is childhood; growing tomatoes is a garden's.
    ("growing", "up"): "childhood",
    ("grow", "up"): "childhood",
    ("grew", "up"): "childhood",
}
# Compounds whose words name another world apart: a space station is no train station.
_WHOLE = {
    ("space", "station"): "space",
    ("space", "ship"): "space",
    # A bar exam is studied for, not drunk at; a gas station is a road's, not a train's.
    ("bar", "exam"): "school",
    ("gas", "station"): "roads",
    # A washing machine is home's laundry, not a factory's or a vending machine's.
    ("washing", "machine"): "home",
}
_ALL_COMPOUNDS = {**_COMPOUNDS, **_WHOLE}


def fields_for(
    phrases: Sequence[tuple[str, Sequence[str], str]],
    action: str = "",
    mood: str = "",
    limit: int = 6,
    kinds: bool = True,
    lent: Sequence[str] = (),
) -> tuple[Field, ...]:
    """The fields of a prompt, most telling first: those its phrases trigger (each given as
    head, all its words, kind; the lead phrase first, its before its other words),
    then its action's (a gerund phrase such as "driving home"), then fields for the kind
    of each phrase no field knows (unless `kinds` is False), then those `lent` names (its
    genre's, genre_words.GenreWords.fields), then the mood's. At most `limit`."""
    ranked: list[Field] = []
    unknown_kinds: list[str] = []
    agreed: collections.Counter[Field] = collections.Counter()
    # A word of many worlds ("match": football, chess, a flame) puts a prompt in a field
    # only when another word of the prompt is of that field too.
    every = [w for head, words, _ in phrases for w in [head, *words]] + action.split()
    sure = {
        f
        for w in every
        for lemma in _lemmas(w)
        if lemma not in _AMBIGUOUS
        for f in fields_of(lemma)
    }
    said: set[str] = set()  # the words of the phrases before
    for head, words, kind in phrases:
        # The thing's own words before its owner's: a grandfather's fishing boat is of
        # the sea and fishing before it is of grandparents.
        # An owner read as a phrase of its own ("my grandfather" of "my grandfather's old
        # fishing boat") agrees with nothing: its fields are not a second voice for its own.
        owned = head.lower() in said
        said |= {w.lower().removesuffix("'s") for w in words}
        found: list[Field] = []
        # The words of a whole compound ("space station") are not each a world ("station").
        whole = {w for pair in itertools.pairwise(words) if pair in _WHOLE for w in pair}
        for late in (False, True):
            if not found:
                found = [
                    f
                    for w in sorted([head, *words], key=lambda w: w.endswith("'s"))
                    if (w in _LATE) == late and w not in whole
                    for lemma in _lemmas(w)
                    for f in fields_of(lemma)
                    if lemma not in _AMBIGUOUS or f in sure
                ]
        # A model that is a word too (a beetle) is the make's alone, never an insect; a
        # thing the make only built (a Ford pickup) is of its own world first.
        made = [BY_NAME[MAKES[w]] for w in words if w in MAKES and w != head]
        found = made if head in MAKES and made else [*found, *made]
        pairs = set(itertools.pairwise(words))
        found = [BY_NAME[name] for pair, name in _ALL_COMPOUNDS.items() if pair in pairs] + found
        if not found:
            unknown_kinds.append(kind)
        ranked += found
        if not owned:
            agreed.update(list(dict.fromkeys(found)))
    # A field two of the prompt's phrases agree on ("harvest time at the vineyard") is its
    # world before one a single word lends.
    ranked = sorted(dict.fromkeys(ranked), key=lambda f: agreed[f] < 2)
    # The action is a doing: "watching" a meteor shower is not about a watch.
    doing = [
        f
        for w in action.split()
        for lemma in _lemmas(w)
        for f in fields_of(lemma)
        if lemma == w or lemma not in f.core
    ]
    # "growing up" is childhood's, as a compound of the subject's own words would be, and
    # as telling: "waiting tables on a double shift" is a diner's before it is work's.
    done = set(itertools.pairwise(action.split()))
    compounded = [BY_NAME[name] for pair, name in _ALL_COMPOUNDS.items() if pair in done]
    # A lead that is what the action does ("moving house") is sung as that doing: the
    # boxes and the truck, not a house that stays.
    acted = bool(phrases) and phrases[0][0].lower() in action.lower().split()[1:]
    ranked = [*compounded, *doing, *ranked] if acted else [*compounded, *ranked, *doing]
    # A lead no field knows ("a volcano") is sung in its genre's worlds before the
    # stock ones its kind lends ("memory", "home"); a setting no field knows ("Havana")
    # lends its kind's first.
    lent_fields = [BY_NAME[name] for name in lent]
    lent_first = not ranked
    if lent_first:
        ranked += lent_fields
    for kind in unknown_kinds if kinds else ():
        ranked += [BY_NAME[name] for name in KIND_FIELDS.get(kind, ())]
    if not lent_first:
        ranked += lent_fields
    ranked += [BY_NAME[name] for name in MOOD_FIELDS.get(mood, ())]
    return tuple(dict.fromkeys(ranked))[:limit]


def doings(head: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """What a subject whose is `head` does, and what one does to it, from the fields
    it is central to: ("tick", "chime"...), ("wind", "keep"...). Empty for other nouns."""
    acts: list[str] = []
    deeds: list[str] = []
    for lemma in _lemmas(head):
        for field in fields_of(lemma):
            if lemma in field.core:
                acts += _for_word(field.acts, lemma)
                deeds += _for_word(field.deeds, lemma)
    return tuple(dict.fromkeys(acts)), tuple(dict.fromkeys(deeds))


def parts_of(head: str) -> tuple[str, ...]:
    """What a subject whose head is `head` has ("hands", "chain" for a watch), from the
    fields it is central to; empty for other nouns."""
    found: list[str] = []
    for lemma in _lemmas(head):
        for field in fields_of(lemma):
            if lemma in field.core:
                found += _for_word(field.parts, lemma)
    return tuple(dict.fromkeys(found))


def _for_word(
    groups: tuple[tuple[frozenset[str], tuple[str, ...]], ...], word: str
) -> tuple[str, ...]:
    named = [verbs for words, verbs in groups if word in words]
    if named:
        return named[0]
    return next((verbs for words, verbs in groups if not words), ())
