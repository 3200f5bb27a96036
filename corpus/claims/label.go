package claims

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A topic's label asks the question its claims answer, in the words the
// finder already has for the opposition: what an antonym pair is said of
// ("calls: authentic or fake?"), the deed whose doer is disputed ("who
// leaked the call?"), the predicate a denial negates ("signed the
// contract?"), or what a rebuttal rebuts ("coaching: asserted or
// dismissed?"). The shared terms stay in the why line.

// spelling is a word as a label shows it: lower case, but a name keeps its
// capitals.
func spelling(t token) string {
	if t.capital {
		return t.word
	}
	return t.lower
}

// quoteMarks reports whether punctuation between two words is only
// quotation marks, which do not break a phrase: the conversation was
// “illegally leaked”.
func quoteMarks(p string) bool {
	return strings.Trim(p, `"'“”‘’ `) == ""
}

// headAfter returns the head noun of the phrase starting at k, the last of
// its content words ("the Sevrin tender conditions" -> "conditions"), and
// whether a determiner or number opened it. A reporting verb's spelling
// after a determiner is a noun: "those two calls".
func headAfter(cd *candidate, k int) (string, bool) {
	toks := cd.toks
	marked := false
	for k < len(toks) && quoteMarks(toks[k].punctBefore) && (objectMarkers[toks[k].lower] || partitives[toks[k].lower] ||
		strings.IndexFunc(toks[k].lower, unicode.IsDigit) == 0) {
		k++
		marked = true
	}
	head := ""
	for n := 0; k < len(toks) && n < 4; k, n = k+1, n+1 {
		t := toks[k]
		if !quoteMarks(t.punctBefore) || prepositions[t.lower] || phraseEnd[t.lower] || cd.subject.has(k) {
			break
		}
		noun := marked && (reportingSet[t.lower] || negatingVerbSet[t.lower])
		if concept(toks, k) == "" && !noun {
			break
		}
		head = spelling(t)
	}
	return head, marked
}

// verbObject returns the object of an answer word used as a verb:
// "approved the tender conditions", "never approved tender conditions".
// An adjective sits on its noun without a determiner ("a foreign
// intelligence service", "Palace foreign policy aide"): that noun is part
// of the answer, not what it is said of, and gives "".
func verbObject(cd *candidate, i int) string {
	if strings.HasSuffix(cd.toks[i].lower, "ly") {
		return "" // an adverb: "was illegally leaked"
	}
	head, marked := headAfter(cd, i+1)
	if prev := i - 1; !marked && (prev < 0 || !auxiliaries[cd.toks[prev].lower] && !isNegator(cd.toks[prev].lower)) {
		return ""
	}
	return head
}

// verbForm reports whether the deed word at i is used as a verb, which
// can have an object after it: an -ed, -ing or -en form, or after an
// auxiliary, "to", a pronoun or a name. "extensive surveillance programs"
// has none.
func verbForm(toks []token, i int) bool {
	w := toks[i].lower
	if strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "en") {
		return true
	}
	if i == 0 || !quoteMarks(toks[i].punctBefore) {
		return false
	}
	p := toks[i-1]
	return auxiliaries[p.lower] || p.lower == "to" || pronounSet[p.lower] || p.capital || isNegator(p.lower)
}

// deedObject returns the word naming what the deed at i was done to: the
// subject of a passive ("the call was leaked by"), else the head of the
// noun phrase after a verb ("leaking those two calls"). "" when the text
// does not show it.
func deedObject(cd *candidate, i int) string {
	toks := cd.toks
	j := i - 1
	// A doer glued to the deed is no object: "the draft was
	// Russian-influenced".
	for j >= 0 && toks[j+1].joined && toks[j].capital {
		j--
	}
	passive := false
	for j >= 0 && quoteMarks(toks[j+1].punctBefore) && (auxiliaries[toks[j].lower] ||
		betweenAgentAndDeed[toks[j].lower] || strings.HasSuffix(toks[j].lower, "ly")) {
		passive = passive || passiveMarkers[toks[j].lower]
		j--
	}
	if passive && !strings.HasSuffix(toks[i].lower, "ing") {
		// "was leaked" has its object before; "was leaking the files"
		// after.
		if j < 0 || !quoteMarks(toks[j+1].punctBefore) || cd.subject.has(j) || isStop(toks[j].lower) {
			return ""
		}
		return spelling(toks[j])
	}
	if !verbForm(toks, i) {
		return ""
	}
	head, _ := headAfter(cd, i+1)
	return head
}

// deniedOf names, for the label, what the denied predicate at i is denied
// of, objectOf having found it at at: the head of the phrase after the
// predicate ("never signed the supply contract"), or the subject before the
// negation ("the minutes were not altered"). "" when the word after heads
// no noun phrase ("would not call it incomplete").
func deniedOf(cd *candidate, i, at int) string {
	if head, _ := headAfter(cd, i+1); head != "" {
		return head
	}
	if at >= 0 && at < i {
		return spelling(cd.toks[at])
	}
	return ""
}

// pastTense gives the deed of an agent family as a question asks it:
// "leak" -> "leaked", "author" -> "authored".
func pastTense(family string) string {
	if strings.HasSuffix(family, "e") {
		return family + "d"
	}
	return family + "ed"
}

// question builds a topic's label. members are the topic's claims and the
// side each takes, sides the side keys in the order positions show them,
// labels the position labels, terms the shared terms strongest first.
func question(dim string, pool map[int]stance, members []int, sides []string, labels map[string]string,
	terms []string, termWeight map[string]float64, words *topicWords) string {
	spelled := func(k string) string { return words.spell(k, true) }
	// "the call", but a name as written: "Velmora".
	the := func(shown string) string {
		if r, _ := utf8.DecodeRuneInString(shown); unicode.IsUpper(r) {
			return shown
		}
		return "the " + shown
	}
	topTerm := ""
	if len(terms) > 0 {
		topTerm = spelled(terms[0])
	}
	// What the claims say their answers of, most named first: one, or two
	// named as often ("the draft/proposal").
	count := map[string]int{}
	word := map[string]string{} // first spelling of each
	for _, m := range members {
		if w := pool[m].of; w != "" {
			k := stem(strings.ToLower(w))
			if _, ok := word[k]; !ok {
				word[k] = w
			}
			count[k]++
		}
	}
	ofs := make([]string, 0, len(count))
	for k := range count {
		ofs = append(ofs, k)
	}
	// Whether a noun is among the terms the claims share, by its concept
	// ("leaks" is the concept "leak").
	shared := func(k string) bool {
		c := k
		if f, ok := familyByStem[k]; ok {
			c = f
		}
		return termWeight[c] > 0
	}
	sort.Slice(ofs, func(i, j int) bool {
		a, b := ofs[i], ofs[j]
		if count[a] != count[b] {
			return count[a] > count[b]
		}
		if shared(a) != shared(b) {
			return shared(a)
		}
		return a < b
	})
	// A second noun only when named as often and as much shared: "the
	// draft/proposal", but "the calls" over a "leaks" only one claim
	// calls them.
	if len(ofs) > 1 && count[ofs[1]] == count[ofs[0]] && shared(ofs[1]) == shared(ofs[0]) {
		ofs = ofs[:2]
	} else if len(ofs) > 1 {
		ofs = ofs[:1]
	}
	subject := func() string {
		if len(ofs) == 0 {
			return topTerm
		}
		shown := make([]string, len(ofs))
		for i, k := range ofs {
			shown[i] = word[k]
		}
		return strings.Join(shown, "/")
	}
	prefixed := func(s, q string) string {
		if s == "" {
			return q
		}
		return s + ": " + q
	}
	switch {
	case strings.HasPrefix(dim, "ax:"):
		// The pair in its own order, whichever side is larger.
		pair := strings.Split(strings.TrimPrefix(dim, "ax:"), "/")
		return prefixed(subject(), strings.Join(pair, " or ")+"?")
	case strings.HasPrefix(dim, "who:"):
		ask := "who " + pastTense(strings.TrimPrefix(dim, "who:"))
		answers := make([]string, len(sides))
		for i, s := range sides {
			a := labels[s]
			if rest, ok := strings.CutPrefix(a, "not by "); ok {
				a = "not " + rest
			} else {
				a = strings.TrimPrefix(a, "by ")
			}
			answers[i] = a
		}
		if len(ofs) == 0 {
			return prefixed(topTerm, ask+"? "+strings.Join(answers, " · "))
		}
		return ask + " " + the(subject()) + "? " + strings.Join(answers, " · ")
	case strings.HasPrefix(dim, "num:"):
		answers := make([]string, len(sides))
		for i, s := range sides {
			answers[i] = labels[s]
		}
		of := ""
		for _, m := range members {
			if of == "" {
				of = pool[m].of
			}
		}
		return numberQuestion(of, answers)
	case strings.HasPrefix(dim, "neg:"):
		if pred, obj, _ := strings.Cut(strings.TrimPrefix(dim, "neg:"), "/"); pred == obj {
			// "no sign of arson" against "it was arson": the thing itself
			// is the question.
			return prefixed(topTerm, labels["yes"]+"?")
		}
		if len(ofs) > 0 {
			return labels["yes"] + " " + the(subject()) + "?"
		}
		// No noun phrase was denied: the word it was said of, the gap
		// shown ("call … incomplete?").
		_, obj, _ := strings.Cut(strings.TrimPrefix(dim, "neg:"), "/")
		return labels["yes"] + " … " + spelled(obj) + "?"
	default:
		// A rebuttal of the statement before: what was said, then the
		// answers, the statement first.
		ordered := append([]string(nil), sides...)
		sort.SliceStable(ordered, func(i, j int) bool { return ordered[i] == "yes" && ordered[j] != "yes" })
		answers := make([]string, len(ordered))
		for i, s := range ordered {
			answers[i] = labels[s]
		}
		return prefixed(topTerm, strings.Join(answers, " or ")+"?")
	}
}

// distinguish adds to each label that several topics would show the first
// shared term that only that topic of them has: two disputes over reports
// read "report: approved or opposed? (audit)" and "... (budget)" in the
// list, not the same line twice.
func distinguish(drafts []topicDraft) {
	byLabel := map[string][]int{}
	for i := range drafts {
		byLabel[drafts[i].label] = append(byLabel[drafts[i].label], i)
	}
	for label, same := range byLabel {
		if len(same) < 2 {
			continue
		}
		inLabel := set(strings.FieldsFunc(strings.ToLower(label), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }))
		for _, i := range same {
			for _, term := range drafts[i].why.Shared {
				if inLabel[strings.ToLower(term)] || sharedByOther(drafts, same, i, term) {
					continue
				}
				drafts[i].label += " (" + term + ")"
				break
			}
		}
	}
}

// sharedByOther reports whether a topic of same other than i shares term.
func sharedByOther(drafts []topicDraft, same []int, i int, term string) bool {
	for _, j := range same {
		if j != i && containsWord(drafts[j].why.Shared, term) {
			return true
		}
	}
	return false
}
