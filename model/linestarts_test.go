package model

import (
	"math/rand"
	"slices"
	"strings"
	"testing"
)

// TestLineStartsOf checks LineStartsOf against a byte-by-byte reading on
// random texts, with and without a final newline, blank lines and CRLF.
func TestLineStartsOf(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	pieces := []string{"a", "bc", "\n", "\n\n", "\r\n", "é"}
	for i := 0; i < 2000; i++ {
		var b strings.Builder
		for n := r.Intn(10); n > 0; n-- {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		text := b.String()
		want := []int32{0}
		for j := 0; j < len(text); j++ {
			if text[j] == '\n' && j+1 < len(text) {
				want = append(want, int32(j+1))
			}
		}
		if got := LineStartsOf(text); !slices.Equal(got, want) || cap(got) != len(got) {
			t.Fatalf("LineStartsOf(%q) = %v (cap %d), want %v", text, got, cap(got), want)
		}
	}
}
