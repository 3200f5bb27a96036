package corpus

import (
	"testing"

	"github.com/backchannel-news/backchannel/model"
)

func parse(t *testing.T, name, text string) model.Document {
	t.Helper()
	d, err := ParseDocument(name, []byte(text))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return d
}

// TestAssembleMergesAcrossDocuments checks the speakers a journalist sees:
// a transcript's capitals label and an article's full name are one person
// with the article's spelling and both roles, while two documents'
// unnamed questioners stay two people.
func TestAssembleMergesAcrossDocuments(t *testing.T) {
	docs := []model.Document{
		parse(t, "a.txt", "Remarks\n\nGOVERNOR ROE:  We open the bridge today.\n\nQ    When?\n\nGOVERNOR ROE:  At noon.\n\nQ    Why noon?\n"),
		parse(t, "b.txt", "Governor Maren Roe opened the bridge on Friday. \"It took eleven years,\" Roe said.\n"),
		parse(t, "c.txt", "MAYOR LUND:  Welcome.\n\nQ    Is it safe?\n\nMAYOR LUND:  Yes.\n\nQ    Sure?\n"),
	}
	c := Assemble(docs, nil)
	roe := c.FindSpeaker("Maren Roe")
	if roe == model.Unknown {
		t.Fatalf("no speaker Maren Roe among %v", c.Speakers)
	}
	if got := c.Speakers[roe].Name; got != "Maren Roe" {
		t.Errorf("canonical name %q, want Maren Roe", got)
	}
	if c.FindSpeaker("Roe") != roe {
		t.Errorf("the label ROE is not merged with Maren Roe")
	}
	if n := len(c.Speakers[roe].Quotes); n != 3 {
		t.Errorf("Maren Roe has %d quotes, want 3", n)
	}
	roles := c.Speakers[roe].Roles
	if len(roles) == 0 || roles[0] != "Governor" {
		t.Errorf("roles %q, want Governor", roles)
	}
	askers := map[int32]bool{}
	for _, q := range c.Quotes {
		if q.Cue.String() == "transcript" && (q.Text == "When?" || q.Text == "Is it safe?") {
			askers[q.Speaker] = true
		}
	}
	if len(askers) != 2 {
		t.Errorf("unnamed questioners of two documents merged into %d speakers", len(askers))
	}
	for _, q := range c.Quotes {
		d := c.Docs[q.Doc]
		if d.Text[q.Start:q.End] != q.Text || d.LineAt(int(q.Start)) != int(q.Line) {
			t.Errorf("quote %q does not point into %s", q.Text, d.Path)
		}
	}
}
