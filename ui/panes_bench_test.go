package ui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/backchannel-news/backchannel/model/search"
)

// BenchmarkPaneViewAtScale draws each pane alone over a million quotes
// after moving its cursor one row, the work of one frame per pane. A pane
// whose cost grows with the number of items shows it here first.
//
//	go test -run '^$' -bench PaneView -benchmem ./ui
func BenchmarkPaneViewAtScale(b *testing.B) {
	c := bigCorpus(1000, 1000, 200)
	ix := search.NewIndex(c)
	a := New(c, testRenderer(), Options{Index: ix})
	send(a, tea.WindowSizeMsg{Width: 200, Height: 50})
	a.reader.Open(500, -1)
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
		b.Run(p.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				p.step()
				_ = p.view()
			}
		})
	}
}
