package ui

import (
	"fmt"
	"io"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/list"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/backchannel-news/backchannel/model"
)

// QuoteList lists quotes in corpus order, all of them or those of the
// chosen speakers.
type QuoteList struct {
	listPane
	speakers  map[int]bool
	textLines int // rows of quote text per item
	// fromReader is set while the list shows what s in the reader asked
	// for: Esc then goes back to the reader, as it does the other way.
	fromReader bool
}

// quotesBackMsg asks to return to the reader the list was opened from.
type quotesBackMsg struct{}

func leaveQuotes() tea.Msg { return quotesBackMsg{} }

// SetFromReader says whether Esc returns to the reader.
func (p *QuoteList) SetFromReader(b bool) { p.fromReader = b }

// quoteItem is a quote in a list: items are pointers into the corpus's
// Quotes, as a pointer fits in an interface without a heap allocation,
// where an int above 255 is boxed, one allocation per listed quote. The
// pointer receiver keeps a quoteItem value from passing for an item.
type quoteItem model.Quote

func (*quoteItem) FilterValue() string { return "" }

// listQuote is quote id as a list item.
func listQuote(c *model.Corpus, id int32) list.Item { return (*quoteItem)(&c.Quotes[id]) }

// quoteID is the ID of a list item made by listQuote: model.New numbers
// quotes by their position.
func quoteID(it list.Item) int { return int(it.(*quoteItem).ID) }

// NewQuoteList lists every quote.
func NewQuoteList(cm *Common) QuoteList {
	p := QuoteList{listPane: newListPane(cm, quoteDelegate{cm: cm, textLines: 2}, "quote"), textLines: 2}
	p.SetSpeakers(nil)
	return p
}

// SetSpeakers shows the quotes of the speakers in set, or all quotes for an
// empty set, keeping the cursor on the same quote when it is still listed.
func (p *QuoteList) SetSpeakers(set map[int]bool) {
	was, hadOne := p.Selected()
	p.speakers = set
	items := p.cm.shared.allQuotes // never modified: the list only reads it
	if len(set) > 0 {
		var ids []int32
		for s := range set {
			ids = append(ids, p.cm.quotesOf(s)...)
		}
		slices.Sort(ids)
		items = make([]list.Item, len(ids))
		for i, id := range ids {
			items[i] = listQuote(p.cm.Corpus, id)
		}
	}
	p.list.SetItems(items)
	p.list.Select(0)
	if hadOne {
		p.SelectQuote(was)
	}
}

// SelectQuote moves the cursor to quote id if it is listed.
func (p *QuoteList) SelectQuote(id int) bool {
	items := p.list.Items()
	i := sort.Search(len(items), func(i int) bool { return quoteID(items[i]) >= id })
	if i < len(items) && quoteID(items[i]) == id {
		p.list.Select(i)
		return true
	}
	return false
}

// Selected is the quote under the cursor; ok is false on an empty list.
func (p QuoteList) Selected() (id int, ok bool) {
	it, ok := p.list.SelectedItem().(*quoteItem)
	if !ok {
		return 0, false
	}
	return int(it.ID), true
}

func (p QuoteList) Update(msg tea.Msg) (QuoteList, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok {
		switch {
		case key.Matches(k, p.cm.Keys.QuoteContext):
			if id, ok := p.Selected(); ok {
				return p, openDocument(int(p.cm.Corpus.Quotes[id].Doc), id)
			}
			return p, nil
		case key.Matches(k, p.cm.Keys.ClearFilter):
			return p, chooseSpeakers(nil, false)
		case key.Matches(k, p.cm.Keys.Back) && p.fromReader:
			return p, leaveQuotes
		}
	}
	var cmd tea.Cmd
	p.list, cmd = p.list.Update(msg)
	return p, cmd
}

func (p QuoteList) View() string { return p.list.View() }

// SetSize gives tall panes more rows of each quote.
func (p *QuoteList) SetSize(w, h int) {
	p.textLines = 2
	if h >= 30 {
		p.textLines = 3
	}
	p.setFocus(p.focused)
	p.list.SetSize(w, h)
}

func (p *QuoteList) Focus() { p.setFocus(true) }
func (p *QuoteList) Blur()  { p.setFocus(false) }

func (p *QuoteList) setFocus(f bool) {
	p.focused = f
	p.list.SetDelegate(quoteDelegate{cm: p.cm, focused: f, textLines: p.textLines})
}

func (p QuoteList) Title() string {
	t := "Quotes " + p.position()
	if len(p.speakers) == 0 {
		return strings.TrimSpace(t) + " · all speakers"
	}
	names := make([]string, 0, len(p.speakers))
	for id := range p.speakers {
		names = append(names, p.cm.speakerLabel(id))
	}
	sort.Strings(names)
	return strings.TrimSpace(t) + " · " + strings.Join(names, ", ")
}

func (p QuoteList) ShortHelp() []key.Binding {
	k := p.cm.Keys
	k.ClearFilter.SetEnabled(len(p.speakers) > 0)
	k.QuoteContext.SetEnabled(len(p.list.Items()) > 0)
	k.Back.SetEnabled(p.fromReader)
	k.Back.SetHelp(k.Back.Help().Key, "back to the reader")
	return []key.Binding{k.QuoteContext, k.ClearFilter, k.Back}
}

func (p QuoteList) FullHelp() [][]key.Binding {
	return [][]key.Binding{p.ShortHelp(), p.cm.Keys.navHelp()}
}

// quoteDelegate draws a quote as a heading row (speaker, confidence flag,
// document and line) and its text wrapped under it.
type quoteDelegate struct {
	cm        *Common
	focused   bool
	textLines int
}

func (d quoteDelegate) Height() int                         { return 1 + d.textLines }
func (d quoteDelegate) Spacing() int                        { return 1 }
func (d quoteDelegate) Update(tea.Msg, *list.Model) tea.Cmd { return nil }

func (d quoteDelegate) Render(w io.Writer, m list.Model, index int, item list.Item) {
	st, c := d.cm.Styles, d.cm.Corpus
	q := (*model.Quote)(item.(*quoteItem))
	selected := index == m.Index()
	width := m.Width() - 2
	bar := selectionBar(st, selected, d.focused)
	name := st.Speaker(int(q.Speaker))
	if selected {
		name = name.Bold(true)
	}
	head := name.Render(d.cm.speakerLabel(int(q.Speaker)))
	if f := confidenceFlag(q.Confidence); f != "" {
		head += st.Warn.Render(f)
	}
	// The file name gives way before the line number does.
	where := fmt.Sprintf(":%d", q.Line)
	file := printable(path.Base(c.Docs[q.Doc].Path))
	room := width - ansi.StringWidth(head) - 3 - len(where)
	head += st.Muted.Render(" · " + fit(file, max(1, room)) + where)
	text := st.Normal
	if selected {
		text = st.Selected
	}
	rows := []string{bar + fit(head, width)}
	for _, l := range wrapLines(q.Text, width-2, d.textLines) {
		rows = append(rows, bar+"  "+text.Render(l))
	}
	for len(rows) < d.Height() { // a fixed height keeps the list's paging right
		rows = append(rows, bar)
	}
	fmt.Fprint(w, strings.Join(rows, "\n"))
}
