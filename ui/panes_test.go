package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/backchannel-news/backchannel/model/search"
)

func testCommon(t *testing.T) *Common {
	return NewCommon(NewShared(testCorpus(t)), NewStyles(testRenderer()), DefaultKeyMap())
}

// requireGolden compares a pane's view with its golden file, and checks it
// holds no escape codes and keeps to its size.
func requireGolden(t *testing.T, view string, w, h int) {
	t.Helper()
	if strings.Contains(view, "\x1b") {
		t.Fatalf("escape codes under the Ascii profile:\n%q", view)
	}
	lines := strings.Split(view, "\n")
	if len(lines) > h {
		t.Errorf("%d rows, more than the %d given", len(lines), h)
	}
	for i, l := range lines {
		if n := len([]rune(l)); n > w {
			t.Errorf("row %d is %d wide, more than the %d given: %q", i, n, w, l)
		}
	}
	golden.RequireEqual(t, view)
}

var paneSizes = [][2]int{{40, 14}, {78, 20}}

// eachPaneSize compares the view made by draw at each size with its golden.
func eachPaneSize(t *testing.T, draw func(cm *Common, w, h int) string) {
	for _, sz := range paneSizes {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			requireGolden(t, draw(testCommon(t), sz[0], sz[1]), sz[0], sz[1])
		})
	}
}

func TestDocListView(t *testing.T) {
	eachPaneSize(t, func(cm *Common, w, h int) string {
		p := NewDocList(cm)
		p.SetSize(w, h)
		p.Focus()
		p.Scroll(1)
		return p.View()
	})
}

func TestSpeakerListView(t *testing.T) {
	eachPaneSize(t, func(cm *Common, w, h int) string {
		p := NewSpeakerList(cm)
		p.SetSize(w, h)
		p.Focus()
		p, _ = p.Update(keys("space")[0])
		p.Scroll(2)
		return p.View()
	})
}

func TestQuoteListView(t *testing.T) {
	eachPaneSize(t, func(cm *Common, w, h int) string {
		p := NewQuoteList(cm)
		p.SetSize(w, h)
		p.Blur()
		p.SelectQuote(6) // the medium-confidence one, flagged "?"
		return p.View()
	})
}

func TestReaderView(t *testing.T) {
	eachPaneSize(t, func(cm *Common, w, h int) string {
		p := NewReader(cm)
		p.SetSize(w, h)
		p.Open(1, 6)
		return p.View()
	})
	t.Run("margin", func(t *testing.T) { // wide enough to name speakers
		p := NewReader(testCommon(t))
		p.SetSize(100, 16)
		p.Open(1, 5)
		requireGolden(t, p.View(), 100, 16)
	})
	t.Run("transcript", func(t *testing.T) {
		p := NewReader(testCommon(t))
		p.SetSize(60, 8)
		p.Open(0, -1)
		p, _ = p.Update(keys("n")[0])
		p, _ = p.Update(keys("n")[0])
		requireGolden(t, p.View(), 60, 8)
	})
}

func TestSearchViewView(t *testing.T) {
	eachPaneSize(t, func(cm *Common, w, h int) string {
		ix := search.NewIndex(cm.Corpus)
		p := NewSearchView(cm, ix, 0)
		p.SetSize(w, h)
		p.Focus()
		for _, r := range "harbour" {
			p, _ = p.Update(keys(string(r))[0])
		}
		msg := p.startSearch()()
		p, _ = p.Update(msg)
		p.Scroll(1)
		return p.View()
	})
}

func TestProblemsViewView(t *testing.T) {
	p := NewProblemsView(testCommon(t))
	p.SetSize(40, 6)
	requireGolden(t, p.View(), 40, 6)
}
