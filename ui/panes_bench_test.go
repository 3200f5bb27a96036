package ui

import (
	"fmt"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/backchannel-news/backchannel/model/search"
)

// BenchmarkPaneViewAtScale draws each pane alone after moving its cursor
// one row, the work of one frame per pane, over a thousand quotes and over
// a million. A pane whose cost grows with the number of items shows it in
// the difference.
//
//	go test -run '^$' -bench PaneView -benchmem ./ui
func BenchmarkPaneViewAtScale(b *testing.B) {
	for _, size := range []struct{ docs, turns, speakers int }{{10, 100, 20}, {1000, 1000, 200}} {
		benchPanes(b, size.docs, size.turns, size.speakers)
	}
}

func benchPanes(b *testing.B, docs, turns, speakers int) {
	c := bigCorpus(docs, turns, speakers)
	ix := search.NewIndex(c)
	a := New(c, testRenderer(), Options{Index: ix})
	send(a, tea.WindowSizeMsg{Width: 200, Height: 50})
	a.reader.Open(docs/2, -1)
	// The search pane shows a full result set for a common query.
	a.search, _ = a.search.Update(searchResultsMsg{seq: a.search.seq, query: "berth", hits: ix.Search("berth", searchLimit)})
	down := tea.KeyMsg{Type: tea.KeyDown}
	panes := []struct {
		name string
		step func()
		view func() string
	}{
		{"documents", func() { a.docs, _ = a.docs.Update(down) }, func() string { return a.docs.View() }},
		{"speakers", func() { a.speakers, _ = a.speakers.Update(down) }, func() string { return a.speakers.View() }},
		{"quotes", func() { a.quotes, _ = a.quotes.Update(down) }, func() string { return a.quotes.View() }},
		{"reader", func() { a.reader, _ = a.reader.Update(down) }, func() string { return a.reader.View() }},
		{"search", func() { a.search, _ = a.search.Update(down) }, func() string { return a.search.View() }},
	}
	for _, p := range panes {
		b.Run(fmt.Sprintf("quotes=%d/%s", len(c.Quotes), p.name), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				p.step()
				_ = p.view()
			}
		})
	}
}
