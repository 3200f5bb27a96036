package corpus

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/backchannel-news/backchannel/model"
)

// want is one annotated quotation of a fixture.
type want struct {
	speaker string // "" for a quotation nobody can be named for
	prefix  string
	notQ    bool // a trap: this text must not come out as a quotation
	line    int
}

// readWants reads NAME.want: "Speaker | start of text", "- | text" for
// an unattributed quotation, "! | text" for text that is not a quotation.
func readWants(t *testing.T, path string) []want {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("annotations: %v", err)
	}
	defer f.Close()
	var out []want
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		l := strings.TrimSpace(sc.Text())
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		sp, prefix, ok := strings.Cut(l, " | ")
		if !ok {
			t.Fatalf("%s:%d: want `speaker | text`", path, n)
		}
		w := want{speaker: strings.TrimSpace(sp), prefix: prefix, line: n}
		switch w.speaker {
		case "-":
			w.speaker = ""
		case "!":
			w.speaker, w.notQ = "", true
		}
		out = append(out, w)
	}
	return out
}

func norm(s string) string { return strings.Join(strings.Fields(s), " ") }

// speakerIs reports whether speaker id answers to name: its canonical name
// or one of the spellings merged into it.
func speakerIs(c *model.Corpus, id int, name string) bool {
	if id == model.Unknown {
		return name == ""
	}
	if name == "" {
		return false
	}
	s := c.Speakers[id]
	if strings.EqualFold(s.Name, name) {
		return true
	}
	for _, a := range s.Aliases {
		if strings.EqualFold(a, name) {
			return true
		}
	}
	return false
}

// TestAttributionAccuracy scores extraction on the annotated fixtures:
// precision is the share of extracted quotations that are real and have
// the right speaker (a wrong speaker or a trap counts against it), recall
// the share of annotated quotations found with the right speaker.
func TestAttributionAccuracy(t *testing.T) {
	dir := filepath.Join("testdata", "attribution")
	minDocs := 15
	if d := os.Getenv("ATTRIBUTION_DIR"); d != "" {
		// Score another annotated folder, such as a held-out set.
		dir, minDocs = d, 1
	}
	c, err := Load([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Problems) > 0 {
		t.Fatalf("fixtures failed to load: %v", c.Problems)
	}
	if len(c.Docs) < minDocs {
		t.Fatalf("only %d fixtures, want at least %d", len(c.Docs), minDocs)
	}
	var found, correct, expected, recalled int
	for _, d := range c.Docs {
		wants := readWants(t, strings.TrimSuffix(d.Path, filepath.Ext(d.Path))+".want")
		used := make([]bool, len(wants))
		for _, w := range wants {
			if !w.notQ {
				expected++
			}
		}
		for _, qi := range c.QuotesOf(d.ID) {
			q := c.Quotes[qi]
			if d.Text[q.Start:q.End] != q.Text {
				t.Errorf("%s:%d: quote text %q is not the document's bytes %d..%d", d.Path, q.Line, q.Text, q.Start, q.End)
			}
			found++
			match := -1
			for i, w := range wants {
				if !used[i] && strings.HasPrefix(norm(q.Text), norm(w.prefix)) {
					match = i
					break
				}
			}
			got := c.SpeakerName(int(q.Speaker))
			switch {
			case match < 0:
				t.Logf("%s:%d: unexpected quotation %q (speaker %q)", d.Path, q.Line, clip(q.Text), got)
			case wants[match].notQ:
				used[match] = true
				t.Logf("%s:%d: %q is not a quotation (speaker %q)", d.Path, q.Line, clip(q.Text), got)
			case !speakerIs(c, int(q.Speaker), wants[match].speaker):
				used[match] = true
				t.Logf("%s:%d: %q: speaker %q, want %q", d.Path, q.Line, clip(q.Text), got, wants[match].speaker)
			default:
				used[match] = true
				correct++
				recalled++
			}
		}
		for i, w := range wants {
			if !used[i] && !w.notQ {
				t.Logf("%s: missed %q (%s)", d.Path, w.prefix, w.speaker)
			}
		}
	}
	precision := float64(correct) / float64(max(found, 1))
	recall := float64(recalled) / float64(max(expected, 1))
	t.Logf("attribution on %d fixtures: precision %.3f (%d/%d), recall %.3f (%d/%d)",
		len(c.Docs), precision, correct, found, recall, recalled, expected)
	if precision < 0.95 || recall < 0.90 {
		t.Fatalf("precision %.3f (floor 0.95), recall %.3f (floor 0.90)", precision, recall)
	}
}

func clip(s string) string {
	if len(s) > 60 {
		return s[:60] + "…"
	}
	return s
}
