package ui

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/backchannel-news/backchannel/model"
	"github.com/backchannel-news/backchannel/model/search"
)

func listedQuotes(a *App) []int {
	var ids []int
	for _, it := range a.quotes.list.Items() {
		ids = append(ids, quoteID(it))
	}
	return ids
}

func speakerIDs(a *App, ids []int) []string {
	var names []string
	for _, id := range ids {
		names = append(names, a.cm.speakerLabel(int(a.cm.Corpus.Quotes[id].Speaker)))
	}
	return names
}

func TestTabCyclesFocusBothWays(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {200, 50}} {
		a := newTestApp(t, size[0], size[1])
		want := []pane{speakersPane, quotesPane, readerPane, docsPane}
		for _, w := range want {
			press(a, "tab")
			if a.focus != w {
				t.Fatalf("%v: after tab focus is %v, want %v", size, a.focus, w)
			}
		}
		press(a, "shift+tab")
		if a.focus != readerPane {
			t.Fatalf("%v: shift+tab from documents focused %v, want the reader", size, a.focus)
		}
		if !a.reader.focused || a.docs.focused {
			t.Fatalf("%v: focus flags not moved: reader %v, docs %v", size, a.reader.focused, a.docs.focused)
		}
	}
}

func TestMarkingSpeakersFiltersQuotes(t *testing.T) {
	a := newTestApp(t, 80, 24)
	press(a, "tab") // speakers, most quoted first: Voss (4), Lehr (2), ...
	first, _ := a.speakers.Selected()
	press(a, "space")
	got := speakerIDs(a, listedQuotes(a))
	if len(got) != len(a.cm.Corpus.Speakers[first].Quotes) {
		t.Fatalf("marking %s lists %d quotes, want %d", a.cm.speakerLabel(first), len(got), len(a.cm.Corpus.Speakers[first].Quotes))
	}
	for _, n := range got {
		if n != a.cm.speakerLabel(first) {
			t.Fatalf("quote of %q listed while only %q is marked", n, a.cm.speakerLabel(first))
		}
	}
	press(a, "j")
	second, _ := a.speakers.Selected()
	press(a, "space")
	ids := listedQuotes(a)
	if want := len(a.cm.Corpus.Speakers[first].Quotes) + len(a.cm.Corpus.Speakers[second].Quotes); len(ids) != want {
		t.Fatalf("two speakers marked: %d quotes listed, want %d", len(ids), want)
	}
	if !sort.IntsAreSorted(ids) {
		t.Errorf("quotes of two speakers not in corpus order: %v", ids)
	}
	if !strings.Contains(a.quotes.Title(), a.cm.speakerLabel(second)) {
		t.Errorf("quote pane title %q does not name the filter", a.quotes.Title())
	}
	press(a, "x")
	if n := len(listedQuotes(a)); n != len(a.cm.Corpus.Quotes) {
		t.Fatalf("after clearing the filter %d quotes listed, want all %d", n, len(a.cm.Corpus.Quotes))
	}
	if len(a.speakers.chosen) != 0 {
		t.Errorf("speaker marks survive clearing: %v", a.speakers.chosen)
	}
}

func TestEnterOnSpeakerShowsOnlyTheirQuotes(t *testing.T) {
	a := newTestApp(t, 80, 24)
	press(a, "tab", "G") // the last entry is the unattributed quotes
	if id, _ := a.speakers.Selected(); id != model.Unknown {
		t.Fatalf("last speaker entry is %d, want the unattributed quotes", id)
	}
	press(a, "enter")
	if a.focus != quotesPane {
		t.Fatalf("enter on a speaker focused %v, want quotes", a.focus)
	}
	for _, id := range listedQuotes(a) {
		if a.cm.Corpus.Quotes[id].Speaker != model.Unknown {
			t.Fatalf("attributed quote %d listed under (unattributed)", id)
		}
	}
	if !strings.Contains(a.View(), "(unattributed)") {
		t.Error("unattributed quotes not labelled (unattributed)")
	}
}

func TestEnterOnQuoteOpensReaderAtItsLine(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {200, 50}} {
		a := newTestApp(t, size[0], size[1])
		press(a, "tab", "tab", "G")
		id, _ := a.quotes.Selected()
		q := a.cm.Corpus.Quotes[id]
		press(a, "enter")
		if a.focus != readerPane || a.reader.Doc() != int(q.Doc) || a.reader.CurrentQuote() != id {
			t.Fatalf("%v: reader shows doc %d quote %d focused %v; want doc %d quote %d", size,
				a.reader.Doc(), a.reader.CurrentQuote(), a.focus, q.Doc, id)
		}
		view := a.reader.View()
		if !strings.Contains(view, fmt.Sprintf("%d ▶ ", q.Line)) {
			t.Fatalf("%v: line %d not marked current in the reader:\n%s", size, q.Line, view)
		}
		press(a, "esc")
		if a.focus != quotesPane {
			t.Errorf("%v: esc in the reader went to %v, want back to quotes", size, a.focus)
		}
	}
}

func TestReaderStepsThroughQuotesAndListsTheSpeaker(t *testing.T) {
	a := newTestApp(t, 80, 24)
	press(a, "enter") // the call transcript, from the top
	if a.reader.CurrentQuote() != -1 {
		t.Fatalf("document opened at a quote (%d), want the top", a.reader.CurrentQuote())
	}
	var quotes []int
	for _, id := range a.cm.Corpus.QuotesOf(0) {
		quotes = append(quotes, int(id))
	}
	press(a, "n", "n")
	if a.reader.CurrentQuote() != quotes[1] {
		t.Fatalf("n n: current quote %d, want %d", a.reader.CurrentQuote(), quotes[1])
	}
	press(a, "N")
	if a.reader.CurrentQuote() != quotes[0] {
		t.Fatalf("N: current quote %d, want %d", a.reader.CurrentQuote(), quotes[0])
	}
	press(a, "n", "s")
	speaker := int(a.cm.Corpus.Quotes[quotes[1]].Speaker)
	if a.focus != quotesPane {
		t.Fatalf("s focused %v, want quotes", a.focus)
	}
	for _, id := range listedQuotes(a) {
		if int(a.cm.Corpus.Quotes[id].Speaker) != speaker {
			t.Fatalf("s lists quote %d of another speaker", id)
		}
	}
	if sel, _ := a.quotes.Selected(); sel != quotes[1] {
		t.Errorf("s left the cursor on quote %d, want the one read (%d)", sel, quotes[1])
	}
	if !a.speakers.chosen[speaker] {
		t.Errorf("speaker pane does not mark the speaker listed")
	}
	// Esc goes back to the reader, where it was.
	press(a, "esc")
	if a.focus != readerPane || a.reader.CurrentQuote() != quotes[1] {
		t.Fatalf("esc after s: focus %v at quote %d, want the reader at %d", a.focus, a.reader.CurrentQuote(), quotes[1])
	}
	// Reached by tab, the quote list has nowhere to go back to.
	press(a, "shift+tab", "esc")
	if a.focus != quotesPane {
		t.Errorf("esc in a quote list reached by tab moved focus to %v", a.focus)
	}
}

func TestSpeakerKeyWithoutCurrentQuoteTakesFirstOnScreen(t *testing.T) {
	a := newTestApp(t, 80, 24)
	press(a, "j", "enter", "s") // the article, at the top: no quote current yet
	first := a.cm.Corpus.Quotes[a.cm.Corpus.QuotesOf(1)[0]]
	if sel, _ := a.quotes.Selected(); sel != int(first.ID) {
		t.Fatalf("s at the top listed around quote %d, want the first of the document (%d)", sel, first.ID)
	}
}

func TestSearchTakesEveryKeyAndEscRestores(t *testing.T) {
	a := newTestApp(t, 80, 24)
	press(a, "tab", "tab", "j", "j")
	before, _ := a.quotes.Selected()
	press(a, "/")
	if a.mode != searching {
		t.Fatal("/ did not open search")
	}
	_, cmd := a.Update(keys("q")[0])
	if cmd != nil {
		if _, quit := cmd().(tea.QuitMsg); quit {
			t.Fatal("q quit while typing a query")
		}
	}
	press(a, "tab", "j", "?")
	if got := a.search.Query(); got != "qj?" {
		t.Fatalf("query is %q, want the keys typed (qj?)", got)
	}
	press(a, "esc")
	if a.mode != browsing || a.focus != quotesPane {
		t.Fatalf("esc left mode %v focus %v, want browsing the quotes", a.mode, a.focus)
	}
	if after, _ := a.quotes.Selected(); after != before {
		t.Errorf("quote cursor moved from %d to %d across a search", before, after)
	}
}

func TestSearchGroupsHitsAndJumps(t *testing.T) {
	a := newTestApp(t, 80, 24)
	press(a, "/", "b", "r", "a", "n", "d", "t")
	if len(a.search.rows) == 0 || a.search.rows[0].header == "" {
		t.Fatalf("no grouped results for brandt: %+v", a.search.rows)
	}
	hit, ok := a.search.Selected()
	if !ok || hit.Kind != search.Speaker {
		t.Fatalf("first hit for brandt is %+v, want the speaker", hit)
	}
	press(a, "enter")
	if a.mode != browsing || a.focus != quotesPane {
		t.Fatalf("enter on a speaker hit: mode %v focus %v", a.mode, a.focus)
	}
	for _, id := range listedQuotes(a) {
		if int(a.cm.Corpus.Quotes[id].Speaker) != hit.ID {
			t.Fatalf("quote %d listed for another speaker after jumping to %s", id, hit.Text)
		}
	}

	press(a, "/")
	if a.search.Query() != "brandt" {
		t.Errorf("search forgot its query: %q", a.search.Query())
	}
	for range "brandt" {
		press(a, "backspace")
	}
	press(a, "c", "r", "a", "t", "e")
	hit, ok = a.search.Selected()
	if !ok || hit.Kind != search.Quote {
		t.Fatalf("first hit for crate is %+v, want a quote", hit)
	}
	press(a, "enter")
	q := a.cm.Corpus.Quotes[hit.ID]
	if a.focus != readerPane || a.reader.Doc() != int(q.Doc) || a.reader.CurrentQuote() != int(q.ID) {
		t.Fatalf("enter on a quote hit: focus %v doc %d quote %d, want reader at %d/%d", a.focus, a.reader.Doc(), a.reader.CurrentQuote(), q.Doc, q.ID)
	}
}

func TestStaleSearchResultsAreDropped(t *testing.T) {
	a := newTestApp(t, 80, 24)
	press(a, "/", "v", "o", "s", "s")
	want := len(a.search.rows)
	if want == 0 {
		t.Fatal("no hits for voss")
	}
	stale := searchResultsMsg{seq: a.search.seq - 1, query: "vos", hits: []search.Hit{{Kind: search.Doc, ID: 2, Text: "x"}}}
	send(a, stale)
	if len(a.search.rows) != want {
		t.Fatalf("stale results replaced the current ones: %d rows, want %d", len(a.search.rows), want)
	}
	// A debounce tick for an older edit must not start a search.
	if _, cmd := a.Update(searchDebouncedMsg{seq: a.search.seq - 1}); cmd != nil {
		t.Error("a stale debounce tick started a search")
	}
}

func TestLoadProblemsAreVisible(t *testing.T) {
	a := newTestApp(t, 80, 24)
	if v := a.View(); !strings.Contains(v, "1 file not loaded — press ! to see why") {
		t.Fatalf("status line does not report the load problem:\n%s", v)
	}
	press(a, "!")
	v := a.View()
	if !strings.Contains(v, "leak/scan-0413.txt") || !strings.Contains(v, "NUL byte at offset 12") {
		t.Fatalf("problems view does not list the file and reason:\n%s", v)
	}
	press(a, "esc")
	if a.mode != browsing {
		t.Error("esc did not close the problems view")
	}
}

func TestTooSmallSaysWhatIsNeeded(t *testing.T) {
	a := newTestApp(t, 59, 24)
	if v := a.View(); !strings.Contains(v, "at least 60x16") || !strings.Contains(v, "59x24") {
		t.Fatalf("too-small view:\n%s", v)
	}
	send(a, tea.WindowSizeMsg{Width: 60, Height: 16})
	if v := a.View(); strings.Contains(v, "at least") || len(strings.Split(v, "\n")) != 16 {
		t.Fatalf("60x16 should draw the panes in exactly 16 rows:\n%s", v)
	}
}

func TestViewFillsTheWindowExactly(t *testing.T) {
	for _, size := range [][2]int{{60, 16}, {80, 24}, {120, 40}, {200, 50}, {250, 60}} {
		a := newTestApp(t, size[0], size[1])
		for _, k := range []string{"", "tab", "tab", "enter", "?", "/"} {
			if k != "" {
				press(a, k)
			}
			lines := strings.Split(a.View(), "\n")
			if len(lines) != size[1] {
				t.Fatalf("%v after %q: %d rows", size, k, len(lines))
			}
			for i, l := range lines {
				if w := len([]rune(l)); w > size[0] {
					t.Fatalf("%v after %q: row %d is %d wide: %q", size, k, i, w, l)
				}
			}
		}
	}
}

func TestMouseWheelScrollsThePaneUnderThePointer(t *testing.T) {
	a := newTestApp(t, 200, 50)
	r := a.screen.panes[quotesPane]
	send(a, tea.MouseMsg{X: r.X + 2, Y: r.Y + 3, Action: tea.MouseActionPress, Button: tea.MouseButtonWheelDown})
	if id, _ := a.quotes.Selected(); id != 1 {
		t.Fatalf("wheel over quotes: quote cursor on %d, want 1", id)
	}
	if a.docs.Selected() != 0 || a.focus != docsPane {
		t.Fatalf("wheel over quotes moved documents (%d) or focus (%v)", a.docs.Selected(), a.focus)
	}
	send(a, tea.MouseMsg{X: r.X + 2, Y: r.Y + 3, Action: tea.MouseActionPress, Button: tea.MouseButtonLeft})
	if a.focus != quotesPane {
		t.Fatalf("click on quotes focused %v", a.focus)
	}
}

// At 80x24 the panes take turns behind a tab bar: a click on a pane's
// name there brings it up.
func TestClickOnATabFocusesItsPane(t *testing.T) {
	a := newTestApp(t, 80, 24)
	bar := strings.Split(a.View(), "\n")[0]
	for _, p := range []pane{readerPane, speakersPane, quotesPane, docsPane} {
		x := strings.Index(bar, p.String())
		if x < 0 {
			t.Fatalf("tab bar %q lacks %v", bar, p)
		}
		x = lipgloss.Width(bar[:x]) // cells, not bytes: the bar has │ and ▸
		send(a, tea.MouseMsg{X: x + 1, Y: 0, Action: tea.MouseActionPress, Button: tea.MouseButtonLeft})
		if a.focus != p {
			t.Fatalf("click on %q in the tab bar focused %v", p, a.focus)
		}
		bar = strings.Split(a.View(), "\n")[0]
	}
	// A click between tabs changes nothing.
	x := lipgloss.Width(bar[:strings.Index(bar, "│")])
	send(a, tea.MouseMsg{X: x, Y: 0, Action: tea.MouseActionPress, Button: tea.MouseButtonLeft})
	if a.focus != docsPane {
		t.Errorf("click on a separator focused %v", a.focus)
	}
}

func TestEmptyCorpusDrawsAndTakesKeys(t *testing.T) {
	a := New(model.New(nil, nil, nil, []model.Problem{{Path: "x", Reason: "empty file"}}), testRenderer(), Options{})
	send(a, tea.WindowSizeMsg{Width: 80, Height: 24})
	for _, k := range []string{"enter", "j", "tab", "space", "enter", "x", "tab", "enter", "tab", "n", "s", "G", "/", "a", "enter", "esc", "!", "esc"} {
		press(a, k)
		_ = a.View()
	}
	if !strings.Contains(a.View(), "1 file not loaded") {
		t.Errorf("empty corpus view does not report why:\n%s", a.View())
	}
}

func TestOpeningADocumentMovesTheDocumentCursor(t *testing.T) {
	a := newTestApp(t, 200, 50)
	press(a, "tab", "tab", "G", "enter")
	id, _ := a.quotes.Selected()
	if got, want := a.docs.Selected(), int(a.cm.Corpus.Quotes[id].Doc); got != want {
		t.Errorf("documents cursor on %d while the reader shows %d", got, want)
	}
}

func TestReaderKeepsItsPlaceAcrossFocusAndResize(t *testing.T) {
	a := newTestApp(t, 80, 24)
	press(a, "j", "enter", "ctrl+d", "j")
	top, row := a.reader.TopLine(), a.reader.offset
	press(a, "tab", "tab", "tab", "tab")
	if a.reader.offset != row {
		t.Fatalf("cycling focus moved the reader from row %d to %d", row, a.reader.offset)
	}
	send(a, tea.WindowSizeMsg{Width: 64, Height: 18}) // rewraps, still scrolls
	if got := a.reader.TopLine(); got != top {
		t.Errorf("after a resize the reader starts at line %d, want %d", got, top)
	}
}

func TestReaderOpenedBeforeItsSizeShowsTheQuoteOnceSized(t *testing.T) {
	cm := NewCommon(NewShared(testCorpus(t)), NewStyles(testRenderer()), DefaultKeyMap())
	r := NewReader(cm)
	r.Open(1, 6)
	if len(r.rows) != 0 {
		t.Fatalf("reader wrapped %d rows before it had a width", len(r.rows))
	}
	r.SetSize(40, 6)
	if r.CurrentQuote() != 6 || !r.visible(r.cur) {
		t.Fatalf("quote 6 not current and on screen after sizing: current %d, offset %d", r.CurrentQuote(), r.offset)
	}
}

func TestSessionsSharePreparedCorpus(t *testing.T) {
	c := testCorpus(t)
	sh := NewShared(c)
	a := New(c, testRenderer(), Options{Shared: sh})
	if a.cm.shared != sh {
		t.Error("a session built its own Shared although one was given")
	}
	other := testCorpus(t)
	if b := New(other, testRenderer(), Options{Shared: sh}); b.cm.Corpus != other || b.cm.shared == sh {
		t.Error("a Shared made for another corpus was used")
	}
}
