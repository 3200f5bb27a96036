package extract

import "strings"

// The word lists below are the extractor's knowledge of English news
// prose. They are general vocabulary, never names from one document: a rule
// that needs a specific person's name is a bug.

func set(words string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// speechVerbs are the verbs that introduce or close a quotation, lower case,
// every inflection listed so matching is one map lookup.
var speechVerbs = set(`
say says said saying tell tells told telling add adds added adding
write writes wrote writing written note notes noted noting warn warns warned warning
insist insists insisted insisting deny denies denied denying ask asks asked asking
reply replies replied replying suggest suggests suggested suggesting
describe describes described describing state states stated stating
claim claims claimed claiming declare declares declared declaring
explain explains explained explaining argue argues argued arguing
remark remarks remarked remarking respond responds responded responding
recall recalls recalled recalling announce announces announced announcing
acknowledge acknowledges acknowledged acknowledging admit admits admitted admitting
comment comments commented commenting continue continues continued continuing
conclude concludes concluded concluding emphasize emphasizes emphasized emphasizing
emphasise emphasises emphasised stress stresses stressed stressing
urge urges urged urging caution cautions cautioned complain complains complained
concede concedes conceded confirm confirms confirmed confirming
post posts posted tweet tweets tweeted remind reminds reminded reminding
call calls called calling shout shouts shouted whisper whispers whispered
joke jokes joked joking quip quips quipped predict predicts predicted
shrug shrugs shrugged laugh laughs laughed sigh sighs sighed nod nods nodded shook
promise promises promised promising vow vows vowed threaten threatens threatened
counter counters countered retort retorts retorted testify testifies testified
allege alleges alleging assert asserts asserted asserting
maintain maintains maintained observe observes observed
answer answers answered answering put puts mutter mutters muttered
recount recounts recounted reiterate reiterates reiterated
thank thanks thanked thanking praise praises praised praising welcome welcomes welcomed
criticise criticises criticised criticize criticizes criticized blame blames blamed
accuse accuses accused condemn condemns condemned hail hails hailed reject rejects rejected
dismiss dismisses dismissed defend defends defended
`)

// adverbs that may sit between a speaker and the verb ("X flatly denied").
var cueFillers = set(`
also later then again once previously earlier recently reportedly further
has have had was is were will would just simply only still even quickly
flatly firmly publicly privately bluntly repeatedly separately subsequently
flat-out openly angrily calmly finally initially first
`)

// modals mark a hypothetical statement ("Russia can say ..."), not one made.
var modals = set(`can could would might may should must shall cannot couldn't wouldn't shouldn't`)

// titleWords begin a capitalised run without being part of the name:
// "Secretary of State Ana Brel" is Ana Brel with role "Secretary of
// State". Lower case, trailing dot removed.
var titleWords = set(`
president vice prime minister secretary sec special envoy senator sen representative
rep governor gov mayor general gen admiral adm colonel col lieutenant lt captain
capt sergeant sgt major chancellor ambassador director chief chairman chairwoman
chair commissioner judge justice dr mr mrs ms miss mx prof professor sir dame lord
lady king queen prince princess pope father rev reverend rabbi imam sheikh deputy
foreign defence defense interior finance state attorney national security
advisor adviser press spokesman spokeswoman spokesperson speaker leader majority
minority executive officer ceo cfo coo founder head journalist reporter anchor
host aide presidential communications economic commerce trade treasury health
energy homeland senior top first crown supreme commander marshal field assistant
associate acting interim former ex- congressman congresswoman councillor
councilman councilwoman premier emir crown president-elect secretary-general
inspector superintendent detective officer constable dean bishop cardinal
archbishop editor correspondent analyst economist lawyer attorney-general
coach councillor mp mep msp
amb hon cllr det insp supt cmdr atty
`)

// demonyms and country abbreviations that may lead a title ("Vardenian
// President Ilse Marr", "US Secretary of State").
var demonyms = set(`
us u.s. uk u.k. eu un u.n. american russian ukrainian british french german portuguese
chinese israeli iranian italian spanish polish turkish japanese indian
canadian australian european belgian dutch swedish finnish norwegian danish
hungarian czech slovak romanian bulgarian greek serbian croatian georgian
armenian azerbaijani kazakh belarusian lithuanian latvian estonian moldovan
saudi qatari emirati egyptian syrian iraqi lebanese jordanian palestinian
korean north south pakistani afghan brazilian mexican argentine venezuelan
cuban colombian chilean nigerian kenyan african ethiopian irish scottish
welsh austrian swiss portuguese indonesian vietnamese thai filipino malaysian
white
`)

// roleHeads are the nouns that name a role; "the official said" refers
// back to a person whose role holds the same noun.
var roleHeads = set(`
aide adviser advisor envoy official spokesman spokeswoman spokesperson
minister president secretary director chief senator governor mayor
ambassador chancellor general commander diplomat negotiator lawyer attorney
journalist reporter correspondent editor analyst economist professor expert
leader premier lawmaker legislator congressman congresswoman representative
executive founder ceo chairman chairwoman chair head deputy officer
prosecutor judge investigator source insider strategist consultant
mediator activist author writer columnist commentator host anchor
candidate nominee colleague counterpart predecessor successor
spy agent operative veteran pilot soldier doctor scientist researcher
master keeper librarian teacher coach curator conductor organiser organizer
partner owner defendant claimant witness barrister
brother sister wife husband son daughter father mother nephew niece uncle aunt
cousin widow widower grandson granddaughter grandfather grandmother
manager owner banker investor billionaire businessman businesswoman
boss captain skipper striker midfielder defender goalkeeper winger referee
developer lobbyist campaigner solicitor counsel engineer nurse surgeon priest farmer mp
`)

// roleMods are lower-case words that modify a role noun before a name
// ("Harbour Authority communications director Daria Mirova").
var roleMods = set(`
top senior chief deputy special presidential foreign defence defense
communications press national security policy economic political military
former acting interim longtime long-time veteran close trusted personal
state federal regional local campaign party opposition government
intelligence justice finance trade energy health interior prime vice
managing general senior junior
executive legal diplomatic investigative independent freelance
russian american ukrainian british french german chinese israeli
us u.s. uk eu un new
`)

// orgWords make a capitalised run an organisation rather than a person.
var orgWords = set(`
house ministry service services agency department office council kremlin
pentagon commission committee union party bank corp corporation inc ltd llc
company group institute university court parliament congress senate
government police army navy embassy consulate times news post journal
press network foundation association federation administration bureau
authority assembly command forces guard cabinet board fund organization
organisation center centre club league tribunal campaign church airlines
reuters bloomberg kommersant tass ria interfax afp politico axios cnn bbc
nbc abc cbs fox msnbc npr gazette tribune herald telegraph guardian
newspaper magazine broadcaster firm outlet trust
courier ledger chronicle dispatch observer examiner inquirer bulletin echo
`)

// places speak by metonymy ("Varno said") but are never he or she.
// placeNouns ending a capitalised run make it a place ("Carrow Street",
// "Karst Bay"), never a person a pronoun could stand for.
var placeNouns = set(`
street road avenue lane boulevard square bridge harbour harbor bay river
valley island islands mountains county district province airport station
estate quay
`)

var places = set(`
russia ukraine america usa britain england france germany china israel iran
italy spain poland turkey japan india canada australia europe belgium
netherlands sweden finland norway denmark hungary georgia syria iraq
lebanon jordan egypt qatar gaza palestine korea pakistan afghanistan brazil
mexico venezuela cuba nigeria kenya africa asia washington moscow kyiv kiev
london paris berlin beijing jerusalem tehran rome madrid warsaw ankara
tokyo delhi ottawa brussels geneva vienna minsk crimea donbas kharkiv
kherson odesa odessa riyadh doha cairo damascus baghdad beirut
`)

// notNames are capitalised words that start sentences or name days and
// months; they never begin a name.
var notNames = set(`
the a an in on at for but and or so if when while after before this that
these those it he she they we i you his her their our my its there here
then as according speaking meanwhile however also yet still thus hence
because since although though despite during until unless whether both
either neither each every all some any many most much few several no not
none nobody somebody someone anyone everyone everybody nothing something
anything everything what which who whom whose where why how with without
from to by of into onto over under about against between among through
across along around behind beyond near off out up down upon within
monday tuesday wednesday thursday friday saturday sunday january february
march april may june july august september october november december
today tonight yesterday tomorrow now later earlier first second third
last next another other such one two three four five six seven eight nine
ten hey hi hello yes yeah no ok okay oh well please thank thanks dear madam sir
let let's just even only again indeed perhaps maybe instead asked told
said says like unlike given following including regarding amid among
moreover furthermore nevertheless nonetheless otherwise therefore
accordingly consequently seeing firing read note update source media
photo video watch listen follow sign subscribe share related more
`)

// pronounGender gives the gender of the pronouns that can stand for a
// speaker in a cue ("he said").
func pronounGender(low string) (gender, bool) {
	switch low {
	case "he":
		return male, true
	case "she":
		return female, true
	}
	return unknownGender, false
}

// paraphraseIntros mark the author's own words after a colon, not a
// quotation of anyone ("In other words: "..."").
var paraphraseIntros = []string{
	"in other words", "that is", "put simply", "simply put", "in short",
	"translation", "translated", "meaning", "read", "i.e", "ie", "the subtext",
	"bottom line", "the bottom line", "the message", "the gist", "in plain english",
	"to paraphrase", "paraphrasing", "roughly", "the vibe", "the takeaway",
}

// maxParaphraseIntro is the length of the longest of paraphraseIntros.
var maxParaphraseIntro = func() int {
	n := 0
	for _, p := range paraphraseIntros {
		n = max(n, len(p))
	}
	return n
}()

// genericLabels are transcript labels naming a role rather than a person:
// two documents' "MODERATOR" are not one person, so these speakers are
// scoped to their document.
// groupLabels end a label that stands for many people speaking at once.
var groupLabels = set(`members voices several everyone all`)

var genericLabels = set(`
q a question answer questioner interviewer interviewee reporter reporters
journalist moderator host aide audience participant operator speaker
unidentified unknown voice crowd staff staffer official male female
man woman caller narrator announcer translator interpreter member panelist
guest presenter anchor voices multiple
`)

type gender uint8

const (
	unknownGender gender = iota
	male
	female
)

// firstNames gives the gender of common given names, so "she said" after
// a man and a woman finds the woman.
var maleNames = set(`
aaron adam adrian alan albert alex alexander alexei alexey alexandr andrei andrew
andriy andy anthony anton antony arthur arkady artem benjamin ben bernard bill
bob boris brandon brian bruce carl carlos charles chris christopher colin craig
daniel danny david dennis denis dmitri dmitry dmytro donald doug douglas eduard
edward emmanuel eric evgeny fedor fyodor francis frank fred gary george gerald
gleb glenn gordon greg gregory hans harold harry henry hunter ian igor ilya ivan
jack jacob jake james jared jason jeff jeffrey jens jerome jim jimmy joe joel
john jonathan jose joseph josh joshua juan justin keir keith kenneth kevin
kirill konstantin kurt larry lee leon leonid lloyd luke marco mark martin matt
matthew max maxim michael mikhail mike mitch mohammed muhammad nathan neil
nicholas nick nikolai nikolay oleg oleksandr oleksiy olaf omar oscar pablo
patrick paul pavel pete peter petro phil philip pierre rafael ralph ray raymond
richard rick rishi rob robert roger roman ron ronald rudy russell ryan sam
samuel scott sean sergei sergey serhiy stanislav stephen steve steven stuart
taras ted thomas tim timothy todd tom tony valery vasily viktor victor vitali
vitaly vladimir volodymyr walter wayne william xi yaroslav yevgeny yuri yury
yurii zachary hakeem tobias felix hugo marcus elliot callum dominic rupert
mateo diego luis miguel pedro ahmed ali hassan karim tariq yusuf kofi kwame
ruben simon lars anders erik magnus nils olof sven jan jens henrik mikkel soren
piotr pawel tomasz marek krzysztof andrzej jakub lukas matej milan miroslav
tobias julian adrian sebastian florian stefan anton emil oskar oscar teodor
vikram arjun rahul rohan amit raj sanjay anil vijay hiroshi kenji takeshi
wei jun chen li hao ming kim sung jae min ahmad omar yusuf ibrahim mustafa
khalid hamza musa idris bilal samir nabil rashid walid ayman fadi youssef
liam noah oliver elijah lucas mason logan ethan aiden owen caleb dylan
grant howard harold marcus nathaniel quentin reginald theo vincent wesley
anselm corin kasimir viktor pavel gustav leopold maximilian valentin
tomas otto henrik jonas felix gareth ifan rhys dafydd gwyn emyr bernard neil ciaran declan
`)

var femaleNames = set(`
alice alina alla amanda amy ana anastasia andrea angela ann anna anne annalena
barbara betty beth brenda carol caroline catherine charlotte christine claire
claudia cynthia daria dasha deborah diana donna dorothy elena elina elizabeth
ella ellen emily emma eva evelyn galina hanna hannah heather helen helga hillary
irina iryna isabel jane janet jennifer jessica jill joan joanna judith julia
julie karen karine karoline kamala kate katherine kathleen katie kelly kristi
larisa laura lauren linda lisa liz lucy lyudmila margaret maria marie marina marta
marine martha mary maya megan melania melissa michelle nancy natalia natalya
nadia nicole nikki nina olena olga oksana pamela patricia paula rachel rebecca
rosa ruth sandra sarah sharon sofia sophie stephanie susan svetlana tanya
tatiana tatyana teresa tulsi ursula valentina valerie vera veronica victoria
viktoriya virginia yulia yuliya zoe zoya amara ingrid greta priya aisha fatima
leila layla mariana lucia elise margot noor agnes beatrice clara
harriet daniela paulina ilse odette aditi priyanka sunita anjali deepa
ingrid astrid sigrid freya linnea maja elin karin birgit helga hedda
agnieszka katarzyna magdalena malgorzata zofia joanna ewa
mei ling yan hui xin yuki akiko keiko hana sakura jiwoo
amina fatma zeynep yasmin salma nour rania dina hala
olivia ava isabella mia charlotte amelia harper abigail ella scarlett
grace chloe lily hazel violet aurora nora riley zoey stella naomi
mara ruth esther miriam judith naomi wilhelmina dorothy ines natalia
irene gloria rita rose alice cecilia edith flora ivy mabel pearl
lena kira saskia miriam amara
lowri renata sigrun ayesha siobhan niamh aoife carys ffion bethan
`)

// vocab is a set of the vocabulary sets above, one bit each, so a token
// looks its word up once when it is made instead of once per set asked.
type vocab uint32

const (
	vRoleHeads vocab = 1 << iota
	vSpeechVerbs
	vNotNames
	vOrgWords
	vRoleMods
	vTitleWords
	vDemonyms
	vMaleNames
	vFemaleNames
	vCueFillers
	vConnectors
	vModals
	vLabelMarkers
	vClauseLinks
	vPlaces
	vNationals
	vDeterminers
	vTitleNouns
	vPronouns // he, she: see pronounGender
	vArticles // the, a, an
	vPrepositions
	vAbbreviations
	vAccording // the word "according", which opens a cue
	vPlaceNouns
	vDocumentNouns
	vLabelStop // words ending in a colon that name no speaker (labelStop)
	vMaleRoles
	vFemaleRoles
)

// vocabSlots is vocabOf as an open-addressing hash table, keyed by
// vocabHashString: looking every word of every article up in a Go map was
// a tenth of extraction's time. A word of up to eight bytes, nearly every
// word of prose, is compared as one integer, its bytes packed
// little-endian (see packWord), with no string comparison; a longer one
// is compared with vocabWords, its string. Under half full, a lookup
// mostly reads one slot.
var vocabSlots, vocabWords = func() ([]vocabSlot, []string) {
	n := 1
	for n < 2*len(vocabOf) {
		n *= 2
	}
	slots, words := make([]vocabSlot, n), make([]string, n)
	for w, v := range vocabOf {
		i := vocabHashString(w) & uint32(n-1)
		for slots[i].n != 0 {
			i = (i + 1) & uint32(n-1)
		}
		slots[i] = vocabSlot{key: packWord(w[:min(len(w), 8)]), v: v, n: uint32(len(w))}
		words[i] = w
	}
	return slots, words
}()

type vocabSlot struct {
	key uint64 // the word's first eight bytes, as packWord packs them
	v   vocab
	n   uint32 // the word's length; 0 for an empty slot
}

// packWord packs the bytes of w, at most eight, into an integer, the
// first byte lowest; the bytes past w are zero.
func packWord(w string) uint64 {
	var k uint64
	for i := len(w) - 1; i >= 0; i-- {
		k = k<<8 | uint64(w[i])
	}
	return k
}

// shortHash hashes a word of up to eight bytes packed by packWord.
// Fibonacci hashing: the top bits of the product depend on every byte.
func shortHash(key uint64) uint32 { return uint32((key * 0x9E3779B97F4A7C15) >> 32) }

// midHash hashes a word of nine to sixteen bytes, its halves packed by
// packWord.
func midHash(k1, k2 uint64) uint32 {
	return uint32((k1*0x9E3779B97F4A7C15 ^ k2*0xC2B2AE3D27D4EB4F) >> 32)
}

// vocabHash is FNV-1a, the hash of a word longer than sixteen bytes: the
// hash so far with byte c added. The seed is vocabHashSeed.
func vocabHash(h uint32, c byte) uint32 { return (h ^ uint32(c)) * 16777619 }

const vocabHashSeed = 2166136261

// vocabHashString is the hash vocabSlots is keyed by.
func vocabHashString(w string) uint32 {
	if len(w) <= 8 {
		return shortHash(packWord(w))
	}
	if len(w) <= 16 {
		return midHash(packWord(w[:8]), packWord(w[8:]))
	}
	h := uint32(vocabHashSeed)
	for i := 0; i < len(w); i++ {
		h = vocabHash(h, w[i])
	}
	return h
}

// lookupVocab returns vocabOf[low], given h = vocabHashString(low).
func lookupVocab(low string, h uint32) vocab {
	if len(low) <= 8 {
		return lookupShort(packWord(low), len(low), h)
	}
	mask := uint32(len(vocabSlots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		switch e := &vocabSlots[i]; {
		case e.n == 0:
			return 0
		case int(e.n) == len(low) && vocabWords[i] == low:
			return e.v
		}
	}
}

// vocabEntry returns the vocabulary's copy of the lower-case word w and
// vocabOf[w], or "" and 0 when w is not in it: a string of w to keep
// that costs no allocation.
func vocabEntry(w []byte) (string, vocab) {
	if len(w) > maxVocabLen {
		return "", 0
	}
	h := vocabHashBytes(w)
	mask := uint32(len(vocabSlots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		switch e := &vocabSlots[i]; {
		case e.n == 0:
			return "", 0
		case int(e.n) == len(w) && vocabWords[i] == string(w):
			return vocabWords[i], e.v
		}
	}
}

// vocabHashBytes is vocabHashString for a byte slice.
func vocabHashBytes(w []byte) uint32 {
	if len(w) <= 8 {
		return shortHash(packBytes(w))
	}
	if len(w) <= 16 {
		return midHash(packBytes(w[:8]), packBytes(w[8:]))
	}
	h := uint32(vocabHashSeed)
	for _, c := range w {
		h = vocabHash(h, c)
	}
	return h
}

// lookupMid returns vocabOf[low] for a word of 8 < len(low) <= 16
// bytes, given its first eight packed (packWord) and h = vocabHashString(low):
// the packed bytes rule out nearly every slot without comparing strings.
func lookupMid(key uint64, low string, h uint32) vocab {
	mask := uint32(len(vocabSlots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		switch e := &vocabSlots[i]; {
		case e.n == 0:
			return 0
		case e.key == key && int(e.n) == len(low) && vocabWords[i][8:] == low[8:]:
			return e.v
		}
	}
}

// vocabOfWord returns vocabOf[w].
func vocabOfWord(w string) vocab { return lookupVocab(w, vocabHashString(w)) }

// vocabOfFold returns vocabOf[strings.ToLower(w)], lowering a short ASCII
// word in a register and a longer one on the stack: ToLower would make a
// string of every capitalised word, and label words are mostly names.
func vocabOfFold(w string) vocab {
	if len(w) <= 8 {
		// Packed, the word is ASCII just when no byte has its high bit:
		// no separate pass over it to tell.
		if k := packWord(w); k&highBits == 0 {
			upper, _ := caseMasks(k)
			k |= upper >> 2
			return lookupShort(k, len(w), shortHash(k))
		}
	}
	if len(w) > maxVocabLen && isASCII(w) {
		return 0 // lowering keeps an ASCII word's length: too long to be one
	}
	var buf [24]byte
	if low, ok := foldASCII(&buf, w); ok {
		if len(low) > maxVocabLen {
			return 0
		}
		// The table rather than the map vocabOf: a word before every full
		// stop is asked for here (see isAbbreviation), most of them long.
		_, v := vocabEntry(low)
		return v
	}
	// A word with a non-ASCII letter ("INÉS") is lowered on the stack
	// too: strings.ToLower made a string of every such label word.
	var wide [64]byte
	low := appendLower(wide[:0], w)
	if len(low) > maxVocabLen {
		return 0
	}
	return vocabOf[string(low)]
}

// packBytes is packWord for a byte slice.
func packBytes(w []byte) uint64 {
	var k uint64
	for i := len(w) - 1; i >= 0; i-- {
		k = k<<8 | uint64(w[i])
	}
	return k
}

// lookupShort returns vocabOf[w] for a word w of n <= 8 bytes, given
// key = packWord(w) and h = shortHash(key).
func lookupShort(key uint64, n int, h uint32) vocab {
	mask := uint32(len(vocabSlots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		switch e := &vocabSlots[i]; {
		case e.n == 0:
			return 0
		case e.key == key && int(e.n) == n:
			return e.v
		}
	}
}

// vocabOf maps a lower-case word to the sets holding it.
var vocabOf = func() map[string]vocab {
	m := map[string]vocab{}
	for _, s := range []struct {
		v   vocab
		set map[string]bool
	}{
		{vRoleHeads, roleHeads},
		{vSpeechVerbs, speechVerbs},
		{vNotNames, notNames},
		{vOrgWords, orgWords},
		{vRoleMods, roleMods},
		{vTitleWords, titleWords},
		{vDemonyms, demonyms},
		{vMaleNames, maleNames},
		{vFemaleNames, femaleNames},
		{vCueFillers, cueFillers},
		{vConnectors, connectors},
		{vModals, modals},
		{vLabelMarkers, labelMarkers},
		{vClauseLinks, clauseLinks},
		{vPlaces, places},
		{vNationals, nationals},
		{vDeterminers, determiners},
		{vTitleNouns, titleNouns},
		{vPronouns, set(`he she`)},
		{vArticles, set(`the a an`)},
		{vPrepositions, prepositions},
		{vAbbreviations, abbreviations},
		{vAccording, set(`according`)},
		{vPlaceNouns, placeNouns},
		{vDocumentNouns, documentNouns},
		{vLabelStop, labelStop},
		{vMaleRoles, maleRoles},
		{vFemaleRoles, femaleRoles},
	} {
		for w := range s.set {
			m[w] |= s.v
		}
	}
	return m
}()
