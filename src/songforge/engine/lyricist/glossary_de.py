"""German prompt words in English (the format: lyricist.glossary).

German writes every noun with a capital and joins nouns into one word ("Sommernacht"): the
reader looks capitalised words up here before it takes them for names, and splits a
compound it does not find into two words it does ("Sommer" + "Nacht")."""

from __future__ import annotations

from songforge.engine.lyricist.glossary import Glossary, entries

_NOUNS = """
nacht night; tag day; morgen/vormittag morning; abend evening; nachmittag afternoon;
mitternacht midnight; morgengrauen dawn; dämmerung twilight; sonnenuntergang sunset;
sonnenaufgang sunrise; regen rain; schnee snow; wind wind; sturm/gewitter storm;
donner thunder; blitz lightning; wolke cloud; himmel sky; sonne sun; mond moon;
stern star; licht light; schatten shadow; nebel fog; eis ice; feuer fire; rauch smoke;
regenbogen rainbow; sommer summer; winter winter; frühling/frühjahr spring; herbst autumn;
jahreszeit season; jahr year; zeit time; stunde hour; woche week; wochenende weekend;
ferien/urlaub holiday; weihnachten/weihnacht Christmas; ostern Easter; geburtstag birthday;
hochzeit wedding; party/fest/feier party; festival festival; karneval/fasching carnival;
tanz dance; traum dream; erinnerung memory; montag Monday; dienstag Tuesday;
mittwoch Wednesday; donnerstag Thursday; freitag Friday; samstag/sonnabend Saturday;
sonntag Sunday; januar January; februar February; märz March; april April; mai May;
juni June; juli July; august August; september September; oktober October;
november November; dezember December;
meer sea; see lake; ozean ocean; strand beach; welle wave; fluss river; insel island;
berg mountain; hügel hill; tal valley; wald forest; baum tree; blume flower; rose rose;
garten garden; feld field; wiese meadow; wüste desert; sand sand; stein stone; fels rock;
erde earth; welt world; land countryside; küste coast; ufer shore; hafen harbor;
brücke bridge; straße street; weg path; autobahn highway; landstraße road; stadt city;
großstadt city; dorf village; viertel neighborhood; platz square; park park;
bahnhof station; zug/bahn train; auto/wagen car; lastwagen/lkw truck; bus bus;
fahrrad bicycle; motorrad motorbike; boot boat; schiff ship; flugzeug plane;
flughafen airport; taxi taxi; u-bahn subway;
haus house; zuhause/heim/heimat home; zimmer room; schlafzimmer bedroom; küche kitchen;
fenster window; tür door; dach roof; mauer/wand wall; bett bed; tisch table; stuhl chair;
lampe lamp; spiegel mirror; uhr clock; armbanduhr watch; schlüssel key; brief letter;
foto photo; bild picture; buch book; telefon/handy phone; radio radio;
fernseher television; ball ball; spielzeug toy; puppe doll; geschenk gift; ring ring;
kleid dress; schuh shoe; hut hat; mantel coat; regenschirm/schirm umbrella; tasche bag;
koffer suitcase; flasche bottle; wein wine; bier beer; kaffee coffee; tee tea; brot bread;
kuchen cake; schokolade chocolate; café cafe; bar bar; kneipe pub; restaurant restaurant;
bäckerei bakery; laden/geschäft shop; markt market; kirche church; schule school;
krankenhaus hospital; gefängnis prison; büro office; fabrik factory; bauernhof/hof farm;
werkstatt workshop; hotel hotel; kino cinema; bibliothek library; museum museum;
schloss/burg castle; turm tower; leuchtturm lighthouse; friedhof cemetery; stadion stadium;
ecke corner;
mutter mother; vater father; mama mom; papa dad; eltern parents; bruder brother;
schwester sister; sohn son; tochter daughter; kind child; baby baby; junge boy;
mädchen girl; mann husband|man; frau wife|woman; freund friend; freundin girlfriend|friend;
geliebte/liebhaber lover; ehemann husband; ehefrau wife; großmutter grandmother;
oma grandma; großvater grandfather; opa grandpa; großeltern grandparents; familie family;
könig king; königin queen; soldat soldier; seemann/matrose sailor; fischer fisherman;
bauer farmer; lehrer/lehrerin teacher; arzt/ärztin doctor; krankenschwester nurse;
fahrer driver; arbeiter worker; nachbar/nachbarin neighbor; fremde/fremder stranger;
leute/menschen people; mensch person; besitzer/herrchen owner; herr master; engel angel;
gott god; teufel devil; geist/gespenst ghost; held hero; hexe witch; pirat pirate;
drache dragon; roboter robot; clown clown; prinz prince; prinzessin princess;
cowboy cowboy;
taube pigeon; möwe seagull; bergsteiger mountaineer;
hund dog; katze/kater cat; kätzchen kitten; welpe puppy; pferd horse; vogel bird;
fisch fish; wolf wolf; bär bear; löwe lion; fuchs fox; hase/kaninchen rabbit; maus mouse;
kuh cow; schaf sheep; schwein pig; huhn chicken; ente duck; eule owl; adler eagle;
wal whale; delfin dolphin; schmetterling butterfly; biene bee; schlange snake; affe monkey;
elefant elephant; tiger tiger; hirsch/reh deer; frosch frog; tier animal; haustier pet;
liebe love; herz heart; seele soul; leben life; tod death; krieg war; frieden peace;
freiheit freedom; hoffnung hope; angst fear; schmerz pain; freude joy; traurigkeit sadness;
einsamkeit loneliness; glück happiness; stille silence; musik music; stimme voice;
kuss kiss; träne tear; lächeln smile; auge eye; hand hand; gesicht face; haar hair;
körper body; blut blood; name name; geheimnis secret; wahrheit truth; lüge lie;
versprechen promise; abschied goodbye; rückkehr return; heimkehr homecoming;
reise journey; abenteuer adventure; jugend youth; kindheit childhood; arbeit work;
job job; geld money; fußball football; spiel game; sieg victory; sehnsucht longing;
heimweh homesickness; fernweh wanderlust; weinberg vineyard; nachts at_night;
melancholie melancholy
"""
_ADJECTIVES = """
traurig sad; melancholisch melancholic; wehmütig wistful; nostalgisch nostalgic;
fröhlich/glücklich/froh happy; lustig/heiter cheerful; ruhig calm; sanft gentle;
zart tender; romantisch/verliebt romantic; düster/dunkel dark; unheimlich eerie;
energisch energetic; wild wild; wütend/zornig angry; schnell fast; langsam slow;
episch epic; einsam/allein lonely; bittersüß bittersweet; verträumt dreamy;
tanzbar/beschwingt upbeat; hoffnungsvoll hopeful; friedlich peaceful; alt old; neu new;
jung young; klein little; groß big; lang long; kurz short; schön beautiful; hübsch pretty;
kalt cold; warm warm; heiß hot; weiß white; schwarz black; rot red; blau blue; grün green;
gelb yellow; grau grey; golden golden; silbern silver; verloren lost; letzt last;
erst first; leer empty; voll full; fern distant; still/leise quiet; kaputt/gebrochen broken;
geheim secret; ewig eternal; frei free; seltsam strange; magisch magic; heilig holy;
müde tired; nass wet; tief deep; hoch/hoh high; stark strong; lieb dear; best best;
rosa pink; sternklar starry; regnerisch rainy; sonnig sunny
"""
_PIECES = """
lied/song song; ballade ballad; wiegenlied/schlaflied/gutenachtlied lullaby;
hymne anthem; walzer waltz; schlager pop_song; stück/musikstück/track track; melodie melody;
musik music; ständchen serenade; kinderlied ditty; volkslied folk_song; marsch march
"""
_VERBS = """
schlafen/schläft sleeping; füttern/füttert feeding;
tanzen/tanzt dancing; singen/singt singing; weinen/weint crying;
warten/wartet waiting; gehen/geht walking; laufen/läuft running; träumen/träumt dreaming;
fliegen/fliegt flying; schwimmen/schwimmt swimming; spielen/spielt playing;
reisen/reist traveling; fallen/fällt falling; brennen/brennt burning;
leuchten/leuchtet/scheinen/scheint shining; fahren/fährt driving; kochen/kocht cooking;
lachen/lacht laughing
"""
_WORDS = """
der/die/das/den/dem the; jeden/jede/jeder/jedes every;
ein/eine/einen/einem/einer a; des/seines/ihres of_the; eines of_a;
mein/meine/meinen/meinem/meiner my; dein/deine/deinen/deinem/deiner your; meines of_my;
deines/eures of_your; unser/unsere/unseren/unserem/unserer our; unseres of_our;
euer/eure/euren/eurem/eurer your; sein/seine/seinen/seinem/seiner/ihr/ihre/ihren/ihrem/ihrer the;
dieser/diese/diesen/diesem/dieses this; und and; oder or; aber but; in in; im in_the;
ins into_the; an at; am at_the; ans to_the; auf on; aufs on_the; unter under;
unterm under_the; vor before; hinter behind; neben beside; zwischen between; mit with;
ohne without; für for; fürs for_the; zu to; zum/zur to_the; nach to|after; bei at;
beim at_the; aus from; durch through; um around; gegen against; während during;
bis until; seit since; entlang along; gegenüber across_from; zwei two; drei three;
vier four; fünf five; zehn ten; hundert hundred; tausend thousand;
ich/du/er/sie/es/wir/man/mich/mir/dich/dir/uns/mal/bitte/schreib/schreibe/schreiben -;
schreibt/mach/mache/machen/erstelle/erstell/komponiere/sing/singe/gib/will/möchte -;
hätte/gern/gerne/wie/was/ist/sind/sehr/so/noch/kein/keine/etwas/irgendwie/eher -;
welche/welcher/welches -
"""
_NAMES = """
münchen Munich; köln Cologne; wien Vienna; zürich Zurich; nürnberg Nuremberg;
hannover Hanover; rom Rome; mailand Milan; venedig Venice; florenz Florence; neapel Naples;
lissabon Lisbon; moskau Moscow; prag Prague; warschau Warsaw; brüssel Brussels;
genf Geneva; athen Athens; kopenhagen Copenhagen; peking Beijing; deutschland Germany;
österreich Austria; schweiz Switzerland; frankreich France; italien Italy; spanien Spain;
england England; griechenland Greece; europa Europe; afrika Africa; amerika America;
bayern Bavaria; rhein Rhine; donau Danube; elbe Elbe; ostsee Baltic; nordsee North_Sea;
alpen Alps; schwarzwald Black_Forest; berlin Berlin; hamburg Hamburg; bremen Bremen;
dresden Dresden; leipzig Leipzig; paris Paris; london London
"""

GERMAN = Glossary(
    code="de",
    nouns=entries(_NOUNS),
    adjectives=entries(_ADJECTIVES),
    pieces=entries(_PIECES),
    verbs=entries(_VERBS),
    words=entries(_WORDS),
    markers={
        "über": ("about", "over"),
        "übers": ("about the", "over the"),
        "von": ("about", "from"),
        "vom": ("about the", "from the"),
    },
    names=entries(_NAMES),
    # Plurals and cases: "Sterne", "Bergen", "Häuser" (the umlaut is undone by the reader),
    # "des Meeres".
    noun_endings=(
        *(("innen", "in"), ("nen", ""), ("en", ""), ("n", ""), ("e", ""), ("er", "")),
        *(("es", ""), ("s", "")),
    ),
    adjective_endings=(
        *(("len", "el"), ("ler", "el"), ("les", "el"), ("lem", "el"), ("le", "el")),
        *(("en", ""), ("em", ""), ("er", ""), ("es", ""), ("e", "")),
    ),
    adjectives_follow=False,
    # Genitives, which say "of" with their article: "die Farbe *der* Nacht".
    after_noun={
        "der": "of the",
        "einer": "of a",
        "meiner": "of my",
        "deiner": "of your",
        "unserer": "of our",
        "seiner": "of the",
        "ihrer": "of the",
    },
    compounds=True,
)
