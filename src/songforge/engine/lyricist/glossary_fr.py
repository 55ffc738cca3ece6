"""French prompt words in English (the format: lyricist.glossary)."""

from __future__ import annotations

from songforge.engine.lyricist.glossary import Glossary, entries

_NOUNS = """
nuit night; jour day; journée day; matin/matinée morning; soir/soirée evening;
après-midi afternoon; minuit midnight; aube/aurore dawn; crépuscule twilight;
coucher_de_soleil sunset; lever_du_soleil/lever_de_soleil sunrise; pluie rain; neige snow;
vent wind; tempête/orage storm; tonnerre thunder; éclair lightning; nuage cloud;
ciel sky; cieux skies; soleil sun; lune moon; étoile star; lumière light; ombre shadow;
brouillard fog; brume mist; glace ice; feu fire; fumée smoke; arc-en-ciel rainbow;
été summer; hiver winter; printemps spring; automne autumn; saison season; année/an year;
temps time; heure hour; semaine week; week-end weekend; vacances holiday; noël Christmas;
pâques Easter; anniversaire birthday; mariage/noces wedding; fête party; festival festival;
carnaval carnival; danse/bal dance; rêve dream; souvenir/mémoire memory;
lundi Monday; mardi Tuesday; mercredi Wednesday; jeudi Thursday; vendredi Friday;
samedi Saturday; dimanche Sunday; janvier January; février February; mars March;
avril April; mai May; juin June; juillet July; août August; septembre September;
octobre October; novembre November; décembre December;
mer sea; océan ocean; plage beach; vague wave; rivière/fleuve river; lac lake; île island;
montagne mountain; colline hill; vallée valley; forêt forest; bois woods; arbre tree;
fleur flower; rose rose; jardin garden; champ field; prairie meadow; désert desert;
sable sand; pierre stone; rocher rock; terre earth; monde world; campagne countryside;
côte coast; rivage shore; port harbor; quai pier; pont bridge; route road; rue street;
chemin path; autoroute highway; ville city; village village; quartier neighborhood;
place square; parc park; gare station; train train; voiture car; camion truck; bus bus;
vélo/bicyclette bicycle; moto motorbike; bateau boat; navire ship; avion plane;
aéroport airport; taxi taxi; métro subway;
maison house; foyer home; chambre bedroom; pièce room; cuisine kitchen; fenêtre window;
porte door; toit roof; mur wall; lit bed; table table; chaise chair; lampe lamp;
miroir mirror; horloge clock; montre watch; clé/clef key; lettre letter; photo photo;
photographie photograph; livre book; téléphone phone; radio radio; télé/télévision television;
ballon/balle ball; jouet toy; poupée doll; cadeau gift; bague/anneau ring; robe dress;
chaussure shoe; chapeau hat; manteau coat; parapluie umbrella; sac bag; valise suitcase;
bouteille bottle; vin wine; bière beer; café cafe; thé tea; pain bread; gâteau cake;
chocolat chocolate; bar bar; bistrot/bistro pub; restaurant restaurant; boulangerie bakery;
magasin/boutique shop; marché market; église church; école school; hôpital hospital;
prison prison; bureau office; usine factory; ferme farm; atelier workshop; hôtel hotel;
cinéma cinema; bibliothèque library; musée museum; château castle; tour tower;
phare lighthouse; cimetière cemetery; stade stadium; coin corner;
mère mother; père father; maman mom; papa dad; parents parents; frère brother;
sœur/soeur sister; fils son; fille daughter|girl; enfant child; bébé baby; garçon boy;
homme man; femme wife|woman; ami/amie/copain friend; copine girlfriend|friend;
amant lover; mari husband; épouse wife; grand-mère grandmother; grand-père grandfather;
mamie/mémé grandma; papi/pépé grandpa; grands-parents grandparents; famille family;
roi king; reine queen; soldat soldier; marin sailor; pêcheur fisherman;
paysan/fermier farmer; professeur/prof teacher; maître master; médecin/docteur doctor;
infirmière nurse; chauffeur driver; ouvrier worker; voisin/voisine neighbor;
étranger/inconnu stranger; gens people; propriétaire owner; ange angel; dieu god;
diable devil; fantôme ghost; héros hero; sorcière witch; pirate pirate; dragon dragon;
robot robot; clown clown; prince prince; princesse princess; cowboy cowboy;
pigeon pigeon; mouette seagull; alpiniste climber;
chien dog; chat cat; chaton kitten; chiot puppy; cheval horse; oiseau bird; poisson fish;
loup wolf; ours bear; lion lion; renard fox; lapin rabbit; souris mouse; vache cow;
mouton sheep; cochon pig; poule chicken; canard duck; hibou/chouette owl; aigle eagle;
baleine whale; dauphin dolphin; papillon butterfly; abeille bee; serpent snake;
singe monkey; éléphant elephant; tigre tiger; cerf deer; grenouille frog; animal animal;
amour love; cœur/coeur heart; âme soul; vie life; mort death; guerre war; paix peace;
liberté freedom; espoir/espérance hope; peur fear; douleur pain; joie joy;
tristesse sadness; solitude loneliness; bonheur happiness; silence silence;
musique music; voix voice; baiser/bisou kiss; larme tear; sourire smile; œil/oeil eye;
yeux eyes; main hand; visage face; cheveux hair; corps body; sang blood; nom name;
secret secret; vérité truth; mensonge lie; promesse promise; adieu goodbye; retour return;
voyage journey; aventure adventure; jeunesse youth; enfance childhood; travail work;
boulot job; argent money; football/foot football; match/jeu game; victoire victory;
nostalgie nostalgia; mélancolie melancholy; départ departure;
amoureux lovers
"""
_ADJECTIVES = """
triste sad; mélancolique melancholic; nostalgique nostalgic; joyeux/gai/heureux happy;
enjoué cheerful; festif festive; calme calm; paisible peaceful; doux/douce gentle;
tendre tender; romantique romantic; amoureux romantic; sombre dark; lugubre gloomy;
inquiétant eerie; énergique energetic; entraînant/dansant upbeat; rapide fast; lent slow;
sauvage wild; rêveur dreamy; épique epic; solitaire lonely; amer bitter;
doux-amer bittersweet; furieux angry; révolté rebellious; apaisant soothing;
lumineux bright; ensoleillé sunny; pluvieux rainy; vieux/vieille/vieil/ancien old;
nouveau/nouvelle/nouvel new; jeune young; petit little; grand big; gros big;
long/longue long; court short; beau/belle/bel beautiful; joli pretty; froid cold;
chaud warm; blanc/blanche white; noir black; rouge red; bleu blue; vert green;
jaune yellow; gris grey; doré golden; d'or golden; argenté silver; perdu lost;
dernier last; premier first; vide empty; plein full; lointain distant; étoilé starry;
tranquille quiet; silencieux silent; brisé/cassé broken; secret/secrète secret;
éternel eternal; libre free; étrange strange; magique magic; sacré sacred; fatigué tired;
mouillé wet; profond deep; haut high; fort strong; cher dear; rose pink
"""
_PIECES = """
chanson/chansonnette/chant song; morceau track; ballade/complainte/slow ballad;
berceuse lullaby; comptine ditty; hymne anthem; valse/musette waltz; sérénade serenade;
mélodie melody; musique music; cantique hymn; variété pop
"""
_VERBS = """
dormir/dort/dorment sleeping; nourrir/nourrit/nourrissent feeding;
danser/danse/dansent dancing; chanter/chante/chantent singing;
pleurer/pleure/pleurent crying; attendre/attend/attendent waiting_for;
marcher/marche/marchent walking; courir/court/courent running; rêver/rêve/rêvent dreaming;
voler/vole/volent flying; nager/nage/nagent swimming; jouer/joue/jouent playing;
voyager/voyage/voyagent traveling; rentrer/rentre/rentrent coming_home;
partir/part/partent leaving; tomber/tombe/tombent falling; brûler/brûle/brûlent burning;
briller/brille/brillent shining; conduire/conduit/conduisent driving;
cuisiner/cuisine/cuisinent cooking; rire/rit/rient laughing; regarder/regarde/regardent
watching
"""
_WORDS = """
le/la/les/l' the; chaque every;
un/une a; des/du of_the; de/d' of; au/aux in_the; à in|at; en/dans in;
sous under; avec with; sans without; pour for; par through; pendant during; après after;
avant before; vers towards; chez at; entre between; parmi among; contre against;
depuis since; près_de near; près_du near_the; loin_de far_from; au_bord_de by;
au_bord_du/au_bord_de_la/au_bord_des by_the; à_côté_de beside; à_côté_du beside_the;
autour_de around; autour_du around_the; au-dessus_de above; au_milieu_de in_the_middle_of;
derrière behind; devant in_front_of; jusqu'à until; le_long_de along; et and; ou or;
mais but; mon/ma/mes my; ton/ta/tes your; son/sa/ses/leur/leurs the; notre/nos our;
votre/vos your; ce/cet/cette this; ces these; deux two; trois three; quatre four;
cinq five; dix ten; cent hundred; mille thousand;
qui/que/qu'/je/j'/moi/me/m'/tu/te/t'/toi/il/elle/nous/vous/ils/elles/on/se/s'/c'/n'/ne -;
pas/est/sont/très/plus/y/a/veux/voudrais/écris/écrivez/écrire/fais/faites/fais-moi -;
crée/créez/compose/composez/chante-moi/donne/donne-moi/écris-moi/imagine/s'il_vous_plaît -;
s'il_te_plaît -;
svp/stp/genre/style/comme/sorte/quelque/chose/bien/vraiment/un_peu -
"""
_NAMES = """
londres London; lisbonne Lisbon; venise Venice; florence Florence; naples Naples;
milan Milan; gênes Genoa; turin Turin; séville Seville; moscou Moscow; pékin Beijing;
vienne Vienna; bruxelles Brussels; anvers Antwerp; genève Geneva; bâle Basel;
munich Munich; cologne Cologne; varsovie Warsaw; prague Prague; athènes Athens;
alger Algiers; édimbourg Edinburgh; copenhague Copenhagen; espagne Spain;
allemagne Germany; angleterre England; italie Italy; portugal Portugal; grèce Greece;
irlande Ireland; écosse Scotland; suisse Switzerland; belgique Belgium; mexique Mexico;
brésil Brazil; japon Japan; chine China; afrique Africa; amérique America; europe Europe;
provence Provence; bretagne Brittany; normandie Normandy; corse Corsica; seine Seine;
loire Loire; rhône Rhone; méditerranée Mediterranean; alpes Alps; paris Paris;
marseille Marseille; lyon Lyon; bordeaux Bordeaux; toulouse Toulouse; montréal Montreal;
québec Quebec; rome Rome; berlin Berlin; new-york New_York
"""

FRENCH = Glossary(
    code="fr",
    nouns=entries(_NOUNS),
    adjectives=entries(_ADJECTIVES),
    pieces=entries(_PIECES),
    verbs=entries(_VERBS),
    words=entries(_WORDS),
    markers={
        "sur": ("about", "on"),
        "à propos de": ("about", "about"),
        "au sujet de": ("about", "about"),
        "qui parle de": ("about", "about"),
    },
    names=entries(_NAMES),
    noun_endings=(
        ("eaux", "eau"),
        ("aux", "al"),
        ("aux", "ail"),
        ("eux", "eu"),
        ("s", ""),
        ("x", ""),
    ),
    adjective_endings=(
        *(("euses", "eux"), ("euse", "eux"), ("ives", "if"), ("ive", "if"), ("ères", "er")),
        *(("ère", "er"), ("ennes", "en"), ("enne", "en"), ("elles", "el"), ("elle", "el")),
        *(("ettes", "et"), ("ette", "et"), ("ées", "é"), ("ée", "é"), ("és", "é"), ("aux", "al")),
        *(("es", ""), ("s", ""), ("x", ""), ("e", "")),
    ),
    adjectives_follow=True,
    relatives=frozenset(("qui", "que", "qu'")),
)
