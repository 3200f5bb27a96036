package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// span is one quotation inside a paragraph.
type span struct {
	open, close  int // offsets of the opening mark and just past the closing mark
	tStart, tEnd int // the quoted text, marks and edge spaces excluded
	closed       bool
}

// paragraph is a run of text treated as one unit of prose.
type paragraph struct{ start, end int }

// paragraphs splits text[from:] into paragraphs. A document hard-wrapped at
// a fixed width keeps a paragraph over several lines, separated by blank
// lines; otherwise every line is a paragraph. Reading wrapped text line by
// line would cut every quotation that crosses a line break.
func paragraphs(text string, from int) []paragraph {
	var lines []paragraph
	long, inner, open := 0, 0, 0
	prevInBlock := false
	for i := from; i < len(text); {
		nl := strings.IndexByte(text[i:], '\n')
		end, next := len(text), len(text)
		if nl >= 0 {
			end, next = i+nl, i+nl+1
		}
		s, e := trimSpan(text, i, end)
		i = next
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

func trimSpan(text string, a, b int) (int, int) {
	for a < b {
		r, size := utf8.DecodeRuneInString(text[a:b])
		if !unicode.IsSpace(r) {
			break
		}
		a += size
	}
	for b > a {
		r, size := utf8.DecodeLastRuneInString(text[a:b])
		if !unicode.IsSpace(r) {
			break
		}
		b -= size
	}
	return a, b
}

// quoteSpans finds the quotations in text[a:b]. Only double marks and
// guillemets delimit quotations: single marks are apostrophes far more
// often than quotes, and a nested ‘quote’ belongs to its outer one. A mark
// left open is closed at the paragraph's end, so a stray mark never
// swallows the rest of the document.
func quoteSpans(text string, a, b int, spans []span) []span {
	open, depth := -1, 0
	var kind rune
	for i := a; i < b; {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:b])
		}
		switch r {
		case '"':
			if open < 0 {
				if opensHere(text, a, b, i, size) {
					open, kind, depth = i, '"', 0
				}
			} else if kind == '"' || kind == '“' {
				if depth > 0 && kind == '“' {
					break
				}
				spans = appendSpan(text, spans, open, i, i+size, true)
				open = -1
			}
		case '“', '„':
			if open < 0 {
				open, kind, depth = i, '“', 0
			} else if kind == '“' {
				// A second opening mark before any close is either a
				// nested quotation or a typo for the closing mark: it is a
				// close when it sits after a word and before a space.
				if closesHere(text, a, b, i, size) {
					spans = appendSpan(text, spans, open, i, i+size, true)
					open = -1
				} else {
					depth++
				}
			}
		case '”':
			if open >= 0 && (kind == '“' || kind == '"') {
				if depth > 0 {
					depth--
					break
				}
				spans = appendSpan(text, spans, open, i, i+size, true)
				open = -1
			}
		case '«':
			if open < 0 {
				open, kind, depth = i, '«', 0
			} else if kind == '«' {
				depth++
			}
		case '»':
			if open >= 0 && kind == '«' {
				if depth > 0 {
					depth--
					break
				}
				spans = appendSpan(text, spans, open, i, i+size, true)
				open = -1
			}
		}
		i += size
	}
	if open >= 0 {
		spans = appendSpan(text, spans, open, b, b, false)
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

// usesSingleQuotes reports whether text quotes with single marks, British
// style: no double marks at all, and at least two single marks opening a
// quotation (after a space, before a letter).
func usesSingleQuotes(text string) bool {
	if strings.ContainsAny(text, "\"“”«»„") {
		return false
	}
	openers := 0
	for i, r := range text {
		if r != '\'' && r != '‘' {
			continue
		}
		_, size := utf8.DecodeRuneInString(text[i:])
		prevOK := i == 0
		if !prevOK {
			p, _ := utf8.DecodeLastRuneInString(text[:i])
			prevOK = !isWordRune(p)
		}
		if prevOK && i+size < len(text) {
			n, _ := utf8.DecodeRuneInString(text[i+size:])
			if isWordRune(n) {
				openers++
			}
		}
	}
	return openers >= 2
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
			// it's, Putin's
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
