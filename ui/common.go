package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/list"
	"github.com/charmbracelet/x/ansi"
	"github.com/mattn/go-runewidth"

	"github.com/backchannel-news/backchannel/model"
	"github.com/backchannel-news/backchannel/model/search"
)

// Shared is what every session over one corpus can share, read-only once
// built: over SSH, build it once and pass it to each session in Options, so
// a new session over a million quotes costs milliseconds, not a rebuild.
type Shared struct {
	Corpus *model.Corpus
	Index  *search.Index

	// allQuotes lists every quote as list items, so clearing a speaker
	// filter does not build a million items again.
	allQuotes []list.Item
	// allDocs lists every document, so a new session builds no list.
	allDocs []list.Item
	// unattributed holds the IDs of the quotes with no speaker, in corpus
	// order: the corpus indexes quotes by speaker only, and scanning every
	// quote on a keypress would not scale.
	unattributed []int32
}

// NewShared prepares c for any number of sessions.
func NewShared(c *model.Corpus) *Shared { return newShared(c, nil) }

// newShared uses ix when given, else builds the index.
func newShared(c *model.Corpus, ix *search.Index) *Shared {
	if ix == nil {
		ix = search.NewIndex(c)
	}
	sh := &Shared{Corpus: c, Index: ix, allQuotes: make([]list.Item, len(c.Quotes)), allDocs: listDocs(c)}
	for i := range c.Quotes {
		sh.allQuotes[i] = listQuote(c, int32(i))
		if c.Quotes[i].Speaker == model.Unknown {
			sh.unattributed = append(sh.unattributed, int32(i))
		}
	}
	return sh
}

// Common is what every pane of one session shares: its styles, its keys and
// the read-only corpus.
type Common struct {
	Styles *Styles
	Keys   KeyMap
	Corpus *model.Corpus
	shared *Shared
}

// NewCommon prepares what the panes of one session share.
func NewCommon(sh *Shared, s *Styles, k KeyMap) *Common {
	return &Common{Styles: s, Keys: k, Corpus: sh.Corpus, shared: sh}
}

// quotesOf returns the quote IDs of speaker id, model.Unknown included.
func (cm *Common) quotesOf(id int) []int32 {
	if id == model.Unknown {
		return cm.shared.unattributed
	}
	if id < 0 || id >= len(cm.Corpus.Speakers) {
		return nil
	}
	return cm.Corpus.Speakers[id].Quotes
}

// speakerLabel is a speaker's name as lists show it.
func (cm *Common) speakerLabel(id int) string {
	if id == model.Unknown {
		return "(unattributed)"
	}
	return printable(cm.Corpus.SpeakerName(id))
}

// confidenceFlag marks an attribution that is a guess. It is a character,
// not a colour, so it survives NO_COLOR.
func confidenceFlag(c model.Confidence) string {
	if c == model.High || c == model.None {
		return ""
	}
	return "?"
}

// pane names one of the panes the root lays out. Claims and other panes
// are added before paneCount.
type pane int

const (
	docsPane pane = iota
	speakersPane
	quotesPane
	readerPane
	paneCount
)

func (p pane) String() string {
	return [...]string{"Documents", "Speakers", "Quotes", "Reader"}[p]
}

// Pane is what the root needs of every pane. Each also has an
// Update(tea.Msg) (T, tea.Cmd) returning its concrete type.
type Pane interface {
	View() string
	// SetSize sets the size of the content, inside the frame and title.
	SetSize(width, height int)
	Focus()
	Blur()
	// Title is the pane's one-line heading, drawn by the root.
	Title() string
	// Scroll moves by n rows (negative: up), for the mouse wheel.
	Scroll(n int)
	ShortHelp() []key.Binding
	FullHelp() [][]key.Binding
}

// fit truncates s, which may hold escape codes, to width cells.
func fit(s string, width int) string {
	if width <= 0 {
		return ""
	}
	return ansi.Truncate(s, width, "…")
}

// wrapLines word-wraps plain text to width and returns at most max lines,
// the last ending in "…" when text was cut.
func wrapLines(text string, width, max int) []string {
	if width <= 0 || max <= 0 {
		return nil
	}
	text = strings.Join(strings.Fields(printable(text)), " ")
	lines := strings.Split(ansi.Wrap(text, width, ""), "\n")
	if len(lines) > max {
		lines = lines[:max]
		lines[max-1] = ansi.Truncate(lines[max-1]+" …", width, "…")
		if !strings.HasSuffix(lines[max-1], "…") {
			lines[max-1] = ansi.Truncate(lines[max-1], width-1, "") + "…"
		}
	}
	return lines
}

// wrapRanges splits s into rows of at most width cells, breaking after a
// space where it can, and returns each row as a [start, end) byte range of
// s. Byte ranges, not strings, so callers can style spans that cross rows.
func wrapRanges(s string, width int) [][2]int {
	if width < 1 {
		width = 1
	}
	if s == "" {
		return [][2]int{{0, 0}}
	}
	var rows [][2]int
	start, cells, lastBreak := 0, 0, -1
	for i, r := range s {
		w := runewidth.RuneWidth(r)
		if r == '\t' {
			w = 1
		}
		if cells+w > width && i > start {
			end := i
			if lastBreak > start {
				end = lastBreak
			}
			rows = append(rows, [2]int{start, end})
			start, lastBreak = end, -1
			cells = runewidth.StringWidth(strings.ReplaceAll(s[start:i], "\t", " "))
		}
		cells += w
		if r == ' ' || r == '\t' {
			lastBreak = i + 1
		}
	}
	return append(rows, [2]int{start, len(s)})
}

// printable replaces control characters, which would move the terminal's
// cursor or start escape sequences, with visible ones of the same width.
func printable(s string) string {
	if strings.IndexFunc(s, isControl) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			return ' '
		case isControl(r):
			return '·'
		}
		return r
	}, s)
}

func isControl(r rune) bool { return r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) }

// clamp bounds v to [lo, hi]; hi below lo yields lo.
func clamp(v, lo, hi int) int {
	if v > hi {
		v = hi
	}
	if v < lo {
		v = lo
	}
	return v
}

// listPane is the part the list panes share: a bubbles list (which renders
// only the rows on screen) set up for our keys and styles.
type listPane struct {
	cm      *Common
	list    list.Model
	focused bool
}

// newListPane makes a list of things called noun ("quote"), which its
// empty state names.
func newListPane(cm *Common, d list.ItemDelegate, noun string) listPane {
	l := list.New(nil, d, 0, 0)
	// Each of these redraws what is still shown to measure its height, so
	// the costliest, the help, goes first: hidden last it was drawn five
	// more times, half of what a new session allocated.
	l.SetShowHelp(false)
	l.SetShowStatusBar(false)
	l.SetShowPagination(false)
	l.SetShowTitle(false)
	l.SetShowFilter(false)
	l.SetFilteringEnabled(false)
	l.DisableQuitKeybindings()
	l.KeyMap = listKeyMap(cm.Keys)
	l.Styles.NoItems = cm.Styles.Muted
	l.SetStatusBarItemName(noun, noun+"s")
	return listPane{cm: cm, list: l}
}

func (p *listPane) SetSize(w, h int) { p.list.SetSize(w, h) }

func (p *listPane) Scroll(n int) {
	for ; n > 0; n-- {
		p.list.CursorDown()
	}
	for ; n < 0; n++ {
		p.list.CursorUp()
	}
}

// position is "3/12", or "" for an empty list.
func (p *listPane) position() string {
	n := len(p.list.Items())
	if n == 0 {
		return ""
	}
	return fmt.Sprintf("%d/%d", p.list.Index()+1, n)
}

// selectionBar marks the item under the cursor with a character, so the
// selection survives NO_COLOR; it is dimmed when the pane lacks focus.
func selectionBar(st *Styles, selected, focused bool) string {
	switch {
	case !selected:
		return "  "
	case focused:
		return st.Bar.Render("┃") + " "
	default:
		return st.Muted.Render("┃") + " "
	}
}
