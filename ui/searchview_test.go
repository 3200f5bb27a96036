package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/backchannel-news/backchannel/model/search"
)

// typed is a search pane at a size with query typed into it, no search run.
func typed(t *testing.T, query string) SearchView {
	t.Helper()
	cm := testCommon(t)
	p := NewSearchView(cm, cm.shared.Index, 0)
	p.SetSize(78, 20)
	p.Focus()
	for _, r := range query {
		p, _ = p.Update(keys(string(r))[0])
	}
	return p
}

// searched runs the search the debounce tick of the last edit starts and
// feeds its result back.
func searched(t *testing.T, p SearchView) SearchView {
	t.Helper()
	p, cmd := p.Update(searchDebouncedMsg{seq: p.seq})
	if cmd == nil {
		t.Fatal("the debounce tick of the last edit started no search")
	}
	msg := cmd()
	if _, ok := msg.(searchResultsMsg); !ok {
		t.Fatalf("the search sent %T, want its results", msg)
	}
	p, _ = p.Update(msg)
	return p
}

func TestSearchSaysHowManyMatchWhenCapped(t *testing.T) {
	p := searched(t, typed(t, "harbour"))
	if got := p.summary(); strings.Contains(got, " of ") || !strings.Contains(got, "2 documents, 0 speakers, 2 quotes") {
		t.Fatalf("all 4 hits shown, summary %q; want the counts per kind and no total", got)
	}
	hits := make([]search.Hit, 0, 2)
	for _, r := range p.rows {
		if r.isHit() && len(hits) < 2 {
			hits = append(hits, r.hit)
		}
	}
	p, _ = p.Update(searchResultsMsg{seq: p.seq, query: "harbour", hits: hits, total: 4914})
	if got := p.summary(); !strings.Contains(got, "best 2 of 4,914 matches") {
		t.Errorf("2 hits shown of 4,914, summary %q; want the total", got)
	}
	if !strings.Contains(p.View(), "of 4,914 matches") {
		t.Errorf("the pane does not show the total:\n%s", p.View())
	}
}

func TestStaleSearchIsCancelledAndItsResultsDropped(t *testing.T) {
	p := typed(t, "vos")
	p, inFlight := p.Update(searchDebouncedMsg{seq: p.seq})
	if inFlight == nil {
		t.Fatal("no search started for vos")
	}
	staleSeq := p.seq
	p, _ = p.Update(keys("s")[0])
	// The edit cancelled the search of "vos": run now, it sends nothing.
	if msg := inFlight(); msg != nil {
		t.Errorf("the search of a query typed past still sent %T", msg)
	}
	p = searched(t, p)
	want := len(p.rows)
	if want == 0 || p.shown != "voss" {
		t.Fatalf("no hits shown for voss (shown %q)", p.shown)
	}
	p, _ = p.Update(searchResultsMsg{seq: staleSeq, query: "vos", hits: []search.Hit{{Kind: search.Doc, ID: 2, Text: "x"}}, total: 1})
	if len(p.rows) != want || p.shown != "voss" {
		t.Fatalf("stale results replaced the current ones: %d rows for %q, want %d for voss", len(p.rows), p.shown, want)
	}
	if _, cmd := p.Update(searchDebouncedMsg{seq: staleSeq}); cmd != nil {
		t.Error("a stale debounce tick started a search")
	}
}

// Sessions over one Shared share its index but never a Searcher: its kept
// matches follow one user's typing.
func TestEverySessionHasItsOwnSearcher(t *testing.T) {
	sh := NewShared(testCorpus(t))
	a := New(sh.Corpus, testRenderer(), Options{Shared: sh})
	b := New(sh.Corpus, testRenderer(), Options{Shared: sh})
	if a.search.searcher == nil || a.search.searcher == b.search.searcher {
		t.Fatal("two sessions share a Searcher")
	}
	send(a, tea.WindowSizeMsg{Width: 80, Height: 24})
	send(b, tea.WindowSizeMsg{Width: 80, Height: 24})
	press(a, "/", "v", "o", "s", "s")
	press(b, "/", "c", "r", "a", "t", "e")
	if a.search.shown != "voss" || b.search.shown != "crate" {
		t.Errorf("sessions show %q and %q, want voss and crate", a.search.shown, b.search.shown)
	}
}

func TestGroupedSeparatesThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 7: "7", 999: "999", 1000: "1,000", 4914: "4,914", 500000: "500,000", 1234567: "1,234,567"} {
		if got := grouped(n); got != want {
			t.Errorf("grouped(%d) = %q, want %q", n, got, want)
		}
	}
}
