package claims

// SentenceAt is the sentence of text[from:to] that holds byte off, or the
// first one after it when off falls between sentences; ok is false when
// there is none. The reader uses it to mark a sentence as a claim with the
// same idea of a sentence the finder has.
func SentenceAt(text string, from, to, off int) (start, end int, ok bool) {
	for _, s := range sentences(text, from, to) {
		if s.end > off {
			return s.start, s.end, true
		}
	}
	return 0, 0, false
}
