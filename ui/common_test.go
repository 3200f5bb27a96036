package ui

import (
	"reflect"
	"testing"
)

func TestWrapRanges(t *testing.T) {
	tests := []struct {
		text  string
		width int
		want  []string
	}{
		{"", 10, []string{""}},
		{"short", 10, []string{"short"}},
		{"the port of Sevrin", 8, []string{"the ", "port of ", "Sevrin"}},
		{"unbreakableword", 6, []string{"unbrea", "kablew", "ord"}},
		{"港口的文件", 4, []string{"港口", "的文", "件"}}, // two cells a character
		{"a\tb c", 3, []string{"a\t", "b c"}},   // a tab is one cell, drawn as a space
	}
	for _, tt := range tests {
		var got []string
		for _, r := range wrapRanges(tt.text, tt.width) {
			got = append(got, tt.text[r[0]:r[1]])
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("wrapRanges(%q, %d) = %q, want %q", tt.text, tt.width, got, tt.want)
		}
	}
}

func TestPrintableKeepsEscapesOffTheTerminal(t *testing.T) {
	if got := printable("a\x1b[2Jb\tc\nd"); got != "a·[2Jb c d" {
		t.Errorf("printable = %q", got)
	}
}

func TestHighlightBracketsMatchesUnderAscii(t *testing.T) {
	st := NewStyles(testRenderer())
	// Matched holds byte offsets of rune starts, as sahilm/fuzzy gives them.
	if got := st.Highlight("Grün port", []int{0, 1, 2, 6}, st.Normal); got != "[Grü]n [p]ort" {
		t.Errorf("Highlight = %q", got)
	}
}
