package ui

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/backchannel-news/backchannel/model/search"
)

// searchLimit bounds the hits of one query: enough to scroll through, few
// enough that a one-letter query over a million quotes stays cheap to draw.
const searchLimit = 500

// SearchView is fuzzy search over documents, speakers and quotes at once:
// a query box over the hits, grouped by kind under headers, best first.
type SearchView struct {
	cm *Common
	// searcher is this session's alone: it keeps the matches of the last
	// queries so the next keystroke narrows them, and sessions share only
	// the read-only index under it.
	searcher *search.Searcher
	delay    time.Duration
	input    textinput.Model

	seq int // bumped on every edit; results of older edits are dropped
	// cancel stops the search in flight, once an edit has made it stale,
	// so keystrokes do not queue searches nobody will see.
	cancel  context.CancelFunc
	shown   string // the query the rows answer
	waiting bool
	rows    []searchRow
	counts  [3]int // hits per kind
	total   int    // texts matching in all; more than the hits when capped
	cursor  int    // index into rows; always a hit, never a header
	offset  int
	width   int
	height  int
}

// searchRow is a group header or a hit.
type searchRow struct {
	header string
	hit    search.Hit
}

func (r searchRow) isHit() bool { return r.header == "" }

// NewSearchView searches ix, waiting delay after the last keystroke, with a
// Searcher of its own: call it once per session.
func NewSearchView(cm *Common, ix *search.Index, delay time.Duration) SearchView {
	in := textinput.New()
	in.Prompt = "/ "
	in.Placeholder = "search documents, speakers and quotes"
	in.PromptStyle = cm.Styles.Prompt
	in.TextStyle = cm.Styles.Input
	in.PlaceholderStyle = cm.Styles.Muted
	in.Cursor.Style = cm.Styles.Current
	in.Cursor.TextStyle = cm.Styles.Input
	// A blinking cursor would redraw every half second, for every SSH
	// session, to no purpose.
	in.Cursor.SetMode(cursor.CursorStatic)
	return SearchView{cm: cm, searcher: ix.NewSearcher(), delay: delay, input: in}
}

// searchDebouncedMsg fires delay after edit number seq.
type searchDebouncedMsg struct{ seq int }

func waitToSearch(seq int, delay time.Duration) tea.Cmd {
	return tea.Tick(delay, func(time.Time) tea.Msg { return searchDebouncedMsg{seq: seq} })
}

// searchResultsMsg carries the best hits for the query of edit number seq
// and how many texts match in all.
type searchResultsMsg struct {
	seq   int
	query string
	hits  []search.Hit
	total int
}

// runSearch searches off the event loop. It captures the session's
// searcher, the context and the query, never the model. The searcher locks
// itself, so a search that has been cancelled but not yet returned cannot
// run at the same time as the one that replaced it. A cancelled search
// sends nothing: a newer edit has made it stale.
func runSearch(ctx context.Context, s *search.Searcher, query string, seq int) tea.Cmd {
	return func() tea.Msg {
		res, err := s.SearchContext(ctx, query, searchLimit)
		if err != nil {
			return nil
		}
		return searchResultsMsg{seq: seq, query: query, hits: res.Hits, total: res.Total}
	}
}

// startSearch cancels the search in flight, if any, and runs one for the
// current query.
func (s *SearchView) startSearch() tea.Cmd {
	s.stopSearch()
	ctx, cancel := context.WithCancel(context.Background())
	s.cancel = cancel
	return runSearch(ctx, s.searcher, s.input.Value(), s.seq)
}

// stopSearch cancels the search in flight, whose result would be dropped.
func (s *SearchView) stopSearch() {
	if s.cancel != nil {
		s.cancel()
		s.cancel = nil
	}
}

// searchJumpMsg asks the root to show hit in context.
type searchJumpMsg struct{ hit search.Hit }

func jumpTo(hit search.Hit) tea.Cmd { return func() tea.Msg { return searchJumpMsg{hit: hit} } }

// searchClosedMsg asks the root to return to where the user was.
type searchClosedMsg struct{}

func closeSearch() tea.Msg { return searchClosedMsg{} }

// Focus puts the cursor in the query box, which keeps the last query.
func (s *SearchView) Focus() { s.input.Focus() }
func (s *SearchView) Blur()  { s.input.Blur() }

// Query is the text in the box.
func (s SearchView) Query() string { return s.input.Value() }

// Selected is the hit under the cursor; ok is false when there is none.
func (s SearchView) Selected() (search.Hit, bool) {
	if s.cursor < len(s.rows) && s.rows[s.cursor].isHit() {
		return s.rows[s.cursor].hit, true
	}
	return search.Hit{}, false
}

func (s SearchView) Update(msg tea.Msg) (SearchView, tea.Cmd) {
	switch msg := msg.(type) {
	case searchDebouncedMsg:
		if msg.seq == s.seq {
			return s, s.startSearch()
		}
		return s, nil
	case searchResultsMsg:
		if msg.seq == s.seq {
			s.setResults(msg.query, msg.hits, msg.total)
		}
		return s, nil
	case tea.KeyMsg:
		keys := s.cm.Keys
		switch {
		case key.Matches(msg, keys.Close):
			return s, closeSearch
		case key.Matches(msg, keys.Jump):
			if hit, ok := s.Selected(); ok {
				return s, jumpTo(hit)
			}
			return s, nil
		case key.Matches(msg, keys.ResultDown):
			s.Scroll(1)
			return s, nil
		case key.Matches(msg, keys.ResultUp):
			s.Scroll(-1)
			return s, nil
		}
	}
	before := s.input.Value()
	var cmd tea.Cmd
	s.input, cmd = s.input.Update(msg)
	if q := s.input.Value(); q != before {
		s.seq++
		s.stopSearch()
		if strings.TrimSpace(q) == "" {
			s.setResults(q, nil, 0)
			return s, cmd
		}
		s.waiting = true
		return s, tea.Batch(cmd, waitToSearch(s.seq, s.delay))
	}
	return s, cmd
}

// setResults groups hits by kind, keeping their rank within each group;
// total is how many texts match in all.
func (s *SearchView) setResults(query string, hits []search.Hit, total int) {
	s.shown, s.waiting, s.total = query, false, max(total, len(hits))
	s.counts = [3]int{}
	var groups [3][]search.Hit
	for _, h := range hits {
		groups[h.Kind] = append(groups[h.Kind], h)
		s.counts[h.Kind]++
	}
	s.rows = s.rows[:0]
	titles := [3]string{"Documents", "Speakers", "Quotes"}
	for k, g := range groups {
		if len(g) == 0 {
			continue
		}
		s.rows = append(s.rows, searchRow{header: fmt.Sprintf("%s (%d)", titles[k], len(g))})
		for _, h := range g {
			s.rows = append(s.rows, searchRow{hit: h})
		}
	}
	s.cursor, s.offset = 0, 0
	s.Scroll(0)
}

func (s SearchView) listHeight() int { return max(1, s.height-2) } // query box, summary

// Scroll moves the cursor n hits, skipping headers, and keeps it on screen
// with its group's header when that fits.
func (s *SearchView) Scroll(n int) {
	if len(s.rows) == 0 {
		return
	}
	step := 1
	if n < 0 {
		step, n = -1, -n
	}
	if !s.rows[s.cursor].isHit() {
		s.cursor = s.nextHit(s.cursor, 1)
	}
	for ; n > 0; n-- {
		s.cursor = s.nextHit(s.cursor+step, step)
	}
	h := s.listHeight()
	top := s.cursor
	if top > 0 && !s.rows[top-1].isHit() {
		top-- // show the header above the first hit of a group
	}
	if top < s.offset {
		s.offset = top
	}
	if s.cursor >= s.offset+h {
		s.offset = s.cursor - h + 1
	}
}

// nextHit is the first hit row from i in direction step, or the nearest
// hit the other way at either end.
func (s SearchView) nextHit(i, step int) int {
	for j := i; j >= 0 && j < len(s.rows); j += step {
		if s.rows[j].isHit() {
			return j
		}
	}
	for j := clamp(i, 0, len(s.rows)-1); j >= 0 && j < len(s.rows); j -= step {
		if s.rows[j].isHit() {
			return j
		}
	}
	return 0
}

func (s SearchView) View() string {
	st := s.cm.Styles
	lines := []string{fit(s.input.View(), s.width), fit(st.Muted.Render(s.summary()), s.width)}
	end := min(len(s.rows), s.offset+s.listHeight())
	for i := s.offset; i < end; i++ {
		lines = append(lines, s.renderRow(i))
	}
	for len(lines) < s.height {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

func (s SearchView) summary() string {
	switch {
	case strings.TrimSpace(s.input.Value()) == "":
		return "Type a few letters of a title, a name or a quote."
	case s.waiting:
		return "Searching…"
	case len(s.rows) == 0:
		return fmt.Sprintf("Nothing matches %q.", s.shown)
	}
	kinds := fmt.Sprintf("%s, %s, %s", plural(s.counts[0], "document"), plural(s.counts[1], "speaker"), plural(s.counts[2], "quote"))
	if n := s.counts[0] + s.counts[1] + s.counts[2]; s.total > n {
		return fmt.Sprintf("best %s of %s matches: %s · type more to narrow", grouped(n), grouped(s.total), kinds)
	}
	return kinds + " · enter: go there · esc: back"
}

// grouped writes n with thousands separated, as a reader counts them.
func grouped(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func (s SearchView) renderRow(i int) string {
	st, c := s.cm.Styles, s.cm.Corpus
	row := s.rows[i]
	if !row.isHit() {
		return fit(st.Header.Render(row.header), s.width)
	}
	h := row.hit
	selected := i == s.cursor
	base := st.Normal
	if selected {
		base = st.Selected
	}
	width := s.width - 2
	var line string
	switch h.Kind {
	case search.Doc:
		d := &c.Docs[h.ID]
		line = st.Highlight(h.Text, h.Matched, base)
		if d.Outlet != "" {
			line += st.Muted.Render(" · " + printable(d.Outlet))
		}
	case search.Speaker:
		line = st.Highlight(h.Text, h.Matched, st.Speaker(h.ID)) +
			st.Muted.Render(" · "+plural(len(c.Speakers[h.ID].Quotes), "quote"))
	case search.Quote:
		q := &c.Quotes[h.ID]
		who := st.Speaker(int(q.Speaker)).Render(s.cm.speakerLabel(int(q.Speaker))) + st.Warn.Render(confidenceFlag(q.Confidence)) + ": "
		text, matched := windowAround(h.Text, h.Matched, width/3)
		line = who + st.Highlight(text, matched, base)
	}
	return selectionBar(st, selected, true) + fit(line, width)
}

// windowAround cuts the start off text when its first match lies more than
// lead cells in, so a match deep in a long quote is still on screen.
func windowAround(text string, matched []int, lead int) (string, []int) {
	if len(matched) == 0 || ansi.StringWidth(text[:matched[0]]) <= lead {
		return text, matched
	}
	cut := matched[0] - lead/2
	for cut > 0 && !utf8.RuneStart(text[cut]) {
		cut--
	}
	const ellipsis = "…"
	shifted := make([]int, len(matched))
	for i, m := range matched {
		shifted[i] = m - cut + len(ellipsis)
	}
	return ellipsis + text[cut:], shifted
}

func (s *SearchView) SetSize(w, h int) {
	s.width, s.height = w, h
	s.input.Width = max(1, w-ansi.StringWidth(s.input.Prompt)-1)
	s.Scroll(0)
}

func (s SearchView) Title() string { return "Search" }

func (s SearchView) ShortHelp() []key.Binding {
	k := s.cm.Keys
	return []key.Binding{k.Jump, k.ResultUp, k.ResultDown, k.Close}
}

func (s SearchView) FullHelp() [][]key.Binding {
	return [][]key.Binding{s.ShortHelp(), {s.cm.Keys.ForceQuit}}
}
