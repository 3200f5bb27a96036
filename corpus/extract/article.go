package extract

import (
	"bytes"
	"math/bits"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/backchannel-news/backchannel/corpus/speakers"
	"github.com/backchannel-news/backchannel/model"
)

// entity is one person or organisation a document mentions; every mention
// of the same person links to one entity.
type entity struct {
	name   string   // the fullest spelling seen
	words  []string // folded words of name
	roles  []string
	heads  []string // roleHeadOf each of roles, worked out once
	g      gender
	org    bool
	place  bool
	person bool
	seen   int // recency: token counter of the last mention
}

// sentence is a run of tokens of one paragraph.
type sentence struct {
	lo, hi int
	ments  []mention
	// The words verbCue looks for, noted as the sentence is cut: the
	// token of its last lower-case speech verb and of its first
	// "according", -1 when it has none. verbCue is asked about every
	// sentence and need not scan one without them, nor the words after
	// the last verb or before the first "according".
	lastVerb, firstAccording int32
}

// attribution is who a quotation is given to and how surely.
type attribution struct {
	ent   int  // entity, -1 when none
	bare  bool // named by a single word, such as a surname
	conf  model.Confidence
	cue   string
	tight bool // the cue governs the quotation directly (keeps short ones)
	drop  bool // not a quotation: the author's paraphrase or a hypothetical
	anon  bool // the text names no one on purpose ("a source said")
}

var none = attribution{ent: -1}

type article struct {
	text string
	// lowText and lowOver hold the lower-case words of the article's
	// tokens (see low).
	lowText  string
	lowOver  []string
	ents     []entity
	midCaps  map[string]bool
	anonSeen map[string]int // role noun -> clock of its last unnamed holder
	clock    int
	history  [][]int // person entities of recent sentences, subject first
	out      []Found
	foundEnt []int
	bare     []bool // the cue named the speaker by one word only
	sc       *scratch
}

// scratch holds the working arrays of one article's extraction: tokens,
// quotation spans, sentences, mentions and the pronoun history's entity
// lists. Each paragraph or sentence takes a window of them (see window),
// and they are recycled across articles, since their contents are the
// bulk of what extraction would otherwise allocate and none of it
// outlives the call.
type scratch struct {
	toks   []token
	spans  []span
	sents  []sentence
	ments  []mention
	ids    []int
	lows   []string // role references' modifiers (see lows)
	quotes []int32  // quotation tokens (see paraInfo)
	marks  []int32  // the tokens sentences looks at (see tokenizer)
	infos  []paraInfo
	ents   []entity
	// The pronoun history: at most eight sentences, so one small array
	// serves every article.
	history [][]int
	// The document's paragraphs, for Article.
	paras []paragraph
	// The article's maps, emptied between articles: clearing keeps
	// their tables for the next.
	midCaps  map[string]bool
	anonSeen map[string]int
	// The tokenizer's lowered copy of the text and its longer words (see
	// tokenizer), kept for the next article.
	lowered []byte
	over    []string
	// The per-quotation lists beside the output, and the extractor state
	// itself.
	foundEnt []int
	bare     []bool
	art      article
}

var articleScratchPool = sync.Pool{New: func() any {
	return &scratch{midCaps: map[string]bool{}, anonSeen: map[string]int{}}
}}

// release empties s, dropping the strings and slices it points to so the
// pool holds no document's data, and returns it to the pool.
func (s *scratch) release() {
	// Tokens hold no pointer (see token): no need to clear them.
	clear(s.over)
	s.over = s.over[:0]
	clear(s.sents)
	clear(s.ments)
	clear(s.lows)
	s.lows = s.lows[:0]
	clear(s.infos)
	// An entity's roles slice is the Roles of its quotations: clearing
	// the entity drops it, so the next article starts a slice of its own.
	clear(s.ents)
	s.toks, s.spans, s.sents, s.ments, s.ids, s.quotes, s.marks = s.toks[:0], s.spans[:0], s.sents[:0], s.ments[:0], s.ids[:0], s.quotes[:0], s.marks[:0]
	clear(s.history)
	s.infos, s.ents, s.history, s.paras = s.infos[:0], s.ents[:0], s.history[:0], s.paras[:0]
	clear(s.midCaps)
	clear(s.anonSeen)
	s.art = article{} // it points to the text and to the quotations returned
	articleScratchPool.Put(s)
}

// window returns buf[from:] with no spare capacity, so appending to the
// window copies it rather than overwriting what buf holds next. A buffer
// that grows later leaves earlier windows on its old array, still valid.
func window[T any](buf []T, from int) []T {
	return buf[from:len(buf):len(buf)]
}

type paraInfo struct {
	p     paragraph
	toks  []token
	spans []span
	sents []sentence
	// quotes holds the index in toks of each span's quotation token, in
	// order: the tokens a sentence's quotations are looked for among.
	quotes []int32
	// marks holds the index in toks of each token sentences looks at,
	// in order: the quotations and those the tokenizer notes.
	marks []int32
}

// Article extracts the quotations in prose text[from:]. A run of three or
// more speaker-labelled lines inside it (an excerpt of a call) is read as
// transcript turns.
func Article(text string, from int) []Found {
	sc := articleScratchPool.Get().(*scratch)
	defer sc.release()
	paras := paragraphsInto(sc.paras, text, from)
	sc.paras = paras[:0] // a grown array for the next article
	if qa, intro, ok := boldInterview(text, paras); ok {
		return mergeFound(qa, articleParas(text, intro))
	}
	var turns []Found
	// The prose paragraphs around dialogue runs, gathered from the first
	// run on: most articles have none and read paras as they are.
	var kept []paragraph
	dialogue := false
	people := map[string]bool{}
	for k := 0; k < len(paras); {
		n, ok := dialogueRun(text, paras[k:], people)
		if !ok {
			// Skip the whole run looked at: every line of it is prose.
			n = max(n, 1)
			if dialogue {
				kept = append(kept, paras[k:k+n]...)
			}
			k += n
			continue
		}
		if !dialogue {
			dialogue = true
			kept = append(kept, paras[:k]...)
		}
		t, _ := labelled(text, paras[k].start, paras[k+n-1].end)
		turns = append(turns, t...)
		Recycle(t)
		k += n
	}
	if len(turns) == 0 {
		return articleParas(text, paras)
	}
	expandNames(text, turns, kept)
	return mergeFound(turns, articleParas(text, kept))
}

// dialogueRun returns how many paragraphs from paras[0] are consecutive
// speaker-labelled lines, and whether they make a dialogue: at least three
// by at least two speakers who read as people. people caches personLabel
// across runs.
func dialogueRun(text string, paras []paragraph, people map[string]bool) (int, bool) {
	if !mayOpenTurn(text, paras[0]) {
		return 0, false // nearly every paragraph: no need for the map below
	}
	n := 0
	names := map[string]bool{}
	stamped := true // every line opens with a timestamp
	for _, p := range paras {
		if !mayOpenTurn(text, p) {
			break
		}
		l, ok := parseLabel(text, p.start, p.end)
		if !ok || l.textStart >= p.end {
			break
		}
		if r := firstRune(text[l.textStart:p.end]); r == '"' || r == '“' || r == '«' {
			break // `X: "..."` is a quotation in prose
		}
		names[l.raw] = true
		stamped = stamped && skipTimestamp(text, p.start, p.end) > p.start
		n++
	}
	// Two lines make an excerpt when both carry a timestamp, "[05:40]
	// Kerr: ...": no list of prices or measures is stamped so.
	if n < 3 && !(n == 2 && stamped) || len(names) < 2 {
		return n, false
	}
	persons := 0
	for name := range names {
		is, known := people[name]
		if !known {
			is = personLabel(text, name)
			people[name] = is
		}
		if is {
			persons++
		}
	}
	if persons < 2 {
		return n, false // "Price: $399", "Weight: 2 kg" is a list, not a dialogue
	}
	return n, true
}

// mayOpenTurn rules out, far faster than parseLabel, the paragraphs that
// cannot open a turn of a dialogue run: one spanning several lines, or
// one whose line (after any timestamp and opening bold) has no colon
// within the 61 bytes parseLabel looks for one in, unless it starts with
// a White House "Q" or "A" label. A label with no colon is otherwise one on a
// line of its own, which has no turn text on the line and so ends a run
// anyway. Nor can one open a turn whose would-be name does not begin
// with a capital or a digit (labelName), as a quotation opening a
// paragraph does ("Let me be clear: ..."), unless it is the "the" of an
// office whose holder is the name ("the Minister for Transport (Mr
// Callum Briggs):", see nameLabel). Nor can a label whose text opens
// with a quotation mark, which dialogueRun takes for prose. Nearly every
// paragraph of prose is ruled out here.
func mayOpenTurn(text string, p paragraph) bool {
	line := text[skipTimestamp(text, p.start, p.end):p.end]
	// A "Q" or "A" label is the letter then a space, a colon or a dot
	// (see parseLabel); followed by a letter or digit it is the first
	// letter of a word ("According to", "After"), which opens a turn only
	// as any other word would.
	if qa := len(line) >= 2 && (line[0] == 'Q' || line[0] == 'A') && !(line[1] < utf8.RuneSelf && asciiWord[line[1]]); !qa {
		bold := strings.HasPrefix(line, "**") || strings.HasPrefix(line, "__")
		if bold {
			line = line[2:]
		}
		colon := strings.IndexByte(line[:min(len(line), 61)], ':')
		if colon < 0 {
			return false
		}
		if r := firstRune(strings.TrimLeftFunc(line, unicode.IsSpace)); !unicode.IsUpper(r) && !unicode.IsDigit(r) && r != 't' {
			return false
		}
		// `X told the Courier: "..."` is a quotation in prose, which
		// dialogueRun stops at: with no bracket before it, this colon is
		// the label's (labelColon), and its text opens with the mark.
		if !bold && !hasBracket(line[:colon]) {
			if r := firstRune(strings.TrimLeftFunc(line[colon+1:], unicode.IsSpace)); r == '"' || r == '“' || r == '«' {
				return false
			}
		}
	}
	// Last, as it reads the whole paragraph.
	return strings.IndexByte(text[p.start:p.end], '\n') < 0
}

// personLabel reports whether a label names a person: written in
// capitals, a given name and a surname, a known given name, or a word the
// text also writes after a given name ("Ines Calloway").
func personLabel(text, name string) bool {
	words := strings.Fields(name)
	if !hasLower(name) || len(words) >= 2 {
		return true
	}
	low := strings.ToLower(name)
	if maleNames[low] || femaleNames[low] {
		return true
	}
	for off := 0; ; {
		// A word the text writes before a surname ("Beatrix Holm").
		k := strings.Index(text[off:], name+" ")
		if k < 0 {
			break
		}
		k += off
		off = k + len(name)
		if r, _ := utf8.DecodeLastRuneInString(text[:k]); (k == 0 || !isWordRune(r)) && surnameAfter(text, off) != "" {
			return true
		}
	}
	for off := 0; ; {
		k := strings.Index(text[off:], " "+name)
		if k < 0 {
			return false
		}
		k += off
		off = k + 1
		before := strings.TrimRight(text[:k], " ")
		sp := strings.LastIndexAny(before, " \n\t") + 1
		if w := before[sp:]; w != "" && unicode.IsUpper(firstRune(w)) && !titleWords[strings.ToLower(strings.TrimSuffix(w, "."))] && !notNames[strings.ToLower(w)] {
			return true
		}
	}
}

// surnameAfter returns the capitalised word that follows text[off] after
// one space when it reads as a surname (not a title, a function word or a
// word that opens sentences), "" otherwise: "Marco Delacroix" read at the
// end of "Marco".
func surnameAfter(text string, off int) string {
	if off+1 >= len(text) || text[off] != ' ' {
		return ""
	}
	rest := text[off+1:]
	end := 0
	for end < len(rest) {
		r, size := utf8.DecodeRuneInString(rest[end:])
		if !isWordRune(r) && r != '-' {
			break
		}
		end += size
	}
	w := strings.TrimRight(rest[:end], "-")
	if len(w) < 2 || !unicode.IsUpper(firstRune(w)) || !hasLower(w) {
		return ""
	}
	if v := vocabOfWord(strings.ToLower(w)); v&(vNotNames|vTitleWords|vOrgWords|vSpeechVerbs|vPlaces|vDemonyms) != 0 {
		return ""
	}
	return w
}

// articleParas extracts the quotations of the given paragraphs of prose.
func articleParas(text string, paras []paragraph) []Found {
	sc := articleScratchPool.Get().(*scratch)
	defer sc.release()
	sc.art = article{text: text, sc: sc, midCaps: sc.midCaps, anonSeen: sc.anonSeen, ents: sc.ents, history: sc.history,
		foundEnt: sc.foundEnt[:0], bare: sc.bare[:0]}
	a := &sc.art
	defer func() {
		// Keep grown arrays for the next article.
		sc.ents, sc.history, sc.foundEnt, sc.bare = a.ents, a.history, a.foundEnt[:0], a.bare[:0]
	}()
	sc.infos = slices.Grow(sc.infos, len(paras))[:len(paras)]
	infos := sc.infos
	single := len(paras) > 0 && usesSingleQuotes(text, paras)
	all := sc.toks
	tz := tokenizer{midCaps: a.midCaps, low: sc.lowered, over: sc.over, marks: sc.marks}
	tz.begin(text)
	var marks markFinder // shared by the paragraphs, which come in order
	if len(paras) > 0 {
		marks.end = paras[len(paras)-1].end
	}
	for k, p := range paras {
		in := &infos[k]
		in.p = p
		firstSpan := len(sc.spans)
		if single {
			sc.spans = singleQuoteSpans(text, p.start, p.end, sc.spans)
		} else {
			sc.spans = marks.quoteSpans(text, p.start, p.end, sc.spans)
		}
		in.spans = window(sc.spans, firstSpan)
		first, firstQuote, firstMark := len(all), len(sc.quotes), len(tz.marks)
		tz.paraStart = first
		cur := p.start
		for qi, s := range in.spans {
			all = tz.tokenize(text, cur, s.open, all)
			sc.quotes = append(sc.quotes, int32(len(all)-first))
			tz.marks = append(tz.marks, int32(len(all)-first))
			all = append(all, token{start: s.open, end: s.close, kind: tQuote, punct: int32(qi)})
			cur = s.close
		}
		all = tz.tokenize(text, cur, p.end, all)
		in.toks = window(all, first)
		in.quotes = window(sc.quotes, firstQuote)
		in.marks = window(tz.marks, firstMark)
	}
	sc.toks = all
	sc.lowered, sc.over, sc.marks = tz.low, tz.over, tz.marks
	// Sound: tz.low is written no more until the next article's begin,
	// by when release has dropped every string made from it (tokens
	// hold none, and a quotation's cue is the vocabulary's copy: see
	// keep).
	a.lowText, a.lowOver = unsafe.String(unsafe.SliceData(tz.low), len(tz.low)), tz.over
	// A quotation is emitted at most once per span: size the output once.
	spans := 0
	for k := range infos {
		spans += len(infos[k].spans)
	}
	a.out = foundBuffer(spans)
	a.foundEnt = slices.Grow(a.foundEnt, spans)
	a.bare = slices.Grow(a.bare, spans)
	prevQuote := -1 // index in a.out of the last quotation of the paragraph before
	prevColon := none
	prevSpeech := none
	prevBlock := none // who the block quote going on is given to
	// The quotations of the paragraph before, and whether it held only
	// quotations, for a signature line after it.
	lastFirst, lastEnd, lastQuoteOnly := 0, 0, false
	for k := range infos {
		in := &infos[k]
		in.sents = a.sentences(in.toks, in.marks)
		first := len(a.out)
		if len(in.spans) == 0 && (prevColon.ent >= 0 || prevBlock.ent >= 0) && blockQuoted(text, in.p.start) {
			// `Rao replied:` then an email set off as a Markdown block
			// quote, with no quotation marks: the block is what she wrote.
			// Its words are hers, so none of its names is anyone's
			// antecedent.
			at := prevColon
			if at.ent < 0 {
				at = prevBlock
			}
			at.tight = true
			a.emit(span{tStart: in.p.start, tEnd: in.p.end}, at)
			prevBlock, prevColon, prevSpeech, prevQuote = at, none, none, len(a.out)-1
			continue
		}
		prevBlock = none
		quoteOnly := true
		for x := range in.toks {
			if in.toks[x].kind == tWord {
				quoteOnly = false
				break
			}
		}
		// A Title Case headline capitalises every word: its runs are not
		// names.
		isHeadline := headline(in.toks)
		lastSpeech := none
		nextQuote := 0 // in in.quotes: sentences cut the tokens in order
		for si := range in.sents {
			s := &in.sents[si]
			firstMent := len(sc.ments)
			sc.ments = a.parseMentions(in.toks, s.lo, s.hi, sc.ments)
			s.ments = window(sc.ments, firstMent)
			if isHeadline {
				s.ments = s.ments[:0]
			}
			a.link(in, si)
			for ; nextQuote < len(in.quotes) && int(in.quotes[nextQuote]) < s.hi; nextQuote++ {
				x := int(in.quotes[nextQuote])
				sp := in.spans[in.toks[x].span()]
				at := a.attribute(in, si, x)
				if at.ent < 0 && !at.drop && !at.anon && quoteOnly {
					switch {
					case prevColon.ent >= 0 && len(a.out) == first:
						at = prevColon
						at.tight = true
					case prevQuote >= 0 && a.foundEnt[prevQuote] >= 0:
						at = attribution{ent: a.foundEnt[prevQuote], conf: model.Low, cue: "continuation", tight: true}
					case prevSpeech.ent >= 0:
						at = prevSpeech
						at.conf, at.cue, at.tight = model.Low, "continuation", true
					}
				}
				if at.drop {
					continue
				}
				if k == 0 && at.ent < 0 && !moreWords(text[sp.tStart:sp.tEnd], 3) {
					// 'Mayor denies calling inspectors "amateurs"': a
					// headline's few words, whoever its cue leaves
					// unnamed, label the story; the body quotes them.
					continue
				}
				if sp.single && (at.ent < 0 && !at.anon || at.cue == "" || at.cue == "continuation") {
					continue // single marks quote only with a cue of their own
				}
				if at.ent < 0 && !at.anon && (a.titled(in.toks, x) || headlineQuote(text, in.p, quoteOnly)) {
					continue // a title, however long
				}
				short := !moreWords(text[sp.tStart:sp.tEnd], 3)
				if at.ent < 0 && !at.anon && short && !colonLed(in.toks, s.lo, s.hi, x, text[sp.tStart:sp.tEnd]) && !a.describedAs(in.toks, s.lo, x, text[sp.tStart:sp.tEnd]) {
					continue // a scare quote or a title
				}
				if at.ent >= 0 && !at.tight && short {
					continue
				}
				if short && a.labelPhrase(in.toks, x) {
					continue
				}
				a.emit(sp, at)
			}
			v := a.lastSpeechCue(in, si)
			if v.ent >= 0 {
				lastSpeech = v
			}
			a.pushHistory(in.toks, s.ments, v.ent)
		}
		signed := false
		if e := a.signatureOf(in); e >= 0 && lastQuoteOnly {
			// "...quotation." then "— Hesper Quayle, general secretary":
			// a roundup signs each quotation on the line after it. The
			// signature outranks carrying on from the speaker before.
			for i := lastFirst; i < lastEnd; i++ {
				if a.out[i].Cue == "" || a.out[i].Cue == "continuation" {
					a.foundEnt[i], a.bare[i] = e, false
					a.out[i].Cue, a.out[i].Confidence = a.keep("dash"), model.Medium
					signed = true
				}
			}
		}
		lastFirst, lastEnd, lastQuoteOnly = first, len(a.out), quoteOnly && len(in.spans) > 0
		// Carry context to the next paragraph.
		prevColon = none
		if n := len(in.toks); n > 0 && in.toks[n-1].is(':') && len(in.sents) > 0 {
			prevColon = a.colonIntro(in, len(in.sents)-1, n-1)
			if prevColon.ent >= 0 {
				prevColon.cue = "colon"
			}
		}
		if len(a.out) > first {
			prevQuote = len(a.out) - 1
		} else if !quoteOnly {
			prevQuote = -1
		}
		prevSpeech = lastSpeech
		if len(in.sents) > 0 && quoteOnly || signed {
			prevSpeech = none
		}
		if signed {
			prevQuote = -1 // the next quotation has a signature of its own
		}
		if prevSpeech.ent < 0 && len(in.spans) == 0 && len(in.sents) > 0 {
			// A paragraph about someone, with no quotation of its own,
			// introduces the quotation-only paragraph that follows: the
			// person its last sentence naming anyone is about.
		sents:
			for si := len(in.sents) - 1; si >= 0; si-- {
				for _, m := range in.sents[si].ments {
					if m.ent >= 0 && !m.poss && !m.mod && !m.appos && m.kind != mAnon && a.ents[m.ent].person {
						prevSpeech = attribution{ent: m.ent, conf: model.Low, cue: "continuation", tight: true}
						break sents
					}
				}
			}
		}
		a.chain(infos, k, first)
	}
	a.repeated()
	for i := range a.out {
		if e := a.foundEnt[i]; e >= 0 {
			ent := &a.ents[e]
			a.out[i].Speaker = ent.name
			a.out[i].Roles = ent.roles
			if len(ent.roles) > 0 {
				a.out[i].Role = ent.roles[0]
			}
			a.out[i].Org = ent.org || ent.place
			if a.bare[i] && len(ent.words) > 1 && a.out[i].Confidence == model.High {
				a.out[i].Confidence = model.Medium // a surname standing for a fuller name
			}
		}
	}
	return a.out
}

// quoteSentence reports whether sentence s is a quotation and nothing
// else but its closing punctuation.
func quoteSentence(s *sentence, toks []token) bool {
	q := 0
	for y := s.lo; y < s.hi; y++ {
		switch {
		case toks[y].kind == tQuote:
			q++
		case toks[y].kind == tWord:
			return false
		}
	}
	return q == 1
}

// soleSubject returns the one person sentence si of in is about, or -1:
// the person its subject names, when it has no quotation, no colon
// leading on, and names or refers to no other person.
func (a *article) soleSubject(in *paraInfo, si int) int {
	s := &in.sents[si]
	if s.hi <= s.lo || in.toks[s.hi-1].is(':') {
		return -1
	}
	for y := s.lo; y < s.hi; y++ {
		if in.toks[y].kind == tQuote {
			return -1
		}
	}
	found := -1
	for i := range s.ments {
		m := &s.ments[i]
		if m.kind == mAnon {
			return -1
		}
		// "the envoy's paper" names the paper: a role, like a name,
		// is possessive when its last word is.
		if m.ent < 0 || m.poss || in.toks[m.j-1].poss || m.mod || !a.ents[m.ent].person {
			continue
		}
		if found >= 0 && m.ent != found || found < 0 && (m.obj || m.appos) {
			return -1 // two people, or the first is no subject
		}
		found = m.ent
	}
	return found
}

// signatureOf returns the person a paragraph signs for, or -1: a line
// that is a dash and a name, perhaps with a role before it and a title
// after a comma, and no quotation ("— Opposition leader Marisol
// Etxeberria", "— Dominik Varga, chair, Chamber of Small Industry").
func (a *article) signatureOf(in *paraInfo) int {
	if len(in.spans) > 0 || len(in.toks) < 2 || !in.toks[0].isDash() || len(in.sents) == 0 {
		return -1
	}
	s := &in.sents[0]
	for i := range s.ments {
		m := &s.ments[i]
		if m.mod {
			continue // "Opposition" in "Opposition leader Marisol ..."
		}
		if m.kind != mName || m.poss || m.ent < 0 || m.i > s.lo+3 || a.ents[m.ent].org || a.ents[m.ent].place {
			return -1
		}
		if m.j < len(in.toks) && !in.toks[m.j].is(',') && !in.toks[m.j].terminal() {
			return -1 // "— Varga went on to say": prose, not a signature
		}
		return m.ent
	}
	return -1
}

// repeated gives an unattributed quotation the speaker of an attributed
// one that holds it as whole words: a headline or pull quote repeating
// words the body attributes.
func (a *article) repeated() {
	for i := range a.out {
		if a.foundEnt[i] >= 0 || a.out[i].Cue != "" || !moreWords(a.out[i].Text, 2) {
			continue
		}
		needle := strings.TrimRight(a.out[i].Text, ".,!?…")
		for j := range a.out {
			if j != i && a.foundEnt[j] >= 0 && containsPhrase(a.out[j].Text, needle) {
				a.foundEnt[i] = a.foundEnt[j]
				a.out[i].Cue, a.out[i].Confidence = "repeated", model.Medium
				break
			}
		}
	}
}

// containsPhrase reports whether s holds needle with no letter or digit
// joined to either end of it.
func containsPhrase(s, needle string) bool {
	if needle == "" {
		return false
	}
	for off := 0; ; {
		k := strings.Index(s[off:], needle)
		if k < 0 {
			return false
		}
		k += off
		off = k + 1
		before, _ := utf8.DecodeLastRuneInString(s[:k])
		after, _ := utf8.DecodeRuneInString(s[k+len(needle):])
		if (k == 0 || !isWordRune(before)) && (k+len(needle) == len(s) || !isWordRune(after)) {
			return true
		}
	}
}

// chain gives the quotations of a quotation running over several
// paragraphs the speaker named anywhere in it: the cue often comes only
// after the first paragraph.
func (a *article) chain(infos []paraInfo, k, first int) {
	// Walk back over paragraphs that end inside an open quotation and are
	// continued by this one.
	if k == 0 || first == len(a.out) {
		return
	}
	in := &infos[k]
	if !startsWithOpener(a.text, in.p) {
		return
	}
	lead := first // this paragraph's first quotation
	if a.foundEnt[lead] < 0 || a.out[lead].Cue == "continuation" {
		return
	}
	for j := k - 1; j >= 0; j-- {
		prev := &infos[j]
		if len(prev.spans) == 0 || prev.spans[len(prev.spans)-1].closed {
			return
		}
		// Find the output quotation of prev's open span.
		sp := prev.spans[len(prev.spans)-1]
		for i := lead - 1; i >= 0; i-- {
			if a.out[i].Start == sp.tStart {
				if a.foundEnt[i] < 0 || a.out[i].Cue == "continuation" {
					a.foundEnt[i] = a.foundEnt[lead]
					a.out[i].Cue = a.out[lead].Cue
					a.out[i].Confidence = a.out[lead].Confidence
				}
				break
			}
		}
		if !startsWithOpener(a.text, prev.p) {
			return
		}
	}
}

// low returns the lower-case word of t, a token of the article.
func (a *article) low(t *token) string {
	if t.lowLen < 0 {
		return a.lowOver[-1-t.lowLen]
	}
	return a.lowText[t.start : t.start+int(t.lowLen)]
}

// undotted returns the vocabulary sets holding the word of t less a
// final dot ("Gen." is gen): titles are often abbreviated.
func (a *article) undotted(t *token) vocab {
	if w, ok := strings.CutSuffix(a.low(t), "."); ok {
		return vocabOfWord(w)
	}
	return t.vocab
}

// keep returns cue as a string the caller may keep: a speech verb read
// from a token is a view of the article's lowered text, which the next
// article overwrites, so it is swapped for the vocabulary's copy.
func (a *article) keep(cue string) string {
	if cue == "" || !within(cue, a.lowText) {
		return cue
	}
	if w, v := vocabEntry([]byte(cue)); v != 0 {
		return w
	}
	return strings.Clone(cue)
}

// within reports whether s is a part of outer, by address.
func within(s, outer string) bool {
	p, o := uintptr(unsafe.Pointer(unsafe.StringData(s))), uintptr(unsafe.Pointer(unsafe.StringData(outer)))
	return o <= p && p < o+uintptr(len(outer))
}

func (a *article) emit(sp span, at attribution) {
	f := Found{Text: a.text[sp.tStart:sp.tEnd], Start: sp.tStart, End: sp.tEnd, Cue: a.keep(at.cue), Confidence: at.conf}
	if at.ent < 0 {
		f.Cue, f.Confidence = "", model.None
		if at.anon {
			f.Cue = a.keep(at.cue)
		}
	}
	a.out = append(a.out, f)
	a.foundEnt = append(a.foundEnt, at.ent)
	a.bare = append(a.bare, at.bare)
	if at.ent >= 0 {
		a.clock++
		a.ents[at.ent].seen = a.clock
	}
}

// blockQuoted reports whether the line holding text[start] opens with a
// Markdown block-quote marker before start (see trimLine).
func blockQuoted(text string, start int) bool {
	marker := false
	for i := start - 1; i >= 0; i-- {
		switch text[i] {
		case '>':
			marker = true
		case ' ', '\t':
		case '\n':
			return marker
		default:
			return false
		}
	}
	return marker
}

// headline reports whether a paragraph is a Title Case heading: most of
// its words capitalised and no full stop at its end.
func headline(toks []token) bool {
	if len(toks) == 0 || toks[len(toks)-1].terminal() || toks[0].isDash() {
		// Most paragraphs: no need to count their words. A line opening
		// with a dash signs a quotation ("— Dominik Varga, Chamber of
		// Small Industry"): its capitals are names, not a heading's.
		return false
	}
	words, caps := 0, 0
	for i := range toks {
		t := &toks[i]
		if t.kind == tQuote || t.is(':') {
			return false // "X said:" and quotations are not headings
		}
		if t.kind != tWord {
			continue
		}
		words++
		if t.cap {
			caps++
		}
	}
	return words >= 5 && caps*10 >= words*7
}

// endsWith reports whether s ends with sep+p, without building sep+p.
func endsWith(s, sep, p string) bool {
	return strings.HasSuffix(s, p) && strings.HasSuffix(s[:len(s)-len(p)], sep)
}

// moreWords reports whether s has more than n words, reading no further
// than needed: quotations are long and only short ones matter.
func moreWords(s string, n int) bool { return countWords(s, n+1) > n }

// wordCount counts the space-separated words of s without allocating.
func wordCount(s string) int { return countWords(s, len(s)) }

// countWords counts the space-separated words of s, up to limit.
func countWords(s string, limit int) int {
	n, in := 0, false
	for i := 0; i < len(s) && n < limit; {
		// spaceAt, by hand: this loop runs over every quotation.
		if c := s[i]; c < utf8.RuneSelf {
			i++
			if asciiSpace[c] {
				in = false
				continue
			}
			if !in {
				in = true
				n++
			}
			// The rest of the word's ASCII bytes change nothing counted:
			// skipped eight at a time up to the first that may (see
			// wordRun), then one by one.
			for i+8 <= len(s) {
				k := wordRun(load8(s, i))
				i += k
				if k < 8 {
					break
				}
			}
			for i < len(s) && s[i] < utf8.RuneSelf && !asciiSpace[s[i]] {
				i++
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			in = false
		} else if !in {
			in = true
			n++
		}
		i += size
	}
	return n
}

// oneWord reports whether s is one word, countWords(s, 2) == 1, asked
// of every name a cue resolves to: a name of ASCII letters is read up
// to its first space and the first byte after the spaces, with no call.
// Anything else is counted.
func oneWord(s string) bool {
	i := 0
	for i < len(s) && s[i] < utf8.RuneSelf && !asciiSpace[s[i]] {
		i++
	}
	if i == len(s) {
		return i > 0
	}
	if i == 0 || s[i] >= utf8.RuneSelf {
		return countWords(s, 2) == 1
	}
	// s[:i] is a word and s[i] an ASCII space: one word only if no
	// other follows the spaces.
	for i < len(s) && s[i] < utf8.RuneSelf && asciiSpace[s[i]] {
		i++
	}
	if i == len(s) {
		return true
	}
	if s[i] < utf8.RuneSelf {
		return false // the first byte of a second word
	}
	return countWords(s, 2) == 1
}

// wordRun returns how many of the eight bytes packed in x (the first
// lowest) come before the first that is outside ASCII or at most ' ',
// which takes every ASCII space: bytes within a word of ASCII letters,
// digits and punctuation. Adding 0x80-0x21 sets a byte's high bit just
// when it is 0x21 or more, for a byte without it; a byte with its high
// bit set may carry into the bytes after it, which come after the one
// that stops the run.
func wordRun(x uint64) int {
	stop := (^(x + lowBits*(0x80-0x21)) | x) & highBits
	return bits.TrailingZeros64(stop) >> 3
}

// titled reports whether the quotation at toks[x] follows a title noun
// or a naming word: "Its title, "..."", "a report titled "..."".
func (a *article) titled(toks []token, x int) bool {
	y := x - 1
	if y >= 0 && toks[y].is(',') {
		y--
	}
	if y < 0 || toks[y].kind != tWord {
		return false
	}
	return toks[y].in(vTitleNouns) || y == x-1 && (toks[y].in(vLabelMarkers) || a.low(&toks[y]) == "called")
}

// labelMarkers before a short quotation make it a name for something,
// not words someone said.
var labelMarkers = set(`alleged so-called supposed purported self-styled self-described titled entitled headlined dubbed nicknamed named`)

// titleNouns followed by a comma and a quotation introduce a title:
// "Its title, "Airborne microplastics in Arctic snow", understates".
var titleNouns = set(`title headline slogan motto hashtag caption subtitle tagline`)

var determiners = set(`the a an his her its their this that these those our your my`)

// labelPhrase reports whether the quotation at toks[x] is a noun phrase's
// label ("the 'false dawn' of 2011", "a "standard" approach") rather than
// words someone said; "called it a "farce"" and "described as a "trap""
// still quote.
func (a *article) labelPhrase(toks []token, x int) bool {
	if x > 0 && toks[x-1].kind == tWord && toks[x-1].in(vLabelMarkers) {
		return true // "his alleged "coaching"", "its so-called "green pivot""
	}
	if x == 0 || toks[x-1].kind != tWord || !toks[x-1].in(vDeterminers) {
		return false
	}
	if x >= 2 && toks[x-2].kind == tWord {
		w := a.low(&toks[x-2])
		if w == "as" || w == "it" || strings.HasPrefix(w, "call") || strings.HasPrefix(w, "describ") || w == "was" || w == "is" {
			return false
		}
	}
	return true
}

// sentences splits a paragraph's tokens into sentences. A quotation ending
// in a full stop ends the sentence unless a cue follows it. marks are the
// tokens to look at (see paraInfo): the others neither end a sentence
// nor are noted in one.
func (a *article) sentences(toks []token, marks []int32) []sentence {
	first := len(a.sc.sents)
	out := a.sc.sents
	defer func() { a.sc.sents = out }()
	lo := 0
	lastVerb, firstAccording := int32(-1), int32(-1)
	for _, m := range marks {
		i := int(m)
		t := &toks[i]
		// Punctuation and quotations have no vocabulary.
		if t.vocab&(vSpeechVerbs|vAccording) != 0 {
			if t.in(vSpeechVerbs) && !t.cap {
				lastVerb = int32(i)
			}
			if t.in(vAccording) && firstAccording < 0 {
				firstAccording = int32(i)
			}
		}
		end := false
		switch {
		case t.terminal():
			end = i+1 >= len(toks) || !(toks[i+1].kind == tWord && !toks[i+1].cap) && !toks[i+1].terminal()
		case t.kind == tQuote && i+1 < len(toks) && toks[i+1].kind == tWord && toks[i+1].cap:
			last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(a.text[t.start:t.end], "”\"» "))
			// A full stop closing a quotation that ends a sentence begun
			// before it ends that sentence even if "She said" follows.
			midSentence := i > lo && last == '.'
			end = (last == '.' || last == '!' || last == '?' || last == '…') && (midSentence || !speechAhead(toks, i+1))
		}
		if end {
			out = append(out, sentence{lo: lo, hi: i + 1, lastVerb: lastVerb, firstAccording: firstAccording})
			lo, lastVerb, firstAccording = i+1, -1, -1
		}
	}
	if lo < len(toks) {
		out = append(out, sentence{lo: lo, hi: len(toks), lastVerb: lastVerb, firstAccording: firstAccording})
	}
	return window(out, first)
}

// speechAhead reports whether a speech verb comes within the next few
// words: `"..." Beskov wrote on X.` continues the quotation's sentence.
func speechAhead(toks []token, i int) bool {
	for k := i; k < len(toks) && k < i+6; k++ {
		if toks[k].kind != tWord {
			if toks[k].is(',') {
				continue
			}
			return false
		}
		if toks[k].in(vSpeechVerbs) {
			return true
		}
	}
	return false
}

// kinRef returns who "his father" is: the person "his" stands for is
// found as for a pronoun, and the relative is the most recent other
// person of the relative's gender who shares that person's surname, as
// families in a story mostly do. -1 when there is none: the relative is
// someone the story has not named.
func (a *article) kinRef(m *mention, owns gender) int {
	owner, _ := a.pronounSure(owns)
	if owner < 0 || len(a.ents[owner].words) < 2 {
		return -1
	}
	ow := a.ents[owner].words
	surname := ow[len(ow)-1]
	g := m.g // the relative's, from the kin noun
	best := -1
	for e := range a.ents {
		en := &a.ents[e]
		if e == owner || !en.person || en.org || en.place || len(en.words) < 2 || en.words[len(en.words)-1] != surname {
			continue
		}
		if en.g != unknownGender && en.g != g {
			continue
		}
		if best < 0 || en.seen > a.ents[best].seen {
			best = e
		}
	}
	if best >= 0 && a.ents[best].g == unknownGender {
		a.ents[best].g = g
	}
	return best
}

// introOpener reports whether w opens a clause set before a sentence's
// subject: "When I put that to X, he sighed". A switch, not a set: it is
// asked of every "..., he" and a map lookup costs more.
func introOpener(w string) bool {
	switch w {
	case "when", "after", "as", "while", "although", "though", "once", "before", "since", "until", "asked", "pressed", "told":
		return true
	}
	return false
}

// introAntecedent returns who the pronoun ms[i] is when it is the subject
// right after an opening clause that names one person: "When I put that
// to the council leader, Abdirahman Yusuf, he sighed" is Yusuf, however
// recently another man was named. -1 otherwise.
func (a *article) introAntecedent(in *paraInfo, si, i int) int {
	s := &in.sents[si]
	ms, toks := s.ments, in.toks
	m := &ms[i]
	if m.g == unknownGender || m.i < s.lo+2 || !toks[m.i-1].is(',') || toks[s.lo].kind != tWord || !introOpener(a.low(&toks[s.lo])) {
		return -1
	}
	for c := m.i - 1; c > s.lo; c-- {
		if toks[c].kind == tQuote || toks[c].is(';') {
			return -1
		}
	}
	found := -1
	for k := range ms[:i] {
		p := &ms[k]
		if p.kind == mPronoun {
			return -1 // "When she met X, she said": not this simple case
		}
		if p.kind != mName || p.poss || p.mod || p.ent < 0 || !a.ents[p.ent].person {
			continue
		}
		if g := a.ents[p.ent].g; g != unknownGender && g != m.g {
			continue
		}
		if found >= 0 && found != p.ent {
			return -1 // two people to choose from
		}
		found = p.ent
	}
	return found
}

// link resolves the mentions of sentence si to entities.
func (a *article) link(in *paraInfo, si int) {
	ms := in.sents[si].ments
	for i := range ms {
		m := &ms[i]
		if m.kind == mPronoun {
			if e := a.introAntecedent(in, si, i); e >= 0 {
				m.ent = e
				a.clock++
				a.ents[e].seen = a.clock
				if a.ents[e].g == unknownGender {
					a.ents[e].g = m.g
				}
				continue
			}
			if e := a.reportedSubject(in, si, m); e >= 0 {
				m.ent = e
				a.clock++
				a.ents[e].seen = a.clock
				continue
			}
		}
		switch m.kind {
		case mName:
			m.ent = a.entityFor(m)
		case mAnon:
			// "A senior ministry official": later "the official" is this
			// unnamed person, not someone named earlier.
			if m.head != "" {
				a.clock++
				a.anonSeen[m.head] = a.clock
			}
		case mRoleRef:
			if m.kin {
				if e := a.kinRef(m, possessiveGender(a.low(&in.toks[m.i]))); e >= 0 {
					m.ent = e
					a.clock++
					a.ents[e].seen = a.clock
				} else {
					// A relative the story does not name: a "he" that
					// follows is this unnamed person, not the last man.
					m.kind = mAnon
				}
				continue
			}
			fallthrough
		case mPronoun, mOrgRef:
			sure := false
			if m.kind == mPronoun {
				_, sure = a.pronounSure(m.g)
			}
			if at := a.resolve(m, ""); at.ent >= 0 {
				m.ent = at.ent
				a.clock++
				a.ents[m.ent].seen = a.clock
				if sure && a.ents[m.ent].g == unknownGender {
					// "she said" after Lena Kastner alone: Lena is a she
					// from now on, whatever the name lists know.
					a.ents[m.ent].g = m.g
				}
			}
		}
	}
}

// reportedSubject returns who the pronoun m stands for when it opens the
// clause a speech verb reports: in "Nesse said he had kept notes" he is
// Nesse, whoever else the sentences before name, unless what is known of
// Nesse's gender says otherwise. -1 when m is not in such a clause.
func (a *article) reportedSubject(in *paraInfo, si int, m *mention) int {
	s := &in.sents[si]
	toks := in.toks
	v := m.i - 1
	if v > s.lo && toks[v].kind == tWord && a.low(&toks[v]) == "that" {
		v--
	}
	if om := mentionAt(s, v+1, true); om != nil && om.kind != mPronoun {
		// "Osei told the Ledger she had warned him": past the person
		// told, the clause is still the teller's.
		w := om.i - 1
		if w > s.lo && toks[w].kind == tWord && toks[w].in(vArticles) {
			w--
		}
		if w > s.lo && toks[w].kind == tWord && !toks[w].cap && toks[w].in(vSpeechVerbs) {
			v = w
		}
	}
	if v <= s.lo || toks[v].kind != tWord || toks[v].cap || !toks[v].in(vSpeechVerbs) {
		return -1
	}
	at := a.verbCue(in, si, s.lo, v+1)
	if at.ent < 0 || at.cue != a.low(&toks[v]) {
		return -1 // no subject, or not this verb's ("according to X, ...")
	}
	en := &a.ents[at.ent]
	if en.org || en.place || en.g != unknownGender && en.g != m.g {
		return -1
	}
	return at.ent
}

func (a *article) entityFor(m *mention) int {
	words := foldTokens(m.name)
	if len(words) == 0 {
		return -1
	}
	a.clock++
	best := -1
	if m.org || m.place {
		for e := range a.ents {
			if (a.ents[e].org || a.ents[e].place) && sameJoined(a.ents[e].words, words) {
				best = e
			}
		}
	} else if len(words) >= 2 && len(words[0]) <= 3 && vocabOfWord(words[0])&vConnectors != 0 {
		// "Van der Hoek" after "Pieter van der Hoek": a surname with its
		// particles is the most recent person whose name ends with it.
		for e := range a.ents {
			en := &a.ents[e]
			if !en.org && !en.place && len(en.words) > len(words) && slices.Equal(en.words[len(en.words)-len(words):], words) && (best < 0 || en.seen > a.ents[best].seen) {
				best = e
			}
		}
	} else if len(words) >= 2 {
		last := words[len(words)-1]
		for e := range a.ents {
			en := &a.ents[e]
			if en.org || en.place || len(en.words) == 0 || en.words[len(en.words)-1] != last {
				continue
			}
			if len(en.words) == 1 || speakers.SameGiven(en.words[0], words[0]) {
				if best < 0 || en.seen > a.ents[best].seen {
					best = e
				}
			}
		}
	} else {
		// A bare surname is the most recent person with it whose gender
		// fits: "Ms. Kastner" after "Tomas Kastner" is his sister.
		w := words[0]
		for e := range a.ents {
			en := &a.ents[e]
			if len(en.words) == 0 || en.words[len(en.words)-1] != w {
				continue
			}
			if m.g != unknownGender && en.g != unknownGender && en.g != m.g {
				continue
			}
			if best < 0 || en.seen > a.ents[best].seen {
				best = e
			}
		}
		if best < 0 {
			for e := range a.ents {
				en := &a.ents[e]
				if en.person && len(en.words) >= 2 && en.words[0] == w && (best < 0 || en.seen > a.ents[best].seen) {
					best = e
				}
			}
		}
	}
	if best < 0 {
		a.ents = append(a.ents, entity{name: m.name, words: words, org: m.org, place: m.place})
		best = len(a.ents) - 1
	}
	en := &a.ents[best]
	if len(words) > len(en.words) {
		en.name, en.words = m.name, words
	}
	en.person = en.person || m.person
	if en.g == unknownGender {
		en.g = m.g
	}
	if m.role != "" {
		for rest, more := m.role, true; more; {
			var r string
			r, rest, more = strings.Cut(rest, "; ")
			if !hasFold(en.roles, r) {
				en.roles = append(en.roles, r)
				en.heads = append(en.heads, roleHeadOf(r))
			}
		}
	}
	en.seen = a.clock
	return best
}

// sameJoined reports whether strings.Join(a, " ") == strings.Join(b, " ")
// without joining, as it is asked for every organisation named.
func sameJoined(a, b []string) bool {
	if slices.Equal(a, b) {
		return true
	}
	if plainWords(a) && plainWords(b) {
		return false // words with no space, none empty, join apart
	}
	return strings.Join(a, " ") == strings.Join(b, " ")
}

func plainWords(ws []string) bool {
	for _, w := range ws {
		if w == "" || strings.IndexByte(w, ' ') >= 0 {
			return false
		}
	}
	return true
}

// hasFold reports whether list holds s in any case.
func hasFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// unnamed stands in the pronoun history for a person the text leaves
// unnamed.
const unnamed = -2

// pushHistory records the people of a finished sentence for pronouns:
// the one speaking first (the subject of a speech verb is who "he" goes on
// to be), then subjects and others in order, modifiers last.
func (a *article) pushHistory(toks []token, ms []mention, speaker int) {
	first := len(a.sc.ids)
	ids := a.sc.ids
	if speaker >= 0 && a.ents[speaker].person {
		ids = append(ids, speaker)
	} else if len(ms) > 0 && ms[0].kind == mAnon {
		// An unnamed subject ("A crane operator ... said"): a "he" that
		// follows is most likely that person, who has no name.
		ids = append(ids, unnamed)
	}
	for _, m := range ms {
		if m.kind != mAnon && m.ent >= 0 && m.ent != speaker && !m.poss && !m.mod && !m.appos && !m.obj && a.ents[m.ent].person {
			ids = append(ids, m.ent)
		}
	}
	// People after a preposition ("chief of staff to Mayor X") and
	// modifiers are less likely to be who "he" or "she" is; a possessor
	// whose role noun the next name fills ("Morvan's deputy, Yann Le
	// Goff") is no candidate at all: the sentence is about the deputy.
	for i, m := range ms {
		if i+1 < len(ms) && possessorOfNamed(toks, m, ms[i+1]) {
			continue
		}
		if m.kind == mName && m.ent >= 0 && m.ent != speaker && (m.poss || m.mod || m.appos || m.obj) && a.ents[m.ent].person {
			ids = append(ids, m.ent)
		}
	}
	a.sc.ids = ids
	if len(ids) == first {
		return
	}
	if len(a.history) == 8 {
		// Only the last few sentences matter: shift rather than grow.
		copy(a.history, a.history[1:])
		a.history = a.history[:7]
	}
	a.history = append(a.history, window(ids, first))
}

// resolve turns a mention into an attribution.
func (a *article) resolve(m *mention, cue string) attribution {
	switch m.kind {
	case mName:
		if m.ent < 0 {
			return none
		}
		bare := oneWord(m.name)
		return attribution{ent: m.ent, conf: model.High, bare: bare, cue: cue, tight: true}
	case mPronoun, mRoleRef, mOrgRef:
		if m.ent >= 0 {
			return attribution{ent: m.ent, conf: model.Medium, cue: cue, tight: true}
		}
	}
	switch m.kind {
	case mPronoun:
		if e := a.pronoun(m.g); e >= 0 {
			return attribution{ent: e, conf: model.Medium, cue: cue, tight: true}
		}
	case mRoleRef:
		if e := a.role(m); e >= 0 {
			return attribution{ent: e, conf: model.Medium, cue: cue, tight: true}
		}
	case mOrgRef:
		for e := len(a.ents) - 1; e >= 0; e-- {
			if a.ents[e].org && containsFold(a.ents[e].name, m.head) {
				return attribution{ent: e, conf: model.Medium, cue: cue, tight: true}
			}
		}
		if e := a.namedOrg(m.head); e >= 0 {
			return attribution{ent: e, conf: model.Medium, cue: cue, tight: true}
		}
	}
	return attribution{ent: -1, cue: cue, anon: true, tight: true}
}

// containsFold reports whether s holds head, a lower-case word, in any
// case: strings.Contains(strings.ToLower(s), head) without lowering s,
// asked of every organisation an article names.
func containsFold(s, head string) bool {
	for i := 0; i+len(head) <= len(s); i++ {
		if s[i]|0x20 == head[0] && strings.EqualFold(s[i:i+len(head)], head) {
			return true
		}
	}
	return false
}

// namedOrg finds what "the club" or "the group" stands for when no
// organisation with that noun in its name is on record: the most recent
// organisation whose name has no organisation noun at all ("Kelby
// Harriers", known for one by its plural verb), which the text can only
// call by its kind. Teams and groups are what take plural verbs; "the
// company" is more likely a firm whose name reads as a person's.
func (a *article) namedOrg(head string) int {
	if head != "club" && head != "group" {
		return -1
	}
	best := -1
	for e := range a.ents {
		en := &a.ents[e]
		if !en.org || best >= 0 && en.seen <= a.ents[best].seen {
			continue
		}
		plain := true
		for _, w := range en.words {
			if vocabOfWord(w)&vOrgWords != 0 {
				plain = false
				break
			}
		}
		if plain {
			best = e
		}
	}
	return best
}

// pronoun finds the person "he" or "she" stands for: the first person of
// the matching gender in the most recent sentence that has one, the
// subject coming first.
func (a *article) pronoun(g gender) int {
	e, _ := a.pronounSure(g)
	return e
}

// pronounSure is pronoun, also reporting whether the choice was clear:
// a person of the right gender, or the only person in the sentence. Only
// a clear choice may teach an entity its gender.
func (a *article) pronounSure(g gender) (int, bool) {
	for h := len(a.history) - 1; h >= 0 && h >= len(a.history)-4; h-- {
		unknown := -1
		for _, e := range a.history[h] {
			if e == unnamed {
				if unknown >= 0 {
					return unknown, false
				}
				return -1, false
			}
			if g == unknownGender {
				return e, false // no gender to match: the sentence's first person
			}
			switch a.ents[e].g {
			case g:
				return e, true
			case unknownGender:
				if unknown < 0 {
					unknown = e
				}
			}
		}
		if unknown >= 0 {
			return unknown, len(a.history[h]) == 1
		}
	}
	return -1, false
}

var roleSynonyms = map[string][]string{
	"aide":      {"aide", "adviser", "advisor", "assistant"},
	"adviser":   {"aide", "adviser", "advisor"},
	"advisor":   {"aide", "adviser", "advisor"},
	"spokesman": {"spokesman", "spokeswoman", "spokesperson", "press secretary"},
	"spokeswoman": {
		"spokesman", "spokeswoman", "spokesperson", "press secretary"},
	"spokesperson": {"spokesman", "spokeswoman", "spokesperson", "press secretary"},
	// Sports pages vary the word for the same job.
	"skipper": {"skipper", "captain"},
	"captain": {"captain", "skipper"},
	"boss":    {"boss", "manager", "coach"},
	"manager": {"manager", "boss"},
}

// role finds the person "the presidential aide" refers to: the most
// recently mentioned person holding that role, the modifiers breaking
// ties. "The official" with no official on record is the most recent
// person with any role.
func (a *article) role(m *mention) int {
	heads := roleSynonyms[m.head]
	if heads == nil {
		heads = []string{m.head}
	}
	best, bestScore := -1, -1
	for e := range a.ents {
		en := &a.ents[e]
		if en.org || en.place {
			continue
		}
		match := false
		for _, rh := range en.heads {
			for _, h := range heads {
				if rh == h {
					match = true
				}
			}
		}
		if !match {
			continue
		}
		score := en.seen
		all := ""
		if len(m.mods) > 0 {
			all = strings.ToLower(strings.Join(en.roles, " "))
		}
		for _, md := range m.mods {
			if containsWord(all, md) {
				score += 1 << 20
			}
		}
		if score > bestScore {
			best, bestScore = e, score
		}
	}
	if best < 0 && a.anonSeen[m.head] > 0 {
		return -1 // "the official" is the unnamed official mentioned before
	}
	if best < 0 && (m.head == "official" || m.head == "diplomat") {
		for e := range a.ents {
			en := &a.ents[e]
			if en.person && len(en.roles) > 0 && en.seen > bestScore {
				best, bestScore = e, en.seen
			}
		}
	}
	if best < 0 && m.head == "defendant" {
		// A court report calls the person on trial by name and then "the
		// defendant", giving roles only to the court around him: the most
		// recent person with no role.
		for e := range a.ents {
			en := &a.ents[e]
			if en.person && !en.org && !en.place && len(en.roles) == 0 && en.seen > bestScore {
				best, bestScore = e, en.seen
			}
		}
	}
	if best >= 0 && a.anonSeen[m.head] > a.ents[best].seen {
		return -1 // the unnamed holder of the role was mentioned last
	}
	return best
}

// roleHeadOf returns the noun a role is about: "chief of staff to the
// minister" is a chief, not a minister; "Sarkov's top aide" is an aide.
//
// Each word is lowered on its own into a stack buffer, the same as
// lowering the role first (lowering never makes or removes a space), and
// the head returned is the vocabulary's own copy of the word: a role is
// read for every one an entity is given.
func roleHeadOf(role string) string {
	head := ""
	var buf [32]byte
	// The words are split by nextField and trimmed of ".,;" by hand: the
	// iterator of strings.FieldsSeq and the cutset bytes.Trim builds on
	// each call cost more than the rest.
	for i := 0; ; {
		s, e := nextField(role, i)
		if s == e {
			break
		}
		i = e
		w := appendLower(buf[:0], role[s:e])
		switch string(w) {
		case "to", "of", "at", "for", "in", "with", "from", "on", "who", "which", ";":
			return head
		}
		for len(w) > 0 && (w[0] == '.' || w[0] == ',' || w[0] == ';') {
			w = w[1:]
		}
		for n := len(w); n > 0 && (w[n-1] == '.' || w[n-1] == ',' || w[n-1] == ';'); n = len(w) {
			w = w[:n-1]
		}
		w = bytes.TrimSuffix(bytes.TrimSuffix(w, []byte("’s")), []byte("'s"))
		if h, v := vocabEntry(w); v&(vRoleHeads|vTitleWords) != 0 {
			head = h
		}
	}
	return head
}

func containsWord(s, w string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return false
		}
		j += i
		before := j == 0 || !isLetterByte(s[j-1])
		after := j+len(w) >= len(s) || !isLetterByte(s[j+len(w)]) || s[j+len(w)] == 's' && (j+len(w)+1 >= len(s) || !isLetterByte(s[j+len(w)+1]))
		if before && after {
			return true
		}
		i = j + 1
	}
}

func isLetterByte(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= 0x80 }

// mentionAt returns the mention of sentence s starting at token k, or
// ending just before token k when ending is set.
func mentionAt(s *sentence, k int, ending bool) *mention {
	from := k + 1
	if ending {
		from = k
	}
	for i := mentionsFrom(s, from); i < len(s.ments); i++ {
		m := &s.ments[i]
		if m.i > k || ending && m.j > k {
			break
		}
		if m.mod {
			continue
		}
		if !ending && (m.i == k || m.ni == k) || ending && m.j == k {
			return m
		}
	}
	return nil
}

// mentionsFrom returns the index of the first mention of s ending after
// token k-1. Mentions are in text order, so their ends never decrease and
// a long sentence is searched in logarithmic time.
func mentionsFrom(s *sentence, k int) int {
	return sort.Search(len(s.ments), func(i int) bool { return s.ments[i].j >= k })
}

// attribute finds the speaker of the quotation at token x of sentence si.
func (a *article) attribute(in *paraInfo, si, x int) attribution {
	s := &in.sents[si]
	toks := in.toks
	if at := a.afterCue(s, toks, in.spans[toks[x].span()], x); at.ent >= 0 || at.anon {
		return at
	}
	at := a.beforeCue(in, si, x)
	if at.ent >= 0 || at.drop || at.anon {
		return at
	}
	hypo := at.cue == "hypothetical"
	// `X said the minister "read the memo" and "approved it"`: a
	// quotation joined to the one before by a conjunction shares its cue.
	for y := x - 1; y >= s.lo; y-- {
		t := &toks[y]
		if t.kind == tQuote {
			if i := a.outIndex(in.spans[t.span()].tStart); i >= 0 && a.foundEnt[i] >= 0 {
				return attribution{ent: a.foundEnt[i], conf: a.out[i].Confidence, cue: a.out[i].Cue, tight: true}
			}
			break
		}
		if !(t.is(',') || t.kind == tWord && (a.low(t) == "and" || a.low(t) == "or" || a.low(t) == "but")) {
			break
		}
	}
	// `Sandoval said the company had "inherited the problems" when it
	// bought the estate and was "doing everything possible"`: with no new
	// speaker or speech verb since, the sentence's quotation continues.
	// So it does past `and that he had "..."`: a he or she (or "the
	// mayor") opening a clause with "that" is inside what the speaker
	// said, whoever it stands for.
	for y := x - 1; y >= s.lo; y-- {
		t := &toks[y]
		if t.kind == tQuote {
			if i := a.outIndex(in.spans[t.span()].tStart); i >= 0 && a.foundEnt[i] >= 0 {
				return attribution{ent: a.foundEnt[i], conf: model.Medium, cue: a.out[i].Cue, tight: true}
			}
			break
		}
		if t.kind == tWord && t.in(vSpeechVerbs) || t.terminal() {
			break
		}
		if m := mentionAt(s, y, false); m != nil && m.kind != mAnon && !m.poss && !m.mod {
			// "and that the mayor had "..."": a role opens the clause
			// as well as a pronoun does.
			if (m.kind == mPronoun && m.g != unknownGender || m.kind == mRoleRef) && m.i > s.lo && toks[m.i-1].kind == tWord && a.low(&toks[m.i-1]) == "that" {
				y = m.i
				continue
			}
			break
		}
	}
	// Same paragraph, previous sentence: a cue there, or a quotation
	// attributed there, carries over to a quotation that opens this one.
	firstTok := x == s.lo || x == s.lo+1 && toks[s.lo].kind == tPunct
	if firstTok && si > 0 {
		prev := &in.sents[si-1]
		for y := prev.hi - 1; y >= prev.lo; y-- {
			if toks[y].kind == tQuote {
				if i := a.outIndex(in.spans[toks[y].span()].tStart); i >= 0 && a.foundEnt[i] >= 0 {
					return attribution{ent: a.foundEnt[i], conf: model.Medium, cue: a.out[i].Cue, tight: true}
				}
				break
			}
		}
		if v := a.lastSpeechCue(in, si-1); v.ent >= 0 {
			v.conf = min(v.conf, model.Medium)
			return v
		}
		if quoteSentence(s, toks) {
			if e := a.soleSubject(in, si-1); e >= 0 {
				// "Maillard was unapologetic. "Every minister wants more
				// money."": a quotation standing alone after a sentence
				// about one person, in the same paragraph, is that person's.
				return attribution{ent: e, conf: model.Low, cue: "continuation"}
			}
		}
	}
	if hypo {
		return attribution{ent: -1, drop: true}
	}
	return none
}

func (a *article) outIndex(start int) int {
	for i := len(a.out) - 1; i >= 0 && i >= len(a.out)-20; i-- {
		if a.out[i].Start == start {
			return i
		}
	}
	return -1
}

// afterCue reads `"...," X said`, `"...," said X`, `"...," the official
// said`, `"...," according to X` right after the quotation.
func (a *article) afterCue(s *sentence, toks []token, sp span, x int) attribution {
	j := x + 1
	for j < s.hi && (toks[j].is(',') || toks[j].isDash()) {
		j++
	}
	if j >= s.hi || toks[j].kind != tWord {
		return none
	}
	if toks[j].in(vSpeechVerbs) && j+1 < s.hi {
		// `"...," said parish chair Dorothy Fenn`: role words the
		// vocabulary may not know come before the name.
		for k := j + 1; k < s.hi && k < j+6; k++ {
			if m := mentionAt(s, k, false); m != nil && !m.poss && m.kind != mAnon {
				return a.resolve(m, a.low(&toks[j]))
			}
			if toks[k].kind != tWord || toks[k].cap || toks[k].in(vNotNames) && a.low(&toks[k]) != "one" || toks[k].in(vSpeechVerbs) {
				break
			}
		}
		// `"...," said one visitor, who gave only her first name, Carla.`:
		// a name closing the sentence after a comma is the speaker's.
		last := s.hi - 1
		if last > j && toks[last].terminal() {
			last--
		}
		for i := len(s.ments) - 1; i >= 0; i-- {
			m := &s.ments[i]
			if m.j-1 == last && m.kind == mName && !m.poss && m.i > j && toks[m.i-1].is(',') && m.ent >= 0 && !a.ents[m.ent].org && !a.ents[m.ent].place {
				at := a.resolve(m, a.low(&toks[j]))
				at.conf = model.Medium
				return at
			}
			if m.j-1 < last {
				break
			}
		}
		return a.anonymousCue(toks, j, s.hi)
	}
	if toks[x+1].isDash() {
		// `"..." — Anna Reyes`: a signature closing the paragraph.
		if m := mentionAt(s, j, false); m != nil && m.kind == mName && !m.poss && (m.j >= s.hi || toks[m.j].is(',') || toks[m.j].terminal()) {
			return a.resolve(m, "dash")
		}
	}
	if a.low(&toks[j]) == "according" && j+2 < s.hi && a.low(&toks[j+1]) == "to" {
		if m := mentionAt(s, j+2, false); m != nil {
			return a.resolve(m, "according to")
		}
		return none
	}
	m := mentionAt(s, j, false)
	comma := strings.ContainsRune(a.text[sp.tEnd:sp.close], ',') || toks[x+1].is(',')
	for skip := j; comma && m == nil && skip < s.hi && skip < j+4 && toks[skip].kind == tWord && !toks[skip].cap && !toks[skip].in(vSpeechVerbs) && !toks[skip].in(vNotNames); skip++ {
		// `"...," harbour master Tobias Grell said`: role words the
		// vocabulary does not know.
		m = mentionAt(s, skip+1, false)
	}
	if m == nil && toks[j].kind == tWord && appositionOpeners[a.low(&toks[j])] || m != nil && m.poss {
		// `"...," the airline's chief operating officer, Renata Kowal,
		// said`, `"...," Kestrel's chief negotiator, Ana Ferreira, told
		// reporters`: a role, then the name set off by commas.
		from := j + 1
		if m != nil {
			from = m.j
		}
		for k := from; k < s.hi && k < from+8; k++ {
			if toks[k].is(',') {
				if n := mentionAt(s, k+1, false); n != nil && n.kind == mName && !n.poss && n.j < s.hi {
					e := n.j
					if toks[e].is(',') {
						e++
					}
					e = a.skipFillers(toks, e, s.hi)
					if e < s.hi && toks[e].in(vSpeechVerbs) {
						return a.resolve(n, a.low(&toks[e]))
					}
				}
				break
			}
			if toks[k].kind != tWord {
				break
			}
		}
	}
	if m == nil {
		return a.anonymousCue(toks, j, s.hi)
	}
	if m.poss || m.kind == mName && m.ni != m.i && mentionAt(s, j, false) == nil && !toks[m.ni].cap {
		return none
	}
	k := m.j
	k = a.skipFillers(toks, k, s.hi)
	if k < s.hi && toks[k].is(',') {
		// An apposition: `"...," Lantsov, the aide, said`.
		c := k + 1
		for c < s.hi && c < k+16 && !toks[c].is(',') && toks[c].kind != tQuote && !toks[c].terminal() {
			c++
		}
		if c < s.hi && toks[c].is(',') {
			k = a.skipFillers(toks, c+1, s.hi)
		}
	}
	if k < s.hi && toks[k].kind == tWord && toks[k].in(vSpeechVerbs) {
		return a.resolve(m, a.low(&toks[k]))
	}
	return none
}

// appositionOpeners open a role that a name set off by commas follows:
// `"...," the airline's chief operating officer, Renata Kowal, said`, `"...,"
// her daughter, Anneliese Roth, recalled`.
var appositionOpeners = set(`the its their his her our my`)

// anonymousCue reads a speaker the text leaves unnamed on purpose: `"...,"
// one European official said`, `"...," people familiar with the talks
// said`. The quotation is real and stays, with no speaker.
func (a *article) anonymousCue(toks []token, j, hi int) attribution {
	role := false
	for k := j; k < hi && k < j+8; k++ {
		t := &toks[k]
		if t.kind != tWord {
			return none
		}
		if t.in(vSpeechVerbs) {
			if role {
				return attribution{ent: -1, cue: a.low(t), anon: true, tight: true}
			}
			return none
		}
		w := strings.TrimSuffix(a.low(t), "s")
		if vocabOfWord(w)&vRoleHeads != 0 || w == "person" || w == "people" || w == "official" || w == "source" || w == "diplomat" {
			role = true
		}
	}
	return none
}

func (a *article) skipFillers(toks []token, k, hi int) int {
	for k < hi && toks[k].kind == tWord && !toks[k].cap && (toks[k].in(vCueFillers) || strings.HasSuffix(a.low(&toks[k]), "ly") && len(a.low(&toks[k])) > 4) {
		k++
	}
	return k
}

// beforeCue reads a cue earlier in the quotation's sentence: `X said
// that "..."`, `X told Y: "..."`, `X, laughing: "..."`, `according to X,
// "..."`.
func (a *article) beforeCue(in *paraInfo, si, x int) attribution {
	s := &in.sents[si]
	toks := in.toks
	rs := s.lo
	for y := x - 1; y >= s.lo; y-- {
		if toks[y].kind == tQuote {
			rs = y + 1
			break
		}
	}
	if x-1 >= rs && toks[x-1].is(':') {
		at := a.colonIntro(in, si, x-1)
		if at.ent >= 0 || at.drop || at.anon {
			return at
		}
	}
	at := a.verbCue(in, si, rs, x)
	if at.ent >= 0 || at.cue != "according to" && at.anon {
		return at
	}
	if x-1 >= rs && toks[x-1].kind == tWord {
		// `According to the lawyer, Wendt "has never offered..."`: with
		// no one speaking, a quotation carrying on a sentence whose
		// subject is the name just before it is that person's.
		if m := mentionAt(s, x, true); m != nil && !m.poss && m.kind == mName && m.ent >= 0 && a.ents[m.ent].person {
			sp := in.spans[toks[x].span()]
			if r := firstRune(a.text[sp.tStart:sp.tEnd]); unicode.IsLower(r) {
				at := a.resolve(m, "subject")
				at.conf = model.Medium
				return at
			}
		}
	}
	return at
}

// verbCue finds the last speech verb in toks[rs:x] and its subject.
func (a *article) verbCue(in *paraInfo, si, rs, x int) attribution {
	s := &in.sents[si]
	if s.lastVerb < 0 && s.firstAccording < 0 {
		return none // no speech verb and no "according to" anywhere in it
	}
	toks := in.toks
	for k := max(rs, int(s.firstAccording)); k+2 < x && s.firstAccording >= 0; k++ {
		if a.low(&toks[k]) == "according" && a.low(&toks[k+1]) == "to" {
			if m := mentionAt(s, k+2, false); m != nil {
				at := a.resolve(m, "according to")
				return at
			}
		}
	}
	for v := min(x-1, int(s.lastVerb)); v >= rs; v-- { // no verb after lastVerb
		t := &toks[v]
		if t.kind != tWord || !t.in(vSpeechVerbs) || t.cap {
			continue
		}
		p := v - 1
		for p > s.lo && toks[p].kind == tWord && (toks[p].in(vCueFillers) && !isPassive(a.low(&toks[p])) || strings.HasSuffix(a.low(&toks[p]), "ly") && len(a.low(&toks[p])) > 4) {
			p-- // "was then accused", "were widely praised"
		}
		if p >= s.lo && isPassive(a.low(&toks[p])) {
			continue
		}
		// "call" and "put" only speak as "called it", "put it".
		if (strings.HasPrefix(a.low(t), "call") || strings.HasPrefix(a.low(t), "put")) && !(v+1 < x && a.low(&toks[v+1]) == "it") && x-v > 5 {
			continue
		}
		k := v - 1
		for k >= rs && toks[k].kind == tWord && !toks[k].cap && (toks[k].in(vCueFillers) || strings.HasSuffix(a.low(&toks[k]), "ly") && len(a.low(&toks[k])) > 4) {
			if toks[k].in(vModals) {
				break
			}
			k--
		}
		if k >= rs && toks[k].in(vModals) {
			return attribution{ent: -1, cue: "hypothetical"}
		}
		hops := 0
		for ; hops < 3 && k >= rs && (toks[k].is(',') || toks[k].isDash()); hops++ {
			// Skip an apposition or relative clause: "X, who ..., said",
			// "X, R-Ohio, who voted against it, told", "X — a former
			// aide — said".
			c := k - 1
			for c >= rs && !(toks[c].is(',') && toks[k].is(',') || toks[c].isDash() && toks[k].isDash()) && k-c < 20 {
				c--
			}
			if c < rs || c+1 >= k {
				break
			}
			w := a.low(&toks[c+1])
			named := hasNameMention(s, c+1, k)
			short := k-c-1 <= 3 && !named
			participle := strings.HasSuffix(w, "ing") && !named // ", speaking on condition of anonymity,"
			// ", seen by the Courier,": how the document came to light,
			// its finder no speaker.
			reduced := inSet(documentParticiples, w)
			if !(w == "who" || w == "which" || w == "a" || w == "an" || w == "the" || w == "known" || w == "whose" || toks[c+1].in(vRoleHeads|vRoleMods) && !hasSubjectName(s, c+1, k) || short || participle || reduced) {
				break
			}
			k = c
		}
		if hops > 0 && k >= rs && (toks[k].is(',') || toks[k].isDash()) {
			k--
			// "A crane operator who voted against the deal, ...": a
			// relative clause with no comma before it.
			for w := k; w > rs && w > k-12; w-- {
				if a.low(&toks[w]) == "who" && toks[w].kind == tWord {
					if mentionAt(s, w, true) != nil {
						k = w - 1
					}
					break
				}
			}
		}
		if from := a.documentSender(s, toks, rs, k); from != nil {
			return a.resolve(from, a.low(t))
		}
		if m := mentionAt(s, k+1, true); m != nil && !m.poss {
			if m.obj && m.i > s.lo && strings.HasSuffix(a.low(t), "ing") && a.low(&toks[m.i-1]) == "with" {
				// "The call ends with Ms Varanek telling him to ...": the
				// person after "with" is the participle's own subject.
				return a.resolve(m, a.low(t))
			}
			// "An adviser to the prime minister ... said": the person
			// after a preposition describes the subject before it.
			for m != nil && m.obj {
				m = mentionAt(s, m.i-1, true)
			}
			if m == nil {
				return none
			}
			return a.resolve(m, a.low(t))
		}
		if k >= rs && toks[k].is(',') {
			// "Ardent's chief executive, Howard Lindgren, said".
			if m := mentionAt(s, k, true); m != nil && !m.poss && m.kind == mName {
				return a.resolve(m, a.low(t))
			}
		}
		if k >= rs && a.low(&toks[k]) == "as" && a.low(t) == "saying" {
			// "The newspaper quoted Kasimir Dorn ... as saying": the
			// object of "quoted" speaks.
			for q := k - 1; q >= rs; q-- {
				switch a.low(&toks[q]) {
				case "quoted", "quotes", "quoting", "cited", "cites", "citing":
					if m := mentionAt(s, q+1, false); m != nil && !m.poss {
						return a.resolve(m, "quoted")
					}
				}
			}
		}
		// "but said", "by saying", ", adding that": the clause's subject.
		// Any other word before the verb ("would not comment") means the
		// verb is not a cue for this quotation.
		linked := k >= rs && toks[k].kind == tWord && toks[k].in(vClauseLinks) ||
			strings.HasSuffix(a.low(t), "ing") && (k < rs || toks[k].is(',') || toks[k].kind == tWord && toks[k].in(vClauseLinks))
		if !linked {
			continue
		}
		for i := range s.ments {
			m := &s.ments[i]
			if m.j > v {
				break
			}
			if m.poss || m.mod || m.appos || m.kind == mAnon {
				continue
			}
			if !subjectPlace(toks, s.lo, m.i) {
				// "European negotiators rejected a proposal from the
				// Kestrel government, calling it ...": the subject went
				// unnamed; the first name is an object.
				return attribution{ent: -1, cue: a.low(t), anon: true, tight: true}
			}
			return a.resolve(m, a.low(t))
		}
		return none
	}
	return none
}

// documentParticiples open a clause telling how a document came to light:
// "An email, seen by the Courier, said".
var documentParticiples = set(`seen obtained reviewed leaked dated sent shared published released`)

// documentNouns are what is written rather than said: "A letter from X
// said" is X speaking.
var documentNouns = set(`statement letter letters email emails e-mail memo memorandum message messages note text report post submission filing reply response
audit review study assessment findings ruling judgment minutes`)

// documentSender returns who wrote the document that opens the clause
// toks[rs:k+1], the subject of a speech verb: X in "A letter from X to the
// committee said", "An internal memo by X warned". nil when the clause
// does not open with a document and its sender.
func (a *article) documentSender(s *sentence, toks []token, rs, k int) *mention {
	for d := rs; d < k && d < rs+3; d++ {
		t := &toks[d]
		if t.kind != tWord || t.cap && d > rs {
			return nil
		}
		if d == rs && !t.in(vArticles) && !t.in(vDocumentNouns) {
			// "After a letter from X, the minister said": the letter is
			// not the subject. Only "A letter", "The memo", "Letters".
			return nil
		}
		if t.in(vDocumentNouns) {
			if p := d + 1; p < k && (a.low(&toks[p]) == "from" || a.low(&toks[p]) == "by") {
				q := p + 1
				if q < k && a.low(&toks[q]) == "the" && mentionAt(s, q, false) == nil {
					q++ // "from the Port Authority": the name after the article
				}
				if m := mentionAt(s, q, false); m != nil && !m.poss && m.kind != mAnon {
					if m.kind == mRoleRef && m.j+1 < k && toks[m.j].is(',') {
						// "A note from the laboratory director, Dr. Hélène
						// Fournier, to the federation said": the name.
						if n := mentionAt(s, m.j+1, false); n != nil && n.kind == mName && !n.poss {
							return n
						}
					}
					return m
				}
			}
			return nil
		}
	}
	return nil
}

// subjectPlace reports whether a mention starting at toks[i] can be the
// subject of the sentence starting at toks[lo]: it opens the sentence, or
// follows a comma ("On Tuesday, Ferreira ..."), or only articles and
// capitalised words come before it. A lower-case word before it
// otherwise ("negotiators rejected a proposal from X") means X is not.
func subjectPlace(toks []token, lo, i int) bool {
	if i == lo || i > lo && toks[i-1].is(',') {
		return true
	}
	for k := lo; k < i; k++ {
		if t := &toks[k]; t.kind == tWord && !t.cap && !t.in(vArticles) {
			return false
		}
	}
	return true
}

// clauseLinks join a second verb to the clause's subject: "X declined to
// comment but said", "X defended him by saying".
var clauseLinks = set(`but and by then while before after yet also later so as`)

// hasNameMention reports whether a name of a person or an organisation
// lies in toks[lo:hi].
func hasNameMention(s *sentence, lo, hi int) bool {
	for i := mentionsFrom(s, lo+1); i < len(s.ments) && s.ments[i].i < hi; i++ {
		m := &s.ments[i]
		if m.kind == mName && !m.poss && (m.person || m.org) && m.i >= lo && m.j <= hi {
			return true
		}
	}
	return false
}

// hasSubjectName is hasNameMention less the names after a preposition:
// in ", director of Hoekstra Terminals," the company is what the role is
// of, and the comma pair is still an apposition.
func hasSubjectName(s *sentence, lo, hi int) bool {
	for i := mentionsFrom(s, lo+1); i < len(s.ments) && s.ments[i].i < hi; i++ {
		m := &s.ments[i]
		if m.kind == mName && !m.poss && !m.obj && (m.person || m.org) && m.i >= lo && m.j <= hi {
			return true
		}
	}
	return false
}

func isPassive(w string) bool {
	switch w {
	case "was", "were", "been", "being", "be", "is", "are", "widely", "often":
		return true
	}
	return false
}

// colonIntro reads the clause before a colon at token c: "X:", "X,
// laughing:", "X tells Y that Z should open with flattery:".
func (a *article) colonIntro(in *paraInfo, si, c int) attribution {
	s := &in.sents[si]
	toks := in.toks
	rs := s.lo
	for y := c - 1; y >= s.lo; y-- {
		if toks[y].kind == tQuote {
			rs = y + 1
			break
		}
	}
	if rs >= c {
		return none
	}
	if paraphraseLed(a.text[toks[rs].start:toks[c].start]) {
		return attribution{ent: -1, drop: true}
	}
	if at := a.verbCue(in, si, rs, c); at.ent >= 0 || at.anon {
		at.cue = "colon"
		return at
	}
	if m := mentionAt(s, rs, false); m != nil && m.poss && m.kind == mName && m.j < c && toks[m.j].in(vDocumentNouns) {
		// "Pell's reply, which Raman later gave to regulators, was three
		// lines long:": the reply's writer, whoever else the clause names.
		return a.resolve(m, "colon")
	}
	// No speech verb: the subject of the last clause that has one.
	end := c
	for end > rs {
		b := end - 1
		for b >= rs && !toks[b].is(',') && !toks[b].isDash() && !toks[b].is(';') {
			b--
		}
		for i := mentionsFrom(s, b+1); i < len(s.ments) && s.ments[i].j <= end; i++ {
			m := &s.ments[i]
			if m.i > b && !m.poss && !m.mod && !m.appos && !m.obj && m.kind != mAnon {
				if m.kind == mName && m.ent >= 0 && !a.ents[m.ent].person && !a.ents[m.ent].org {
					// A bare capitalised word with no sign of being
					// someone ("Vibe:") does not speak.
					if len(a.ents[m.ent].words) < 2 && !a.midCaps[strings.ToLower(m.name)] {
						continue
					}
				}
				at := a.resolve(m, "colon")
				return at
			}
		}
		end = b
	}
	return none
}

// paraphraseLed reports whether the clause before a colon is, or ends
// with, one of paraphraseIntros, in any case. "Read:" alone is the
// author's gloss, but "the statement read:" quotes a document.
func paraphraseLed(intro string) bool {
	intro = strings.TrimSpace(intro)
	// Only the end of the clause is compared: the longest intro and the
	// byte before it, after the spaces and dots trimmed (lowering never
	// makes or removes one). Lowering an ASCII end byte for byte
	// lowers it as it would the whole clause, whatever comes before.
	end := strings.TrimRight(intro, " .")
	if !isASCII(end[max(0, len(end)-maxParaphraseIntro-1):]) {
		intro = strings.TrimRight(strings.ToLower(intro), " .")
		for _, p := range paraphraseIntros {
			if intro == p || p != "read" && (endsWith(intro, " ", p) || endsWith(intro, ", ", p)) {
				return true
			}
		}
		return false
	}
	// The same test on an ASCII end, which lowering changes byte for
	// byte, without building the lower-case clause (it can be a whole
	// sentence) for every colon.
	intro = end
	if intro == "" {
		return false
	}
	// Every intro ends in a letter: only those ending in the clause's
	// last byte, folded to lower case, are compared.
	for _, p := range introsByLast[intro[len(intro)-1]|0x20] {
		n := len(intro) - len(p)
		// A clause ending in ", p" also ends in " p".
		if n >= 0 && strings.EqualFold(intro[n:], p) && (n == 0 || intro[n-1] == ' ' && p != "read") {
			return true
		}
	}
	return false
}

// introsByLast lists paraphraseIntros by their last byte.
var introsByLast = func() (t [256][]string) {
	for _, p := range paraphraseIntros {
		t[p[len(p)-1]] = append(t[p[len(p)-1]], p)
	}
	return t
}()

// isASCII reports whether s is all ASCII, eight bytes at a time.
func isASCII(s string) bool {
	for len(s) >= 8 {
		w := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
			uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
		if w&0x8080808080808080 != 0 {
			return false
		}
		s = s[8:]
	}
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// lastSpeechCue finds, in sentence si, a speech verb with a subject
// outside any quotation ("Lantsov noted that the tapes were doctored."), for a
// quotation that follows with no cue of its own.
func (a *article) lastSpeechCue(in *paraInfo, si int) attribution {
	s := &in.sents[si]
	at := a.verbCue(in, si, s.lo, s.hi)
	if at.ent >= 0 {
		at.conf = min(at.conf, model.Medium)
	}
	return at
}

// colonLed reports whether the quotation at token x is introduced by a
// colon and runs to the end of its sentence ("A man shouted: "Nobody asked
// us!""): something said, however short, not a scare quote in running
// prose. It must end as a sentence does: a headline's "Fire chief: 'We
// were lucky'" repeats a quotation of the body.
func colonLed(toks []token, lo, hi, x int, quoted string) bool {
	if x <= lo || !toks[x-1].is(':') || !strings.ContainsAny(lastRuneOf(strings.TrimSpace(quoted)), ".!?") {
		return false
	}
	// A capitalised word after it opens the next sentence.
	return x+1 >= hi || toks[x+1].kind != tWord || toks[x+1].cap
}

// describedAs reports whether the short quotation at toks[x] is the word
// a report or a person used of something: "the inquiry describes the
// regime as "inadequate" and the records as "chaotic"". Describing is
// reporting what was written or said, so the word is a quotation even
// when nobody can be named for it; a capitalised one is more likely a
// name given to something.
func (a *article) describedAs(toks []token, lo, x int, quoted string) bool {
	if quoted == "" || !unicode.IsLower(firstRune(quoted)) {
		return false
	}
	if a.documentSubject(toks, lo, x) {
		// "The regulator's report found the concrete "below
		// specification"": the words are the report's.
		return true
	}
	if x-1 <= lo || toks[x-1].kind != tWord || a.low(&toks[x-1]) != "as" {
		return false
	}
	for k := x - 2; k >= lo && k >= x-16; k-- {
		t := &toks[k]
		if t.terminal() {
			return false
		}
		if t.kind == tWord && labellingVerb(a.low(t)) {
			return true
		}
	}
	return false
}

// labellingVerb reports whether w is a form of a verb that records a
// judgement in words ("describes as", "was flagged as", "classed as").
func labellingVerb(w string) bool {
	if strings.HasPrefix(w, "describ") || strings.HasPrefix(w, "categori") || strings.HasPrefix(w, "classif") {
		return true
	}
	switch w {
	case "flagged", "flags", "classed", "rated", "rates", "graded", "grades", "marked", "marks", "recorded", "records",
		"listed", "lists", "assessed", "assesses", "labelled", "labeled", "labels":
		return true
	}
	return false
}

// documentSubject reports whether the sentence toks[lo:x] opens with a
// document as its subject: "The report", "The regulator's report,
// published last month,", "Its audit".
func (a *article) documentSubject(toks []token, lo, x int) bool {
	for k := lo; k < x && k < lo+5; k++ {
		t := &toks[k]
		switch {
		case t.kind != tWord:
			return false
		case t.in(vDocumentNouns) && !t.poss:
			return true
		case t.in(vArticles) || t.poss || t.cap || a.low(t) == "its" || a.low(t) == "their" || a.low(t) == "his" || a.low(t) == "her":
		default:
			return false
		}
	}
	return false
}

func lastRuneOf(s string) string {
	_, n := utf8.DecodeLastRuneInString(s)
	return s[len(s)-n:]
}

// possessorOfNamed reports whether m is a possessive whose role noun the
// name n right after it fills: "Morvan's deputy, Yann Le Goff", "Putin's
// aide Yuri Ushakov".
func possessorOfNamed(toks []token, m, n mention) bool {
	if !m.poss || n.kind != mName || n.poss || n.i-m.j < 1 || n.i-m.j > 4 {
		return false
	}
	role := false
	for k := m.j; k < n.i; k++ {
		t := &toks[k]
		switch {
		case t.is(','):
		case t.kind == tWord && !t.cap && (t.in(vRoleHeads) || t.in(vTitleWords)):
			role = true
		case t.kind == tWord && !t.cap && t.in(vRoleMods):
		default:
			return false
		}
	}
	return role
}

// headlineQuote reports whether paragraph p, holding only a quotation, is
// the first line of the document: a headline quoting the story ("\"I paint
// what the sea leaves behind\""), which names no speaker and is not where
// the words were said.
func headlineQuote(text string, p paragraph, quoteOnly bool) bool {
	return quoteOnly && strings.TrimSpace(text[:p.start]) == "" && !strings.Contains(text[p.start:p.end], "\n")
}
