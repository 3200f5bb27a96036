package ui

import (
	"fmt"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/backchannel-news/backchannel/model"
	"github.com/backchannel-news/backchannel/model/search"
)

// BenchmarkPaneViewAtScale draws each pane alone after moving its cursor
// one row, the work of one frame per pane, over a thousand quotes and over
// a million, with a conflict for every twenty quotes (fifty, then fifty
// thousand topics); holder is the claims of one speaker in two hundred. A
// pane whose cost grows with the number of items shows it in the
// difference.
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
	a := New(c, testRenderer(), Options{Index: ix, Claims: bigClaims(c, len(c.Quotes)/20)})
	send(a, tea.WindowSizeMsg{Width: 200, Height: 50})
	a.reader.Open(docs/2, -1)
	// The search pane shows a full result set for a common query.
	a.search, _ = a.search.Update(searchResultsMsg{seq: a.search.seq, query: "berth", hits: ix.Search("berth", searchLimit)})
	down := tea.KeyMsg{Type: tea.KeyDown}
	// A holder's claims, listed with o from the first topic's first claim:
	// each speaker holds a two-hundredth of the claims.
	held := a.claims
	for _, k := range []tea.KeyMsg{{Type: tea.KeyEnter}, {Type: tea.KeyRunes, Runes: []rune("o")}} {
		held, _ = held.Update(k)
	}
	if held.holder == "" {
		b.Fatal("o did not list the holder's claims")
	}
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
		// The title counts the conflicts; the frame draws it above the pane.
		{"claims", func() { a.claims, _ = a.claims.Update(down) }, func() string { return a.claims.Title() + a.claims.View() }},
		{"holder", func() { held, _ = held.Update(down) }, func() string { return held.Title() + held.View() }},
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

// bigClaims makes topics conflicts over c's quotes, strongest first: two
// positions of two claims each, by different speakers.
func bigClaims(c *model.Corpus, topics int) *model.ClaimSet {
	cs := &model.ClaimSet{}
	for t := 0; t < topics; t++ {
		topic := model.Topic{ID: fmt.Sprintf("fee-%d", t), Label: fmt.Sprintf("berth fee %d: paid vs never paid", t),
			Score: float64(topics - t), Why: model.Why{Shared: []string{"berth", "fee"}, Opposing: "paid vs never paid"}}
		for p, label := range []string{"paid", "never paid"} {
			pos := model.Position{Label: label}
			for k := 0; k < 2; k++ {
				q := c.Quotes[(t*4+p*2+k)%len(c.Quotes)]
				cs.Claims = append(cs.Claims, model.Claim{ID: len(cs.Claims), Holder: c.Speakers[q.Speaker].Name, Speaker: int(q.Speaker),
					Text: q.Text, Doc: int(q.Doc), Line: int(q.Line), Start: int(q.Start), End: int(q.End), Quote: int(q.ID), Topic: topic.ID, Position: label})
				pos.Claims = append(pos.Claims, len(cs.Claims)-1)
			}
			topic.Positions = append(topic.Positions, pos)
		}
		cs.Topics = append(cs.Topics, topic)
	}
	return cs
}
