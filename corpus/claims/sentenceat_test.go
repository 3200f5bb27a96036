package claims

import "testing"

func TestSentenceAt(t *testing.T) {
	text := "The port opened in May. Mr. Holm said it was late.  Nobody asked why?\nNext line."
	lineEnd := len("The port opened in May. Mr. Holm said it was late.  Nobody asked why?")
	tests := []struct {
		off  int
		want string
	}{
		{0, "The port opened in May."},
		{5, "The port opened in May."},
		{23, "Mr. Holm said it was late."}, // the space between: the next sentence
		{28, "Mr. Holm said it was late."}, // after an abbreviation's period
		{lineEnd - 3, "Nobody asked why?"}, // inside the last one
	}
	for _, tt := range tests {
		s, e, ok := SentenceAt(text, 0, lineEnd, tt.off)
		if !ok || text[s:e] != tt.want {
			t.Errorf("SentenceAt(%d) = %q, %v; want %q", tt.off, text[s:e], ok, tt.want)
		}
	}
	if _, _, ok := SentenceAt(text, 0, lineEnd, lineEnd); ok {
		t.Error("an offset past the last sentence found one")
	}
}
