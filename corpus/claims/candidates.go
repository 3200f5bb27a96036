package claims

import (
	"path"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"

	"github.com/backchannel-news/backchannel/model"
)

// Unattributed holds the quotes whose speaker the text does not give.
const Unattributed = "unattributed"

// candidate is one statement that may take a position: a quote sentence,
// a reported-speech clause or an author's sentence.
type candidate struct {
	claim model.Claim
	toks  []token
	// subject marks the tokens naming the holder of reported speech; they
	// say who speaks, not what about.
	subject tokenRun
	// inherited are the concepts of the sentence before, taken on when
	// this one points back at it ("Sarkov dismissed the allegations").
	inherited []string
	// prev is the index of the statement before in the same document, or
	// -1; set for statements that point back at it.
	prev int
	// context are the concepts of the other sentences of the same quote:
	// "It is offered as a framework" speaks of the proposal named before.
	context []string
}

// tokenRun is the tokens [from, to) of a statement; the zero run holds
// none. A subject is always one run of words.
type tokenRun struct{ from, to int }

func (r tokenRun) has(i int) bool { return i >= r.from && i < r.to }

// anaphors are nouns that, after "the", "these" or "such", point back at
// what the previous sentence reported.
var anaphors = set(words(`allegation allegations accusation accusations claim claims charge charges
	report reports suggestion suggestions notion story stories rumour rumours rumor rumors assertion
	assertions idea theory`))

var determiners = set(words(`the these those such this that`))

// nounMarkers before a reporting verb's spelling make it a noun: "the
// calls", "his claims".
var nounMarkers = set(words(`the a an his her their its our my your these those such this that`))

// candidates lists the statements of every document in c, in corpus order.
func candidates(c *model.Corpus) []candidate {
	var out []candidate
	idx := newCorpusIndex(c)
	for d := range c.Docs {
		base := len(out)
		for _, cd := range docCandidates(idx, d, nil, nil) {
			if cd.prev >= 0 {
				cd.prev += base
			}
			out = append(out, cd)
		}
	}
	unifyHolders(out)
	return out
}

// docCandidates lists the statements of document d, in buf's storage when
// it has room. Their words are cut from words, when given; the caller may
// reuse both once it is done with the statements.
func docCandidates(idx *corpusIndex, d int, words *tokenArena, buf []candidate) []candidate {
	out := buf[:0]
	c := idx.c
	tokenize := words.tokenize
	doc := &c.Docs[d]
	quoteIDs := c.QuotesOf(d)
	refs := words.referents(idx, doc)
	var prevConcepts []string
	var sents []span
	if doc.Kind != model.Transcript {
		sents = words.sentences(doc.Text, doc.BodyStart, len(doc.Text))
	}

	// The end of the last quote taken and who holds it: a quote with no
	// frame that follows it in the same paragraph goes on in the same
	// voice ("...," one official said. "This was a settling of accounts.").
	prevEnd, prevHolder, prevSpeaker := -1, "", model.Unknown
	var ownBuf [][]string // each quote's sentences' concepts, reused
	// addQuote adds the sentences of quote q. frame is the clause around
	// it: when extraction gave the quote no speaker, the frame may name
	// one (", said Jo Bloggs, the engineer").
	addQuote := func(q *model.Quote, frame *span) {
		qStart, qEnd, speaker := int(q.Start), int(q.End), int(q.Speaker)
		holder := c.SpeakerName(speaker)
		if holder == "" && frame != nil {
			// The frame runs on to the end of the sentence the quote
			// ends in, where the attribution of a long quote stands.
			f := *frame
			for _, s := range sents {
				if s.start < qEnd && s.end >= qEnd && s.end > f.end {
					f.end = s.end
				}
			}
			var outside []token
			for _, t := range tokenize(doc.Text, f) {
				if t.start < qStart || t.start >= qEnd {
					outside = append(outside, t)
				}
			}
			holder, speaker, _ = reportedHolder(c, outside, refs)
		}
		if (holder == "" || holder == Unattributed) && prevEnd >= 0 && prevEnd <= qStart && !strings.Contains(doc.Text[prevEnd:qStart], "\n") {
			holder, speaker = prevHolder, prevSpeaker
		}
		if holder == "" {
			holder = Unattributed
		} else {
			refs.add(holder, speaker)
		}
		prevEnd, prevHolder, prevSpeaker = qEnd, holder, speaker
		first := len(out)
		own := ownBuf[:0]
		defer func() { ownBuf = own }()
		for _, s := range words.sentences(doc.Text, qStart, qEnd) {
			if strings.HasSuffix(strings.TrimRight(doc.Text[s.start:s.end], `"”’'`), "?") {
				continue // a question asked takes no position
			}
			cd := newCandidate(doc, s, tokenize(doc.Text, s), holder, speaker, model.FromQuote)
			cd.claim.Quote = int(q.ID)
			if len(cd.toks) >= 3 {
				prevConcepts = concepts(&cd, words)
				own = append(own, prevConcepts)
				out = append(out, cd)
			}
		}
		// A sentence borrows the words of its neighbours in the quote
		// ("It is offered as a framework" after naming the proposal),
		// not of the whole of a long speech, which would tie everything
		// said in it together.
		for i := first; i < len(out); i++ {
			k := i - first
			room := 0
			if k > 0 {
				room += len(own[k-1])
			}
			if k+1 < len(own) {
				room += len(own[k+1])
			}
			if room > 0 {
				out[i].context = words.strings(room)
			}
			if k > 0 {
				out[i].context = append(out[i].context, own[k-1]...)
			}
			if k+1 < len(own) {
				out[i].context = append(out[i].context, own[k+1]...)
			}
		}
	}

	if doc.Kind == model.Transcript {
		for _, id := range quoteIDs {
			addQuote(&c.Quotes[id], nil)
		}
		return out
	}

	done := map[int]bool{} // quotes already taken
	for _, sent := range sents {
		text := doc.Text[sent.start:sent.end]
		if strings.HasSuffix(strings.TrimRight(text, `"”’'`), "?") || strings.HasSuffix(text, ":") {
			// Questions take no position; a line ending in a colon
			// introduces the quote that follows.
			continue
		}
		// A subject opens the sentence: its first words are enough.
		head := sent
		if head.end > head.start+120 {
			head.end = head.start + 120
			for head.end > head.start && !utf8.RuneStart(doc.Text[head.end]) {
				head.end--
			}
		}
		if name, sp := openingSubject(refs, tokenize(doc.Text, head)); name != "" {
			refs.add(name, sp)
		}
		for _, cl := range clauses(doc.Text, sent) {
			if q := quoteIn(c, quoteIDs, cl); q != nil {
				// The quote carries the statement; its frame is only
				// attribution.
				if !done[int(q.ID)] {
					done[int(q.ID)] = true
					addQuote(q, &cl)
				}
				continue
			}
			toks := tokenize(doc.Text, cl)
			holder, speaker, subj := reportedHolder(c, toks, refs)
			// A quoted fragment in the clause ("called the recordings 'a
			// crude fabrication'") is one statement with it: the clause
			// says it in full, and the extractor, which reads pronouns
			// and roles across sentences, knows who spoke it.
			fragment := -1
			for _, id := range quoteIDs {
				q := &c.Quotes[id]
				if int(q.Start) < cl.end && int(q.End) > cl.start && !done[int(id)] {
					done[int(id)] = true
					if fragment < 0 || c.Quotes[fragment].Speaker == model.Unknown {
						fragment = int(id)
					}
				}
			}
			if fragment >= 0 && c.Quotes[fragment].Speaker != model.Unknown {
				speaker = int(c.Quotes[fragment].Speaker)
				holder = c.SpeakerName(speaker)
			}
			var cd candidate
			if holder != "" {
				cd = newCandidate(doc, cl, toks, holder, speaker, model.FromReported)
				cd.subject = subj
				refs.add(holder, speaker)
			} else {
				if len(toks) < 3 {
					continue
				}
				cd = newCandidate(doc, cl, toks, docHolder(doc), model.Unknown, model.FromAuthor)
			}
			cd.claim.Quote = fragment
			if pointsBack(cd.toks) && len(out) > 0 {
				cd.inherited = prevConcepts
				cd.prev = len(out) - 1
			}
			out = append(out, cd)
			prevConcepts = concepts(&cd, words)
		}
	}
	// A quote no sentence held (one spanning lines) is still a statement.
	for _, id := range quoteIDs {
		if !done[int(id)] {
			addQuote(&c.Quotes[id], nil)
		}
	}
	return out
}

// newCandidate makes the statement s, whose words toks are.
func newCandidate(doc *model.Document, s span, toks []token, holder string, speaker int, kind model.ClaimKind) candidate {
	return candidate{
		claim: model.Claim{
			Holder: holder, Speaker: speaker, Text: doc.Text[s.start:s.end],
			Doc: doc.ID, Line: doc.LineAt(s.start), Start: s.start, End: s.end,
			Kind: kind, Quote: -1,
		},
		toks: toks,
		prev: -1,
	}
}

// quoteIn returns a quote lying in the clause that says a whole sentence
// of its own: at least four words, opening with a capital. Shorter quoted
// words and fragments ("described it as 'fake'", "the fee was 'a normal,
// lawful payment ...'") are part of the clause's statement.
func quoteIn(c *model.Corpus, ids []int32, cl span) *model.Quote {
	for _, id := range ids {
		q := &c.Quotes[id]
		if int(q.Start) < cl.end && int(q.End) > cl.start && isCapitalized(strings.TrimLeft(q.Text, `"“‘'(`)) && atLeastFields(q.Text, 4) {
			return q
		}
	}
	return nil
}

// atLeastFields reports whether len(strings.Fields(s)) >= n, without
// building the fields: it is asked of every quote of every clause.
func atLeastFields(s string, n int) bool {
	count, inField := 0, false
	for _, r := range s {
		space := unicode.IsSpace(r)
		if !space && !inField {
			count++
			if count >= n {
				return true
			}
		}
		inField = !space
	}
	return n <= 0
}

// docHolder names who asserts a document's own sentences.
func docHolder(doc *model.Document) string {
	switch {
	case doc.Outlet != "":
		return doc.Outlet
	case doc.Author != "":
		return doc.Author
	}
	return "author of " + path.Base(doc.Path)
}

func isCapitalized(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// nameRun returns the end of the run of capitalised words starting at i,
// allowing "of" inside a name ("Secretary of State Ana Brel").
func nameRun(toks []token, i int) int {
	j := i
	for j < len(toks) {
		t := toks[j]
		if j > i && t.punctBefore != "" && t.punctBefore != "’" && t.punctBefore != "'" && t.punctBefore != "." {
			break
		}
		if isCapitalized(t.word) {
			j++
			if strings.HasSuffix(t.word, ".") {
				break // "the U.S." ends a sentence as often as it starts a name
			}
			continue
		}
		if j > i && (t.lower == "of") && j+1 < len(toks) && isCapitalized(toks[j+1].word) {
			j++
			continue
		}
		break
	}
	return j
}

func joinWords(toks []token) string {
	ws := make([]string, len(toks))
	for i, t := range toks {
		ws[i] = t.word
	}
	return strings.Join(ws, " ")
}

// reportedHolder finds the subject of a reporting verb in a clause: "X
// said", "X, an aide, denied", "according to X". Pronouns stand for the
// subject of a sentence before that can be meant, and "the official" for
// the last one named. It returns "" when the clause is not reported
// speech, Unattributed when its speaker cannot be told.
func reportedHolder(c *model.Corpus, toks []token, refs *referents) (string, int, tokenRun) {
	mark := func(a, b int) tokenRun { return tokenRun{a, b} }
	for i := 0; i+2 < len(toks); i++ {
		if toks[i].lower == "according" && toks[i+1].lower == "to" {
			a := i + 2
			if toks[a].lower == "the" && a+1 < len(toks) {
				a++
			}
			if b := nameRun(toks, a); b > a {
				name, sp := refs.canonical(joinWords(toks[a:b]))
				return name, sp, mark(i, b)
			}
			// "according to the port union,": the phrase up to the comma.
			b := a
			for b < len(toks) && b < a+5 && (b == a || toks[b].punctBefore == "") && !phraseEnd[toks[b].lower] {
				b++
			}
			// The phrase ends at a comma or with the clause: "..., according
			// to the published paper."
			if b == len(toks) || strings.Contains(toks[b].punctBefore, ",") {
				if toks[i+2].lower == "the" {
					if name, sp := describedHolder(refs, toks, i+2, b); sp != model.Unknown {
						return name, sp, mark(i, b) // "according to the presidential aide"
					}
				}
				if name := agentPhrase(toks, a, b); name != "" {
					return name, model.Unknown, mark(i, b)
				}
			}
		}
	}
	// Reporting verbs, not the nouns spelled alike ("the calls").
	var verbs []int
	for i, t := range toks {
		if t.info.is&(isReporting|isNegatingVerb) != 0 && (i == 0 || toks[i-1].info.is&isNounMarker == 0) {
			verbs = append(verbs, i)
		}
	}
	if len(verbs) == 0 {
		return "", model.Unknown, tokenRun{}
	}
	// A clause that opens with a name followed directly by the verb, or by
	// an aside between commas and then the verb, has that name for
	// subject: "Journalist Jo Bloggs, known for ..., noted".
	start := datelineEnd(toks)
	if toks[start].lower == "the" && start+1 < len(toks) {
		start++
	}
	if end := nameRun(toks, start); end > start && !toks[end-1].possessive && !(end == start+1 && (english.IsStopWord(toks[start].lower) || contraction(toks[start].lower))) {
		for _, verb := range verbs {
			if verb < end {
				continue
			}
			aside := strings.Contains(toks[end].punctBefore, ",") && strings.Contains(toks[verb].punctBefore, ",")
			if end == verb || aside || allSkip(toks[end:verb]) {
				name, sp := refs.canonical(joinWords(toks[start:end]))
				return name, sp, mark(0, end)
			}
		}
	}
	if a, b, verb, ok := subjectPhrase(toks, datelineEnd(toks), verbs); ok {
		// "Its director, Paul Mereni, denied": the name in apposition.
		if n := nameRun(toks, b); n > b && n == verb && strings.Contains(toks[b].punctBefore, ",") {
			name, sp := refs.canonical(joinWords(toks[b:n]))
			return name, sp, mark(a, verb)
		}
		name, sp := describedHolder(refs, toks, a, b)
		return name, sp, mark(a, verb)
	}
	verb := verbs[0]
	if name, sp, subj, ok := invertedSubject(refs, toks, verb); ok {
		return name, sp, subj
	}
	// Otherwise the words right before the verb.
	j := verb - 1
	for j >= 0 && skipBeforeSet[toks[j].lower] && toks[j+1].punctBefore == "" {
		if passiveMarkers[toks[j].lower] {
			return "", model.Unknown, tokenRun{} // "the envoy was accused": spoken of, not speaking
		}
		j--
	}
	if j < 0 {
		return "", model.Unknown, tokenRun{}
	}
	switch t := toks[j]; {
	case pronounSet[t.lower]:
		name, sp := refs.resolve(t.lower)
		if name == "" {
			return Unattributed, model.Unknown, mark(j, verb)
		}
		return name, sp, mark(j, verb)
	case roleSet[t.lower] && j > 0 && determiners[toks[j-1].lower]:
		if sp := roleSpeaker(refs, toks[j:j+1]); sp != model.Unknown {
			return c.Speakers[sp].Name, sp, mark(j-1, verb)
		}
		lastHolder, lastSpeaker := refs.last()
		// "the official said" is the person just named; "the president
		// said" is only if that person is the president. Otherwise the
		// role is the holder.
		if lastHolder != "" && (genericRoles[t.lower] || holderHasRole(refs.corpusIndex, lastHolder, lastSpeaker, t.lower)) {
			return lastHolder, lastSpeaker, mark(j-1, verb)
		}
		return "the " + t.lower, model.Unknown, mark(j-1, verb)
	case isCapitalized(t.word) && !english.IsStopWord(t.lower) && !extraStopSet[t.lower] && !contraction(t.lower):
		a := j
		for a > 0 && toks[a].punctBefore == "" && (isCapitalized(toks[a-1].word) ||
			(toks[a-1].lower == "of" && a > 1 && isCapitalized(toks[a-2].word))) {
			a--
		}
		name, sp := refs.canonical(joinWords(toks[a : j+1]))
		return name, sp, mark(a, verb)
	case !isStop(t.lower) && toks[verb].punctBefore == "":
		// A described speaker after a comma: "Turnout rose, the
		// commission said."
		for k := j - 1; k >= 0 && k >= j-4 && toks[k+1].punctBefore == ""; k-- {
			if toks[k].lower == "the" || toks[k].lower == "a" || toks[k].lower == "an" {
				if k >= 2 && toks[k-1].lower == "of" && toks[k].punctBefore == "" && toks[k-1].punctBefore == "" && partitives[toks[k-2].lower] {
					k -= 2 // "one of the officials said"
				}
				if k > 0 && !strings.Contains(toks[k].punctBefore, ",") {
					break
				}
				name, sp := describedHolder(refs, toks, k, j+1)
				return name, sp, mark(k, verb)
			}
			if isStop(toks[k].lower) {
				break
			}
		}
	}
	return "", model.Unknown, tokenRun{}
}

// invertedSubject reads the subject after the verb, as quotes put it:
// `"...," said Jo Bloggs` or `said the firm's director, Jo Bloggs`.
func invertedSubject(refs *referents, toks []token, verb int) (string, int, tokenRun, bool) {
	// Only a verb opening the frame, or right after the quote.
	if verb > 0 && !strings.ContainsAny(toks[verb].punctBefore, ",\"”") {
		return "", model.Unknown, tokenRun{}, false
	}
	a := verb + 1
	for k := a; k < len(toks) && k <= verb+5; k++ {
		if k > a && !strings.Contains(toks[k].punctBefore, ",") {
			continue
		}
		if b := nameRun(toks, k); b > k && !english.IsStopWord(toks[k].lower) {
			name, sp := refs.canonical(joinWords(toks[k:b]))
			return name, sp, tokenRun{verb, b}, true
		}
		if k == a && toks[k].lower != "the" {
			return "", model.Unknown, tokenRun{}, false
		}
	}
	return "", model.Unknown, tokenRun{}, false
}

// genericRoles may stand for whoever was named last.
var genericRoles = set(words(`official source sources spokesman spokeswoman spokesperson aide adviser advisor`))

// holderHasRole reports whether a holder is a role: a title in the name
// ("Investigator Lena Sauer") or the head of a known role ("presidential
// aide"). Words elsewhere in a role do not count: the chief of staff to
// the minister is no minister, the commission's chairwoman no commission.
func holderHasRole(idx *corpusIndex, holder string, speaker int, role string) bool {
	if containsWord(strings.Fields(strings.ToLower(holder)), role) {
		return true
	}
	if speaker >= 0 && speaker < len(idx.roles) {
		for _, ws := range idx.roles[speaker] {
			if len(ws) > 0 && ws[len(ws)-1] == role {
				return true
			}
		}
	}
	return false
}

func allSkip(toks []token) bool {
	for _, t := range toks {
		if !skipBeforeSet[t.lower] {
			return false
		}
	}
	return true
}

// canonical maps a name to a corpus speaker when one matches it whole or
// by its last word alone, so "Lantsov" in prose and "Yury Lantsov" in
// quotes are one holder.
func (x *corpusIndex) canonical(name string) (string, int) {
	c := x.c
	if id := c.FindSpeaker(name); id != model.Unknown {
		return c.Speakers[id].Name, id
	}
	if id, ok := x.surnames[strings.ToLower(lastWord(name))]; ok && id != model.Unknown {
		return c.Speakers[id].Name, id
	}
	return name, model.Unknown // no one, or two people share it: as written
}

// surnames maps the lower-case last word of each speaker's name to the
// speaker, or to Unknown when two speakers share it.
func surnames(c *model.Corpus) map[string]int {
	m := map[string]int{}
	for i := range c.Speakers {
		k := strings.ToLower(lastWord(c.Speakers[i].Name))
		if _, seen := m[k]; seen {
			m[k] = model.Unknown
		} else {
			m[k] = i
		}
	}
	return m
}

func lastWord(name string) string {
	name = strings.TrimRightFunc(name, unicode.IsSpace)
	i := strings.LastIndexFunc(name, unicode.IsSpace)
	if i < 0 {
		return name
	}
	_, size := utf8.DecodeRuneInString(name[i:])
	return name[i+size:]
}

// unifyHolders gives holders that are not speakers one spelling across
// documents: "Holm" becomes "Greta Holm" when that is the only
// fuller name ending in it.
func unifyHolders(cands []candidate) {
	unify(len(cands), func(i int) (string, model.ClaimKind) { return cands[i].claim.Holder, cands[i].claim.Kind },
		func(i int, full string) { cands[i].claim.Holder = full })
}

// unify reads the holder and kind of n statements in corpus order and
// calls respell for each whose holder has one fuller spelling.
func unify(n int, holder func(int) (string, model.ClaimKind), respell func(int, string)) {
	fullest := map[string]string{}
	ambiguous := map[string]bool{}
	// Statements come in runs by one holder: the key of the last holder
	// is kept rather than cut and lower-cased again.
	lastHolder, lastKey := "", ""
	keyOf := func(h string) string {
		if h != lastHolder {
			lastHolder, lastKey = h, strings.ToLower(lastWord(h))
		}
		return lastKey
	}
	for i := range n {
		h, kind := holder(i)
		if kind == model.FromAuthor || h == Unattributed || !isCapitalized(h) {
			continue
		}
		key := keyOf(h)
		prev, ok := fullest[key]
		switch {
		case !ok:
			fullest[key] = h
		case strings.HasSuffix(h, " "+prev) || len(prev) < len(h) && strings.HasSuffix(strings.ToLower(h), strings.ToLower(prev)):
			fullest[key] = h
		case strings.HasSuffix(prev, " "+h) || strings.EqualFold(prev, h):
		default:
			ambiguous[key] = true
		}
	}
	for i := range n {
		h, kind := holder(i)
		if kind == model.FromAuthor || h == Unattributed {
			continue
		}
		key := keyOf(h)
		if full, ok := fullest[key]; ok && !ambiguous[key] {
			respell(i, full)
		}
	}
}

// pointsBack reports whether a statement refers to the one before it with
// "the allegations", "such claims" and the like.
func pointsBack(toks []token) bool {
	for i := 1; i < len(toks); i++ {
		if anaphors[toks[i].lower] && determiners[toks[i-1].lower] {
			return true
		}
	}
	return false
}

// datelineEnd returns where a clause starts after a wire dateline such as
// "VARNO, April 15 (Northwire) -", or 0 when it has none: the outlet in
// brackets is where the story was filed, not who speaks.
func datelineEnd(toks []token) int {
	if len(toks) == 0 || !toks[0].info.upper {
		return 0
	}
	for i := 1; i < len(toks) && i <= 8; i++ {
		p := toks[i].punctBefore
		if strings.Contains(p, ")") && strings.ContainsAny(p, "-—–") && i+1 < len(toks) {
			return i
		}
	}
	return 0
}

// timeWords may stand between a subject and its verb: "the minister on
// Wednesday called".
var timeWords = set(words(`on monday tuesday wednesday thursday friday saturday sunday yesterday today tonight
	earlier later last this morning evening night week weekend`))

// partitives pick some of a group: "one of the officials".
var partitives = set(words(`one two three four some several many most none each either neither`))

// subjectPrepositions may open a phrase that belongs to a subject.
var subjectPrepositions = set(words(`at from of in with for`))

// subjectPhrase finds a described subject opening a clause and the
// reporting verb it governs: "the harbour workers' union said", "Vardenia's
// energy minister on Wednesday called", "A senior official, who spoke on
// condition of anonymity, confirmed". It returns the phrase toks[a:b].
func subjectPhrase(toks []token, start int, verbs []int) (int, int, int, bool) {
	a := start
	i := a
	if i < len(toks) && (determiners[toks[i].lower] || toks[i].lower == "a" || toks[i].lower == "an" || toks[i].lower == "its" || toks[i].lower == "their") {
		i++
	} else if i < len(toks) && toks[i].possessive {
		i++ // "Vardenia's energy minister"
	}
	b := i
	for b < len(toks) && b < i+5 && (b == i || toks[b].punctBefore == "" || toks[b].punctBefore == "'" || toks[b].punctBefore == "’") {
		t := toks[b]
		// A capital counts only where it opens the sentence: "Scholars at
		// the archive believe".
		if t.capital || isStop(t.lower) || reportingSet[t.lower] || negatingVerbSet[t.lower] || timeWords[t.lower] || strings.HasSuffix(t.lower, "ly") {
			break
		}
		b++
	}
	if b == i || b >= len(toks) {
		return 0, 0, 0, false
	}
	// Where the subject is from: "scholars at the Harrow archive in
	// Tarn", "observers from the trust".
	for pp := 0; pp < 2 && b+1 < len(toks) && subjectPrepositions[toks[b].lower] && toks[b].punctBefore == ""; pp++ {
		k := b + 1
		for k < len(toks) && k < b+6 && toks[k].punctBefore == "" && !reportingSet[toks[k].lower] && !subjectPrepositions[toks[k].lower] &&
			(determiners[toks[k].lower] || !isStop(toks[k].lower)) {
			k++
		}
		if k == b+1 {
			break
		}
		b = k
	}
	if b >= len(toks) {
		return 0, 0, 0, false
	}
	for _, verb := range verbs {
		if verb < b {
			continue
		}
		between := toks[b:verb]
		plain := toks[verb].punctBefore == ""
		for _, t := range between {
			if t.punctBefore != "" || !(timeWords[t.lower] || skipBeforeSet[t.lower]) || passiveMarkers[t.lower] {
				plain = false // "the envoy was accused": spoken of, not speaking
			}
		}
		aside := strings.Contains(toks[b].punctBefore, ",") && strings.Contains(toks[verb].punctBefore, ",")
		if plain || aside {
			return a, b, verb, true
		}
		break
	}
	return 0, 0, 0, false
}

// describedHolder names the holder a described subject toks[a:b] stands
// for: "the official" is the person just named; a role a speaker of the
// corpus has, mentioned in this document, is that speaker ("the energy
// minister"); otherwise the description as written. An indefinite
// description ("a senior official") is someone new.
func describedHolder(refs *referents, toks []token, a, b int) (string, int) {
	c := refs.c
	head := toks[b-1].lower
	if last, sp := refs.last(); last != "" && toks[a].lower == "the" {
		if b == a+2 && (genericRoles[head] || holderHasRole(refs.corpusIndex, last, sp, head)) {
			return last, sp
		}
		if sp != model.Unknown && b > a+1 && hasRole(refs.roles[sp], toks[a+1:b]) {
			return last, sp // "the presidential aide" after Lantsov
		}
	}
	if toks[a].lower != "a" && toks[a].lower != "an" {
		from := a
		if determiners[toks[from].lower] || toks[from].possessive || toks[from].lower == "its" || toks[from].lower == "their" {
			from++
		}
		if sp := roleSpeaker(refs, toks[from:b]); sp != model.Unknown {
			return c.Speakers[sp].Name, sp
		}
	}
	text := refs.doc.Text
	last := toks[b-1]
	name := text[toks[a].start:last.start] + last.word
	if first := toks[a]; determiners[first.lower] || first.lower == "a" || first.lower == "an" {
		// "The harbour union said" is held by "the harbour union"; other
		// words keep their capitals, which in a headline may be a name's.
		name = first.lower + name[len(first.word):]
	}
	return name, model.Unknown
}

// roleSpeaker returns the one speaker of the corpus named in doc whose
// roles include the role phrase ("energy minister": a role whose head is
// "minister" and which has "energy"), or Unknown when none or several do.
func roleSpeaker(refs *referents, phrase []token) int {
	c := refs.c
	if len(phrase) == 0 {
		return model.Unknown
	}
	match := model.Unknown
	for id := range c.Speakers {
		if !hasRole(refs.roles[id], phrase) || !refs.names(id) {
			continue
		}
		if match != model.Unknown {
			return model.Unknown
		}
		match = id
	}
	return match
}

// hasRole reports whether one of a speaker's roles, given as their
// roleWords, is the role phrase: the same head, and every other word of
// the phrase in it.
func hasRole(roles [][]string, phrase []token) bool {
	head := phrase[len(phrase)-1].lower
	for _, ws := range roles {
		if len(ws) == 0 || ws[len(ws)-1] != head {
			continue
		}
		all := true
		for _, t := range phrase[:len(phrase)-1] {
			if !containsWord(ws, t.lower) {
				all = false
			}
		}
		if all {
			return true
		}
	}
	return false
}

// roleWords returns the lower-case words of a role up to its head: "chief
// of staff to the minister" gives [chief], "energy minister's chief of
// staff" gives [chief], "Energy Minister" gives [energy minister].
func roleWords(role string) []string {
	r := strings.ToLower(role)
	for _, sep := range []string{" of ", " to ", " at ", " for ", " in ", ","} {
		if i := strings.Index(r, sep); i >= 0 {
			r = r[:i]
		}
	}
	ws := strings.Fields(r)
	for i := len(ws) - 1; i >= 0; i-- {
		if strings.HasSuffix(ws[i], "'s") || strings.HasSuffix(ws[i], "’s") {
			return ws[i+1:]
		}
	}
	return ws
}

func containsWord(ws []string, w string) bool {
	for _, x := range ws {
		if x == w {
			return true
		}
	}
	return false
}

// contraction reports whether a word is a pronoun or verb contracted
// ("We’re", "I’ll"), which names no one.
func contraction(lower string) bool {
	for _, suf := range []string{"re", "m", "ll", "ve", "d", "t"} {
		if strings.HasSuffix(lower, "'"+suf) || strings.HasSuffix(lower, "’"+suf) {
			return true
		}
	}
	return false
}
