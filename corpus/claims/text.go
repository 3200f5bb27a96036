package claims

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"

	"github.com/backchannel-news/backchannel/model"
)

// span is a byte range [start, end) of a document's text.
type span struct{ start, end int }

// abbreviations end with a period that does not end a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "gen": true, "sen": true,
	"rep": true, "gov": true, "lt": true, "col": true, "prof": true, "jr": true, "sr": true,
	"vs": true, "no": true, "sgt": true, "capt": true, "maj": true, "rev": true, "inc": true,
	"corp": true, "co": true, "ltd": true, "etc": true, "e.g": true, "i.e": true, "u.s": true,
	"u.k": true, "u.n": true, "jan": true, "feb": true, "aug": true, "sept": true, "oct": true,
	"nov": true, "dec": true,
}

// sentences splits text[from:to] into sentence spans, trimmed of space.
// Line breaks always end a sentence: in both articles and transcripts a
// line is at most a paragraph, and headlines carry no final period.
func sentences(text string, from, to int) []span {
	return sentencesInto(nil, text, from, to)
}

// sentencesInto is sentences appending to out.
func sentencesInto(out []span, text string, from, to int) []span {
	start := from
	emit := func(end int) {
		s, e := trimSpan(text, start, end)
		if e > s {
			out = append(out, span{s, e})
		}
	}
	for i := from; i < to; {
		// Most of a text is ASCII letters and spaces, which neither end
		// a sentence nor need decoding.
		if b := text[i]; b < utf8.RuneSelf && !sentenceByte[b] {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n':
			emit(i)
			start = i + 1
		case r == '.' || r == '!' || r == '?' || r == '…':
			end := i + size
			// A closing quote or bracket stays with its sentence.
			for end < to {
				r2, s2 := utf8.DecodeRuneInString(text[end:])
				if r2 != '"' && r2 != '”' && r2 != '’' && r2 != ')' && r2 != '\'' {
					break
				}
				end += s2
			}
			if (end >= to || spaceAt(text, end)) && !continuesLowercase(text, end, to) {
				if r != '.' || !abbreviationBefore(text, start, i) || opensSentence(text, end, to) {
					emit(end)
					start = end
				}
			}
			i = end
			continue
		}
		i += size
	}
	emit(to)
	return out
}

// sentenceByte marks the ASCII characters sentences looks at: a line
// break and the stops.
var sentenceByte = [utf8.RuneSelf]bool{'\n': true, '.': true, '!': true, '?': true}

func isSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' }

// spaceAt reports whether a space of any kind starts at i: transcripts
// often put a no-break space after a full stop.
func spaceAt(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsSpace(r)
}

// abbreviationBefore reports whether the word ending at the period at dot
// is an abbreviation or an initial ("J. Smith"), after which a sentence
// goes on.
func abbreviationBefore(text string, start, dot int) bool {
	w := dot
	for w > start && !isSpace(text[w-1]) && text[w-1] != '(' && text[w-1] != '"' {
		w--
	}
	word := strings.ToLower(strings.TrimLeft(text[w:dot], "“‘"))
	if abbreviations[word] {
		return true
	}
	r, size := utf8.DecodeRuneInString(text[w:dot])
	return size == dot-w && unicode.IsUpper(r)
}

// continuesLowercase reports whether the text after a stop goes on in
// lower case on the same line, as after a quoted question: "Was it
// long?" she asked.
func continuesLowercase(text string, i, to int) bool {
	for i < to {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == '\n' || !unicode.IsSpace(r) {
			return unicode.IsLower(r)
		}
		i += size
	}
	return false
}

// opensSentence reports whether the word at i is a capitalised function
// word ("It", "The"), which after "U.S." starts a new sentence.
func opensSentence(text string, i, to int) bool {
	for i < to && spaceAt(text, i) {
		_, size := utf8.DecodeRuneInString(text[i:])
		i += size
	}
	j := i
	for j < to && !isSpace(text[j]) {
		j++
	}
	w := text[i:j]
	return isCapitalized(w) && english.IsStopWord(strings.ToLower(w))
}

func trimSpan(text string, s, e int) (int, int) {
	for s < e {
		r, size := utf8.DecodeRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		s += size
	}
	for e > s {
		r, size := utf8.DecodeLastRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= size
	}
	return s, e
}

// clauseBreaks are the joints at which one sentence carries two holders'
// statements: "X said A, whereas Y described B as C".
var clauseBreaks = []string{"; ", ", whereas ", " whereas ", ", while ", ", but ", " while "}

// clauses splits a sentence span at clause joints.
func clauses(text string, s span) []span {
	a, b := trimSpan(text, s.start, s.end)
	if b <= a {
		return nil
	}
	out := []span{{a, b}}
	for _, sep := range clauseBreaks {
		// Most sentences have no joint: a pass over spans that do not
		// hold sep would only copy them (they are trimmed already).
		if !anyHolds(text, out, sep) {
			continue
		}
		var next []span
		for _, c := range out {
			rest := c.start
			for {
				i := strings.Index(text[rest:c.end], sep)
				if i < 0 {
					break
				}
				cut := rest + i
				if a, b := trimSpan(text, rest, cut); b > a {
					next = append(next, span{a, b})
				}
				rest = cut + len(sep)
			}
			if a, b := trimSpan(text, rest, c.end); b > a {
				next = append(next, span{a, b})
			}
		}
		out = next
	}
	return out
}

// anyHolds reports whether the text of any of spans contains sep.
func anyHolds(text string, spans []span, sep string) bool {
	for _, c := range spans {
		if strings.Contains(text[c.start:c.end], sep) {
			return true
		}
	}
	return false
}

// token is one word of a claim with where it came from.
type token struct {
	word  string // as written, without surrounding punctuation
	lower string
	info  *wordInfo // what the rules ask of the word, looked up once
	start int       // byte offset in the document
	// capital is set for a capitalised word that does not open its
	// sentence: a name or part of one.
	capital bool
	// punctBefore holds the punctuation between the previous word and
	// this one (",", ":", "“" ...), which tells clause and phrase joints.
	punctBefore string
	possessive  bool // written with "'s": "Harrow's secretary"
	// joined is set for a part of a hyphenated word after the first:
	// "US" in "Russian-US".
	joined bool
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf { // most words are ASCII: skip the Unicode tables
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '\'' || r == '-' || r == '.'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '’'
}

// asciiWordByte is isWordRune of each ASCII character.
var asciiWordByte = func() (is [utf8.RuneSelf]bool) {
	for b := range is {
		is[b] = isWordRune(rune(b))
	}
	return is
}()

// tokenArena hands out the token slices of one document from one buffer,
// reused for the next document: most of what reading a document would
// otherwise leave to the collector.
type tokenArena struct {
	buf   []token
	known localWords
	// strs holds the concept lists of the document's statements, and
	// spans its sentences, as buf holds their words.
	strs  []string
	spans []span
	// refs follows whom the document speaks of; its lists are reused
	// from one document to the next.
	refs referents
	// The last span cut and its words: a short sentence's opening, read
	// for its subject, is the whole clause read next. Nothing changes a
	// token once cut, so the two readers can share them.
	lastText  string
	lastSpan  span
	lastWords []token
}

// reset makes the whole buffer free again; no slice it gave may be used
// after.
func (a *tokenArena) reset() {
	a.buf, a.strs, a.spans = a.buf[:0], a.strs[:0], a.spans[:0]
	a.lastText, a.lastSpan, a.lastWords = "", span{}, nil
}

// tokenize is the package's tokenize, into the arena; a nil arena
// allocates.
func (a *tokenArena) tokenize(text string, s span) []token {
	if a == nil {
		return tokenize(text, s)
	}
	if s == a.lastSpan && text == a.lastText && a.lastWords != nil {
		return a.lastWords
	}
	need := estimateTokens(s)
	if cap(a.buf)-len(a.buf) < need {
		// The slices given so far keep the old buffer.
		a.buf = make([]token, 0, max(8192, 2*cap(a.buf), need))
	}
	if a.known == nil {
		a.known = localWords{}
	}
	from := len(a.buf)
	out := tokenizeInto(a.buf[from:from], text, s, a.known)
	if cap(out) == cap(a.buf)-from {
		a.buf = a.buf[:from+len(out)] // filled in place
	}
	out = out[:len(out):len(out)]
	a.lastText, a.lastSpan, a.lastWords = text, s, out
	return out
}

// strings returns an empty list with room for n strings from the arena;
// a nil arena allocates.
func (a *tokenArena) strings(n int) []string {
	if a == nil {
		return make([]string, 0, n)
	}
	if cap(a.strs)-len(a.strs) < n {
		// The lists given so far keep the old buffer.
		a.strs = make([]string, 0, max(4096, 2*cap(a.strs), n))
	}
	from := len(a.strs)
	a.strs = a.strs[:from+n]
	return a.strs[from : from : from+n]
}

// referents returns an empty referents for doc, reusing the storage of
// the arena's last; a nil arena allocates.
func (a *tokenArena) referents(idx *corpusIndex, doc *model.Document) *referents {
	if a == nil {
		return &referents{corpusIndex: idx, doc: doc}
	}
	r := &a.refs
	*r = referents{corpusIndex: idx, doc: doc, recent: r.recent[:0], mentioned: r.mentioned[:0]}
	return r
}

// sentences is the package's sentences, into the arena; a nil arena
// allocates.
func (a *tokenArena) sentences(text string, from, to int) []span {
	if a == nil {
		return sentences(text, from, to)
	}
	at := len(a.spans)
	a.spans = sentencesInto(a.spans, text, from, to)
	return a.spans[at:len(a.spans):len(a.spans)]
}

// estimateTokens is room for the words of most spans: about one word in
// six bytes.
func estimateTokens(s span) int { return (s.end-s.start)/5 + 2 }

// tokenize splits text[s.start:s.end] into words. Hyphenated words come out
// as their parts; possessive "'s" is dropped.
func tokenize(text string, s span) []token {
	return tokenizeInto(make([]token, 0, estimateTokens(s)), text, s, nil)
}

// tokenizeInto is tokenize appending to out, looking words up through
// known.
func tokenizeInto(out []token, text string, s span, known localWords) []token {
	// punct is the punctuation since the last word. It is a slice of text
	// while its marks stand together, as they mostly do (", "), and is
	// only built when spaces or invalid bytes come between them.
	punct, inText, punctEnd := "", true, 0
	first := true
	for i := s.start; i < s.end; {
		if text[i] == ' ' { // between words, as below, without decoding
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if !(unicode.IsLetter(r) || unicode.IsDigit(r)) {
			if !unicode.IsSpace(r) {
				valid := r != utf8.RuneError || size > 1
				switch {
				case punct == "" && valid:
					punct, inText, punctEnd = text[i:i+size], true, i+size
				case inText && punctEnd == i && valid:
					punct, punctEnd = text[i-len(punct):i+size], i+size
				default:
					punct, inText = punct+string(r), false
				}
			}
			i += size
			continue
		}
		j := i
		for j < s.end {
			if b := text[j]; b < utf8.RuneSelf { // most of a text is ASCII
				if !asciiWordByte[b] {
					break
				}
				j++
				continue
			}
			r2, s2 := utf8.DecodeRuneInString(text[j:])
			if !isWordRune(r2) {
				break
			}
			j += s2
		}
		raw := text[i:j]
		// Trailing periods and apostrophes belong to the sentence, except
		// in acronyms such as "U.S.".
		for strings.HasSuffix(raw, "'") || strings.HasSuffix(raw, "’") || strings.HasSuffix(raw, "-") ||
			(strings.HasSuffix(raw, ".") && strings.Count(raw, ".") == 1) {
			_, sz := utf8.DecodeLastRuneInString(raw)
			raw = raw[:len(raw)-sz]
		}
		partStart := i
		rest := raw
		for k := 0; ; k++ {
			part, after, hyphen := rest, "", false
			if h := strings.IndexByte(rest, '-'); h >= 0 {
				part, after, hyphen = rest[:h], rest[h+1:], true
			}
			w := stripPossessive(part)
			if w != "" {
				r0, _ := utf8.DecodeRuneInString(w)
				in := known.of(w)
				out = append(out, token{
					word: w, lower: in.lower, info: in, start: partStart,
					capital: unicode.IsUpper(r0) && !first, punctBefore: punct,
					possessive: len(w) < len(part), joined: k > 0,
				})
				first = false
				punct = ""
			}
			partStart += len(part) + 1
			if !hyphen {
				break
			}
			rest = after
		}
		// What was trimmed off raw is read again as punctuation.
		i += len(raw)
	}
	// In a line set in capitals, capitals do not mark names.
	upper := 0
	for _, t := range out {
		if t.info.upper {
			upper++
		}
	}
	if len(out) >= 3 && upper*10 > len(out)*6 {
		for i := range out {
			out[i].capital = false
		}
	}
	return out
}

// isUpperCase reports whether strings.ToUpper would leave w as it is,
// without building the upper-case copy.
func isUpperCase(w string) bool {
	for i := 0; i < len(w); {
		r, size := utf8.DecodeRuneInString(w[i:])
		if r == utf8.RuneError && size == 1 {
			return false // ToUpper replaces invalid bytes
		}
		if unicode.ToUpper(r) != r {
			return false
		}
		i += size
	}
	return true
}

// stripPossessive drops a final "'s", "’s", "'" or "’" from a word
// longer than it.
func stripPossessive(w string) string {
	if w == "" {
		return w
	}
	// Most words end in none of the suffixes' last bytes ('s', the
	// apostrophe, the last byte of ’).
	if b := w[len(w)-1]; b != 's' && b != '\'' && b != "’"[len("’")-1] {
		return w
	}
	for _, suf := range possessiveSuffixes {
		if len(w) > len(suf) && strings.HasSuffix(w, suf) {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

var possessiveSuffixes = [...]string{"'s", "’s", "'", "’"}
