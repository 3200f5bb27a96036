package ui

import (
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/list"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/backchannel-news/backchannel/model"
)

// DocList lists the documents: title, outlet, date, kind and quote count.
type DocList struct {
	listPane
}

// docItem is a document in a list, a pointer into the corpus's Docs as
// quoteItem is, so listing a document allocates nothing.
type docItem model.Document

func (*docItem) FilterValue() string { return "" }

// listDocs lists every document of c in load order, for Shared.
func listDocs(c *model.Corpus) []list.Item {
	items := make([]list.Item, len(c.Docs))
	for i := range items {
		items[i] = (*docItem)(&c.Docs[i])
	}
	return items
}

// NewDocList lists every document of the corpus in load order.
func NewDocList(cm *Common) DocList {
	p := DocList{newListPane(cm, docDelegate{cm: cm}, "document")}
	p.list.SetItems(cm.shared.allDocs) // never modified: the list only reads it
	return p
}

// Selected is the document under the cursor, or -1.
func (p DocList) Selected() int {
	if it, ok := p.list.SelectedItem().(*docItem); ok {
		return it.ID
	}
	return -1
}

// SelectDoc moves the cursor to document id, so the list shows which
// document the reader has open.
func (p *DocList) SelectDoc(id int) {
	if id >= 0 && id < len(p.list.Items()) {
		p.list.Select(id) // items are in ID order
	}
}

func (p DocList) Update(msg tea.Msg) (DocList, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok && key.Matches(k, p.cm.Keys.OpenDoc) {
		if d := p.Selected(); d >= 0 {
			return p, openDocument(d, -1)
		}
		return p, nil
	}
	var cmd tea.Cmd
	p.list, cmd = p.list.Update(msg)
	return p, cmd
}

func (p DocList) View() string { return p.list.View() }

func (p *DocList) Focus() { p.setFocus(true) }
func (p *DocList) Blur()  { p.setFocus(false) }

func (p *DocList) setFocus(f bool) {
	p.focused = f
	p.list.SetDelegate(docDelegate{cm: p.cm, focused: f})
}

func (p DocList) Title() string { return strings.TrimSpace("Documents " + p.position()) }

func (p DocList) ShortHelp() []key.Binding { return []key.Binding{p.cm.Keys.OpenDoc} }

func (p DocList) FullHelp() [][]key.Binding {
	return [][]key.Binding{{p.cm.Keys.OpenDoc}, p.cm.Keys.navHelp()}
}

// docDelegate draws one document in two rows.
type docDelegate struct {
	cm      *Common
	focused bool
}

func (d docDelegate) Height() int                         { return 2 }
func (d docDelegate) Spacing() int                        { return 1 }
func (d docDelegate) Update(tea.Msg, *list.Model) tea.Cmd { return nil }

func (d docDelegate) Render(w io.Writer, m list.Model, index int, item list.Item) {
	cm, st := d.cm, d.cm.Styles
	doc := (*model.Document)(item.(*docItem))
	selected := index == m.Index()
	title := st.Normal
	if selected {
		title = st.Selected
	}
	var meta []string
	for _, s := range []string{doc.Outlet, doc.Date} {
		if s != "" {
			meta = append(meta, printable(s))
		}
	}
	meta = append(meta, doc.Kind.String(), plural(len(cm.Corpus.QuotesOf(doc.ID)), "quote"))
	width := m.Width() - 2
	bar := selectionBar(st, selected, d.focused)
	fmt.Fprint(w, bar+fit(title.Render(printable(doc.Title)), width)+"\n"+bar+fit(st.Muted.Render(strings.Join(meta, " · ")), width))
}

// plural is "1 quote", "2 quotes".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
