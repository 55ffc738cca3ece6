"""Portuguese prompt words in English, of Brazil and of Portugal (the format:
lyricist.glossary)."""

from __future__ import annotations

from songforge.engine.lyricist.glossary import Glossary, entries

_NOUNS = """
noite night; dia day; manhã morning; tarde afternoon; fim_de_tarde/anoitecer evening;
meia-noite midnight; madrugada/amanhecer/aurora dawn; pôr_do_sol/pôr-do-sol sunset;
nascer_do_sol sunrise; crepúsculo twilight; chuva rain; neve snow; vento wind;
tempestade/temporal storm; trovão thunder; relâmpago/raio lightning; nuvem cloud;
céu sky; sol sun; lua moon; estrela star; luz light; sombra shadow;
névoa/nevoeiro fog; neblina mist; gelo ice; fogo fire; fumaça/fumo smoke;
arco-íris rainbow; verão summer; inverno winter; primavera spring; outono autumn;
ano year; tempo time; hora hour; semana week; fim_de_semana weekend; férias holiday;
natal Christmas; páscoa Easter; aniversário birthday; casamento wedding; festa party;
festival festival; carnaval carnival; dança/baile dance; sonho dream;
lembrança/memória/recordação memory; saudade longing; segunda-feira Monday;
terça-feira Tuesday; quarta-feira Wednesday; quinta-feira Thursday; sexta-feira Friday;
sábado Saturday; domingo Sunday; janeiro January; fevereiro February; março March;
abril April; maio May; junho June; julho July; agosto August; setembro September;
outubro October; novembro November; dezembro December;
mar sea; oceano ocean; praia beach; onda wave; rio river; lago lake; ilha island;
montanha/serra mountain; monte/colina/morro hill; vale valley; floresta/mata forest;
bosque woods; árvore tree; flor flower; rosa rose; jardim garden; campo countryside;
prado meadow; deserto desert; areia sand; pedra stone; rocha rock; terra earth;
mundo world; interior countryside; costa coast; margem shore; beira-mar seaside;
porto harbor; cais pier; ponte bridge; estrada road; rua street; caminho path;
avenida avenue; autoestrada/rodovia highway; cidade city; vila/aldeia village;
bairro neighborhood; praça square; parque park; estação station; trem/comboio train;
carro car; caminhão/camião truck; ônibus/autocarro bus; bicicleta bicycle;
moto/motocicleta motorbike; barco boat; navio ship; avião plane; aeroporto airport;
táxi taxi; metrô/metro subway; jangada raft;
casa house; lar home; quarto bedroom; sala room; cozinha kitchen; janela window;
porta door; telhado roof; muro/parede wall; cama bed; mesa table; cadeira chair;
lâmpada lamp; espelho mirror; relógio clock; chave key; carta letter; foto photo;
fotografia photograph; livro book; telefone/celular/telemóvel phone; rádio radio;
televisão/tv television; bola ball; brinquedo toy; boneca doll; presente gift;
anel ring; vestido dress; sapato shoe; chapéu hat; casaco coat; guarda-chuva umbrella;
bolsa bag; mala suitcase; garrafa bottle; vinho wine; cerveja beer; café coffee;
chá tea; pão bread; bolo cake; chocolate chocolate; bar/boteco/botequim bar;
tasca tavern; restaurante restaurant; padaria bakery; loja shop; mercado/feira market;
igreja church; escola school; hospital hospital; prisão/cadeia prison;
escritório office; fábrica factory; fazenda/quinta/sítio farm; oficina workshop;
hotel hotel; cinema cinema; biblioteca library; museu museum; castelo castle;
torre tower; farol lighthouse; cemitério cemetery; estádio stadium; esquina corner;
madeira wood;
mãe mother; pai father; mamãe mom; papai dad; pais parents; irmão brother; irmã sister;
filho son; filha daughter; criança child; bebê/bebé baby; menino/garoto/rapaz boy;
menina/garota/moça girl; homem man; mulher wife|woman; amigo/amiga friend;
amante lover; marido husband; esposa wife; avó grandmother; avô grandfather;
vovó grandma; vovô grandpa; avós grandparents; família family; rei king; rainha queen;
soldado soldier; marinheiro sailor; pescador fisherman; agricultor/fazendeiro farmer;
camponês farmer; professor/professora teacher; médico/médica doctor; enfermeira nurse;
motorista driver; operário/trabalhador worker; vizinho/vizinha neighbor;
estranho/estrangeiro stranger; gente/povo people; dono/dona owner; anjo angel; deus god;
diabo devil; fantasma ghost; herói hero; bruxa witch; pirata pirate; dragão dragon;
robô robot; palhaço clown; príncipe prince; princesa princess; vaqueiro cowboy;
cão/cachorro dog; cachorrinho puppy; gato cat; gatinho kitten; cavalo horse;
pássaro/passarinho/ave bird; pombo pigeon; gaivota seagull; alpinista climber;
peixe fish; lobo wolf; urso bear; leão lion; raposa fox;
coelho rabbit; rato mouse; vaca cow; ovelha sheep; porco pig; galinha chicken; pato duck;
coruja owl; águia eagle; baleia whale; golfinho dolphin; borboleta butterfly;
abelha bee; cobra/serpente snake; macaco monkey; elefante elephant; tigre tiger;
veado deer; sapo frog; animal animal;
amor love; coração heart; alma soul; vida life; morte death; guerra war; paz peace;
liberdade freedom; esperança hope; medo fear; dor pain; alegria joy; tristeza sadness;
solidão loneliness; felicidade happiness; silêncio silence; voz voice; beijo kiss;
lágrima tear; sorriso smile; olho eye; mão hand; rosto/cara face; cabelo hair;
corpo body; sangue blood; nome name; segredo secret; verdade truth; mentira lie;
promessa promise; adeus/despedida goodbye; volta/regresso return; viagem journey;
aventura adventure; juventude youth; infância childhood; trabalho work; emprego job;
dinheiro money; futebol football; jogo game; vitória victory; nostalgia nostalgia;
melancolia melancholy;
partida departure; à_noite/de_noite at_night; sertão backcountry
"""
_ADJECTIVES = """
triste sad; melancólico melancholic; nostálgico nostalgic; saudoso wistful;
alegre/feliz/contente happy; animado/dançante upbeat; festivo festive;
calmo/tranquilo calm; sereno serene; suave gentle; doce sweet; terno tender;
romântico/apaixonado romantic; sombrio/escuro dark; assustador eerie;
enérgico/agitado energetic; selvagem wild; furioso/zangado/raivoso angry; rápido fast;
lento slow; épico epic; solitário/sozinho lonely; agridoce bittersweet; sonhador dreamy;
esperançoso hopeful; pacífico peaceful; velho/antigo old; novo new; jovem young;
pequeno little; grande big; longo/comprido long; curto short; bonito/belo/lindo beautiful;
frio cold; quente warm; branco white; preto/negro black; vermelho red; azul blue;
verde green; amarelo yellow; cinzento/cinza grey; dourado golden; de_ouro golden;
prateado silver; perdido lost; último last; primeiro first; vazio empty; cheio full;
distante distant; estrelado starry; quieto quiet; silencioso silent;
quebrado/partido broken; secreto secret; eterno eternal; livre free; estranho strange;
mágico magic; sagrado sacred; cansado tired; molhado wet; fundo/profundo deep;
alto high; forte strong; querido dear; chuvoso rainy; ensolarado sunny
"""
_PIECES = """
canção/cançãozinha/música/cantiga/modinha song; balada ballad;
canção_de_ninar/cantiga_de_ninar/acalanto lullaby; hino anthem; valsa waltz;
serenata/seresta serenade; melodia melody; faixa track; fado/forró folk_song; marchinha march;
pagode samba_song
"""
_VERBS = """
dormir/dorme/dormem sleeping; dançar/dança/dançam dancing; cantar/canta/cantam singing;
chorar/chora/choram crying; esperar/espera/esperam waiting_for;
andar/anda/andam/caminhar/caminha walking; correr/corre/correm running;
sonhar/sonha/sonham dreaming; voar/voa/voam flying; nadar/nada/nadam swimming;
brincar/brinca/brincam/jogar/joga/jogam playing; viajar/viaja/viajam traveling;
voltar/volta/voltam coming_home; partir/parte/partem leaving; cair/cai/caem falling;
queimar/queima/queimam burning; brilhar/brilha/brilham shining;
dirigir/dirige/dirigem/conduzir/conduz driving; cozinhar/cozinha/cozinham cooking;
rir/ri/riem laughing
"""
_WORDS = """
o/os/as the; cada every;
a to|the; um/uma a; uns/umas -; do/da/dos/das of_the; de/d' of;
no/na/nos/nas in_the; num/numa in_a; em in; ao/à/aos/às to_the;
pelo/pela/pelos/pelas through_the; por through; para/pra for; com with; sem without;
sob under; entre between; até until; durante during; depois_de after; antes_de before;
perto_de near; perto_do/perto_da near_the; longe_de far_from; ao_lado_de beside;
em_cima_de on; debaixo_de under; dentro_de inside; fora_de outside; à_beira_de by;
à_beira_do/à_beira_da by_the; contra against; e and; ou or; mas but;
meu/minha/meus/minhas my; teu/tua/teus/tuas your; seu/sua/seus/suas the;
nosso/nossa/nossos/nossas our; este/esta/esse/essa this; aquele/aquela that; dois/duas two;
três three; quatro four; cinco five; dez ten; cem hundred; mil thousand;
que/quem/eu/você/ele/ela/nós/eles/elas/me/se/é/são/muito/mais/quero/queria/gostaria -;
escreva/escreve/escrever/faça/faz/crie/componha/cante/me_dá/por_favor/tipo/estilo -;
algo/bem/bastante/um_pouco -
"""
_NAMES = """
lisboa Lisbon; brasil Brazil; espanha Spain; frança France; alemanha Germany;
itália Italy; inglaterra England; londres London; paris Paris; roma Rome;
nova_iorque New_York; europa Europe; áfrica Africa; américa America; tejo Tagus;
amazonas/amazônia Amazon; açores Azores; coimbra Coimbra; bahia Bahia;
salvador Salvador; recife Recife; copacabana Copacabana; ipanema Ipanema;
portugal Portugal; veneza Venice; florença Florence; nápoles Naples; milão Milan
"""

PORTUGUESE = Glossary(
    code="pt",
    nouns=entries(_NOUNS),
    adjectives=entries(_ADJECTIVES),
    pieces=entries(_PIECES),
    verbs=entries(_VERBS),
    words=entries(_WORDS),
    markers={
        "sobre": ("about", "on"),
        "acerca de": ("about", "about"),
        "a respeito de": ("about", "about"),
        "que fala de": ("about", "about"),
        "que fala sobre": ("about", "about"),
    },
    names=entries(_NAMES),
    noun_endings=(
        *(("ões", "ão"), ("ães", "ão"), ("ãos", "ão"), ("ais", "al"), ("éis", "el")),
        *(("eis", "el"), ("óis", "ol"), ("uis", "ul"), ("ns", "m"), ("res", "r")),
        *(("zes", "z"), ("ses", "s"), ("s", "")),
    ),
    adjective_endings=(
        *(("as", "o"), ("os", "o"), ("a", "o"), ("uis", "ul"), ("eis", "el"), ("es", "")),
        ("s", ""),
    ),
    adjectives_follow=True,
    relatives=frozenset(("que",)),
)
