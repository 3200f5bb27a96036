package claims

import (
	"strings"
	"sync"

	"github.com/kljensen/snowball/english"
)

// The word lists below are general English, written for any story: none
// names a person, a place or an event.

// reportingVerbs introduce reported speech: "X denied that ...".
var reportingVerbs = words(`said says say told tells added adds wrote writes stated states
	claimed claims insisted insists maintained maintains argued argues suggested suggests noted notes
	warned warns described describes called calls denied denies confirmed confirms admitted admits
	acknowledged acknowledges rejected rejects dismissed dismisses disputed disputes rebutted
	blamed blames accused accuses alleged alleges asserted asserts contended contends declared declares
	stressed stresses conceded concedes countered counters revealed reveals explained explains
	believe believes believed thinks thought doubted doubts questioned questions defended defends
	announced announces testified testifies recalled recalls replied replies responded responds
	agreed agrees objected objects protested protests reiterated reiterates saying calling describing denying claiming insisting
	arguing suggesting warning adding telling confirming estimated estimates`)

// skipBeforeVerb are the words that may stand between a subject and its
// reporting verb: "Sarkov bluntly described", "she has since denied".
var skipBeforeVerb = words(`has have had was were is are also later then since again already
	once flat out publicly privately repeatedly firmly strongly quickly immediately previously
	initially earlier subsequently reportedly would will did does do has had`)

// pronouns stand for the last holder named in the document.
var pronouns = words(`he she they we i`)

// roleNouns after "the" stand for the last holder: "the official said".
var roleNouns = words(`official aide minister spokesman spokeswoman spokesperson spokesperson
	envoy adviser advisor president ambassador source sources officer lawyer director secretary
	chief analyst journalist reporter agency ministry government company firm newspaper paper`)

// negators negate what follows them in their clause.
var negators = words(`not no never neither nor none nobody nothing without cannot`)

// negatingVerbs negate the clause they introduce: "denied that A" says not A.
var negatingVerbs = words(`deny denies denied denying dismiss dismisses dismissed dismissing
	refute refutes refuted debunk debunks debunked rebut rebuts rebutted dispute disputes disputed
	disputing contradict contradicts contradicted`)

// extraStop are words with no topic of their own beyond the stemmer's
// stop list: reporting verbs, hedges, time words.
var extraStop = words(`also would could should might may must can will shall just even
	still very really much many more most less least one two three first last new
	year years day days week weeks month months time today yesterday tomorrow monday tuesday
	wednesday thursday friday saturday sunday mr mrs ms
	like according however although though whether which who whom whose what when where
	there here yet said says say told added wrote stated per cent percent s t re ve ll d
	thing things way ways something someone somebody anyone anybody everyone everybody
	get got make made take took see saw go went come came saying going`)

// axis is a pair of opposed answers: a claim using a word of one side
// opposes a claim using a word of the other on the same matter.
type axis struct {
	name  string // "authentic/fake"
	sides [2][]string
}

// subjectTargetAxes are the axes of intransitive verbs, whose subject is
// what the answer is said of ("the brakes worked", "turnout fell"), where
// elsewhere a word before the answer is its doer ("the council
// approved").
var subjectTargetAxes = set(words(`success/failure rose/fell`))

var axes = []axis{
	{"authentic/fake", [2][]string{
		words(`authentic genuine real true accurate verified correct unaltered`),
		words(`fake fakes faked fabricated fabrication doctored forged forgery false bogus manipulated
			falsified counterfeit inaccurate untrue phony fraudulent spurious deepfake hoax invented`)}},
	{"legal/illegal", [2][]string{
		words(`legal lawful legitimate permitted authorised authorized`),
		words(`illegal illegally unlawful unlawfully illegitimate illicit criminal unauthorised unauthorized`)}},
	{"deliberate/accidental", [2][]string{
		words(`deliberate deliberately intentional intentionally planned orchestrated`),
		words(`accidental accidentally unintentional inadvertent inadvertently mistaken`)}},
	{"insider/foreign", [2][]string{
		// Not "inside"/"outside": mostly prepositions ("outside the
		// procedure"), not an answer to where something came from.
		words(`domestic internal insider insiders homegrown`),
		words(`foreign external outsider outsiders overseas`)}},
	{"public/secret", [2][]string{
		words(`public publicly open openly disclosed`),
		words(`secret secretly confidential covert covertly undisclosed`)}},
	{"formal/informal", [2][]string{
		words(`formal formally`),
		words(`informal informally unofficial unofficially`)}},
	// Not "support", "back" or "accept": thanks for support are not a
	// position on a decision.
	{"approved/opposed", [2][]string{
		words(`approved approve endorsed endorse`),
		words(`opposed oppose rejected reject vetoed veto`)}},
	{"aware/unaware", [2][]string{
		words(`aware informed briefed knew know told`),
		words(`unaware uninformed oblivious`)}},
	{"guilty/innocent", [2][]string{
		words(`guilty culpable`),
		words(`innocent blameless`)}},
	// What something holds: "the capsules were clean" against "the sample
	// was contaminated".
	{"clean/contaminated", [2][]string{
		words(`clean uncontaminated unpolluted untainted`),
		words(`contaminated contamination polluted tainted adulterated`)}},
	// Doors, exits, roads: not "closed" or "shut", which say when more
	// often than whether ("closed on Monday, will reopen in May").
	{"open/locked", [2][]string{
		words(`unlocked unblocked`),
		words(`locked padlocked chained barred blocked`)}},
	{"safe/dangerous", [2][]string{
		words(`safe harmless secure sound`),
		words(`dangerous unsafe harmful toxic hazardous`)}},
	{"success/failure", [2][]string{
		words(`succeeded success successful worked`),
		words(`failed failure unsuccessful collapsed`)}},
	{"rose/fell", [2][]string{
		words(`rose risen increased grew higher`),
		words(`fell fallen decreased shrank lower`)}},
}

// implications put a word of one axis on a side of another as well, where
// news language takes the one for the other: contaminated water is water
// said to be unsafe, so "the water is contaminated" answers "the water is
// safe".
var implications = []struct {
	words, axis string
	side        int
}{
	{`contaminated polluted tainted adulterated`, "safe/dangerous", 1},
	// "open" is the public side of public/secret too ("an open letter");
	// said of an exit or a gate it answers "locked".
	{`open`, "open/locked", 0},
}

// families group the predicates that ask the same question, so "tapped"
// and "leaked" land in one topic and "who leaked it" has one answer slot.
var families = map[string][]string{
	"leak":   words(`leak leaks leaked leaking leaker tap tapped tapping wiretap wiretapped eavesdrop eavesdropping eavesdropped intercept intercepted bugged spying spied surveillance`),
	"author": words(`author authored wrote written write writing drafted draft drafts drafting composed penned influenced shaped produced prepared manufactured`),
	"order":  words(`ordered order orders commanded directed instructed`),
	"fund":   words(`funded fund funds funding financed finance bankrolled paid`),
	"attack": words(`attacked attack attacks bombed bombing shelled shelling struck strike`),
	"kill":   words(`killed kill killing murdered murder assassinated`),
	"alter":  words(`altered alter rewritten rewrote rewrite edited tampered doctored falsified redacted`),
	"breach": words(`stole stolen steal stealing copied theft hacked hack hacking breached breach`),
	// What brought something about: "caused by a design fault" against
	// "caused by owners using chargers".
	"cause": words(`caused cause causes causing`),
}

// agentFamilies are the families whose question is "who did it", so that
// different named agents are different answers.
var agentFamilies = map[string]bool{"leak": true, "author": true, "order": true, "fund": true, "attack": true,
	"kill": true, "alter": true, "breach": true, "cause": true}

func words(s string) []string { return strings.Fields(s) }

func set(lists ...[]string) map[string]bool {
	m := map[string]bool{}
	for _, l := range lists {
		for _, w := range l {
			m[w] = true
		}
	}
	return m
}

// cue says what role a word plays, looked up by its lower-case form.
type cue struct {
	axis   int // index into axes, -1 if none
	side   int
	family string
}

var (
	reportingSet     = set(reportingVerbs)
	skipBeforeSet    = set(skipBeforeVerb)
	pronounSet       = set(pronouns)
	roleSet          = set(roleNouns)
	negatorSet       = set(negators)
	negatingVerbSet  = set(negatingVerbs)
	extraStopSet     = set(extraStop)
	cueByWord        = map[string]cue{}
	impliedByWord    = map[string][]cue{}
	impliedStems     = map[int][]string{} // axis -> stems of the words implying it
	familyByStem     = map[string]string{}
	axisWordsByStem  = map[string]bool{}
	reportingStemSet = map[string]bool{}
	axisDims         []string   // axis -> its dimension, "ax:" and its name
	axisNames        [][]string // axis -> the names of its sides
	axisCues         [][]string // axis -> the stems that voice it
)

func init() {
	for i, a := range axes {
		for side, list := range a.sides {
			for _, w := range list {
				cueByWord[w] = cue{axis: i, side: side}
				axisWordsByStem[stemUncached(w)] = true
			}
		}
	}
	for _, im := range implications {
		for i, a := range axes {
			if a.name != im.axis {
				continue
			}
			for _, w := range words(im.words) {
				impliedByWord[w] = append(impliedByWord[w], cue{axis: i, side: im.side})
				impliedStems[i] = append(impliedStems[i], stemUncached(w))
			}
		}
	}
	for f, list := range families {
		for _, w := range list {
			c := cueByWord[w]
			if _, ok := cueByWord[w]; !ok {
				c.axis = -1
			}
			c.family = f
			cueByWord[w] = c
			familyByStem[stemUncached(w)] = f
		}
	}
	// An axis's dimension, side names and cue are the same for every
	// stance on it, and are shared.
	for ax, a := range axes {
		axisDims = append(axisDims, "ax:"+a.name)
		axisNames = append(axisNames, strings.Split(a.name, "/"))
		var cue []string
		for _, list := range a.sides {
			for _, w := range list {
				cue = append(cue, stemUncached(w))
			}
		}
		axisCues = append(axisCues, append(cue, impliedStems[ax]...))
	}
	for _, w := range append(append([]string{}, reportingVerbs...), negatingVerbs...) {
		reportingStemSet[stemUncached(w)] = true
	}
}

// wordInfos memoises what the finder asks of every word: its stem (the
// stemmer is otherwise a third of the finder's time, and a corpus repeats
// its words), its topic concept, its cue, and which of the rule word lists
// it is in. The rules ask these of one word many times over; the tokenizer
// looks each word up once and its token keeps the answer. It is keyed by
// the word as written, so that a word's lower-case form is built once too.
// It is safe for concurrent use, as sessions may find claims at once, and
// documents are read on every core.
//
// Its facts come from tables init fills, so nothing may look words up
// before init has run: init and the package's variables stem with
// stemUncached.
var wordInfos sync.Map // word as written -> *wordInfo

type wordInfo struct {
	word  string // as written: the key it is cached under
	lower string
	stem  string
	upper bool // isUpperCase of the word as written
	// topic is the concept of the word where it carries one: its
	// predicate family if any ("tapped" -> "leak"), else its stem.
	topic string
	stop  bool // isStop
	verb  bool // a reporting or negating verb, a noun after "the"
	// axisWord is set when the word's stem is a word of an antonym axis.
	axisWord bool
	cue      cue   // cueByWord of the word
	hasCue   bool  // whether cueByWord has the word
	implied  []cue // impliedByWord of the word
	is       wordSet
}

// wordSet is a bitmask of the word lists a word is in, for the lists the
// rules consult on every token.
type wordSet uint32

const (
	isNounMarker wordSet = 1 << iota
	isNegatorWord
	isNegatingVerb
	isClauseOpener
	isHedgeOpener
	isCheckingVerb
	isContentNoun
	isConditionalModal
	isPreposition
	isAuxiliary
	isPassiveMarker
	isBetweenAgentAndDeed
	isSkipBefore
	isObjectMarker
	isPhraseEnd
	isDeterminer
	isAnaphor
	isCopula
	isLinking
	isPredicateNegator
	isReporting
)

// wordSetLists are the lists behind each wordSet bit.
var wordSetLists = []struct {
	bit  wordSet
	list map[string]bool
}{
	{isNounMarker, nounMarkers}, {isNegatingVerb, negatingVerbSet}, {isClauseOpener, clauseOpeners},
	{isHedgeOpener, hedgeOpeners}, {isCheckingVerb, checkingVerbs}, {isContentNoun, contentNouns},
	{isConditionalModal, conditionalModals}, {isPreposition, prepositions}, {isAuxiliary, auxiliaries},
	{isPassiveMarker, passiveMarkers}, {isBetweenAgentAndDeed, betweenAgentAndDeed}, {isSkipBefore, skipBeforeSet},
	{isObjectMarker, objectMarkers}, {isPhraseEnd, phraseEnd}, {isDeterminer, determiners}, {isAnaphor, anaphors},
	{isCopula, copulas}, {isLinking, linking}, {isPredicateNegator, predicateNegators}, {isReporting, reportingSet},
}

func infoOf(w string) *wordInfo {
	if v, ok := wordInfos.Load(w); ok {
		return v.(*wordInfo)
	}
	lower := strings.ToLower(w)
	in := &wordInfo{lower: lower, stem: english.Stem(lower, false), upper: isUpperCase(w), stop: isStop(lower),
		verb: reportingSet[lower] || negatingVerbSet[lower]}
	in.topic = in.stem
	if f, ok := familyByStem[in.stem]; ok {
		in.topic = f
	}
	in.axisWord = axisWordsByStem[in.stem]
	in.cue, in.hasCue = cueByWord[lower]
	in.implied = impliedByWord[lower]
	for _, l := range wordSetLists {
		if l.list[lower] {
			in.is |= l.bit
		}
	}
	if isNegator(lower) {
		in.is |= isNegatorWord
	}
	// The key is often a slice of a document's text: a copy lets that go.
	in.word = strings.Clone(w)
	v, _ := wordInfos.LoadOrStore(in.word, in)
	return v.(*wordInfo)
}

// localWords is one core's copy of the word records it has met, read
// without the synchronisation the shared cache needs: looking words up was
// a tenth of the finder's time.
type localWords map[string]*wordInfo

// of is infoOf through the local copy; a nil copy only reads the shared
// cache.
func (l localWords) of(w string) *wordInfo {
	if in, ok := l[w]; ok {
		return in
	}
	in := infoOf(w)
	if l != nil {
		l[in.word] = in
	}
	return in
}

// stemUncached stems w without the word cache, for the tables the cache
// reads.
func stemUncached(w string) string { return english.Stem(w, false) }

func stem(w string) string { return infoOf(w).stem }

// isStop reports whether a lower-case word carries no topic.
func isStop(lower string) bool {
	if len(lower) < 2 || english.IsStopWord(lower) || extraStopSet[lower] || negatorSet[lower] ||
		reportingSet[lower] || negatingVerbSet[lower] {
		return true
	}
	if strings.HasSuffix(lower, "n't") || strings.HasSuffix(lower, "n’t") {
		return true
	}
	for _, r := range lower {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true // a bare number
}

// isNegator reports whether a lower-case word negates what follows.
func isNegator(lower string) bool {
	return negatorSet[lower] || strings.HasSuffix(lower, "n't") || strings.HasSuffix(lower, "n’t")
}
