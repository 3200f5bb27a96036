package ui

import (
	"strings"
	"testing"

	"github.com/backchannel-news/backchannel/corpus"
	"github.com/backchannel-news/backchannel/model"
)

// m on a paragraph with no quote marks one sentence, the one at the top of
// the screen, not the whole paragraph.
func TestMarkTargetIsTheSentenceAtTheTop(t *testing.T) {
	const text = "Ferry strike ends\n\nThe ferry union voted on Friday to end the strike. Its leader, Dr. Petra Lind, called the deal fair. Owners said nothing.\n"
	d, err := corpus.ParseDocument("news/ferry.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	c := model.New([]model.Document{d}, nil, nil, nil)
	r := NewReader(NewCommon(newShared(c, nil), NewStyles(testRenderer()), DefaultKeyMap()))
	r.SetSize(40, 8)
	r.Open(0, -1)
	marked := func() string {
		m, ok := r.markTarget()
		if !ok {
			t.Fatal("nothing to mark")
		}
		return c.Docs[0].Text[m.start:m.end]
	}
	if got := marked(); got != "Ferry strike ends" {
		t.Errorf("at the top m marks %q, want the title line", got)
	}
	// At 40 columns the paragraph wraps as below; a row that starts inside
	// a sentence marks that sentence.
	want := map[string]string{
		"The ferry union": "The ferry union voted on Friday to end the strike.",
		"end the strike":  "The ferry union voted on Friday to end the strike.",
		"Petra Lind":      "Its leader, Dr. Petra Lind, called the deal fair.",
		"Owners":          "Owners said nothing.",
	}
	for r.offset = 0; r.offset < len(r.rows); r.offset++ {
		top := r.rows[r.offset].text
		for start, sentence := range want {
			if strings.HasPrefix(top, start) {
				if got := marked(); got != sentence {
					t.Errorf("top row %q: m marks %q, want %q", top, got, sentence)
				}
				delete(want, start)
			}
		}
	}
	if len(want) > 0 {
		t.Errorf("no row showed %v; the test's width no longer wraps as it expects", want)
	}
}
