// Package ui is the Bubble Tea reader: documents, speakers, quotes and a
// reader in panes, with fuzzy search over all of them.
package ui

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/backchannel-news/backchannel/corpus/claims"
	"github.com/backchannel-news/backchannel/model"
	"github.com/backchannel-news/backchannel/model/curation"
	"github.com/backchannel-news/backchannel/model/search"
)

// Options configure one reader session.
type Options struct {
	// Shared is NewShared of the same corpus, built once and given to every
	// session; nil builds one in New.
	Shared *Shared
	// Index, when Shared is nil, is a search index over the same corpus
	// to use instead of building one.
	Index *search.Index
	// SearchDelay is how long search waits after the last keystroke before
	// it runs; zero means 120ms.
	SearchDelay time.Duration
	// Claims are the claims found in the corpus, shared by every session;
	// nil finds them when the session starts.
	Claims *model.ClaimSet
	// Annotations is the store curation is saved to, shared by every
	// session; nil makes the claims view read-only.
	Annotations *curation.Store
	// Author names the user in saved curation (the SSH user name); empty
	// means $USER.
	Author string
}

// mode is what has the keyboard: the panes, the search box, or the list of
// load problems.
type mode int

const (
	browsing mode = iota
	searching
	readingProblems
	browsingClaims
)

// App is the root model of one session. It owns focus, layout and the
// routing of messages; the panes do the rest.
type App struct {
	cm *Common

	docs     DocList
	speakers SpeakerList
	quotes   QuoteList
	reader   Reader
	search   SearchView
	problems ProblemsView
	claims   ClaimsView
	help     help.Model

	mode  mode
	focus pane
	back  pane // where Esc in the reader returns
	// backToClaims makes Esc in the reader return to the claims view when
	// the reader was opened from a claim, so a journalist checking claims
	// one by one is not dropped into the documents list each time.
	backToClaims bool
	width        int
	height       int
	screen       screen
}

// New makes the root model of one session over a shared read-only corpus.
// r is the session's renderer (lipgloss.DefaultRenderer() locally).
func New(c *model.Corpus, r *lipgloss.Renderer, opts Options) *App {
	sh := opts.Shared
	if sh == nil || sh.Corpus != c {
		sh = newShared(c, opts.Index)
	}
	cm := NewCommon(sh, NewStyles(r), DefaultKeyMap())
	delay := opts.SearchDelay
	if delay <= 0 {
		delay = 120 * time.Millisecond
	}
	a := &App{
		cm:       cm,
		docs:     NewDocList(cm),
		speakers: NewSpeakerList(cm),
		quotes:   NewQuoteList(cm),
		reader:   NewReader(cm),
		search:   NewSearchView(cm, sh.Index, delay),
		problems: NewProblemsView(cm),
		claims:   NewClaimsView(cm, opts.Claims, opts.Annotations, author(opts.Author)),
		help:     help.New(),
		focus:    docsPane,
		back:     docsPane,
	}
	a.help.Styles = cm.Styles.Help
	if len(c.Docs) > 0 {
		a.reader.Open(0, -1)
	}
	a.docs.Focus()
	return a
}

func (a *App) Init() tea.Cmd { return a.claims.Init(claims.Find) }

// paneAt is the pane p as the Pane interface.
func (a *App) paneAt(p pane) Pane {
	switch p {
	case docsPane:
		return &a.docs
	case speakersPane:
		return &a.speakers
	case quotesPane:
		return &a.quotes
	}
	return &a.reader
}

func (a *App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.width, a.height = msg.Width, msg.Height
		a.resize()
	case tea.KeyMsg:
		return a, a.handleKey(msg)
	case tea.MouseMsg:
		a.handleMouse(msg)
	case documentOpenedMsg:
		a.openReader(msg.doc, msg.quote)
	case speakersChosenMsg:
		a.chooseSpeakers(msg.set)
		if msg.show {
			a.setFocus(quotesPane)
		}
	case speakerQuotesMsg:
		a.chooseSpeakers(map[int]bool{msg.speaker: true})
		a.quotes.SelectQuote(msg.quote)
		a.setFocus(quotesPane)
		a.quotes.SetFromReader(true)
	case quotesBackMsg:
		a.setFocus(readerPane)
	case readerBackMsg:
		if a.backToClaims {
			a.backToClaims = false
			a.setMode(browsingClaims)
			return a, a.claims.Refresh()
		}
		a.setFocus(a.back)
	case searchJumpMsg:
		a.setMode(browsing)
		a.jump(msg.hit)
	case searchClosedMsg, problemsClosedMsg:
		a.setMode(browsing)
	case searchDebouncedMsg, searchResultsMsg:
		a.search, cmd = a.search.Update(msg)
	case claimsFoundMsg, claimsSavedMsg:
		a.claims, cmd = a.claims.Update(msg)
	case claimOpenMsg:
		a.setMode(browsing)
		a.openClaim(msg)
	case claimsClosedMsg:
		a.setMode(browsing)
		a.backToClaims = false // left on purpose: Esc in the reader is its own again
	}
	return a, cmd
}

// handleKey gives an open search box every key first, so "q" is typed, not
// obeyed; otherwise global keys, then the focused pane.
func (a *App) handleKey(k tea.KeyMsg) tea.Cmd {
	keys := a.cm.Keys
	var cmd tea.Cmd
	if key.Matches(k, keys.ForceQuit) {
		return tea.Quit
	}
	if a.mode == searching || (a.mode == browsingClaims && a.claims.Typing()) {
		if a.mode == searching {
			a.search, cmd = a.search.Update(k)
		} else {
			a.claims, cmd = a.claims.Update(k)
		}
		return cmd
	}
	switch {
	case key.Matches(k, keys.Quit):
		return tea.Quit
	case key.Matches(k, keys.Help):
		a.help.ShowAll = !a.help.ShowAll
		a.resize()
		return nil
	}
	if a.mode == readingProblems {
		a.problems, cmd = a.problems.Update(k)
		return cmd
	}
	if a.mode == browsingClaims {
		a.claims, cmd = a.claims.Update(k)
		a.resize() // the help follows the claims view's step
		return cmd
	}
	switch {
	case key.Matches(k, keys.NextPane):
		a.setFocus((a.focus + 1) % paneCount)
	case key.Matches(k, keys.PrevPane):
		a.setFocus((a.focus + paneCount - 1) % paneCount)
	case key.Matches(k, keys.Search):
		a.setMode(searching)
	case key.Matches(k, keys.Problems) && len(a.cm.Corpus.Problems) > 0:
		a.setMode(readingProblems)
	case key.Matches(k, keys.Claims):
		a.setMode(browsingClaims)
		return a.claims.Refresh()
	case key.Matches(k, keys.MarkClaim) && a.focus == readerPane && a.claims.Loaded():
		if t, ok := a.reader.markTarget(); ok {
			a.claims.StartMark(t)
			a.setMode(browsingClaims)
		}
	default:
		switch a.focus {
		case docsPane:
			a.docs, cmd = a.docs.Update(k)
		case speakersPane:
			a.speakers, cmd = a.speakers.Update(k)
		case quotesPane:
			a.quotes, cmd = a.quotes.Update(k)
		case readerPane:
			a.reader, cmd = a.reader.Update(k)
		}
	}
	return cmd
}

// handleMouse scrolls what is under the pointer with the wheel, and focuses
// the pane clicked.
func (a *App) handleMouse(m tea.MouseMsg) {
	if m.Action != tea.MouseActionPress {
		return
	}
	dir := 0
	switch m.Button {
	case tea.MouseButtonWheelUp:
		dir = -1
	case tea.MouseButtonWheelDown:
		dir = 1
	case tea.MouseButtonLeft:
	default:
		return
	}
	switch a.mode {
	case searching:
		a.search.Scroll(dir)
		return
	case readingProblems:
		a.problems.Scroll(3 * dir)
		return
	case browsingClaims:
		a.claims.Scroll(dir)
		return
	}
	if t, ok := a.tabAt(m.X, m.Y); ok && dir == 0 {
		a.setFocus(t)
		return
	}
	p := a.focus
	for q := pane(0); q < paneCount; q++ {
		if a.screen.shown(q, a.focus) && a.screen.panes[q].contains(m.X, m.Y) {
			p = q
		}
	}
	if dir == 0 {
		if p != a.focus {
			a.setFocus(p)
		}
		return
	}
	step := 1 // one item per notch in lists
	if p == readerPane {
		step = 3
	}
	a.paneAt(p).Scroll(step * dir)
}

// openReader shows doc at quote (or its top for -1) and focuses the reader,
// remembering where Esc should return.
func (a *App) openReader(doc, quote int) {
	a.backToClaims = false
	a.reader.Open(doc, quote)
	a.docs.SelectDoc(doc)
	if a.focus != readerPane {
		a.back = a.focus
	}
	a.setFocus(readerPane)
}

func (a *App) chooseSpeakers(set map[int]bool) {
	a.speakers.SetChosen(set)
	a.quotes.SetSpeakers(set)
}

// jump shows a search hit in context: a document from its top, a speaker's
// quotes, a quote in its document.
func (a *App) jump(h search.Hit) {
	switch h.Kind {
	case search.Doc:
		a.openReader(h.ID, -1)
	case search.Speaker:
		a.chooseSpeakers(map[int]bool{h.ID: true})
		a.setFocus(quotesPane)
	case search.Quote:
		q := a.cm.Corpus.Quotes[h.ID]
		a.quotes.SelectQuote(int(q.ID))
		a.openReader(int(q.Doc), int(q.ID))
	}
}

func (a *App) setFocus(p pane) {
	a.quotes.SetFromReader(false) // only the s that focuses the list sets it
	a.paneAt(a.focus).Blur()
	a.focus = p
	a.paneAt(p).Focus()
	a.resize()
}

func (a *App) setMode(m mode) {
	if m == searching {
		a.search.Focus()
	} else {
		a.search.Blur()
	}
	a.mode = m
	a.resize()
}

func (a *App) tooSmall() bool { return a.width < minWidth || a.height < minHeight }

// resize lays the panes out again: on a new window size, and whenever the
// help or the focused pane (which decide the help's height) change.
func (a *App) resize() {
	if a.tooSmall() {
		return
	}
	a.help.Width = a.width
	body := a.height - 1 - lipgloss.Height(a.helpView()) // status line, help
	a.screen = layout(a.width, body)
	fw, fh := a.cm.Styles.FrameFocused.GetFrameSize()
	for p := pane(0); p < paneCount; p++ {
		if r := a.screen.panes[p]; !r.empty() {
			a.paneAt(p).SetSize(r.W-fw, r.H-fh-1)
		}
	}
	a.search.SetSize(a.width-fw, body-fh-1)
	a.claims.SetSize(a.width-fw, body-fh-1)
	a.problems.SetSize(a.width-fw, body-fh-1)
}

func (a *App) View() string {
	if a.width == 0 {
		return ""
	}
	if a.tooSmall() {
		msg := fmt.Sprintf("backchannel needs a terminal of at least %dx%d;\nthis one is %dx%d.", minWidth, minHeight, a.width, a.height)
		return a.cm.Styles.Centered.Width(a.width).Height(a.height).Render(msg)
	}
	helpView := a.helpView()
	bodyHeight := a.height - 1 - lipgloss.Height(helpView)
	var body string
	switch a.mode {
	case searching:
		body = a.frame(a.search.Title(), a.search.View(), rect{W: a.width, H: bodyHeight}, true)
	case readingProblems:
		body = a.frame(a.problems.Title(), a.problems.View(), rect{W: a.width, H: bodyHeight}, true)
	case browsingClaims:
		body = a.frame(a.claims.Title(), a.claims.View(), rect{W: a.width, H: bodyHeight}, true)
	default:
		body = a.panesView(bodyHeight)
	}
	return body + "\n" + a.statusLine() + "\n" + helpView
}

// panesView draws the panes where layout put them. Layouts are columns of
// stacked panes, so each screen row is the panes covering it, left to right.
func (a *App) panesView(height int) string {
	rows := make([]string, height)
	type placed struct {
		r     rect
		lines []string
	}
	var ps []placed
	for p := pane(0); p < paneCount; p++ {
		if !a.screen.shown(p, a.focus) {
			continue
		}
		r := a.screen.panes[p]
		v := a.paneAt(p)
		ps = append(ps, placed{r, strings.Split(a.frame(v.Title(), v.View(), r, p == a.focus), "\n")})
	}
	sort.Slice(ps, func(i, j int) bool { return ps[i].r.X < ps[j].r.X })
	for _, pl := range ps {
		for i, l := range pl.lines {
			if y := pl.r.Y + i; y < height && i < pl.r.H {
				rows[y] += l
			}
		}
	}
	if a.screen.tabs {
		rows[0] = a.tabBar()
	}
	return strings.Join(rows, "\n")
}

// frame draws a pane's title and content in a border: rounded when focused,
// hidden but the same size when not, and a ▸ before the focused title.
func (a *App) frame(title, content string, r rect, focused bool) string {
	st := a.cm.Styles
	box, ts, mark := st.Frame, st.Title, "  "
	if focused {
		box, ts, mark = st.FrameFocused, st.TitleFocused, "▸ "
	}
	fw, fh := box.GetFrameSize()
	w, h := r.W-fw, r.H-fh
	lines := strings.Split(content, "\n")
	if len(lines) > h-1 {
		lines = lines[:max(0, h-1)]
	}
	inner := append([]string{fit(ts.Render(mark+title), w)}, lines...)
	return box.Width(w).Height(h).Render(strings.Join(inner, "\n"))
}

const tabSep = " │ "

// tabBar names every pane when only the focused one is shown.
func (a *App) tabBar() string {
	st := a.cm.Styles
	var tabs []string
	for p := pane(0); p < paneCount; p++ {
		if p == a.focus {
			tabs = append(tabs, st.TabActive.Render("▸ "+p.String()))
		} else {
			tabs = append(tabs, st.Tab.Render("  "+p.String()))
		}
	}
	return fit(strings.Join(tabs, st.Faint.Render(tabSep)), a.width)
}

// tabAt is the pane whose name in the tab bar is at x, y, so a click on
// it brings that pane up as Tab would.
func (a *App) tabAt(x, y int) (pane, bool) {
	if !a.screen.tabs || y != 0 {
		return 0, false
	}
	from := 0
	for p := pane(0); p < paneCount; p++ {
		to := from + lipgloss.Width("  "+p.String())
		if x >= from && x < to {
			return p, true
		}
		from = to + lipgloss.Width(tabSep)
	}
	return 0, false
}

// helpView is the help cut to the window: bubbles' short help overflows
// when not even its ellipsis fits. The full help wraps its columns onto
// more rows rather than let bubbles drop the last ones behind an ellipsis.
func (a *App) helpView() string {
	view := a.help.View(a)
	if a.help.ShowAll {
		view = a.fullHelpRows()
	}
	lines := strings.Split(view, "\n")
	for i, l := range lines {
		lines[i] = fit(l, a.width)
	}
	return strings.Join(lines, "\n")
}

// fullHelpRows lays the full help's columns left to right and starts a
// new row of columns where the next would not fit the window. When that
// would leave the panes too little room, it gives bubbles' single row, cut.
func (a *App) fullHelpRows() string {
	sep := lipgloss.Width(a.help.FullSeparator)
	var rows []string
	var row [][]key.Binding
	used := 0
	for _, col := range a.FullHelp() {
		w := lipgloss.Width(a.help.FullHelpView([][]key.Binding{col}))
		if w == 0 {
			continue // nothing enabled in it
		}
		if len(row) > 0 && used+sep+w > a.width {
			rows = append(rows, a.help.FullHelpView(row))
			row, used = nil, 0
		}
		if len(row) > 0 {
			used += sep
		}
		row, used = append(row, col), used+w
	}
	if len(row) > 0 {
		rows = append(rows, a.help.FullHelpView(row))
	}
	out := strings.Join(rows, "\n")
	if a.height-1-lipgloss.Height(out) < minBodyWithHelp {
		return a.help.FullHelpView(a.FullHelp())
	}
	return out
}

// statusLine gives the corpus's size, or says files failed to load and how
// to see why.
func (a *App) statusLine() string {
	st, c := a.cm.Styles, a.cm.Corpus
	if a.mode == browsingClaims {
		// Where curation goes is what a user of this view needs to know
		// (to back it up, share it, or find why it was refused).
		if path := printable(a.claims.SavedTo()); path != "" {
			const lead = "curation is saved to "
			// A long path loses its start, not the file's name.
			if over := len(lead) + ansi.StringWidth(path) - a.width; over > 0 {
				path = ansi.TruncateLeft(path, over+1, "…")
			}
			return fit(st.Status.Render(lead+path), a.width)
		}
		return fit(st.Notice.Render("curation is not saved: no annotations file could be opened"), a.width)
	}
	if n := len(c.Problems); n > 0 && a.mode != readingProblems {
		return fit(st.Notice.Render(fmt.Sprintf("✗ %s not loaded — press ! to see why", plural(n, "file"))), a.width)
	}
	return fit(st.Status.Render(fmt.Sprintf("%s · %s · %s",
		plural(len(c.Docs), "document"), plural(len(c.Speakers), "speaker"), plural(len(c.Quotes), "quote"))), a.width)
}

// ShortHelp is the focused pane's main keys, then the global ones.
func (a *App) ShortHelp() []key.Binding {
	k := a.cm.Keys
	switch a.mode {
	case searching:
		return a.search.ShortHelp()
	case readingProblems:
		return append(a.problems.ShortHelp(), k.Help, k.Quit)
	case browsingClaims:
		if a.claims.Typing() {
			return a.claims.ShortHelp() // q and ? type into the box
		}
		return append(a.claims.ShortHelp(), k.Help, k.Quit)
	}
	return append(a.paneAt(a.focus).ShortHelp(), k.NextPane, k.Search, k.Help, k.Quit)
}

// FullHelp is the focused pane's columns, then a column of global keys.
func (a *App) FullHelp() [][]key.Binding {
	switch a.mode {
	case searching:
		return a.search.FullHelp()
	case readingProblems:
		return append(a.problems.FullHelp(), a.globalKeys())
	case browsingClaims:
		if a.claims.Typing() {
			return a.claims.FullHelp()
		}
		return append(a.claims.FullHelp(), a.globalKeys())
	}
	return append(a.paneAt(a.focus).FullHelp(), a.globalKeys())
}

func (a *App) globalKeys() []key.Binding {
	k := a.cm.Keys
	k.Problems.SetEnabled(len(a.cm.Corpus.Problems) > 0)
	if a.mode == readingProblems || a.mode == browsingClaims {
		return []key.Binding{k.Help, k.Quit}
	}
	k.MarkClaim.SetEnabled(a.focus == readerPane && a.claims.Loaded()) // as handleKey
	return []key.Binding{k.NextPane, k.PrevPane, k.Search, k.Claims, k.MarkClaim, k.Problems, k.Help, k.Quit}
}
