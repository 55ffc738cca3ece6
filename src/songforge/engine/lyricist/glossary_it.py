"""Italian prompt words in English (the format: lyricist.glossary)."""

from __future__ import annotations

from songforge.engine.lyricist.glossary import Glossary, entries

_NOUNS = """
notte night; giorno/giornata day; mattina/mattino morning; sera/serata evening;
pomeriggio afternoon; mezzanotte midnight; alba dawn; tramonto sunset; crepuscolo twilight;
pioggia rain; neve snow; vento wind; tempesta/temporale storm; tuono thunder;
fulmine lightning; nuvola cloud; cielo sky; sole sun; luna moon; stella star; luce light;
ombra shadow; nebbia fog; ghiaccio ice; fuoco fire; fumo smoke; arcobaleno rainbow;
estate summer; inverno winter; primavera spring; autunno autumn; stagione season;
anno year; tempo time; ora hour; settimana week; fine_settimana weekend;
vacanza/vacanze/ferie holiday; natale Christmas; pasqua Easter; compleanno birthday;
matrimonio/nozze wedding; festa party; festival festival; carnevale carnival;
danza/ballo dance; sogno dream; ricordo/memoria memory; lunedì Monday; martedì Tuesday;
mercoledì Wednesday; giovedì Thursday; venerdì Friday; sabato Saturday;
domenica Sunday; gennaio January; febbraio February; marzo March; aprile April;
maggio May; giugno June; luglio July; agosto August; settembre September;
ottobre October; novembre November; dicembre December;
mare sea; oceano ocean; spiaggia beach; onda wave; fiume river; lago lake; isola island;
montagna/monte mountain; collina hill; valle valley; foresta forest; bosco woods;
albero tree; fiore flower; rosa rose; giardino garden; campo field; prato meadow;
deserto desert; sabbia sand; pietra stone; roccia rock; terra earth; mondo world;
campagna countryside; costa coast; riva shore; porto harbor; molo pier; ponte bridge;
strada road; via street; sentiero path; cammino way; autostrada highway; città city;
paese/villaggio/borgo village; quartiere neighborhood; piazza square; parco park;
stazione station; treno train; macchina/auto car; camion truck; autobus/bus bus;
bicicletta/bici bicycle; moto/motocicletta motorbike; vespa scooter; barca boat; nave ship;
aereo plane; aeroporto airport; taxi taxi; metro/metropolitana subway;
casa house; stanza room; camera bedroom; cucina kitchen; finestra window; porta door;
tetto roof; muro wall; letto bed; tavolo/tavola table; sedia chair; lampada lamp;
specchio mirror; orologio clock; chiave key; lettera letter; foto photo;
fotografia photograph; libro book; telefono/telefonino/cellulare phone; radio radio;
televisione/tv television; palla/pallone ball; giocattolo toy; bambola doll; regalo gift;
anello ring; vestito dress; scarpa shoe; cappello hat; cappotto coat; ombrello umbrella;
borsa bag; valigia suitcase; bottiglia bottle; vino wine; birra beer; caffè coffee;
tè tea; pane bread; torta cake; cioccolato/cioccolata chocolate; gelato ice_cream;
pizza pizza; bar bar; osteria tavern; trattoria/ristorante restaurant;
panetteria/forno bakery; negozio shop; mercato market; chiesa church; scuola school;
ospedale hospital; prigione/carcere prison; ufficio office; fabbrica factory;
fattoria farm; officina/bottega workshop; albergo/hotel hotel; cinema cinema;
biblioteca library; museo museum; castello castle; torre tower; faro lighthouse;
cimitero cemetery; stadio stadium; angolo corner;
madre mother; padre father; mamma mom; papà/babbo dad; genitori parents;
fratello brother; sorella sister; figlio son; figlia daughter; bambino baby|child;
bambina baby|girl; bimbo/bimba child; ragazzo boy; ragazza girlfriend|girl; uomo man;
uomini men; donna woman; amico/amica friend; amante lover; marito husband; moglie wife;
nonna grandmother; nonno grandfather; nonni grandparents; famiglia family; re king;
regina queen; soldato soldier; marinaio sailor; pescatore fisherman; contadino farmer;
maestro/maestra/professore/professoressa teacher; medico/dottore doctor;
infermiera nurse; autista driver; operaio worker; vicino/vicina neighbor;
straniero/sconosciuto stranger; gente people; padrone owner; angelo angel; dio god;
diavolo devil; fantasma ghost; eroe hero; strega witch; pirata pirate; drago dragon;
robot robot; pagliaccio clown; principe prince; principessa princess;
cane dog; gatto cat; gattino kitten; cagnolino/cucciolo puppy; cavallo horse;
piccione pigeon; gabbiano seagull; alpinista climber;
uccello bird; pesce fish; lupo wolf; orso bear; leone lion; volpe fox; coniglio rabbit;
topo mouse; mucca cow; pecora sheep; maiale pig; gallina chicken; anatra duck;
gufo/civetta owl; aquila eagle; balena whale; delfino dolphin; farfalla butterfly;
ape bee; serpente snake; scimmia monkey; elefante elephant; tigre tiger; cervo deer;
rana frog; animale animal;
amore love; cuore heart; anima soul; vita life; morte death; guerra war; pace peace;
libertà freedom; speranza hope; paura fear; dolore pain; gioia joy; tristezza sadness;
solitudine loneliness; felicità happiness; silenzio silence; musica music; voce voice;
bacio kiss; lacrima tear; sorriso smile; occhio eye; mano hand; viso/faccia face;
capelli hair; corpo body; sangue blood; nome name; segreto secret; verità truth;
bugia lie; promessa promise; addio goodbye; ritorno return; viaggio journey;
avventura adventure; giovinezza/gioventù youth; infanzia childhood; lavoro work;
soldi/denaro money; calcio football; partita/gioco game; vittoria victory;
nostalgia nostalgia; malinconia melancholy; partenza departure;
di_notte at_night
"""
_ADJECTIVES = """
triste sad; malinconico melancholic; nostalgico nostalgic; allegro/felice/contento happy;
gioioso joyful; festoso festive; calmo/tranquillo calm; sereno serene; dolce sweet;
tenero tender; romantico/innamorato romantic; cupo/oscuro/buio dark; inquietante eerie;
energico energetic; selvaggio wild; arrabbiato/furioso angry; veloce/rapido fast;
lento slow; epico epic; solitario lonely; agrodolce bittersweet; sognante dreamy;
ballabile upbeat; speranzoso hopeful; pacifico peaceful; vecchio/antico old; nuovo new;
giovane young; piccolo little; grande big; lungo long; corto short; bello/bel beautiful;
carino pretty; freddo cold; caldo warm; bianco white; nero black; rosso red;
azzurro/blu blue; verde green; giallo yellow; grigio grey; dorato golden; d'oro golden;
argentato silver; perduto/perso lost; ultimo last; primo first; vuoto empty; pieno full;
lontano distant; stellato starry; quieto quiet; silenzioso silent; rotto broken;
segreto secret; eterno eternal; libero free; strano strange; magico magic; sacro sacred;
stanco tired; bagnato wet; profondo deep; alto high; forte strong; caro dear;
piovoso rainy; soleggiato sunny
"""
_PIECES = """
canzone/canzoncina/canzonetta/canto song; brano/pezzo track; ballata ballad;
ninna_nanna/ninnananna lullaby; inno anthem; valzer waltz; serenata serenade;
melodia melody; musica music; filastrocca ditty; tarantella/stornello folk_song
"""
_VERBS = """
dormire/dorme/dormono sleeping; ballare/balla/ballano/danzare/danza dancing;
cantare/canta/cantano singing; piangere/piange/piangono crying;
aspettare/aspetta/aspettano waiting_for; camminare/cammina/camminano walking;
correre/corre/corrono running; sognare/sogna/sognano dreaming; volare/vola/volano flying;
nuotare/nuota/nuotano swimming; giocare/gioca/giocano playing;
viaggiare/viaggia/viaggiano traveling; tornare/torna/tornano coming_home;
partire/parte/partono leaving; cadere/cade/cadono falling; bruciare/brucia/bruciano burning;
brillare/brilla/brillano shining; guidare/guida/guidano driving;
cucinare/cucina/cucinano cooking; ridere/ride/ridono laughing
"""
_WORDS = """
il/lo/la/i/gli/le/l' the; ogni every;
un/uno/una/un' a; del/dello/della/dei/degli/delle/dell' of_the;
di/d' of; al/allo/alla/ai/agli/alle/all' at_the; a/ad in|at; da from;
dal/dallo/dalla/dai/dagli/dalle/dall' from_the; in in; nel/nello/nella/nei/negli/nelle/nell' in_the;
con with; col/coi with_the; per for; tra/fra between; sotto under; sopra above;
dentro inside; fuori outside; verso towards; dopo after; prima before; durante during;
senza without; lungo along; oltre beyond; vicino_a near; vicino_al/vicino_alla near_the;
lontano_da far_from; in_riva_al/in_riva_alla/in_riva_all' by_the; e/ed and; o/oppure or;
ma but; mio/mia/miei/mie my; tuo/tua/tuoi/tue your; suo/sua/suoi/sue/loro the;
nostro/nostra/nostri/nostre our; vostro/vostra/vostri/vostre your;
questo/questa/questi/queste this; quel/quello/quella/quei/quelle that; due two; tre three;
quattro four; cinque five; dieci ten; cento hundred; mille thousand;
che/chi/io/tu/lui/lei/noi/voi/mi/ti/si/ci/c'/è/sono/molto/più/voglio/vorrei/scrivi -;
scrivimi/scrivere/fammi/fai/crea/creami/componi/canta/cantami/dammi/per_favore/non -;
un_po'/qualcosa/tipo/stile/genere/davvero -
"""
_NAMES = """
roma Rome; milano Milan; napoli Naples; venezia Venice; firenze Florence; torino Turin;
genova Genoa; padova Padua; mantova Mantua; siracusa Syracuse; sicilia Sicily;
sardegna Sardinia; toscana Tuscany; lombardia Lombardy; italia Italy; parigi Paris;
londra London; lisbona Lisbon; berlino Berlin; monaco Munich; vienna Vienna;
ginevra Geneva; atene Athens; mosca Moscow; pechino Beijing; francia France;
germania Germany; spagna Spain; inghilterra England; grecia Greece; europa Europe;
africa Africa; america America; tevere Tiber; vesuvio Vesuvius; alpi Alps;
bologna Bologna; verona Verona; palermo Palermo; capri Capri
"""

ITALIAN = Glossary(
    code="it",
    nouns=entries(_NOUNS),
    adjectives=entries(_ADJECTIVES),
    pieces=entries(_PIECES),
    verbs=entries(_VERBS),
    words=entries(_WORDS),
    markers={
        "su": ("about", "on"),
        **dict.fromkeys(
            ("sul", "sullo", "sulla", "sui", "sugli", "sulle", "sull'"), ("about the", "on the")
        ),
        "riguardo a": ("about", "about"),
        "che parla di": ("about", "about"),
    },
    names=entries(_NAMES),
    noun_endings=(
        *(("chi", "co"), ("ghi", "go"), ("che", "ca"), ("ghe", "ga"), ("i", "o"), ("i", "e")),
        *(("i", "io"), ("e", "a")),
    ),
    adjective_endings=(
        *(("chi", "co"), ("ghi", "go"), ("che", "co"), ("ghe", "go"), ("a", "o"), ("i", "o")),
        *(("e", "o"), ("i", "e")),
    ),
    adjectives_follow=True,
    relatives=frozenset(("che",)),
)
