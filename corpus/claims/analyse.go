package claims

import (
	"fmt"
	"strings"

	"github.com/kljensen/snowball/english"

	"github.com/backchannel-news/backchannel/model"
)

// stance is a candidate's answer on one dimension: an antonym axis
// ("ax:authentic/fake"), a negated predicate ("neg:approv") or the agent
// of a deed ("who:leak").
type stance struct {
	dim   string
	side  string // key of the answer, compared between claims
	label string // the answer as a reader sees it
	// cue are the concepts that voice the answer; they do not count as
	// shared subject matter.
	cue []string
	// target is what the answer is said of, when the grammar shows it:
	// "letter" in "the letter is genuine" and "called the letter a
	// forgery". Two claims saying opposite things of one target speak of
	// the same thing however common the word.
	target string
	// about are the words naming what the answer is about: the target,
	// or the object of an answering verb ("rejected the Velmora
	// agreement"). Two claims whose about-words are disjoint answer
	// different questions, however many other words they share.
	about []string
	// head is the head noun of the target's phrase when a prepositional
	// phrase ends it: "result" in "every result in the paper is genuine",
	// where target is "paper". Two claims with one head speak of one
	// thing as two with one target do.
	head string
	// approx marks a numeric answer given as an estimate.
	approx bool
	// doer is who does the deed a denial or assertion is about, as the
	// last word of a name in lower case ("lantsov"), when the grammar
	// shows it: Kruse having discussed a contract does not contradict
	// Brandt saying he never discussed it.
	doer string
	// of is the word naming what the answer is said of, for the topic's
	// question: the target, the object of an answering verb ("never
	// approved the tender conditions"), or what a deed was done to ("the
	// call was leaked by", "leaking two calls"). It only names the topic;
	// the finder does not compare it.
	of string
	// ref is, on a rebuttal's dimension, 1 + the index of the statement
	// rebutted within its document, and 0 on any other.
	ref int
	// byHolder marks a denial on the holder's own behalf ("not us"),
	// whose side is the holder's name once holders are unified.
	byHolder bool
}

// analysis is what the finder needs of one candidate. Its concepts are
// those of its own words, plainly said for those of the sentence before
// it points back at (cd.inherited), and borrowed from the sentences
// around it in its quote (cd.context).
type analysis struct {
	// words are the statement's own content words, in order.
	words   []ownWord
	stances []stance
}

// ownWord is a content word of a statement.
type ownWord struct {
	concept string
	// surface is the lower-case word the why line shows; spelled keeps a
	// name's capitals ("Velmora") for a topic's question.
	surface, spelled string
	// plain is set outside any negation: what the claim asserts, which a
	// negation elsewhere can deny.
	plain bool
	doer  string // who does the deed, when plainly asserted and shown
}

// concept returns the topic concept of a token, or "" for a stop word:
// the predicate family if any ("tapped" -> "leak"), else the stem.
func concept(toks []token, i int) string {
	t := &toks[i]
	in := t.info
	// A reporting verb after "the" or "his" is a noun with a topic: "the
	// calls", "his claims".
	noun := in.verb && i > 0 && toks[i-1].info.is&isNounMarker != 0
	if (in.stop && !noun) || (t.lower == "us" && t.word != "US") {
		return ""
	}
	return in.topic
}

// concepts lists the content concepts of a candidate outside its subject,
// in words's storage.
func concepts(cd *candidate, words *tokenArena) []string {
	// Counted first, so the list is made once at its size: concept is a
	// field read, growing the list was not.
	n := 0
	for i := range cd.toks {
		if !cd.subject.has(i) && concept(cd.toks, i) != "" {
			n++
		}
	}
	out := words.strings(n)
	for i := range cd.toks {
		if cd.subject.has(i) {
			continue
		}
		if c := concept(cd.toks, i); c != "" {
			out = append(out, c)
		}
	}
	return out
}

// clauseOpeners start a clause a plain negation does not reach: "no one
// was charged and that the inquiry would establish whether ...".
var clauseOpeners = set(words(`but that whether because since although though while whereas which who if`))

// negation returns, per token, how many negations cover it. A negator
// covers the rest of its phrase (to the next comma or "but"); a negating
// verb ("denied that ...") covers the rest of its clause. The counts are
// written over buf's storage when it has room.
func negation(toks []token, buf []int) []int {
	cover := reuse(buf, len(toks))
	for i, t := range toks {
		verb := t.info.is&isNegatingVerb != 0 || rulesOut(toks, i)
		if !verb && t.info.is&isNegatorWord == 0 {
			continue
		}
		for j := i + 1; j < len(toks); j++ {
			if !verb && toks[j].info.is&isNegatorWord != 0 {
				break // "not aware ... and never approved": each its own
			}
			p := toks[j].punctBefore
			if !verb && (strings.ContainsAny(p, ",;:—–()") || toks[j].info.is&isClauseOpener != 0) {
				break
			}
			if verb && strings.ContainsAny(p, ";:") {
				break
			}
			cover[j]++
		}
	}
	return cover
}

// knowing are the forms of "know" on the aware/unaware axis, and
// knownMarkers the words that must follow them there.
var (
	knowing      = set(words(`know knew`))
	knownMarkers = set(words(`of about`))
)

// phraseHead returns the concept of the noun a prepositional phrase
// ending at j hangs on: "results" in "the results for the control group",
// "water" in "the drinking water in Mellby"; "" when no preposition comes
// first, within a few words, in the same phrase.
func phraseHead(cd *candidate, j int) string {
	toks := cd.toks
	for k := j - 1; k > 0 && k >= j-5; k-- {
		if toks[k+1].punctBefore != "" || toks[k].info.is&(isClauseOpener|isReporting) != 0 || cd.subject.has(k) {
			return ""
		}
		if toks[k].info.is&isPreposition != 0 {
			if toks[k].punctBefore != "" || cd.subject.has(k-1) {
				return ""
			}
			return concept(toks, k-1)
		}
	}
	return ""
}

// headWord spells the word phraseHead reads.
func headWord(cd *candidate, j int) string {
	for k := j - 1; k > 0 && k >= j-5; k-- {
		if prepositions[cd.toks[k].lower] {
			return spelling(cd.toks[k-1])
		}
	}
	return ""
}

// evidenceNouns after "no" deny what they would show: "there is no sign
// of arson" says it was not arson, which "the fire was arson" asserts.
var evidenceNouns = set(words(`sign signs evidence trace traces indication indications proof`))

// noEvidenceStances returns a denial of X for each "no sign of X", "no
// evidence of the X": the predicate and its object are X itself, so any
// claim asserting X plainly answers it.
func noEvidenceStances(cd *candidate, hedged []bool) []stance {
	toks := cd.toks
	var out []stance
	for i := 0; i+2 < len(toks); i++ {
		if toks[i].lower != "no" || !evidenceNouns[toks[i+1].lower] || toks[i+2].lower != "of" || hedged[i] {
			continue
		}
		k := i + 3
		for k < len(toks) && objectMarkers[toks[k].lower] && toks[k].punctBefore == "" {
			k++
		}
		if k >= len(toks) || toks[k].punctBefore != "" || cd.subject.has(k) {
			continue
		}
		if x := concept(toks, k); x != "" && !toks[k].info.axisWord {
			out = append(out, stance{dim: "neg:" + x + "/" + x, side: "not", cue: []string{x}, of: spelling(toks[k])})
		}
	}
	return out
}

// conceptAt is the concept of toks[j], or "" when j is -1.
func conceptAt(toks []token, j int) string {
	if j < 0 {
		return ""
	}
	return concept(toks, j)
}

// subjectBefore returns where the subject of an intransitive answer verb
// stands, the word right before it ("the brakes worked", "turnout
// fell"), or -1 when that is no noun of the sentence's own.
func subjectBefore(cd *candidate, i int) int {
	j := i - 1
	if j < 0 || cd.toks[i].punctBefore != "" || cd.subject.has(j) || cd.toks[j].capital || concept(cd.toks, j) == "" {
		return -1
	}
	return j
}

// passiveOrNegated reports whether a passive marker stands right before
// toks[i], across negators: "were told", "were never told".
func passiveOrNegated(toks []token, i int) bool {
	j := i - 1
	for j > 0 && toks[j].info.is&isNegatorWord != 0 {
		j--
	}
	return j >= 0 && toks[j].info.is&isPassiveMarker != 0
}

// modifiers are the concepts of the words right before the noun at j
// that qualify it: "Marlow House" in "the Marlow House tower", so that
// the tower and Marlow House are not told apart as different things.
func modifiers(cd *candidate, j int) []string {
	var out []string
	for k := j - 1; k >= 0 && k >= j-3 && cd.toks[k+1].punctBefore == "" && !cd.subject.has(k); k-- {
		c := concept(cd.toks, k)
		if in := cd.toks[k].info; c == "" || in.cue.axis > 0 || in.axisWord {
			break
		}
		out = append(out, c)
	}
	return out
}

// rulesOut reports whether toks[i] is the "out" of "ruled out", which
// denies what follows as "denied" does: "rules out contamination".
func rulesOut(toks []token, i int) bool {
	return toks[i].lower == "out" && i > 0 && toks[i].punctBefore == "" &&
		ruleVerbs[toks[i-1].lower]
}

var ruleVerbs = set(words(`rule rules ruled ruling`))

// hedgeOpeners open a clause that asks rather than answers: "will
// establish whether the tapes are genuine", "cannot say if it was legal".
var hedgeOpeners = set(words(`whether if`))

// checkingVerbs, negated, leave open what follows: "could not verify that
// the recordings are authentic" takes no side on them.
var checkingVerbs = set(words(`verify verified confirm confirmed establish established determine determined
	ascertain ascertained prove proved corroborate corroborated`))

// contentNouns before "that" name what someone else might think, not
// what the sentence asserts: "the possibility that the draft was
// influenced", "the notion that the tapes are fake".
var contentNouns = set(words(`possibility possibilities notion idea suggestion suggestions claim claims
	allegation allegations rumour rumours rumor rumors speculation theory theories question prospect
	hypothesis assumption impression`))

// conditionalModals, in a sentence with a condition, say what would be.
var conditionalModals = set(words(`would could might`))

// hedges marks the tokens that only ask or leave open: from a hedge
// opener, or a negated checking verb, to the end of its phrase. The marks
// are written over buf's storage when it has room.
func hedges(toks []token, neg []int, buf []bool) []bool {
	out := reuse(buf, len(toks))
	conditional := false
	for _, t := range toks {
		conditional = conditional || t.lower == "if" || t.lower == "unless"
	}
	for i, t := range toks {
		if conditional && t.info.is&isConditionalModal != 0 {
			// "they would not be alive if ...": what would be, not what is.
			for j := i + 1; j < len(toks) && !strings.ContainsAny(toks[j].punctBefore, ",;:—–()") && toks[j].info.is&isHedgeOpener == 0; j++ {
				out[j] = true
			}
			continue
		}
		content := t.info.is&isContentNoun != 0 && i+1 < len(toks) && toks[i+1].lower == "that"
		if t.info.is&isHedgeOpener == 0 && !(t.info.is&isCheckingVerb != 0 && neg[i] > 0) && !content {
			continue
		}
		for j := i + 1; j < len(toks) && !out[j]; j++ {
			if strings.ContainsAny(toks[j].punctBefore, ",;:—–()") || toks[j].lower == "but" {
				break
			}
			out[j] = true
		}
	}
	return out
}

// reuse returns n zero values in buf's storage when it has room, else in
// a new slice.
func reuse[T any](buf []T, n int) []T {
	if cap(buf) < n {
		return make([]T, n)
	}
	buf = buf[:n]
	clear(buf)
	return buf
}

// analyseScratch holds the per-word tables of one statement's analysis,
// for a caller analysing many statements to reuse: they were most of what
// analysing allocated.
type analyseScratch struct {
	words   []ownWord
	stances []stance
	neg     []int
	hedged  []bool
}

// analyse reads the words and stances of a statement. With scratch, the
// words it returns are in scratch's storage, valid until the next
// analysis with it.
func analyse(cd *candidate, scratch *analyseScratch) analysis {
	if scratch == nil {
		scratch = &analyseScratch{}
	}
	a := analysis{words: scratch.words[:0], stances: scratch.stances[:0]}
	neg := negation(cd.toks, scratch.neg)
	hedged := hedges(cd.toks, neg, scratch.hedged)
	defer func() {
		scratch.words, scratch.stances, scratch.neg, scratch.hedged = a.words, a.stances, neg, hedged
	}()
	anyNeg := false
	for _, n := range neg {
		if n > 0 {
			anyNeg = true
		}
	}
	for i, t := range cd.toks {
		if cd.subject.has(i) {
			continue
		}
		if c := concept(cd.toks, i); c != "" {
			w := ownWord{concept: c, surface: t.lower, spelled: spelling(t), plain: neg[i] == 0}
			if w.plain {
				w.doer = doerOf(cd, i)
			}
			a.words = append(a.words, w)
		}
	}

	// Antonym axes: the side of the word, flipped under an odd number of
	// negations. A claim using both sides of one axis takes neither.
	axisSide := map[int]int{}
	axisWord := map[int]string{}
	axisTarget := map[int]string{}
	axisAbout := map[int][]string{}
	axisOf := map[int]string{}
	axisHead := map[int]string{}
	for i, t := range cd.toks {
		var here []cue // the axes the word answers on: its own, and those it implies
		if cu := t.info.cue; t.info.hasCue && cu.axis >= 0 {
			here = append(here, cu)
		}
		here = append(here, t.info.implied...)
		if len(here) == 0 || cd.subject.has(i) || t.capital || hedged[i] {
			continue
		}
		// "you know", "I know how to": "know" is awareness of something
		// only with what is known after it, "knew about the result".
		if knowing[t.lower] && (i+1 == len(cd.toks) || !knownMarkers[cd.toks[i+1].lower]) {
			continue
		}
		// "were told about the cracks" is being informed; "told us",
		// "told reporters" is speech.
		if t.lower == "told" && (i == 0 || !passiveOrNegated(cd.toks, i) || i+1 == len(cd.toks) || !knownMarkers[cd.toks[i+1].lower]) {
			continue
		}
		// "is sound", "structurally sound": a judgement; "the sound of"
		// is a noise.
		if t.lower == "sound" && (i == 0 || !copulas[cd.toks[i-1].lower] && !strings.HasSuffix(cd.toks[i-1].lower, "ly")) {
			continue
		}
		// "a real shock", "a true friend": these words before a noun
		// mostly intensify rather than judge what is genuine.
		if intensifiers[t.lower] && i+1 < len(cd.toks) && cd.toks[i+1].punctBefore == "" && !isStop(cd.toks[i+1].lower) {
			continue
		}
		// "the public", "the accused": after "the" and before no noun, the
		// word names people, not an answer.
		if i > 0 && cd.toks[i-1].lower == "the" && (i+1 == len(cd.toks) || cd.toks[i+1].punctBefore != "" || isStop(cd.toks[i+1].lower)) {
			continue
		}
		for _, cu := range here {
			side := cu.side ^ (neg[i] % 2)
			if prev, seen := axisSide[cu.axis]; seen && prev != side {
				axisSide[cu.axis] = -1
				continue
			}
			axisSide[cu.axis] = side
			axisWord[cu.axis] = t.info.stem
			ti := targetIndex(cd.toks, i)
			if ti < 0 && subjectTargetAxes[axes[cu.axis].name] {
				ti = subjectBefore(cd, i)
			}
			if tg := conceptAt(cd.toks, ti); tg != "" {
				axisTarget[cu.axis] = tg
				axisAbout[cu.axis] = append([]string{tg}, modifiers(cd, ti)...)
				axisOf[cu.axis] = spelling(cd.toks[ti])
				if h := phraseHead(cd, ti); h != "" && h != tg {
					axisHead[cu.axis] = h
					axisAbout[cu.axis] = append(axisAbout[cu.axis], h)
					// The question names the head: "results", not "paper".
					axisOf[cu.axis] = headWord(cd, ti)
				}
			} else if obj := objectPhrase(cd.toks, i); len(obj) > 0 {
				axisAbout[cu.axis] = obj
				axisOf[cu.axis] = verbObject(cd, i)
			}
		}
	}
	for ax, side := range axisSide {
		if side < 0 {
			continue
		}
		names := axisNames[ax]
		a.stances = append(a.stances, stance{dim: axisDims[ax], side: names[side], label: names[side], cue: axisCues[ax],
			target: axisTarget[ax], head: axisHead[ax], about: axisAbout[ax], of: axisOf[ax]})
	}

	// Negated predicates: what a negation denies is the first content
	// word it covers ("never approved", "denied that he knew"); later
	// words are its objects, which other claims mention without
	// asserting the deed. A negation pointing back at the statement
	// before ("X dismissed the allegations") denies what that one said.
	if anyNeg {
		seen := map[string]string{} // denied predicate -> what it is denied of
		doer := map[string]string{} // denied predicate -> who is said not to do it
		of := map[string]string{}   // denied predicate -> the head of its object, for the label
		refuted := false
		for n, t := range cd.toks {
			// "no memo", "nothing to do with": these negate a thing, and
			// others name the thing without asserting anything of it.
			// Only a negated verb ("never approved") or a denial is a
			// predicate others can assert.
			if t.info.is&(isNegatingVerb|isPredicateNegator) == 0 && !strings.HasSuffix(t.lower, "n't") && !strings.HasSuffix(t.lower, "n’t") {
				continue
			}
			if hedged[n] || n+1 < len(cd.toks) && cd.toks[n+1].info.is&isCheckingVerb != 0 || n+2 < len(cd.toks) && cd.toks[n+2].info.is&isCheckingVerb != 0 {
				continue // "cannot say if it was never signed", "could not verify"
			}
			from := n + 1
			if t.info.is&isNegatingVerb != 0 && from < len(cd.toks) && cd.toks[from].lower == "that" {
				from = predicateAfter(cd.toks, from)
			}
			for i := from; i < len(cd.toks) && neg[i] > 0; i++ {
				ti := cd.toks[i]
				if t.info.is&isNegatingVerb == 0 && (ti.info.is&isPreposition != 0 || ti.lower == "a" || ti.lower == "an" || ti.lower == "the") {
					break // "not at the ministry": a place, not a deed denied
				}
				if ti.info.is&isAnaphor != 0 && cd.toks[i-1].info.is&isDeterminer != 0 && cd.prev >= 0 {
					refuted = true
					break
				}
				c := concept(cd.toks, i)
				if c == "" || cd.subject.has(i) {
					continue
				}
				if !ti.info.axisWord && neg[i]%2 == 1 {
					if obj, at := objectOf(cd, i, n); obj != "" {
						seen[c] = obj
						doer[c] = doerOf(cd, i)
						of[c] = deniedOf(cd, i, at)
					}
				}
				break
			}
		}
		if refuted {
			// The statement answers the one before, not its own words.
			a.stances = append(a.stances, stance{dim: fmt.Sprintf("ref:%d", cd.prev), ref: cd.prev + 1, side: "not", label: negWord(cd.toks, neg)})
			seen = nil
		}
		for c, obj := range seen {
			a.stances = append(a.stances, stance{dim: "neg:" + c + "/" + obj, side: "not", cue: []string{c}, doer: doer[c], of: of[c]})
		}
	}

	a.stances = append(a.stances, noEvidenceStances(cd, hedged)...)

	if st, ok := agentStance(cd, neg, hedged); ok {
		a.stances = append(a.stances, st)
	}
	a.stances = append(a.stances, numericStances(cd, neg, hedged)...)
	return a
}

var predicateNegators = set(words(`not never cannot`))

// auxiliaries end the subject of a clause: "that the deputy minister had".
var auxiliaries = set(words(`had has have was were is are did does do would could might may will can should`))

// predicateAfter skips the subject of a clause a negating verb introduces
// ("denied that the deputy minister had ..."), returning where its
// predicate starts.
func predicateAfter(toks []token, i int) int {
	if i < len(toks) && toks[i].lower == "that" {
		i++
	}
	if i < len(toks) && pronounSet[toks[i].lower] {
		return i + 1
	}
	for k := i; k < len(toks) && k < i+10; k++ {
		if toks[k].punctBefore != "" && k > i {
			break
		}
		if auxiliaries[toks[k].lower] {
			for k < len(toks) && auxiliaries[toks[k].lower] {
				k++
			}
			return k
		}
	}
	return i
}

// objectOf is what the predicate at i is denied of: the first content word
// after it in its phrase ("never signed the contract"), else the subject
// before the negation at n ("the minutes were not altered"). "" when the
// denial is of nothing named ("I don't know"), which no other claim can
// contradict. It also returns where that word stands.
func objectOf(cd *candidate, i, n int) (string, int) {
	for j := i + 1; j < len(cd.toks) && j <= i+5; j++ {
		if strings.ContainsAny(cd.toks[j].punctBefore, ",;:—–()") || cd.toks[j].info.is&isClauseOpener != 0 {
			break
		}
		if c := concept(cd.toks, j); c != "" && !cd.subject.has(j) {
			return c, j
		}
	}
	for j := n - 1; j >= 0 && j >= n-4; j-- {
		if strings.ContainsAny(cd.toks[j+1].punctBefore, ",;:—–()") {
			break
		}
		if c := concept(cd.toks, j); c != "" && !cd.subject.has(j) {
			return c, j
		}
	}
	return "", -1
}

// negWord returns the first word that negates in toks, as a position label.
func negWord(toks []token, neg []int) string {
	for _, t := range toks {
		if negatingVerbSet[t.lower] || isNegator(t.lower) {
			return t.lower
		}
	}
	return "not"
}

// betweenAgentAndDeed are the words that may stand between a doer and the
// deed: "the rival camp may well have turned to leaking".
var betweenAgentAndDeed = set(words(`might may could would should must will can have has had be been being
	was were is are did does do also then therefore probably likely allegedly reportedly apparently
	deliberately secretly first later resorted to itself themselves`))

// phraseEnd are words that end a noun phrase read as an agent.
var phraseEnd = set(words(`who whom which that to and or but because after before when while with for
	than as if on from over into under`))

// agentPhrase reads toks[a:b] as an agent: its words without the leading
// determiner, if it has any content word.
func agentPhrase(toks []token, a, b int) string {
	for a < b && (determiners[toks[a].lower] || toks[a].lower == "a" || toks[a].lower == "an") {
		a++
	}
	// A phrase cut short ends on a content word: "design fault", not
	// "design fault in the".
	for b > a && concept(toks, b-1) == "" {
		b--
	}
	for k := a; k < b; k++ {
		if concept(toks, k) != "" {
			return joinWords(toks[a:b])
		}
	}
	return ""
}

// nounPhrase reads the lower-case phrase naming a doer from a: "a
// contractor", "officials at the water authority".
func nounPhrase(toks []token, a int) string {
	b := a
	for b < len(toks) && b < a+5 {
		t := toks[b]
		if (b > a && t.punctBefore != "") || phraseEnd[t.lower] || strings.HasSuffix(t.lower, "ing") {
			break
		}
		b++
	}
	return agentPhrase(toks, a, b)
}

// thatSubject reads the subject of the deed at i in a "that" clause.
func thatSubject(toks []token, i int) string {
	// Only an active deed with its auxiliary ("had rewritten") has its
	// doer right before; "was influenced" has its object there.
	j := i - 1
	aux := false
	for j >= 0 && toks[j].info.is&isAuxiliary != 0 && toks[j+1].punctBefore == "" {
		if toks[j].info.is&isPassiveMarker != 0 {
			return ""
		}
		aux = true
		j--
	}
	if !aux {
		return ""
	}
	b := j + 1
	for j >= 0 && j > i-8 && toks[j+1].punctBefore == "" {
		if auxiliaries[toks[j].lower] {
			return ""
		}
		if toks[j].lower == "that" {
			if b > j+1 {
				return agentPhrase(toks, j+1, b)
			}
			return ""
		}
		j--
	}
	return ""
}

// intensifiers are axis words that, before a noun, usually only stress it.
var intensifiers = set(words(`real true`))

// linking words stand between a thing and what is said of it: "is not",
// "had been", "as a".
var linking = set(words(`is are was were be been being had has have not never a an as entirely completely
	clearly plainly simply obviously partly wholly structurally fundamentally perfectly totally fully`))

// targetIndex is where the thing an answer word at i is said of stands,
// or -1: the content word before its linking verb ("the recordings are
// fake") or before "a"/"as" ("called the letter a forgery").
func targetIndex(toks []token, i int) int {
	j := i - 1
	copula := false
	for j >= 0 && toks[j].info.is&isLinking != 0 && toks[j+1].punctBefore == "" {
		copula = copula || toks[j].info.is&isCopula != 0
		j--
	}
	// Without a copula ("the council never approved") the word before is
	// the doer, not what the answer is said of.
	if j < 0 || !copula || toks[j+1].punctBefore != "" {
		return -1
	}
	return j
}

// copulas link a thing to what is said of it: "is fake", "had been
// doctored", "called it a forgery", "described it as fake".
var copulas = set(words(`is are was were be been being a an as`))

// objectMarkers open the noun phrase after a verb without naming anything.
var objectMarkers = set(words(`the a an any some his her their its our my your every this that these those such`))

// objectPhrase returns the content words of the noun phrase right after
// the word at i, up to a preposition or punctuation: {"velmora",
// "agreement"} for "rejected the Velmora agreement". A pronoun object
// ("approved it") names nothing and gives none.
func objectPhrase(toks []token, i int) []string {
	j := i + 1
	for j < len(toks) && toks[j].info.is&isObjectMarker != 0 && toks[j].punctBefore == "" {
		j++
	}
	var out []string
	for ; j < len(toks) && j <= i+5; j++ {
		t := toks[j]
		if t.punctBefore != "" || t.info.is&(isPreposition|isPhraseEnd) != 0 {
			break
		}
		c := concept(toks, j)
		if c == "" {
			break
		}
		out = append(out, c)
	}
	return out
}

// bodyNouns after a name make the name part of what acted: "US
// intelligence", "Palace officials", "army hackers".
var bodyNouns = set(words(`intelligence service services agency agencies officials official government ministry
	military army police hackers spies operatives embassy office staff side`))

// passiveMarkers before a deed make the name before it its object.
var passiveMarkers = set(words(`was were been is are be being`))

// prepositions before a name make it an object, not the doer.
var prepositions = set(words(`of with on to about for against at in into from over under between among`))

// agentStance finds who did the deed of an agent family: "leaked by X",
// "X leaked", "came from X", or "not us" in the same clause.
func agentStance(cd *candidate, neg []int, hedged []bool) (stance, bool) {
	toks := cd.toks
	for i, t := range toks {
		cu := t.info.cue
		if !t.info.hasCue || cu.family == "" || !agentFamilies[cu.family] || hedged[i] {
			continue // "asked whether the agency leaked it" names no doer
		}
		mk := func(agent string, negated bool) (stance, bool) {
			key := strings.ToLower(agent)
			label := "by " + agent
			if negated {
				key, label = "not "+key, "not by "+agent
			}
			return stance{dim: "who:" + cu.family, side: key, label: label, cue: []string{cu.family}, of: deedObject(cd, i)}, true
		}
		// Passive or source: "leaked by the agency", "came from X".
		for j := i + 1; j < len(toks) && j <= i+4; j++ {
			if toks[j].lower == "by" || (toks[j].lower == "from" && cu.family == "leak") {
				a := j + 1
				if a < len(toks) && toks[a].lower == "the" {
					a++
				}
				if b := nameRun(toks, a); b > a && !toks[b-1].possessive {
					// "by US intelligence": the body the name qualifies.
					for k := 0; k < 2 && b < len(toks) && toks[b].punctBefore == "" && bodyNouns[toks[b].lower]; k++ {
						b++
					}
					return mk(joinWords(toks[a:b]), neg[i]%2 == 1)
				}
				if np := nounPhrase(toks, j+1); np != "" {
					return mk(np, neg[i]%2 == 1)
				}
			}
		}
		// "denied that anyone at the agency had leaked it": the doer
		// between "that" and the deed.
		if np := thatSubject(toks, i); np != "" {
			return mk(np, neg[i]%2 == 1)
		}
		// Active: the nearest name before the verb in the same phrase. A
		// deed word with a verb right after it is a noun ("the Norrvik
		// leak was ..."), and a name before it qualifies the noun.
		nominal := i+1 < len(toks) && toks[i+1].punctBefore == "" && auxiliaries[toks[i+1].lower]
		for j := i - 1; j >= 0 && j >= i-6 && !nominal; j-- {
			if toks[j+1].punctBefore != "" && toks[j+1].punctBefore != "’" {
				break
			}
			if !toks[j].capital && toks[j].info.is&isBetweenAgentAndDeed == 0 {
				break
			}
			if toks[j].info.is&isPassiveMarker != 0 {
				break // "Corvel were stolen": the name suffered the deed
			}
			if toks[j].capital && !cd.subject.has(j) {
				a := j
				for a > 0 && toks[a].punctBefore == "" && toks[a-1].capital && !cd.subject.has(a-1) {
					a--
				}
				b := a - 1
				if b >= 0 && determiners[toks[b].lower] {
					b--
				}
				if b >= 0 && prepositions[toks[b].lower] {
					break
				}
				if hyphenated(toks[a : j+1]) {
					break // "Russian-US leaks": names joined into a modifier
				}
				return mk(joinWords(toks[a:j+1]), neg[i]%2 == 1)
			}
		}
	}
	// A denial of the holder's own side: "somebody leaked, but not us".
	hasFamily := ""
	for _, t := range toks {
		if cu := t.info.cue; t.info.hasCue && cu.family != "" && agentFamilies[cu.family] {
			hasFamily = cu.family
			break
		}
	}
	if hasFamily == "" {
		return stance{}, false
	}
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].info.is&isNegatorWord == 0 {
			continue
		}
		n := toks[i+1]
		who, own := "", false
		switch {
		case n.lower == "us" || n.lower == "we" || n.lower == "me":
			if cd.claim.Holder != Unattributed {
				who, own = cd.claim.Holder, true
			}
		case n.lower == "the" && i+3 < len(toks) && toks[i+3].lower == "side":
			who = joinWords(toks[i+1 : i+4])
		}
		if who != "" {
			return stance{dim: "who:" + hasFamily, side: "not " + strings.ToLower(who), label: "not by " + who, cue: []string{hasFamily}, byHolder: own}, true
		}
	}
	return stance{}, false
}

// doerOf returns who does the deed at i, as the lower-case last word of a
// name: the name right before it ("Kruse discussed", "Mr Reinholt never
// signed"), the name opening its clause across an aside ("that Yuri
// Lantsov, chief of staff, discussed"), or the holder for "I" and "we" and,
// in reported speech, "he" and "she" ("Sarkov said he had never
// approved"). "" when the text does not show it, as in the passive.
func doerOf(cd *candidate, i int) string {
	toks := cd.toks
	j := i - 1
	for j >= 0 && toks[j+1].punctBefore == "" && toks[j].info.is&(isAuxiliary|isNegatorWord|isBetweenAgentAndDeed|isSkipBefore) != 0 {
		if toks[j].info.is&isPassiveMarker != 0 && toks[j+1].info.is&isNegatorWord == 0 && j+1 == i {
			return "" // "were altered": the doer is not named
		}
		j--
	}
	if j < 0 {
		return ""
	}
	if strings.Contains(toks[j+1].punctBefore, ",") {
		// Across an aside: the first name of the clause the deed is in.
		from := 0
		for k := j; k >= 0; k-- {
			if toks[k].lower == "that" {
				from = k + 1
				break
			}
		}
		if end := nameRun(toks, from); end > from && end <= j && !english.IsStopWord(toks[from].lower) {
			return toks[end-1].lower
		}
		return ""
	}
	if toks[j+1].punctBefore != "" {
		return ""
	}
	holder := func() string { return strings.ToLower(lastWord(cd.claim.Holder)) }
	switch t := toks[j]; {
	case t.lower == "i" || t.lower == "we":
		if cd.claim.Holder != Unattributed && cd.claim.Kind != model.FromAuthor {
			return holder()
		}
	case t.lower == "he" || t.lower == "she":
		if cd.claim.Holder != Unattributed && cd.claim.Kind == model.FromReported {
			return holder()
		}
	case t.capital:
		return t.lower
	}
	return ""
}

// hyphenated reports whether words of a name run are joined by hyphens,
// as in "Aldmark-Vardenia talks" or "the Wendt-Lantsov call": together they
// qualify a noun and name no one who acted.
func hyphenated(toks []token) bool {
	for _, t := range toks[1:] {
		if t.joined {
			return true
		}
	}
	return false
}
