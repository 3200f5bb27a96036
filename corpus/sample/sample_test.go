package sample

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/backchannel-news/backchannel/model"
)

func load(t *testing.T) *model.Corpus {
	t.Helper()
	c, err := Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if len(c.Problems) != 0 {
		t.Fatalf("sample has load problems: %v", c.Problems)
	}
	return c
}

func docByPath(t *testing.T, c *model.Corpus, path string) *model.Document {
	t.Helper()
	for i := range c.Docs {
		if c.Docs[i].Path == path {
			return &c.Docs[i]
		}
	}
	t.Fatalf("no document %s", path)
	return nil
}

// The story was written as two call transcripts, four articles from four
// outlets and one ministry statement.
func TestShape(t *testing.T) {
	c := load(t)
	entries, err := fs.ReadDir(FS(), ".")
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Docs) != 7 || len(entries) != 7 {
		t.Fatalf("loaded %d documents from %d files, want 7", len(c.Docs), len(entries))
	}
	transcripts := map[string]bool{
		"sample/call-1-lantsov-wendt.md": true,
		"sample/call-2-lantsov-holm.md":  true,
	}
	outlets := map[string]bool{}
	for _, d := range c.Docs {
		if !strings.HasPrefix(d.Path, Prefix+"/") {
			t.Errorf("%s: not named under %s/", d.Path, Prefix)
		}
		if d.Title == "" || d.Outlet == "" || d.Date == "" {
			t.Errorf("%s: title %q, outlet %q, date %q: all three must be set", d.Path, d.Title, d.Outlet, d.Date)
		}
		if want := transcripts[d.Path]; (d.Kind == model.Transcript) != want {
			t.Errorf("%s: kind %v, transcript should be %v", d.Path, d.Kind, want)
		}
		if n := len(strings.Fields(d.Text[d.BodyStart:])); n < 150 || n > 500 {
			t.Errorf("%s: %d words, want 150-500 so it reads in one screenful or two", d.Path, n)
		}
		if len(c.QuotesOf(d.ID)) == 0 {
			t.Errorf("%s: no quotes found", d.Path)
		}
		outlets[d.Outlet] = true
	}
	if len(outlets) < 5 {
		t.Errorf("outlets %v: want the four news outlets and the ministry", outlets)
	}
}

// Every transcript turn is one quote by the labelled speaker, and the
// transcripts keep the multi-line turns that make them a real test.
func TestTranscriptTurns(t *testing.T) {
	c := load(t)
	turns := map[string]int{
		"sample/call-1-lantsov-wendt.md": 20,
		"sample/call-2-lantsov-holm.md":  15,
	}
	for path, want := range turns {
		d := docByPath(t, c, path)
		if got := len(c.QuotesOf(d.ID)); got != want {
			t.Errorf("%s: %d quotes, want one per turn (%d)", path, got, want)
		}
		continued := 0
		for n := 1; n <= d.NumLines(); n++ {
			l := d.Line(n)
			if int(d.LineStarts[n-1]) >= d.BodyStart && l != "" && !strings.HasPrefix(l, "[") && !strings.Contains(l, ": ") {
				continued++
			}
		}
		if continued == 0 {
			t.Errorf("%s: no turn runs onto a second line", path)
		}
	}

	cases := []struct {
		doc, phrase, surname string
	}{
		{"sample/call-1-lantsov-wendt.md", "He read the memo on Friday and he approved it.", "lantsov"},
		{"sample/call-1-lantsov-wendt.md", "Four point two, as agreed, in three parts.", "wendt"},
		{"sample/call-1-lantsov-wendt.md", "Leave Dragan to me.", "lantsov"},
		{"sample/call-2-lantsov-holm.md", "The minister approved them in February.", "lantsov"},
		{"sample/call-2-lantsov-holm.md", "A payment like this has to be legal", "holm"},
	}
	for _, tc := range cases {
		d := docByPath(t, c, tc.doc)
		q := attributed(t, c, d, tc.phrase, tc.surname)
		if q == nil {
			continue
		}
		if q.Cue.String() != "transcript" || q.Confidence != model.High {
			t.Errorf("%s: %q cue %q confidence %v, want transcript/high", tc.doc, tc.phrase, q.Cue, q.Confidence)
		}
		if want := d.LineAt(strings.Index(d.Text, tc.phrase)); int(q.Line) != want {
			t.Errorf("%s: %q on line %d, want %d", tc.doc, tc.phrase, q.Line, want)
		}
		if d.Text[q.Start:q.End] != q.Text {
			t.Errorf("%s: offsets %d-%d hold %q, not the quote text", tc.doc, q.Start, q.End, d.Text[q.Start:q.End])
		}
	}
}

// The plain prose cues the first extractor handles; the harder forms in the
// articles (pronouns, roles, continuations) are the extractor's own tests.
func TestArticleAttributions(t *testing.T) {
	c := load(t)
	cases := []struct {
		doc, phrase, surname string
	}{
		{"sample/kestrel-leaked-calls.md", "The background hum runs unbroken", "varga"},
		{"sample/kestrel-leaked-calls.md", "Every payment we make is audited", "wendt"},
		{"sample/meridian-review-payment.md", "that is a bribe under our criminal code", "oleksy"},
		{"sample/meridian-review-payment.md", "The fee was legal", "holm"},
		{"sample/northwire-ministry-denies.md", "Nobody in a foreign capital needed to hack anything.", "beskov"},
	}
	for _, tc := range cases {
		attributed(t, c, docByPath(t, c, tc.doc), tc.phrase, tc.surname)
	}
	// Scare quotes mark a phrase, not speech.
	for _, q := range c.Quotes {
		if strings.Contains(q.Text, "consultations") && len(strings.Fields(q.Text)) <= 2 {
			t.Errorf("%s:%d: scare quote %q taken as a quote", c.Docs[q.Doc].Path, q.Line, q.Text)
		}
	}
}

// The contradictions the sample exists to show are still in its text, each
// between different sources.
func TestDisputesStated(t *testing.T) {
	c := load(t)
	if len(Disputes) < 3 {
		t.Fatalf("%d disputes, the sample promises at least three", len(Disputes))
	}
	for _, dsp := range Disputes {
		who := [2]map[string]bool{{}, {}}
		docs := map[string]bool{}
		for i, side := range dsp.Sides {
			if len(side.Stances) == 0 {
				t.Errorf("%s: side %q has no sources", dsp.Question, side.Answer)
			}
			for _, s := range side.Stances {
				d := docByPath(t, c, s.Doc)
				if !strings.Contains(d.Text[d.BodyStart:], s.Phrase) {
					t.Errorf("%s: %s no longer says %q", dsp.Question, s.Doc, s.Phrase)
				}
				who[i][s.Who] = true
				docs[s.Doc] = true
			}
		}
		for w := range who[0] {
			if who[1][w] {
				t.Errorf("%s: %s is on both sides", dsp.Question, w)
			}
		}
		if len(docs) < 2 {
			t.Errorf("%s: stated in only one document", dsp.Question)
		}
	}
}

func quoteContaining(c *model.Corpus, d *model.Document, phrase string) *model.Quote {
	for _, id := range c.QuotesOf(d.ID) {
		if strings.Contains(c.Quotes[id].Text, phrase) {
			return &c.Quotes[id]
		}
	}
	return nil
}

// attributed finds the quote in d containing phrase and checks that its
// speaker's name holds surname; it reports and returns nil when there is
// no such quote.
func attributed(t *testing.T, c *model.Corpus, d *model.Document, phrase, surname string) *model.Quote {
	t.Helper()
	q := quoteContaining(c, d, phrase)
	if q == nil {
		t.Errorf("%s: no quote contains %q", d.Path, phrase)
		return nil
	}
	if name := c.SpeakerName(int(q.Speaker)); !strings.Contains(strings.ToLower(name), surname) {
		t.Errorf("%s: %q attributed to %q, want %s", d.Path, phrase, name, surname)
	}
	return q
}
