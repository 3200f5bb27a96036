package extract

import (
	"encoding/binary"
	"math"
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

type tokKind uint8

const (
	tWord tokKind = iota
	tPunct
	tQuote // a whole quotation, opaque to the prose around it
)

// token is one word, punctuation mark or quotation of a paragraph, with
// its byte offsets in the document text.
//
// A token holds no pointer, so that the article's array of them, one for
// every five or so bytes of text, is nothing for the collector to scan or
// to guard writes to, and need not be cleared for reuse. Its lower-case
// word is not a string of its own but a length: the word lowered in place
// in a copy of the text (see tokenizer and article.low). The word as
// written is cut from the text when needed (see word), which is seldom.
type token struct {
	start, end int
	// lowLen is, for words, the length of the lower-case word (without
	// a possessive 's) at start in the lowered text; when negative, the
	// word is -1-lowLen in the article's list of words whose lower case
	// does not fit where they are written (see tokenizer.lowerOther).
	lowLen int32
	// punct is, for punctuation, the mark; for a quotation, the index of
	// its span in the paragraph's spans (see span). One field serves both,
	// as no token is both, so that a token takes 32 bytes, not 40: the
	// article's tokens are read over and over, and fewer bytes each keeps
	// more of them in the processor's caches.
	punct   rune
	vocab   vocab // for words: the vocabulary sets holding the lower-case word
	kind    tokKind
	cap     bool // first letter upper case
	allCaps bool // every letter upper case, at least two letters
	poss    bool // the word carried a possessive 's
}

// abbreviations keep their dot: the dot does not end a sentence.
var abbreviations = set(`mr mrs ms dr st jr sr gen sen sec rep gov lt col capt sgt prof rev adm maj cmdr
u.s u.k u.n e.u d.c no vs etc inc corp ltd co mt ft gens reps sens p.m a.m i.e e.g`)

// isAbbreviation reports whether w, in any case, is one of abbreviations.
func isAbbreviation(w string) bool { return vocabOfFold(w)&vAbbreviations != 0 }

// inSet reports whether set holds strings.ToLower(w). The usual short
// ASCII word is lowered on the stack, not the heap: vocabulary lookups
// are made for most words of a document.
func inSet(set map[string]bool, w string) bool {
	var buf [24]byte
	if low, ok := foldASCII(&buf, w); ok {
		return set[string(low)]
	}
	return set[strings.ToLower(w)]
}

// foldASCII lowers w into buf and returns it there, if w is ASCII and
// fits; ok is false otherwise. A map indexed by string(low) makes no copy.
func foldASCII(buf *[24]byte, w string) (low []byte, ok bool) {
	if len(w) > len(buf) {
		return nil, false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= utf8.RuneSelf:
			return nil, false
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return buf[:len(w)], true
}

// appendLower appends strings.ToLower(s) to dst, byte for byte the same
// (an invalid byte becomes U+FFFD as there), so a buffer can be reused.
func appendLower(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
		i += size
	}
	return dst
}

// asciiWord[b] is isWordRune(rune(b)) for the ASCII bytes.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for b := range t {
		t[b] = isWordRune(rune(b))
	}
	return t
}()

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// maxVocabLen is the length of the longest word of the vocabulary: a
// longer word need not be looked up.
var maxVocabLen = func() int {
	n := 0
	for w := range vocabOf {
		n = max(n, len(w))
	}
	return n
}()

// tokenizer makes the tokens of an article's paragraphs.
type tokenizer struct {
	// low is a copy of the text in which each word's lower-case form is
	// written over the word, where tokens find it (see token.lowLen):
	// lowering a word of the same length in place takes no allocation,
	// and the copy is kept for the next article. A word's bytes are
	// written once, before any string views them (the bytes after a
	// short word are written back with it, unchanged: see appendShort),
	// and the copy is not written again until the next article (begin),
	// by when no string viewing it is left: see article.low.
	low []byte
	// over holds the lower-case words longer than the words as written
	// (a few letters outside ASCII, invalid bytes), which do not fit.
	over []string
	// midCaps, when set, gathers the capitalised words seen after a
	// word or a comma of the same paragraph (the one whose first token
	// is toks[paraStart]): capitals there mark names, not sentence
	// starts. Noted as each word is made, to spare another pass.
	midCaps   map[string]bool
	paraStart int
	// marks gathers, for sentences, the index from paraStart of every
	// token that can end a sentence or that sentence looks up: full stops
	// and the like, speech verbs, "according". Noted as each token is
	// made, so that sentences need not look at the others.
	marks []int32
	// midSeen holds, by hash, words of up to eight bytes already in
	// midCaps, packed (packWord; no word holds a NUL byte, so each
	// packs differently and none to 0): a name recurs through an
	// article, and a map assignment costs far more than a look here.
	midSeen [64]uint64
}

// begin readies the tokenizer for the words of text, keeping the arrays
// of the article before it.
func (l *tokenizer) begin(text string) {
	l.low = append(l.low[:0], text...)
	clear(l.over)
	l.over = l.over[:0]
	clear(l.midSeen[:])
}

// lowOf returns the lower-case word of t, a token l made.
func (l *tokenizer) lowOf(t *token) string {
	if t.lowLen < 0 {
		return l.over[-1-t.lowLen]
	}
	if t.lowLen == 0 {
		return ""
	}
	// Sound: see the comment on low. The bytes viewed are written.
	return unsafe.String(&l.low[t.start], int(t.lowLen))
}

// tokenize appends the tokens of text[a:b] to toks.
func (l *tokenizer) tokenize(text string, a, b int, toks []token) []token {
	s := text[:b] // bounds the loops below for the compiler's checks too
	i := a
	for i < len(s) {
		r, size := rune(s[i]), 1
		switch byteClass[s[i]] {
		case bSpace:
			i++
			continue
		case bPunct:
			var t *token
			toks, t = nextToken(toks)
			t.start, t.end, t.kind, t.punct = i, i+1, tPunct, r
			if r == '.' || r == '!' || r == '?' {
				l.noteMark(toks) // terminal (see token.terminal)
			}
			i++
			if i < len(s) && s[i] == ' ' {
				i++ // the space after a comma or a full stop
			}
			continue
		case bOther:
			r, size = utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				i += size
				continue
			}
			if !isWordRune(r) {
				toks = append(toks, token{start: i, end: i + size, kind: tPunct, punct: r})
				if r == '…' {
					l.noteMark(toks) // terminal (see token.terminal)
				}
				i += size
				continue
			}
		}
		var j int
		if size == 1 && i+8 <= len(text) {
			// An ASCII word of at most eight bytes, nearly every word of
			// prose, is read eight bytes at once: which of them are
			// letters and digits, so where the word ends, and its
			// capitals, lower case and hash (see caseMasks, appendShort).
			// A byte with its high bit set may carry into the bytes
			// after it, which are past the word's end anyway.
			x := load8(text, i)
			upper, lower := caseMasks(x)
			word := (upper | lower | digitMask(x)) &^ x
			n := min(bits.TrailingZeros64(^word&highBits)>>3, len(s)-i)
			if j = i + n; (n < 8 || j == len(s)) && (j == len(s) || plainEnd[s[j]] || joinerEnds(s, i, j, x, upper)) {
				toks = l.appendShort(toks, i, n, x, upper, lower)
				goto made
			}
			if n == 8 && i+16 <= len(text) {
				// The same for a word of nine to sixteen bytes.
				x2 := load8(text, i+8)
				u2, l2 := caseMasks(x2)
				word2 := (u2 | l2 | digitMask(x2)) &^ x2
				n = min(8+bits.TrailingZeros64(^word2&highBits)>>3, len(s)-i)
				if j = i + n; (n < 16 || j == len(s)) && (j == len(s) || plainEnd[s[j]] || joinerEnds(s, i, j, x, upper)) {
					toks = l.appendMid(toks, i, n, x, x2, upper, lower, u2, l2)
					goto made
				}
			}
		}
		j = i + size
		for {
			for j < len(s) && byteClass[s[j]] == bWord {
				j++ // the common case, without the general checks below
			}
			if j >= len(s) {
				break
			}
			c, cs := rune(s[j]), 1
			if c >= utf8.RuneSelf {
				c, cs = utf8.DecodeRuneInString(s[j:])
				if isWordRune(c) {
					j += cs
					continue
				}
			}
			if c == '\'' || c == '’' || c == '-' || c == '.' || c == '&' {
				// Joiners stay inside a word only when a letter follows
				// ("U.S", "Sarkov's", "well-known"), or for an abbreviation's
				// final dot.
				if j+cs < len(s) && wordRuneAt(s, j+cs, len(s)) {
					j += cs
					continue
				}
				if (c == '\'' || c == '’') && (s[j-1] == 's' || s[j-1] == 'S') && j-i > 2 {
					// "Supporters' Trust": a plural possessive keeps its
					// mark as part of the word.
					if j+cs >= len(s) || s[j+cs] == ' ' {
						j += cs
						break
					}
				}
				if c == '.' && (isAbbreviation(s[i:j]) || utf8.RuneCountInString(s[i:j]) == 1 && unicode.IsUpper(r)) {
					j += cs
				}
			}
			break
		}
		toks = l.appendWord(toks, text, i, j)
	made:
		t := &toks[len(toks)-1]
		if t.cap {
			l.noteMidCap(toks) // not inlined: capitals are few
		}
		if t.vocab&(vSpeechVerbs|vAccording) != 0 {
			l.noteMark(toks)
		}
		i = j
		if i < len(s) && s[i] == ' ' {
			i++ // the space after most words, spared a turn of the loop
		}
	}
	return toks
}

// plainEnd[c] reports whether the ASCII byte c, after letters or digits,
// ends a word with nothing more to decide: no letter, digit or joiner
// (see tokenize), nor the start of a multi-byte character.
var plainEnd = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = !asciiWord[c] && !strings.ContainsRune(`'-.&`, rune(c))
	}
	return t
}()

// joinerEnds reports, for the word s[i:j] of at most sixteen ASCII
// letters and digits (x is the eight bytes from i, upper their capitals)
// followed by s[j], whether s[j] is a joiner (' - . &) that tokenize's
// general loop would leave out of the word with no more to decide: one
// followed by no letter or digit, and not the mark of a plural possessive
// or the dot of an abbreviation or an initial. A byte after it outside
// ASCII is left to the general loop, which decodes it.
func joinerEnds(s string, i, j int, x, upper uint64) bool {
	c := s[j]
	if c != '.' && c != '-' && c != '&' && c != '\'' {
		return false
	}
	if j+1 < len(s) && (s[j+1] >= utf8.RuneSelf || asciiWord[s[j+1]]) {
		return false
	}
	n := j - i
	switch c {
	case '\'':
		return !(n > 2 && (s[j-1] == 's' || s[j-1] == 'S'))
	case '.':
		if n > 8 {
			return vocabOfFold(s[i:j])&vAbbreviations == 0 // no abbreviation is this long: at once
		}
		if n == 1 && upper&0x80 != 0 {
			return false // an initial: "J. Smith"
		}
		mask := ^uint64(0) >> (64 - 8*n)
		low := x&mask | upper&mask>>2
		return lookupShort(low, n, shortHash(low))&vAbbreviations == 0
	}
	return true
}

// digitMask returns, for eight ASCII bytes, the high bit of each that is
// a digit, as caseMasks does for letters.
func digitMask(x uint64) uint64 {
	return (x + lowBits*(0x80-'0')) &^ (x + lowBits*(0x80-'9'-1)) & highBits
}

// appendShort appends the token of a word of n <= 8 ASCII letters and
// digits at text[i:], given x, the eight bytes from i, and their
// caseMasks: appendWord's first case without reading the word again.
func (l *tokenizer) appendShort(toks []token, i, n int, x, upper, lower uint64) []token {
	mask := ^uint64(0) >> (64 - 8*n)
	x, upper, lower = x&mask, upper&mask, lower&mask
	low := x | upper>>2 // 'A'..'Z' + 0x20 is 'a'..'z'
	if upper != 0 {
		// The word's bytes only: those after it are written back as
		// they were. i+8 <= len(text) == len(l.low).
		at := l.low[i : i+8]
		binary.LittleEndian.PutUint64(at, binary.LittleEndian.Uint64(at)&^mask|low)
	}
	toks, t := nextToken(toks)
	t.start, t.end, t.kind, t.lowLen = i, i+n, tWord, int32(n)
	t.cap = upper&0x80 != 0
	t.allCaps = t.cap && bits.OnesCount64(upper|lower) >= 2 && lower == 0
	t.vocab = lookupShort(low, n, shortHash(low))
	return toks
}

// nextToken returns toks with a zero token more, and that token, to fill
// in place. A token made apart and then appended is written in pieces
// and read back whole to copy it, which the processor cannot serve from
// the pieces still on their way to memory: a stall for every word.
func nextToken(toks []token) ([]token, *token) {
	if len(toks) < cap(toks) {
		toks = toks[:len(toks)+1]
		toks[len(toks)-1] = token{}
	} else {
		toks = append(toks, token{})
	}
	return toks, &toks[len(toks)-1]
}

// appendMid is appendShort for a word of 8 < n <= 16 ASCII letters and
// digits, given the sixteen bytes from i in two halves and their
// caseMasks: appendWord's second case without reading the word again.
func (l *tokenizer) appendMid(toks []token, i, n int, x1, x2, u1, l1, u2, l2 uint64) []token {
	mask2 := ^uint64(0) >> (128 - 8*n)
	x2, u2, l2 = x2&mask2, u2&mask2, l2&mask2
	low1, low2 := x1|u1>>2, x2|u2>>2
	if u1|u2 != 0 {
		// i+16 <= len(text) == len(l.low).
		binary.LittleEndian.PutUint64(l.low[i:i+8], low1)
		at := l.low[i+8 : i+16]
		binary.LittleEndian.PutUint64(at, binary.LittleEndian.Uint64(at)&^mask2|low2)
	}
	toks, t := nextToken(toks)
	t.start, t.end, t.kind, t.lowLen = i, i+n, tWord, int32(n)
	t.cap = u1&0x80 != 0
	t.allCaps = t.cap && bits.OnesCount64(u1|l1)+bits.OnesCount64(u2|l2) >= 2 && l1|l2 == 0
	if n <= maxVocabLen {
		t.vocab = lookupMid(low1, l.lowOf(t), midHash(low1, low2))
	}
	return toks
}

// byteClass sorts the bytes for tokenize: ASCII white space, ASCII letters
// and digits, other ASCII (punctuation), and the rest, which begin or
// continue a multi-byte character and need decoding.
var byteClass = func() (t [256]uint8) {
	for c := range t {
		switch {
		case c >= utf8.RuneSelf:
			t[c] = bOther
		case asciiSpace[c]:
			t[c] = bSpace
		case asciiWord[c]:
			t[c] = bWord
		default:
			t[c] = bPunct
		}
	}
	return t
}()

const (
	bPunct uint8 = iota
	bSpace
	bWord
	bOther
)

const (
	lowBits  = 0x0101010101010101 // one in each byte's lowest bit
	highBits = 0x8080808080808080 // one in each byte's highest bit
)

// load8 returns the eight bytes of s from i, the first lowest.
func load8(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// caseMasks returns, for eight ASCII bytes (high bits clear), the high
// bit of each byte that is an upper-case letter and of each that is a
// lower-case one. Adding 0x80-'A' to a byte sets its high bit just when
// it is 'A' or above, and no byte carries into the next since none
// exceeds 0x7f.
func caseMasks(x uint64) (upper, lower uint64) {
	upper = (x + lowBits*(0x80-'A')) &^ (x + lowBits*(0x80-'Z'-1)) & highBits
	lower = (x + lowBits*(0x80-'a')) &^ (x + lowBits*(0x80-'z'-1)) & highBits
	return upper, lower
}

// asciiSpace[b] is unicode.IsSpace(rune(b)) for the ASCII bytes.
var asciiSpace = func() (t [utf8.RuneSelf]bool) {
	for b := range t {
		t[b] = unicode.IsSpace(rune(b))
	}
	return t
}()

// wordRuneAt reports whether the rune at text[k:b] (k < b) is a letter or
// digit.
func wordRuneAt(text string, k, b int) bool {
	if c := text[k]; c < utf8.RuneSelf {
		return asciiWord[c]
	}
	r, _ := utf8.DecodeRuneInString(text[k:b])
	return isWordRune(r)
}

// appendWord appends the token of the word text[i:j] to toks, and writes
// its lower-case form over it in l.low (see tokenizer).
func (l *tokenizer) appendWord(toks []token, text string, i, j int) []token {
	toks, t := nextToken(toks)
	t.start, t.end, t.kind = i, j, tWord
	w := text[i:j]
	if n := len(w); n > 2 && (w[n-1] == 's' || w[n-1] == 'S') {
		// A possessive 's or ’s, either s in either case.
		switch {
		case w[n-2] == '\'':
			w, t.poss = w[:n-2], true
		case n > 4 && w[n-4:n-1] == "’":
			w, t.poss = w[:n-4], true
		}
	}
	if n := len(w); n <= 8 && i+8 <= len(text) {
		// A short word, nearly every one: its eight bytes, read at once,
		// give its ASCII-ness, capitals, letters, lower case and hash
		// with no loop over bytes (see caseMasks).
		mask := ^uint64(0) >> (64 - 8*n)
		x := load8(text, i) & mask
		if x&highBits == 0 {
			upper, lower := caseMasks(x)
			low := x | upper>>2 // 'A'..'Z' + 0x20 is 'a'..'z'
			if upper != 0 {
				// The word's bytes only: those after it are written back
				// as they were.
				at := l.low[i : i+8]
				binary.LittleEndian.PutUint64(at, binary.LittleEndian.Uint64(at)&^mask|low)
			}
			t.lowLen = int32(n)
			t.cap = upper&0x80 != 0
			t.allCaps = t.cap && bits.OnesCount64(upper|lower) >= 2 && lower == 0
			t.vocab = lookupShort(low, n, shortHash(low))
			return toks
		}
	}
	if n := len(w); n > 8 && n <= 16 && i+16 <= len(text) {
		// The same for a word of nine to sixteen bytes, in two halves.
		mask2 := ^uint64(0) >> (128 - 8*n)
		x1, x2 := load8(text, i), load8(text, i+8)&mask2
		if (x1|x2)&highBits == 0 {
			u1, l1 := caseMasks(x1)
			u2, l2 := caseMasks(x2)
			low1, low2 := x1|u1>>2, x2|u2>>2
			if u1|u2 != 0 {
				binary.LittleEndian.PutUint64(l.low[i:i+8], low1)
				at := l.low[i+8 : i+16]
				binary.LittleEndian.PutUint64(at, binary.LittleEndian.Uint64(at)&^mask2|low2)
			}
			t.lowLen = int32(n)
			t.cap = u1&0x80 != 0
			t.allCaps = t.cap && bits.OnesCount64(u1|l1)+bits.OnesCount64(u2|l2) >= 2 && l1|l2 == 0
			if n <= maxVocabLen {
				t.vocab = lookupVocab(l.lowOf(t), midHash(low1, low2))
			}
			return toks
		}
	}
	// Otherwise: an ASCII word is read byte by byte, any other the
	// general way.
	letters, upper := 0, 0
	k := 0
	for ; k < len(w); k++ {
		c := w[k]
		if c >= utf8.RuneSelf {
			break
		}
		switch {
		case 'A' <= c && c <= 'Z':
			upper++
			letters++
		case 'a' <= c && c <= 'z':
			letters++
		}
	}
	if k == len(w) {
		if upper > 0 {
			for x := i; x < i+len(w); x++ {
				if c := l.low[x]; 'A' <= c && c <= 'Z' {
					l.low[x] = c + 'a' - 'A'
				}
			}
		}
		l.setLow(t, len(w))
		t.cap = 'A' <= w[0] && w[0] <= 'Z'
		t.allCaps = t.cap && letters >= 2 && letters == upper
	} else {
		l.lowerOther(t, w)
		first, _ := utf8.DecodeRuneInString(w)
		t.cap = unicode.IsUpper(first)
		if t.cap {
			letters, upper := 0, 0
			for _, c := range w {
				if unicode.IsLetter(c) {
					letters++
					if unicode.IsUpper(c) {
						upper++
					}
				}
			}
			t.allCaps = letters >= 2 && letters == upper
		}
	}
	if low := l.lowOf(t); len(low) <= maxVocabLen {
		t.vocab = lookupVocab(low, vocabHashString(low))
	}
	return toks
}

// setLow records that the lower-case word of t, n bytes, is written at
// t.start; one too long for lowLen (not from any document a loader
// reads) is kept in over instead.
func (l *tokenizer) setLow(t *token, n int) {
	if n > math.MaxInt32 {
		l.over = append(l.over, string(l.low[t.start:t.start+n]))
		t.lowLen = int32(-len(l.over))
		return
	}
	t.lowLen = int32(n)
}

// lowerOther gives t the lower case of w, a word with bytes outside
// ASCII, as strings.ToLower has it: written over the word when it is no
// longer, which is nearly always, and kept in over when it is.
func (l *tokenizer) lowerOther(t *token, w string) {
	n := 0
	for _, r := range w {
		// Measure first: writing a longer word would overwrite the text
		// after it.
		if r == utf8.RuneError {
			n += utf8.RuneLen(utf8.RuneError) // what ToLower makes of a bad byte, and of U+FFFD
		} else {
			n += utf8.RuneLen(unicode.ToLower(r))
		}
	}
	if n > len(w) {
		l.over = append(l.over, strings.ToLower(w))
		t.lowLen = int32(-len(l.over))
		return
	}
	appendLower(l.low[t.start:t.start], w)
	l.setLow(t, n)
}

// noteMark notes the last of toks in marks, a token sentences looks at:
// a terminal mark, a speech verb, "according".
func (l *tokenizer) noteMark(toks []token) {
	l.marks = append(l.marks, int32(len(toks)-1-l.paraStart))
}

// noteMidCap records in midCaps the last of toks, a capitalised word,
// if it follows a word or a comma of its paragraph.
func (l *tokenizer) noteMidCap(toks []token) {
	n := len(toks) - 1
	if t := &toks[n]; l.midCaps != nil && n > l.paraStart {
		if prev := &toks[n-1]; prev.kind == tWord || prev.is(',') {
			if k := int(t.lowLen); k > 0 && k <= 8 && t.start+8 <= len(l.low) {
				key := binary.LittleEndian.Uint64(l.low[t.start:]) & (^uint64(0) >> (64 - 8*k))
				if h := shortHash(key) % uint32(len(l.midSeen)); l.midSeen[h] != key {
					l.midCaps[l.lowOf(t)] = true
					l.midSeen[h] = key
				}
				return
			}
			l.midCaps[l.lowOf(t)] = true
		}
	}
}

// word returns the word as written in text, without a possessive 's.
func (t *token) word(text string) string {
	end := t.end
	if t.poss {
		end -= len("'s")
		if text[end] != '\'' {
			end -= len("’s") - len("'s")
		}
	}
	return text[t.start:end]
}

// span returns the index in its paragraph's spans of t, a quotation: a
// quotation has no punctuation mark, so its punct field holds the index.
func (t *token) span() int32 { return t.punct }

// in reports whether the word is in one of the vocabulary sets v names.
func (t *token) in(v vocab) bool { return t.vocab&v != 0 }

func (t *token) is(p rune) bool { return t.kind == tPunct && t.punct == p }

func (t *token) isDash() bool {
	return t.kind == tPunct && (t.punct == '—' || t.punct == '–' || t.punct == '-')
}

func (t *token) terminal() bool {
	return t.kind == tPunct && (t.punct == '.' || t.punct == '!' || t.punct == '?' || t.punct == '…')
}
