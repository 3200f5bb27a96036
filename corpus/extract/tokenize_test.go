package extract

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"
)

// TestTokenizeFastPaths holds the eight- and sixteen-byte word paths to
// the byte-by-byte one. The fast paths read eight bytes past a word's
// start, so they run only where the text goes on that far: the same
// words tokenized with and without a tail after them take the fast paths
// everywhere or nowhere near the end, and must come out alike. Every
// word's lower-case form is checked against strings.ToLower as well.
func TestTokenizeFastPaths(t *testing.T) {
	pieces := []string{"Anna", "ANNA", "said", "Mr", "O'Neill", "Jean-Luc", "Quistelstad", "internationalisation",
		"a", "I", "don't", "Lucía", "ÉTAT", "straße", "İstanbul", "K", "x2", "2025", "Ana's", "Voss’s",
		" ", "  ", "\t", "\n", ",", ".", "!", "?", ":", "\"", "“", "”", "—", "-", "…", "(", ")", "\u00a0", "\xff"}
	r := rand.New(rand.NewSource(14))
	for i := 0; i < 20000; i++ {
		text := joinPieces(r, pieces, 12)
		var short, long tokenizer
		short.begin(text)
		plain := short.tokenize(text, 0, len(text), nil)
		tailed := text + strings.Repeat("z", 16)
		long.begin(tailed)
		fast := long.tokenize(tailed, 0, len(text), nil)
		if !reflect.DeepEqual(plain, fast) {
			t.Fatalf("%q: tokens differ with a tail after the text:\n%+v\n%+v", text, plain, fast)
		}
		for k := range plain {
			tok := &plain[k]
			if tok.kind != tWord {
				continue
			}
			w := tok.word(text)
			if got, want := short.lowOf(tok), strings.ToLower(w); got != want || long.lowOf(&fast[k]) != want {
				t.Fatalf("%q: word %q lowers to %q and %q, want %q", text, w, got, long.lowOf(&fast[k]), want)
			}
		}
	}
}
