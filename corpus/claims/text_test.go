package claims

import (
	"fmt"
	"strings"
	"testing"
)

// The punctuation before a word tells clause and phrase joints apart; it
// is the marks between two words without the spaces, whether they stand
// together or apart, and a byte that is no UTF-8 reads as U+FFFD.
func TestTokenizePunctuation(t *testing.T) {
	cases := []struct{ text, want string }{
		{`The envoy said, "no" — then left.`, `The|envoy|said|no[,"]|then["—]|left`},
		{`It was “fake,” Brel said.`, `It|was|fake[“]|Brel[,”]|said`},
		{"a \xff b", `a|b[` + "\uFFFD" + `]`},
		{`Russian-US leaks (again)`, `Russian|US+|leaks|again[(]`},
		{`Harrow's secretary: fine`, `Harrow's|secretary|fine[:]`},
	}
	for _, c := range cases {
		toks := tokenize(c.text, span{0, len(c.text)})
		var parts []string
		for _, tk := range toks {
			p := tk.word
			if tk.possessive {
				p += "'s"
			}
			if tk.joined {
				p += "+"
			}
			if tk.punctBefore != "" {
				p += fmt.Sprintf("[%s]", tk.punctBefore)
			}
			parts = append(parts, p)
		}
		if got := strings.Join(parts, "|"); got != c.want {
			t.Errorf("tokenize(%q) = %s, want %s", c.text, got, c.want)
		}
	}
}

// Words cut from a reused buffer are the words tokenize gives, and stay
// so while later spans of the document are cut.
func TestTokenArenaMatchesTokenize(t *testing.T) {
	text := strings.Repeat(`Officials said, "the recordings are fake" — but the union disagreed. `, 300)
	var a tokenArena
	var spans []span
	var got [][]token
	for s := 0; s+70 <= len(text); s += 70 {
		sp := span{s, s + 70}
		spans = append(spans, sp)
		got = append(got, a.tokenize(text, sp))
	}
	for i, sp := range spans {
		want := tokenize(text, sp)
		if fmt.Sprint(got[i]) != fmt.Sprint(want) {
			t.Fatalf("span %d: arena gave %v, want %v", i, got[i], want)
		}
	}
}

func TestAtLeastFieldsCountsAsFieldsDoes(t *testing.T) {
	for _, s := range []string{"", "   ", "one", "one two three", " one  two\tthree\u00a0four ", "a b c d e", "“We never met him”", "x\u2003y\nz w"} {
		for n := 0; n <= 6; n++ {
			if got, want := atLeastFields(s, n), len(strings.Fields(s)) >= n; got != want {
				t.Errorf("atLeastFields(%q, %d) = %v, want %v", s, n, got, want)
			}
		}
	}
}

// The arena reuses the words of a span cut twice in a row, but only for
// the same text and span.
func TestTokenArenaRepeatsOnlyTheSameSpanOfTheSameText(t *testing.T) {
	var a tokenArena
	one, two := "Kruse denied it all.", "Brandt signed it too."
	sp := span{0, 12}
	first := a.tokenize(one, sp)
	if again := a.tokenize(one, sp); fmt.Sprint(again) != fmt.Sprint(first) {
		t.Errorf("same span again: %v, want %v", again, first)
	}
	if other := a.tokenize(two, sp); fmt.Sprint(other) != fmt.Sprint(tokenize(two, sp)) {
		t.Errorf("same span of another text: %v, want %v", other, tokenize(two, sp))
	}
	if wider := a.tokenize(two, span{0, 20}); fmt.Sprint(wider) != fmt.Sprint(tokenize(two, span{0, 20})) {
		t.Errorf("wider span: %v, want %v", wider, tokenize(two, span{0, 20}))
	}
}
