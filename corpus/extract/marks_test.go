package extract

import (
	"math/rand"
	"strings"
	"testing"
)

// spanTexts returns the quoted text of each span quoteSpans finds in
// text, one paragraph, marking single-quoted ones with a leading '.
func spanTexts(text string) []string {
	var out []string
	for _, s := range quoteSpans(text, 0, len(text), nil) {
		t := text[s.tStart:s.tEnd]
		if s.single {
			t = "'" + t
		}
		if !s.closed {
			t += "…"
		}
		out = append(out, t)
	}
	return out
}

func TestQuoteSpansPairMarksByDirection(t *testing.T) {
	cases := []struct {
		name, text string
		want       []string
	}{
		{"straight nested in straight",
			`"She said, "Go home," and left," Ode said.`,
			[]string{`She said, "Go home," and left`}},
		{"inner closes with the outer",
			`"His words were, "Keep going,"" Ode said. "Then he went."`,
			[]string{`His words were, "Keep going,"`, `Then he went.`}},
		{"nested phrase inside a fragment",
			`Ode said it "never used the word "deal" at all".`,
			[]string{`never used the word "deal" at all`}},
		{"curly inside straight",
			`"He said “no” twice," Ode said.`,
			[]string{`He said “no” twice`}},
		{"mixed curly and straight ends",
			`"We won,” Ode said. “We did."`,
			[]string{`We won`, `We did.`}},
		{"curly opening mark typed for a closing one",
			`“We won,“ Ode said. “We did.”`,
			[]string{`We won`, `We did.`}},
		{"glued mark alternates",
			`"We are ready,"said Ode, and "done"now.`,
			[]string{`We are ready`, `done`}},
		{"inch marks outside quotations",
			`A 6' 2" statue and a 12" pipe. "Fine," Ode said.`,
			[]string{`Fine`}},
		{"unclosed nested quotation ends with the paragraph",
			`"She said, "wait for me, and never came back.`,
			[]string{`She said, "wait for me, and never came back.…`}},
		{"guillemets close over an open curly",
			`«Il a dit “non, puis il est parti» et fin.`,
			[]string{`Il a dit “non, puis il est parti`}},
		{"single quotation standing alone",
			`'We will keep going until it stops,' Ode said.`,
			[]string{`'We will keep going until it stops`}},
		{"short single quotation is a title or scare quote",
			`Ode called it 'a small fortune' and 'fair'.`,
			nil},
		{"apostrophes are not marks",
			`It's the '90s. The students' union's rock 'n' roll night, Ode’s ’80s band and tell 'em all.`,
			nil},
		{"apostrophes inside a single quotation",
			`‘It’s the students’ union’s turn to pay,’ Ode said.`,
			[]string{`'It’s the students’ union’s turn to pay`}},
		{"single marks inside a double quotation belong to it",
			`"He told me 'we will never sell the farm to anyone' and left," Ode said.`,
			[]string{`He told me 'we will never sell the farm to anyone' and left`}},
		{"clipped words are not opening marks",
			`Tell 'em all about the farmers' deal and the rock 'n' roll night, Ode said.`,
			nil},
		{"unclosed single mark is no quotation",
			`'We will keep going until the money runs out, Ode said.`,
			nil},
	}
	for _, c := range cases {
		got := spanTexts(c.text)
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%s: spans %q, want %q", c.name, got, c.want)
		}
	}
}

func TestSingleQuoteDocumentMayNestDoubleMarks(t *testing.T) {
	british := "'He said, \"No,\" and walked out,' Ode said.\n\n'It was over,' she added."
	if !usesSingleQuotes(british, paragraphs(british, 0)) {
		t.Errorf("double marks nested in single quotations: not read as a single-quote document")
	}
	american := "Ode called it the 'false dawn' and the 'dark years'.\n\n\"It was over,\" she said."
	if usesSingleQuotes(american, paragraphs(american, 0)) {
		t.Errorf("double quotations outside single marks: read as a single-quote document")
	}
}

// TestMarkFinder checks the shared mark finder against a plain search,
// for queries that move forward through a text, as paragraphs do, and
// ones that go back, told where the paragraphs end or not.
func TestMarkFinder(t *testing.T) {
	pieces := []string{"word ", "\"", "'", "“", "”", "«", "»", "—", "é", "\xc2", "\xe2", ". "}
	r := rand.New(rand.NewSource(3))
	for n := 0; n < 200; n++ {
		text := joinPieces(r, pieces, 40)
		var f markFinder
		if r.Intn(2) == 0 {
			f.end = r.Intn(len(text) + 1) // where paragraphs end, or not
		}
		i := 0
		for q := 0; q < 30 && len(text) > 0; q++ {
			if r.Intn(5) == 0 {
				i = r.Intn(len(text) + 1) // anywhere, perhaps back
			}
			end := i + r.Intn(len(text)-i+1)
			if r.Intn(3) == 0 {
				i = max(0, i-1) // again from where the last one stopped
			}
			want := i
			for want < end && !strings.ContainsRune("\"'", rune(text[want])) && text[want] != 0xc2 && text[want] != 0xe2 {
				want++
			}
			if got := f.from(text, i, end); got != want {
				t.Fatalf("from(%q, %d, %d) = %d, want %d", text, i, end, got, want)
			}
			i = min(want+1, len(text))
		}
	}
}
