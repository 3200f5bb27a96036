package extract

import (
	"bytes"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/backchannel-news/backchannel/corpus/speakers"
)

type mKind uint8

const (
	mName    mKind = iota // a capitalised name, of a person, organisation or place
	mPronoun              // he, she
	mRoleRef              // "the official", "the presidential aide"
	mOrgRef               // "the ministry"
	mAnon                 // "a senior official": a speaker the text does not name
)

// mention is one reference to a possible speaker in the prose.
type mention struct {
	i, j   int // token range of the whole mention, role prefix included
	ni     int // first token of the name itself
	kind   mKind
	name   string // for names: the name without its titles
	role   string // titles and role words seen with it
	head   string // for role and organisation references: the noun
	mods   []string
	g      gender
	org    bool
	place  bool
	person bool // evidence it is a person: a title, a given name, two words
	poss   bool // "Sarkov's": a modifier, not a subject
	mod    bool // part of another name's role ("White House" director X)
	obj    bool // after a preposition: "aide to X" is about X, not by X
	appos  bool // inside an apposition: describes someone else
	kin    bool // "his father": a relative of whom the possessive stands for
	ent    int  // linked entity, -1 until linked
}

var connectors = set(`of de da di du van von der den bin al la le dos del y`)

// isSentenceStart reports whether token k opens a sentence or clause where
// any word is capitalised.
func isSentenceStart(toks []token, k, lo int) bool {
	if k <= lo {
		return true
	}
	p := &toks[k-1]
	return p.terminal() || p.is(':') || p.kind == tQuote || p.isDash() || p.is('(') || p.is('[') || p.is('•') || p.is('*') || p.is('#')
}

var postNominals = set(`kc qc sc mp msp mla mep obe cbe mbe kbe frs`)

// kinGender returns the gender of a word for a close relative, the
// unknown gender for any other word.
func kinGender(w string) gender {
	switch w {
	case "father", "son", "brother", "husband", "grandfather", "uncle", "nephew":
		return male
	case "mother", "daughter", "sister", "wife", "grandmother", "aunt", "niece", "widow":
		return female
	}
	return unknownGender
}

// possessiveGender returns the gender of "his" or "her".
func possessiveGender(w string) gender {
	switch w {
	case "his":
		return male
	case "her":
		return female
	}
	return unknownGender
}

// particleRun returns how many connectors ("van der", "de la", "of")
// from toks[m] lead on to a capitalised word that continues a name, or 0.
// Two at most: surnames carry "van der" and "de la", not longer runs.
func particleRun(toks []token, m, hi int) int {
	e := m
	for e < hi && e < m+2 && toks[e].kind == tWord && !toks[e].cap && toks[e].in(vConnectors) {
		e++
	}
	if e > m && e < hi && toks[e].kind == tWord && toks[e].cap && !toks[e].in(vNotNames) {
		return e - m
	}
	return 0
}

// nickname reports whether toks[m] is a nickname quoted inside a name,
// Tomasz "The Ghost" Wierzbicki: a quotation of one to three capitalised
// words with no sentence in it, followed by a capitalised word.
func (a *article) nickname(toks []token, m, hi int) bool {
	if m+1 >= hi || toks[m].kind != tQuote || toks[m+1].kind != tWord || !toks[m+1].cap || toks[m+1].in(vNotNames) {
		return false
	}
	q := a.text[toks[m].start:toks[m].end]
	if len(q) > 40 {
		return false
	}
	words := 0
	for w := range strings.FieldsSeq(q) {
		w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) })
		if w == "" || !unicode.IsUpper(firstRune(w)) {
			return false
		}
		words++
	}
	return words >= 1 && words <= 3 && !strings.ContainsAny(q, ".,!?;:")
}

// particleWord reports whether t is a surname written with a lower-case
// particle joined by a hyphen, "al-Qahtani", "el-Masri": lower case, yet
// part of a name.
func (a *article) particleWord(t *token) bool {
	if t.kind != tWord || t.cap {
		return false
	}
	// Asked of the word after every name: the particle is one to three
	// letters, and the vocabulary is consulted only when one is there.
	h := 0
	for i := t.start + 1; i < t.end && i <= t.start+3; i++ {
		if a.text[i] == '-' {
			h = i - t.start
			break
		}
	}
	if h == 0 {
		return false
	}
	w := t.word(a.text)
	if h+1 >= len(w) {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(w[h+1:]); !unicode.IsUpper(r) {
		return false
	}
	return w[:h] == "el" || vocabOfWord(w[:h])&vConnectors != 0
}

// nameStart reports whether token k can begin a name.
func (a *article) nameStart(toks []token, k, lo int) bool {
	t := &toks[k]
	if t.kind != tWord || !t.cap || t.in(vNotNames) || strings.HasSuffix(a.low(t), "ly") && !a.midCaps[a.low(t)] {
		return false
	}
	if w := t.word(a.text); len(w) > 2 && w[1] == '-' && strings.IndexByte("RDI", w[0]) >= 0 {
		return false // a party and state: "R-Ohio"
	}
	if low := a.low(t); len(low) >= len("-year-old") && strings.Contains(low, "-year-old") {
		return false // "Fourteen-year-old Aditi Rao"
	}
	if !t.poss && isSentenceStart(toks, k, lo) {
		// A capitalised first word is a name only with other evidence:
		// a second capitalised word, a given name, a title, or the text
		// capitalising it mid-sentence elsewhere (asked last: a map).
		next := k + 1
		if t.in(vMaleNames) || t.in(vFemaleNames) || a.undotted(t)&vTitleWords != 0 || t.in(vOrgWords) {
			return true
		}
		if next < len(toks) && toks[next].kind == tWord && toks[next].cap && !toks[next].in(vNotNames) {
			return true
		}
		// "Van der Hoek said": a surname's particles, written with a
		// capital only where they open the sentence.
		if next < len(toks) {
			switch n := &toks[next]; {
			case n.kind == tQuote:
				if a.nickname(toks, next, len(toks)) {
					return true
				}
			case n.kind == tWord && (n.in(vConnectors) && particleRun(toks, next, len(toks)) > 0 || a.particleWord(n)):
				return true
			}
		}
		return a.midCaps[a.low(t)]
	}
	return true
}

// parseMentions lists the mentions in toks[lo:hi], skipping quotations.
func (a *article) parseMentions(toks []token, lo, hi int, out []mention) []mention {
	first := len(out)
	apposStart, apposEnd := -1, -1
	for k := lo; k < hi; k++ {
		if n := len(out); n > first && out[n-1].i > apposStart && out[n-1].i < apposEnd {
			out[n-1].appos = true
		}
		t := &toks[k]
		if t.kind != tWord {
			continue
		}
		// The vocabulary bits say at once whether the word is a pronoun
		// or an article, the two kinds of word tested first.
		if t.in(vPronouns) {
			g, _ := pronounGender(a.low(t))
			out = append(out, mention{i: k, j: k + 1, ni: k, kind: mPronoun, g: g, ent: -1})
			continue
		}
		// Not "Her daughter, Anneliese Roth,": the name that follows says
		// who.
		if t.in(vDeterminers) && k+1 < hi && !t.in(vArticles) && toks[k+1].kind == tWord && !toks[k+1].cap && !(k+2 < hi && toks[k+2].is(',')) {
			if g := kinGender(a.low(&toks[k+1])); g != unknownGender {
				if possessiveGender(a.low(t)) != unknownGender {
					// "His father sees it differently": a relative of the
					// person "his" stands for (see kinRef).
					out = append(out, mention{i: k, j: k + 2, ni: k + 1, kind: mRoleRef, head: a.low(&toks[k+1]), g: g, kin: true, ent: -1})
					k++
					continue
				}
			}
		}
		if t.in(vArticles) && k+1 < hi {
			var ok bool
			// Appended in place: a mention is large to return.
			if out, ok = a.roleRef(toks, k, hi, out); ok {
				k = out[len(out)-1].j - 1
				continue
			}
			if a.low(t) != "the" && isSentenceStart(toks, k, lo) {
				// "A crane operator who voted against the deal, ... said":
				// someone the text does not name, as a sentence's subject.
				e := k + 1
				for e < hi && e < k+4 && toks[e].kind == tWord && !toks[e].cap && !toks[e].in(vNotNames) && !toks[e].in(vSpeechVerbs) {
					e++
				}
				if e > k+1 && e < hi && (a.low(&toks[e]) == "who" || toks[e].is(',') || toks[e].kind == tWord && toks[e].in(vSpeechVerbs)) {
					out = append(out, mention{i: k, j: e, ni: e - 1, kind: mAnon, head: a.low(&toks[e-1]), ent: -1})
					k = e - 1
					continue
				}
			}
		}
		if !t.cap || !a.nameStart(toks, k, lo) {
			continue
		}
		m := k + 1
		for !toks[m-1].poss && m < hi {
			n := &toks[m]
			if n.kind == tWord && n.cap && !(n.in(vNotNames) && a.low(n) != "may") {
				m++
				continue
			}
			// The word after nearly every name is none of these: each
			// test below starts with what its token must be.
			if n.kind == tWord && !n.cap && n.in(vConnectors) {
				if c := particleRun(toks, m, hi); c > 0 {
					m += c + 1
					continue
				}
			}
			if n.kind == tQuote && a.nickname(toks, m, hi) {
				// Tomasz "The Ghost" Wierzbicki. The surname follows a
				// quotation, so the tokenizer did not see it mid-sentence:
				// say so, for "Wierzbicki said" later.
				if a.midCaps != nil {
					a.midCaps[a.low(&toks[m+1])] = true
				}
				m += 2
				continue
			}
			if n.kind == tWord && !n.cap && a.particleWord(n) {
				m++ // "Faisal al-Qahtani"
				continue
			}
			// "Ministry of Water and Rivers": an office named after what
			// it runs may join two fields with "and". Only after "of", and
			// never onto a title or a given name, which start a second
			// subject ("the Ministry of Health and Minister Ola Berg").
			if n.kind == tWord && a.low(n) == "and" && m-k >= 3 && toks[k].in(vOrgWords) && a.low(&toks[k+1]) == "of" && m+1 < hi && a.secondField(toks, m+1, hi) {
				m += 2
				continue
			}
			break
		}
		if k == 0 && a.dateline(toks, m, hi) {
			// "BRUSSELS (Wire) — Negotiators rejected it, calling it
			// "...": where the story was filed, no one in it.
			k = m - 1
			continue
		}
		if mm, ok := a.classify(toks, k, m); ok {
			out = a.attachRole(toks, lo, first, out, mm)
			if mm.poss {
				// "Vardenia's foreign ministry": an owner and a lower-case
				// organisation noun make an organisation.
				e := m
				for e < hi && e < m+3 && toks[e].kind == tWord && !toks[e].cap && toks[e].in(vRoleMods) {
					e++
				}
				if e < hi && toks[e].kind == tWord && !toks[e].cap && !toks[e].poss && toks[e].in(vOrgWords) {
					out[len(out)-1].mod = true
					org := mention{i: k, ni: k, j: e + 1, kind: mName, org: true, ent: -1}
					org.name = a.joinWords(toks[k : e+1])
					out = append(out, org)
					m = e + 1
				}
			}
			if !mm.poss {
				var end int
				out, end = a.apposition(toks, hi, out)
				if end > apposEnd {
					apposStart, apposEnd = out[len(out)-1].j, end
				}
			}
		}
		k = m - 1
	}
	if n := len(out); n > first && out[n-1].i > apposStart && out[n-1].i < apposEnd {
		out[n-1].appos = true
	}
	for i := first; i < len(out); i++ {
		m := &out[i]
		if m.i <= lo || toks[m.i-1].kind != tWord {
			continue
		}
		if toks[m.i-1].in(vPrepositions) {
			m.obj = true
		} else if p := m.i - 2; p >= lo && toks[m.i-1].in(vArticles) && a.low(&toks[m.i-1]) == "the" && a.low(&toks[p]) == "of" {
			// "director of the Hoekstra group": what a role is of, as
			// with no article. Not "by the X", who may be the agent.
			m.obj = true
		}
	}
	return out
}

var prepositions = set(`to of for with from by about against at on into over under between among toward towards in near outside inside`)

// roleRef appends to out the mention at toks[k] of "the official", "the
// presidential aide", "the ministry" or the anonymous "a senior
// official", and reports whether there is one.
func (a *article) roleRef(toks []token, k, hi int, out []mention) ([]mention, bool) {
	definite := a.low(&toks[k]) == "the"
	if definite && k+1 < hi && (strings.HasSuffix(a.low(&toks[k+1]), "-year-old") || toks[k+1].in(vNationals)) {
		// "the 47-year-old said", "the Dutchman said": the person just
		// written about.
		g := roleGender(a.low(&toks[k+1]))
		return append(out, mention{i: k, j: k + 2, ni: k + 1, kind: mPronoun, g: g, ent: -1}), true
	}
	if definite && k+2 < hi && toks[k+1].cap && toks[k+1].in(vDemonyms) && !toks[k+1].poss && a.demonymAsPerson(&toks[k+2]) {
		// "the German shook his head", "the Portuguese said": a
		// nationality standing alone, followed by a verb, is the person
		// just written about.
		return append(out, mention{i: k, j: k + 2, ni: k + 1, kind: mPronoun, ent: -1}), true
	}
	// The modifiers of the role noun are the words from toks[k+1] up to
	// it, gathered only once a role reference is found.
	e := k + 1
	for e < hi && toks[e].kind == tWord && (!toks[e].cap || capModifier(toks, e, hi)) && (toks[e].in(vRoleMods) || toks[e].in(vOrgWords) || toks[e].cap) && !toks[e].in(vRoleHeads) && e-(k+1) < 4 {
		// "a senior ministry official": an organisation word modifies
		// the role when a role noun follows it.
		if toks[e].in(vOrgWords) && !(e+1 < hi && toks[e+1].kind == tWord && (toks[e+1].in(vRoleHeads) || toks[e+1].in(vRoleMods))) {
			break
		}
		e++
	}
	if e+1 < hi && toks[e].kind == tWord && !toks[e].cap && !toks[e].in(vRoleHeads) && !toks[e].in(vNotNames) && !toks[e].in(vSpeechVerbs) && !toks[e].poss {
		// "the palace official": a noun the vocabulary does not know
		// modifying a role noun.
		for n := e + 1; n < hi && n < e+3; n++ {
			if toks[n].kind != tWord || toks[n].cap || toks[n].in(vNotNames) || toks[n].in(vSpeechVerbs) {
				break
			}
			if toks[n].in(vRoleHeads) {
				e = n
				break
			}
		}
	}
	if e >= hi || toks[e].kind != tWord {
		return out, false
	}
	w := a.low(&toks[e])
	if toks[e].cap {
		return out, false
	}
	plural := !toks[e].in(vRoleHeads) && !toks[e].in(vOrgWords) && strings.HasSuffix(w, "s") && vocabOfWord(strings.TrimSuffix(w, "s"))&vRoleHeads != 0
	for e+1 < hi && toks[e+1].kind == tWord && !toks[e+1].cap && !toks[e+1].poss && toks[e].in(vTitleWords) &&
		(toks[e+1].in(vRoleHeads) || toks[e+1].in(vTitleWords)) {
		// "the general secretary", "the deputy mayor": the last role word
		// is the head, the one before it qualifies it.
		e++
		w = a.low(&toks[e])
	}
	// A role followed by a name is the name's prefix, not a reference.
	if e+1 < hi && toks[e+1].kind == tWord && toks[e+1].cap && !toks[e+1].in(vNotNames) {
		return out, false
	}
	switch {
	case plural:
		return append(out, mention{i: k, j: e + 1, ni: e, kind: mAnon, head: strings.TrimSuffix(w, "s"), ent: -1}), true
	case toks[e].in(vRoleHeads) || definite && toks[e].in(vTitleWords) && !toks[e].in(vRoleMods) && !toks[e].in(vDemonyms) && !honorific(w):
		// "the archbishop said" names a title as well as a role.
		if !definite {
			if e+2 < hi && toks[e+1].is(',') && toks[e+2].kind == tWord && toks[e+2].cap && !toks[e+2].in(vNotNames) {
				// "a retired judge, Rosalind Achebe": the name that
				// follows says who; nobody here goes unnamed.
				return out, false
			}
			return append(out, mention{i: k, j: e + 1, ni: e, kind: mAnon, head: w, ent: -1}), true
		}
		return append(out, mention{i: k, j: e + 1, ni: e, kind: mRoleRef, head: w, mods: a.lows(toks[k+1 : e]), ent: -1}), true
	case toks[e].in(vOrgWords) && definite && !toks[e].poss:
		return append(out, mention{i: k, j: e + 1, ni: e, kind: mOrgRef, head: w, ent: -1}), true
	}
	return out, false
}

// lows returns the lower-case words of toks, in the article's scratch:
// a role reference's modifiers, which only its article reads.
func (a *article) lows(toks []token) []string {
	if len(toks) == 0 {
		return nil
	}
	first := len(a.sc.lows)
	for i := range toks {
		a.sc.lows = append(a.sc.lows, a.low(&toks[i]))
	}
	return window(a.sc.lows, first)
}

// capModifier reports whether capitalised toks[e] modifies a role noun
// after it ("the Palace official", "the US envoy") rather than starting
// a name.
func capModifier(toks []token, e, hi int) bool {
	t := &toks[e]
	if !(t.in(vOrgWords) || t.in(vDemonyms) || t.in(vPlaces)) {
		return false
	}
	for n := e + 1; n < hi && n < e+4; n++ {
		if toks[n].kind != tWord {
			return false
		}
		if !toks[n].cap && toks[n].in(vRoleHeads) {
			return true
		}
		if toks[n].cap && !toks[n].in(vOrgWords) && !toks[n].in(vDemonyms) {
			return false
		}
	}
	return false
}

// classify splits the capitalised run toks[k:m] into titles and a name.
func (a *article) classify(toks []token, k, m int) (mention, bool) {
	mm := mention{i: k, j: m, ni: k, kind: mName, ent: -1, poss: toks[m-1].poss}
	isOrg := false
	for x := k; x < m; x++ {
		if toks[x].in(vOrgWords) {
			isOrg = true
		} else if isOrg && a.undotted(&toks[x])&vTitleWords != 0 {
			// "Palace Spokesman Tomas Ruzek": a title after the
			// organisation makes it a person's role.
			isOrg = false
		}
	}
	if !isOrg {
		// Leading titles and demonyms are the role.
		n := k
		for n < m-1 {
			wv := a.undotted(&toks[n]) // the word's sets, less any final dot
			nextTitle := n+1 < m-1 && a.undotted(&toks[n+1])&vTitleWords != 0
			// "Transport Minister Elin Sandvik": a word qualifying a title
			// belongs to the role, unless it is a given name.
			if wv&vTitleWords != 0 || wv&vRoleHeads != 0 && n+1 < m-1 || nextTitle && wv&(vMaleNames|vFemaleNames) == 0 {
				n++
				continue
			}
			if wv&vConnectors != 0 && n > k {
				n++
				continue
			}
			break
		}
		// "Magistrate Olivia Brandt": an unknown role word before a given
		// name and a surname.
		for n < m-2 && !toks[n].in(vMaleNames) && !toks[n].in(vFemaleNames) && (toks[n+1].in(vMaleNames) || toks[n+1].in(vFemaleNames) || occupation(a.low(&toks[n]))) && !toks[n].in(vConnectors) {
			n++
		}
		if n < m-1 && toks[m-1].allCaps && a.undotted(&toks[m-1])&vTitleWords != 0 {
			// "Conservative MP", "Labour MEP": a party and an
			// abbreviated title, which no surname is.
			n = m - 1
		}
		if n == m-1 && a.undotted(&toks[n])&vTitleWords != 0 {
			// Titles only: "Special Envoy" with no name is a role reference.
			return mention{i: k, j: m, ni: n, kind: mRoleRef, head: strings.TrimSuffix(a.low(&toks[n]), "."), ent: -1}, true
		}
		if n > k {
			mm.role = a.joinWords(toks[k:n])
			if honorific(mm.role) {
				mm.role = "" // "Ms." says nothing about what she does
			}
			mm.person = true
			mm.ni = n
			switch strings.TrimSuffix(a.low(&toks[k]), ".") {
			case "mr", "sir", "lord", "king", "prince", "father":
				mm.g = male
			case "mrs", "ms", "miss", "dame", "lady", "queen", "princess":
				mm.g = female
			}
		}
	}
	allDemonyms := true
	for x := mm.ni; x < m; x++ {
		if !toks[x].in(vDemonyms) {
			allDemonyms = false
		}
	}
	if allDemonyms {
		return mm, false
	}
	e := m
	for e-mm.ni > 2 && toks[e-1].allCaps && !toks[e-1].poss && postNominals[a.low(&toks[e-1])] {
		// "Oluwaseun Adeyemi KC", "Dame Ada Lowe MP OBE": letters after
		// a name are a rank or an honour, not part of it.
		e--
	}
	mm.name = strings.TrimSuffix(a.joinWords(toks[mm.ni:e]), "’s")
	nameToks := m - mm.ni
	switch {
	case isOrg:
		mm.org = true
	case nameToks == 1 && toks[mm.ni].allCaps && len(toks[mm.ni].word(a.text)) <= 5:
		mm.org = true // CIA, NATO, UNHCR
	case nameToks == 1 && toks[mm.ni].in(vPlaces):
		mm.place = true
	case nameToks >= 2 && mm.role == "" && toks[m-1].in(vPlaceNouns):
		mm.place = true
	case nameToks >= 2 && mm.role == "" && a.pluralVerbAt(toks, m) && !toks[mm.ni].in(vMaleNames|vFemaleNames):
		// "Kelby Harriers have sacked their manager": a name taking a
		// plural verb is a team or a group, not one person.
		mm.org = true
	}
	if !mm.org && !mm.place {
		if toks[mm.ni].in(vMaleNames) {
			mm.person = true
			if mm.g == unknownGender {
				mm.g = male
			}
		} else if toks[mm.ni].in(vFemaleNames) {
			mm.person = true
			if mm.g == unknownGender {
				mm.g = female
			}
		}
		if nameToks >= 2 {
			mm.person = true
		}
	}
	return mm, true
}

// secondField reports whether the capitalised words from toks[k] can be
// the second field of "Ministry of Water and Rivers": no title or given
// name starting a second subject, and no organisation noun making them a
// second organisation ("the Ministry of Defence and Foreign Office").
func (a *article) secondField(toks []token, k, hi int) bool {
	if toks[k].kind != tWord || !toks[k].cap || toks[k].in(vNotNames) || a.undotted(&toks[k])&(vTitleWords|vMaleNames|vFemaleNames) != 0 {
		return false
	}
	for ; k < hi && toks[k].kind == tWord && toks[k].cap; k++ {
		if toks[k].in(vOrgWords) && !strings.HasSuffix(a.low(&toks[k]), "s") {
			return false // a plural is a field: "Health and Human Services"
		}
		if toks[k].poss {
			break
		}
	}
	return true
}

// dateline reports whether the capitalised run toks[:m] opening a
// paragraph is a wire dateline: all capitals, then a dash, an agency in
// brackets or a comma and a date ("LONDON —", "BRUSSELS (Wire) —",
// "BRUSSELS, May 4 (Reuters) -"). "NATO, the alliance, said" is no
// dateline.
func (a *article) dateline(toks []token, m, hi int) bool {
	for i := 0; i < m; i++ {
		if !toks[i].allCaps {
			return false
		}
	}
	if m >= hi {
		return false
	}
	switch {
	case toks[m].isDash():
		return true
	case toks[m].is('('):
		return m+2 < hi && toks[m+1].kind == tWord && toks[m+1].cap && toks[m+2].is(')')
	case toks[m].is(','):
		return m+1 < hi && toks[m+1].kind == tWord && inSet(monthNames, a.low(&toks[m+1]))
	}
	return false
}

var monthNames = set(`january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec`)

// pluralVerbAt reports whether toks[k], the word after a name, is a
// plural verb: "have", "are", "were".
func (a *article) pluralVerbAt(toks []token, k int) bool {
	if k >= len(toks) || toks[k].kind != tWord {
		return false
	}
	switch a.low(&toks[k]) {
	case "have", "are", "were":
		return true
	}
	return false
}

// attachRole gives a name the role words written before it ("Sarkov's aide
// Yuri Lantsov", "Harbour Authority communications director Daria Mirova"),
// absorbing the possessive or organisation mention they start with.
func (a *article) attachRole(toks []token, lo, first int, out []mention, mm mention) []mention {
	if mm.kind != mName {
		return append(out, mm)
	}
	possBefore := len(out) > first && out[len(out)-1].poss && out[len(out)-1].kind == mName && out[len(out)-1].j == mm.i
	if mm.org {
		if possBefore {
			// "Russia's Foreign Intelligence Service": the owner is part
			// of the organisation's name.
			prev := &out[len(out)-1]
			prev.mod = true
			mm.i, mm.ni = prev.i, prev.i
			mm.name = a.joinWords(toks[prev.i:mm.j])
		}
		return append(out, mm)
	}
	b := mm.i
	heads := 0
	for b-1 >= lo && toks[b-1].kind == tWord && !toks[b-1].cap && (toks[b-1].in(vRoleMods) || toks[b-1].in(vRoleHeads) || toks[b-1].in(vTitleWords)) {
		b--
		if toks[b].in(vRoleHeads) || toks[b].in(vTitleWords) {
			heads++
		}
	}
	if heads == 0 {
		b = mm.i
	}
	start := b
	if len(out) > first {
		prev := &out[len(out)-1]
		// "City boss Renee Castellane", "Kellgate Copper chief executive
		// Ruth Abernathy-Singh": a name right before a lower-case role
		// and a name is whose role it is. Two people are never written
		// that way: a second person follows a comma or "and".
		if prev.j == b && prev.kind == mName && (prev.poss || heads > 0) {
			start = prev.i
			prev.mod = true
		} else if prev.j == b && prev.kind == mRoleRef && toks[prev.i].cap {
			// "Deputy manager Clara Voss": the capitalised title was
			// read alone as a role reference.
			start = prev.i
			out = out[:len(out)-1]
		}
	}
	if start < mm.ni {
		mm.role = a.joinWords(toks[start:mm.ni])
		if honorific(mm.role) {
			mm.role = ""
		}
		mm.i = start
		if heads > 0 || start < b {
			mm.person = true
		}
	}
	if mm.role == "" && mm.i-2 >= lo && toks[mm.i-1].is(',') && toks[mm.i-2].in(vRoleHeads) {
		// "The bloc's foreign policy chief, Katarina Novak, said".
		r := mm.i - 2
		for r-1 >= lo && r > mm.i-8 && toks[r-1].kind == tWord && (!toks[r-1].cap || toks[r-1].poss) &&
			(toks[r-1].in(vRoleMods) || toks[r-1].in(vRoleHeads) || toks[r-1].in(vTitleWords) || toks[r-1].poss) {
			r--
		}
		// Only a role opening its clause describes the name: not
		// "According to the lawyer, Wendt".
		closed := mm.j >= len(toks) || toks[mm.j].is(',') || toks[mm.j].terminal()
		if closed || r == lo || r-1 == lo && toks[r-1].kind == tWord && toks[r-1].in(vDeterminers) {
			mm.role = a.joinWords(toks[r : mm.i-1])
			mm.person = true
		}
	}
	if g := roleGender(mm.role); g != unknownGender && mm.g == unknownGender {
		mm.g = g
	}
	return append(out, mm)
}

// roleGender reads a gender from the words of a role ("his widow",
// "spokeswoman"). It lowers one word at a time into a stack buffer, the
// same as lowering the whole role first, since lowering never makes or
// removes a space: names and roles are read for every mention.
func roleGender(role string) gender {
	if role == "" {
		return unknownGender // most names have no role: no words to range over
	}
	var buf [32]byte
	// The words are split by nextField and looked up in the vocabulary,
	// which holds both sets: the iterator of strings.FieldsSeq and two
	// map lookups a word cost more than the rest.
	for i := 0; ; {
		s, e := nextField(role, i)
		if s == e {
			break
		}
		i = e
		lw := appendLower(buf[:0], role[s:e])
		lw = bytes.TrimSuffix(bytes.TrimSuffix(lw, []byte("’s")), []byte("'s"))
		_, v := vocabEntry(lw)
		switch {
		case v&vMaleRoles != 0:
			return male
		case v&vFemaleRoles != 0 || bytes.HasSuffix(lw, []byte("woman")):
			return female
		}
	}
	return unknownGender
}

// nationals are nouns for a person's nationality that stand for someone
// just named ("the Dutchman said").
var nationals = set(`dutchman dutchwoman frenchman frenchwoman englishman englishwoman
irishman irishwoman scotsman scotswoman welshman welshwoman briton spaniard swede
dane finn pole norwegian texan`)

var (
	maleRoles = set(`mr. mr husband father brother son grandson nephew uncle king prince widower boyfriend
	spokesman chairman congressman businessman councilman alderman anchorman statesman
	dutchman frenchman englishman irishman scotsman welshman`)
	femaleRoles = set(`mrs. mrs ms. ms miss wife mother sister daughter granddaughter niece aunt queen princess lady widow girlfriend
	dutchwoman frenchwoman englishwoman irishwoman scotswoman welshwoman`)
)

// apposition reads the role in ", an aide to X," or ", who also serves as
// X," after the last mention, and marks the mentions inside it as not
// being subjects.
func (a *article) apposition(toks []token, hi int, out []mention) ([]mention, int) {
	mm := &out[len(out)-1]
	k := mm.j
	if k+1 >= hi || !toks[k].is(',') {
		return out, -1
	}
	s := k + 1
	w := a.low(&toks[s])
	if toks[s].kind != tWord {
		return out, -1
	}
	end := s
	for end < hi && !toks[end].is(',') && !toks[end].terminal() && toks[end].kind != tQuote && end-s < 14 {
		end++
	}
	var role []token
	switch {
	case w == "a" || w == "an" || w == "the":
		role = toks[s+1 : end]
	case toks[s].poss && s+1 < end && (toks[s+1].in(vRoleHeads) || toks[s+1].in(vRoleMods)):
		role = toks[s:end] // ", Nordhaven's managing partner,"
	case toks[s].in(vRoleMods | vRoleHeads):
		role = toks[s:end]
		seenHead := false
		for x := range role {
			t := &role[x]
			// A name before the role's noun means this is a list of
			// people, not a role ("Oskar Wendt, Vardenian presidential
			// aide Yuri Lantsov has said").
			if t.cap && !seenHead && a.undotted(t)&vTitleWords == 0 && !t.in(vDemonyms) || t.in(vSpeechVerbs) {
				return out, -1
			}
			if t.in(vRoleHeads) {
				seenHead = true
			}
		}
	case w == "who":
		for x := s; x < end; x++ {
			if a.low(&toks[x]) == "as" {
				role = toks[x+1 : end]
				break
			}
		}
		if role == nil {
			return out, -1
		}
	default:
		return out, -1
	}
	for x := range role {
		t := &role[x]
		// "an analyst who examined the files": the role ends where the
		// clause about it begins.
		if x > 0 && (a.low(t) == "who" || a.low(t) == "which" || a.low(t) == "that" || a.low(t) == "whose") {
			role = role[:x]
			break
		}
		if t.kind == tWord && !t.cap && t.in(vSpeechVerbs) {
			// "After a letter from Sunita Rao, the minister said": a
			// speech verb makes the words after the comma the main
			// clause, not a role set off by it.
			return out, -1
		}
	}
	hasHead := false
	for x := range role {
		if t := &role[x]; t.in(vRoleHeads) || t.in(vTitleWords) {
			hasHead = true
		}
	}
	if hasHead && len(role) > 0 && mm.kind == mName && !mm.org && !mm.place {
		r := a.joinWords(role)
		if mm.role == "" {
			mm.role = r
		} else {
			mm.role += "; " + r
		}
		mm.person = true
		if g := roleGender(r); g != unknownGender && mm.g == unknownGender {
			mm.g = g
		}
	}
	return out, end
}

// joinWords joins the words of toks with single spaces, restoring
// possessives as ’s. Most names and roles are written that way already,
// and then the result is the text itself, with no string to build: names
// are joined for every capitalised run of an article.
func (a *article) joinWords(toks []token) string {
	if asWritten(a.text, toks) {
		return a.text[toks[0].start:toks[len(toks)-1].end]
	}
	var b strings.Builder
	for i, t := range toks {
		if t.kind != tWord {
			continue
		}
		if i > 0 && b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.word(a.text))
		if t.poss {
			b.WriteString("’s")
		}
	}
	return b.String()
}

// asWritten reports whether text already holds toks as joinWords joins
// them: words only, one space between each two, any possessive written
// with ’s.
func asWritten(text string, toks []token) bool {
	if len(toks) == 0 {
		return false
	}
	for i := range toks {
		t := &toks[i]
		if t.kind != tWord || i > 0 && (t.start != toks[i-1].end+1 || text[t.start-1] != ' ') {
			return false
		}
		if t.poss && !strings.HasSuffix(text[t.start:t.end], "’s") {
			return false
		}
	}
	return true
}

// recase turns an upper-case transcript label word into a readable one:
// HARLAN -> Harlan, MCCARTHY -> McCarthy, O'NEILL -> O'Neill.
func recase(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	upperNext := true
	// The letters of the current word so far, enough of them to tell
	// whether they are exactly "mc".
	letters, mFirst := 0, false
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			if upperNext {
				b.WriteRune(unicode.ToUpper(r))
			} else {
				b.WriteRune(unicode.ToLower(r))
			}
			upperNext = false
			letters++
			switch lr := unicode.ToLower(r); {
			case letters == 1:
				mFirst = lr == 'm'
			case letters == 2 && mFirst && lr == 'c':
				upperNext = true
			}
		default:
			b.WriteRune(r)
			upperNext = r == '-' || r == '\'' || r == '’' || r == ' ' || r == '.'
			letters = 0
		}
	}
	return b.String()
}

// hasLower reports whether s has a lower-case letter.
func hasLower(s string) bool {
	for _, r := range s {
		if unicode.IsLower(r) {
			return true
		}
	}
	return false
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// foldTokens splits a name into folded words for comparison. The same
// names recur through a document and across the documents of a corpus,
// and folding one takes thousands of instructions and several strings:
// each spelling is folded once and kept in foldMemo. The words are shared
// and must not be changed.
func foldTokens(name string) []string {
	if w, ok := foldMemo.Load(name); ok {
		return w.([]string)
	}
	words := speakers.FoldWords(name)
	if foldMemoSize.Add(1) > foldMemoMax {
		// A bound on the memory a long-running server spends on it:
		// start over rather than track which names are still in use.
		foldMemo.Clear()
		foldMemoSize.Store(1)
	}
	foldMemo.Store(name, words)
	return words
}

var (
	foldMemo     sync.Map // name -> speakers.FoldWords(name)
	foldMemoSize atomic.Int64
)

// foldMemoMax is the most spellings foldMemo holds: far more than the
// people of any one story, a few hundred kilobytes at most.
const foldMemoMax = 4096

// honorific reports whether a title is only a courtesy: Mr., Ms., Mrs.
func honorific(title string) bool {
	return inSet(honorifics, strings.TrimSuffix(title, "."))
}

var honorifics = set(`mr mrs ms miss mx`)

// occupation reports whether w, a capitalised word before a two-word name,
// is by its ending a job ("Meteorologist Yannick Brel", "Physician Ana
// Ruiz", "Photographer Lise Holm"): endings no given name has, so the rule
// holds for names the vocabulary does not know.
func occupation(w string) bool {
	if len(w) < 6 {
		return false
	}
	for _, suf := range []string{"ist", "ician", "grapher", "eer", "sman", "swoman"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// demonymAsPerson reports whether t, after "the" and a nationality, shows
// the nationality is a noun for a person: a verb follows ("the German
// said", "the German shook"), not a noun ("the German government").
func (a *article) demonymAsPerson(t *token) bool {
	if t.kind != tWord || t.cap {
		return false
	}
	if t.in(vSpeechVerbs) {
		return true
	}
	switch a.low(t) {
	case "was", "is", "has", "had", "who", "would", "will", "did":
		return true
	}
	return strings.HasSuffix(a.low(t), "ed") && !t.in(vRoleHeads) && !t.in(vOrgWords)
}
