package extract

import (
	"iter"
	"strings"
	"unicode"
	"unicode/utf8"
)

// span is one quotation inside a paragraph.
type span struct {
	open, close  int // offsets of the opening mark and just past the closing mark
	tStart, tEnd int // the quoted text, marks and edge spaces excluded
	closed       bool
	single       bool // single marks in a document that quotes with double ones
}

// paragraph is a run of text treated as one unit of prose.
type paragraph struct{ start, end int }

// paragraphs splits text[from:] into paragraphs. A document hard-wrapped at
// a fixed width keeps a paragraph over several lines, separated by blank
// lines; otherwise every line is a paragraph. Reading wrapped text line by
// line would cut every quotation that crosses a line break.
func paragraphs(text string, from int) []paragraph {
	return paragraphsInto(nil, text, from)
}

// paragraphsInto is paragraphs, appending to buf when the document is
// not wrapped (nearly always).
func paragraphsInto(buf []paragraph, text string, from int) []paragraph {
	lines := buf[:0]
	long, inner, open := 0, 0, 0
	prevInBlock := false
	for s, e := range trimmedLines(text, from) {
		if s >= e {
			prevInBlock = false
			continue
		}
		if prevInBlock {
			// The line before runs on into this one: a wrapped line
			// stops mid-sentence, a short paragraph does not.
			inner++
			last, _ := utf8.DecodeLastRuneInString(text[lines[len(lines)-1].start:lines[len(lines)-1].end])
			if !strings.ContainsRune(".!?…:;\"”»’'", last) {
				open++
			}
		}
		lines = append(lines, paragraph{s, e})
		if e-s > 110 {
			long++
		}
		prevInBlock = true
	}
	if inner < 3 || open*10 < inner*6 || long*10 > len(lines) {
		return lines
	}
	// Wrapped: a blank line ends a paragraph, a line break does not.
	var out []paragraph
	for k, l := range lines {
		if k > 0 && strings.Count(text[lines[k-1].end:l.start], "\n") < 2 {
			out[len(out)-1].end = l.end
			continue
		}
		out = append(out, l)
	}
	return out
}

// trimmedLines yields the start and end of each line of text[from:], with
// the white space around it trimmed; a blank line yields an empty span.
func trimmedLines(text string, from int) iter.Seq2[int, int] {
	return func(yield func(int, int) bool) {
		for i := from; i < len(text); {
			nl := strings.IndexByte(text[i:], '\n')
			end, next := len(text), len(text)
			if nl >= 0 {
				end, next = i+nl, i+nl+1
			}
			s, e := trimLine(text, i, end)
			i = next
			if !yield(s, e) {
				return
			}
		}
	}
}

// trimLine is trimSpan that also drops the Markdown block-quote markers
// opening a line ("> ", "> > "): an excerpt of a call or a statement set
// off as a block quote reads as the lines it quotes.
func trimLine(text string, a, b int) (int, int) {
	s, e := trimSpan(text, a, b)
	if s == e || text[s] != '>' {
		return s, e
	}
	j := s
	for j < e && (text[j] == '>' || text[j] == ' ' || text[j] == '\t') {
		j++
	}
	if text[j-1] == '>' && j < e {
		return s, e // ">text" or "->" is no marker
	}
	return j, e
}

func trimSpan(text string, a, b int) (int, int) {
	for a < b {
		space, size := spaceAt(text[:b], a)
		if !space {
			break
		}
		a += size
	}
	for b > a {
		if c := text[b-1]; c < utf8.RuneSelf {
			if !asciiSpace[c] {
				break
			}
			b--
			continue
		}
		r, size := utf8.DecodeLastRuneInString(text[a:b])
		if !unicode.IsSpace(r) {
			break
		}
		b -= size
	}
	return a, b
}

// spaceAt reports whether the rune at s[i:] is white space, and its
// size: an ASCII byte by table, without decoding.
func spaceAt(s string, i int) (bool, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return asciiSpace[c], 1
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	return unicode.IsSpace(r), size
}

// quoteSpans finds the quotations in text[a:b] of a document that quotes
// with double marks or guillemets. Each straight mark is read as opening or
// closing from its neighbours and paired on a stack, so a quotation nested
// in straight marks inside another ("He said, "Go," and left,") stays
// inside the outer one; curly marks and guillemets carry their direction.
// Single marks inside a quotation belong to it; standing alone they
// delimit a quotation only when it runs to several words (see
// singleSpanWords), the rest being titles, scare quotes or apostrophes.
// A mark left open is closed at the paragraph's end, so a stray mark never
// swallows the rest of the document.
func quoteSpans(text string, a, b int, spans []span) []span {
	var next markFinder
	return next.quoteSpans(text, a, b, spans)
}

// quoteSpans is quoteSpans finding marks with f, which a document's
// paragraphs share (see markFinder).
func (f *markFinder) quoteSpans(text string, a, b int, spans []span) []span {
	var buf [8]openMark
	stack := buf[:0]
	single := -1 // a stand-alone single mark waiting for its closing mark
	for i := a; i < b; {
		if i = f.from(text, i, b); i >= b {
			break
		}
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:b])
		}
		switch r {
		case '"':
			switch straightDir(text, a, b, i, size) {
			case opening:
				stack = append(stack, openMark{i, false})
			case closing:
				stack, spans = closeMark(text, stack, spans, i, size, false)
			default:
				// Glued to words or spaces on both sides: alternate, as
				// a typewriter mark does.
				if len(stack) > 0 && !stack[len(stack)-1].guillemet {
					stack, spans = closeMark(text, stack, spans, i, size, false)
				} else if opensHere(text, a, b, i, size) {
					stack = append(stack, openMark{i, false})
				}
			}
		case '“', '„':
			// A second opening mark before any close is either a nested
			// quotation or a typo for the closing mark: it is a close when
			// it sits after a word and before a space.
			if len(stack) > 0 && closesHere(text, a, b, i, size) {
				stack, spans = closeMark(text, stack, spans, i, size, false)
			} else {
				stack = append(stack, openMark{i, false})
			}
		case '”':
			stack, spans = closeMark(text, stack, spans, i, size, false)
		case '«':
			stack = append(stack, openMark{i, true})
		case '»':
			stack, spans = closeMark(text, stack, spans, i, size, true)
		case '\'', '‘', '’':
			if len(stack) > 0 {
				break // nested in a double quotation
			}
			if single < 0 {
				if r != '’' && singleOpens(text, a, b, i, size) {
					single = i
				}
			} else if singleCloses(text, a, b, i, size) {
				spans = appendSingle(text, spans, single, i, i+size)
				single = -1
			}
		}
		if len(stack) > 0 {
			// A double quotation opening inside a stand-alone single one
			// is likelier the document's own style than a nesting.
			single = -1
		}
		i += size
	}
	if len(stack) > 0 {
		spans = appendSpan(text, spans, stack[0].at, b, b, false)
	}
	return spans
}

// markBytes are the bytes a quotation mark can start with: the straight
// marks, and the lead bytes of the UTF-8 forms of the curly marks and „
// (0xE2) and of the guillemets (0xC2). None of them can continue another
// character, so each occurrence is a mark's first byte or an invalid byte,
// and decoding rune by rune from the start would stop on it too.
var markBytes = [...]byte{'"', '\'', 0xE2, 0xC2}

// markFinder finds the next byte of markBytes with the fast byte search,
// keeping where each occurs next in the whole text, so that the text is
// searched about once for each byte, however many paragraphs and marks of
// other kinds lie between two of them: prose between quotation marks is
// most of a document and needs no decoding. The zero value is ready.
type markFinder struct {
	at    [len(markBytes)]int // where each of markBytes next occurs, or the end
	first int                 // the least of at
	from0 int                 // where the positions in at were found from
	valid bool
	// end, when not 0, is where the paragraphs asked about end: no mark
	// past it is needed. A transcript's prose is a heading or two at its
	// top, and searching the whole transcript after them for each kind of
	// mark cost more than reading them.
	end int
}

// from returns the offset of the first byte of markBytes in text[i:b],
// or b. Asked about an earlier offset than before, it searches afresh.
func (f *markFinder) from(text string, i, b int) int {
	if i < f.from0 {
		f.valid = false
	}
	if f.end > 0 && b > f.end {
		// Asked past where it was told the paragraphs end: what it
		// found up to there no longer answers.
		f.end, f.valid = 0, false
	}
	f.from0 = i
	if f.valid && f.first >= i {
		return min(f.first, b) // no mark passed since the last call
	}
	end := len(text)
	if f.end > 0 {
		end = min(f.end, end)
	}
	first := end
	for k, m := range markBytes {
		if !f.valid || f.at[k] < i {
			f.at[k] = end
			if n := strings.IndexByte(text[i:end], m); n >= 0 {
				f.at[k] = i + n
			}
		}
		first = min(first, f.at[k])
	}
	f.valid, f.first = true, first
	return min(first, b)
}

// openMark is an opening mark waiting for its closing mark.
type openMark struct {
	at        int
	guillemet bool
}

// closeMark closes the innermost open quotation of the mark's kind, and any
// left open inside it; closing the outermost one ends a span. A closing
// mark with nothing of its kind open is a stray and changes nothing.
func closeMark(text string, stack []openMark, spans []span, i, size int, guillemet bool) ([]openMark, []span) {
	for k := len(stack) - 1; k >= 0; k-- {
		if stack[k].guillemet != guillemet {
			continue
		}
		if k == 0 {
			return stack[:0], appendSpan(text, spans, stack[0].at, i, i+size, true)
		}
		return stack[:k], spans
	}
	return stack, spans
}

type markDir int

const (
	unclear markDir = iota
	opening
	closing
)

// straightDir reads which way a straight mark faces: an opening mark
// follows a space, the paragraph's start or opening punctuation and
// precedes a non-space; a closing mark follows a non-space and precedes a
// space, punctuation or the paragraph's end.
func straightDir(text string, a, b, i, size int) markDir {
	prev, next := neighbours(text, a, b, i, size)
	var opens, closes bool
	if prev < utf8.RuneSelf && next < utf8.RuneSelf {
		// The same tests by table, for the usual ASCII neighbours.
		p, n := asciiMarkSide[prev], asciiMarkSide[next]
		opens = p&(sideSpace|sideOpener) != 0 && n&sideSpace == 0
		closes = p&sideSpace == 0 && n&(sideSpace|sidePunct) != 0
	} else {
		opens = (unicode.IsSpace(prev) || opensBefore(prev)) && !unicode.IsSpace(next)
		closes = !unicode.IsSpace(prev) && (unicode.IsSpace(next) || unicode.IsPunct(next))
	}
	switch {
	case opens && !closes:
		return opening
	case closes && !opens:
		return closing
	}
	return unclear
}

// neighbours returns the runes either side of the mark text[i:i+size],
// reading the paragraph's edges as spaces.
func neighbours(text string, a, b, i, size int) (prev, next rune) {
	prev, next = ' ', ' '
	if i > a {
		if prev = rune(text[i-1]); prev >= utf8.RuneSelf {
			prev, _ = utf8.DecodeLastRuneInString(text[a:i])
		}
	}
	if i+size < b {
		if next = rune(text[i+size]); next >= utf8.RuneSelf {
			next, _ = utf8.DecodeRuneInString(text[i+size : b])
		}
	}
	return prev, next
}

// asciiMarkSide holds, for each ASCII rune, what straightDir asks of a
// mark's neighbours: unicode.IsSpace, opensBefore, unicode.IsPunct.
var asciiMarkSide = func() (t [utf8.RuneSelf]uint8) {
	for r := range rune(utf8.RuneSelf) {
		if unicode.IsSpace(r) {
			t[r] |= sideSpace
		}
		if opensBefore(r) {
			t[r] |= sideOpener
		}
		if unicode.IsPunct(r) {
			t[r] |= sidePunct
		}
	}
	return t
}()

const (
	sideSpace = 1 << iota
	sideOpener
	sidePunct
)

// opensBefore reports whether r is punctuation a quotation may open right
// after: a bracket, a dash, a slash or another opening mark.
func opensBefore(r rune) bool {
	return unicode.In(r, unicode.Ps, unicode.Pi, unicode.Pd) || r == '"' || r == '\'' || r == '/'
}

// singleSpanWords is the fewest words a stand-alone single-quoted span of
// a double-quote document needs to be a quotation rather than a title or
// a scare quote ('protected', 'a small fortune').
const singleSpanWords = 4

// singleOpens reports whether a single mark at i opens a quotation: after
// a space or opening punctuation and before a letter. Before a digit or
// a word clipped at its front it is an elision: the '90s, tell 'em.
func singleOpens(text string, a, b, i, size int) bool {
	prev, next := neighbours(text, a, b, i, size)
	if !(unicode.IsSpace(prev) || opensBefore(prev)) || !unicode.IsLetter(next) {
		return false
	}
	w := i + size
	for w < b && (text[w] >= 'a' && text[w] <= 'z' || text[w] >= 'A' && text[w] <= 'Z') {
		w++
	}
	return !elided[strings.ToLower(text[i+size:w])]
}

// elided are words written with an apostrophe for their clipped front.
var elided = set(`em n til cause cos bout round tis twas`)

// singleCloses reports whether a single mark at i closes a quotation:
// after a non-space and before a space, punctuation or the end. Between
// letters it is an apostrophe (it's), and after an s before a space a
// plural's possessive (the students' union).
func singleCloses(text string, a, b, i, size int) bool {
	prev, next := neighbours(text, a, b, i, size)
	if unicode.IsSpace(prev) || !unicode.IsSpace(next) && !unicode.IsPunct(next) {
		return false
	}
	return !(unicode.IsSpace(next) && (prev == 's' || prev == 'S'))
}

// appendSingle adds a stand-alone single-quoted span when it is long
// enough to be a quotation.
func appendSingle(text string, spans []span, open, closeMark, closeEnd int) []span {
	n := len(spans)
	spans = appendSpan(text, spans, open, closeMark, closeEnd, true)
	if len(spans) > n {
		if wordCount(text[spans[n].tStart:spans[n].tEnd]) < singleSpanWords {
			return spans[:n]
		}
		spans[n].single = true
	}
	return spans
}

// opensHere reports whether a straight mark at i opens a quotation: it is
// followed by text and not glued to a preceding word (the 12" pipe).
func opensHere(text string, a, b, i, size int) bool {
	if i+size >= b {
		return false
	}
	next, _ := utf8.DecodeRuneInString(text[i+size : b])
	if unicode.IsSpace(next) {
		return false
	}
	if i == a {
		return true
	}
	prev, _ := utf8.DecodeLastRuneInString(text[a:i])
	return !isWordRune(prev)
}

func closesHere(text string, a, b, i, size int) bool {
	if i == a {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(text[a:i])
	if unicode.IsSpace(prev) {
		return false
	}
	if i+size >= b {
		return true
	}
	next, _ := utf8.DecodeRuneInString(text[i+size : b])
	return unicode.IsSpace(next) || unicode.IsPunct(next)
}

func appendSpan(text string, spans []span, open, closeMark, closeEnd int, closed bool) []span {
	_, size := utf8.DecodeRuneInString(text[open:])
	s, e := trimSpan(text, open+size, closeMark)
	// A comma before the closing mark belongs to the sentence around the
	// quotation, not to what was said.
	for e > s && (text[e-1] == ',' || text[e-1] == ' ') {
		e--
	}
	if s >= e {
		return spans
	}
	return append(spans, span{open: open, close: closeEnd, tStart: s, tEnd: e, closed: closed})
}

// startsWithOpener reports whether paragraph p begins with an opening mark,
// which continues a quotation left open at the end of the paragraph before.
func startsWithOpener(text string, p paragraph) bool {
	r, _ := utf8.DecodeRuneInString(text[p.start:p.end])
	return r == '“' || r == '"' || r == '«' || r == '„' || r == '‘' || r == '\''
}

// usesSingleQuotes reports whether the paragraphs quote with single marks,
// British style: at least two single marks opening a quotation (after a
// space, before a letter), and every double mark nested inside a
// single-quoted quotation ('He said, "No," and left').
func usesSingleQuotes(text string, paras []paragraph) bool {
	if len(paras) == 0 {
		return false
	}
	all := text[paras[0].start:paras[len(paras)-1].end]
	openers := 0
	// Each ' and ‘ is found with the fast substring search: every
	// occurrence of their bytes is the mark itself, whatever invalid UTF-8
	// comes before it, since neither holds a byte that can continue
	// another character. The next of each kind is kept until passed, so
	// a document with many of one and none of the other is read once.
	straight, curly := -1, -1
	for from := 0; ; {
		if straight < from {
			straight = indexFrom(all, from, "'")
		}
		if curly < from {
			curly = indexFrom(all, from, "‘")
		}
		i, size := straight, 1
		if curly < straight {
			i, size = curly, len("‘")
		}
		if i >= len(all) {
			break
		}
		from = i + size
		prevOK := i == 0
		if !prevOK {
			p, _ := utf8.DecodeLastRuneInString(all[:i])
			prevOK = !isWordRune(p)
		}
		if prevOK && i+size < len(all) {
			n, _ := utf8.DecodeRuneInString(all[i+size:])
			if isWordRune(n) {
				openers++
			}
		}
	}
	if openers < 2 {
		return false
	}
	if !strings.ContainsAny(all, "\"“”«»„") {
		return true
	}
	var spans []span
	for _, p := range paras {
		spans = singleQuoteSpans(text, p.start, p.end, spans[:0])
		for i := p.start; i < p.end; {
			k := strings.IndexAny(text[i:p.end], "\"“”«»„")
			if k < 0 {
				break
			}
			i += k
			if !insideSpan(spans, i) {
				return false
			}
			_, size := utf8.DecodeRuneInString(text[i:])
			i += size
		}
	}
	return true
}

// indexFrom returns the offset of the first sep in s[from:], counted from
// the start of s, or len(s) when there is none.
func indexFrom(s string, from int, sep string) int {
	if k := strings.Index(s[from:], sep); k >= 0 {
		return from + k
	}
	return len(s)
}

func insideSpan(spans []span, i int) bool {
	for _, s := range spans {
		if s.open < i && i < s.close {
			return true
		}
	}
	return false
}

// singleQuoteSpans finds quotations in single marks. An apostrophe inside
// a word never opens or closes one; a mark after a word and before a
// space ("the farmers' union", "the 'false dawn' of") closes only when no
// clearer closing mark follows in the paragraph.
func singleQuoteSpans(text string, a, b int, spans []span) []span {
	open, tentative := -1, -1
	for i := a; i < b; {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:b])
		}
		if r != '\'' && r != '‘' && r != '’' {
			i += size
			continue
		}
		prev, next := ' ', ' '
		if i > a {
			prev, _ = utf8.DecodeLastRuneInString(text[a:i])
		}
		if i+size < b {
			next, _ = utf8.DecodeRuneInString(text[i+size : b])
		}
		switch {
		case open < 0:
			if r != '’' && !isWordRune(prev) && isWordRune(next) {
				open, tentative = i, -1
			}
		case isWordRune(prev) && isWordRune(next):
			// it's, Sarkov's
		case unicode.IsSpace(prev):
			// an opening mark inside a quotation: nested, ignore
		case isWordRune(prev) && unicode.IsSpace(next):
			if tentative < 0 {
				tentative = i
			}
		default:
			spans = appendSpan(text, spans, open, i, i+size, true)
			open, tentative = -1, -1
		}
		i += size
	}
	if open >= 0 {
		if tentative >= 0 {
			_, size := utf8.DecodeRuneInString(text[tentative:])
			spans = appendSpan(text, spans, open, tentative, tentative+size, true)
		} else {
			spans = appendSpan(text, spans, open, b, b, false)
		}
	}
	return spans
}
