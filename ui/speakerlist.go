package ui

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/list"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/backchannel-news/backchannel/model"
)

// SpeakerList lists the speakers, most quoted first. Marking one or several
// filters the quote list to them.
type SpeakerList struct {
	listPane
	// chosen is the set filtering the quotes. It is replaced, never
	// modified, so a copy of the pane cannot change another's.
	chosen map[int]bool
}

// speakerItem is a speaker ID, or model.Unknown for the unattributed quotes.
type speakerItem int

func (speakerItem) FilterValue() string { return "" }

// NewSpeakerList lists the corpus's speakers by quote count, then name, and
// the unattributed quotes last when there are any.
func NewSpeakerList(cm *Common) SpeakerList {
	p := SpeakerList{listPane: newListPane(cm, speakerDelegate{cm: cm}, "speaker")}
	ids := make([]int, len(cm.Corpus.Speakers))
	for i := range ids {
		ids[i] = i
	}
	sp := cm.Corpus.Speakers
	sort.SliceStable(ids, func(a, b int) bool {
		if na, nb := len(sp[ids[a]].Quotes), len(sp[ids[b]].Quotes); na != nb {
			return na > nb
		}
		return strings.ToLower(sp[ids[a]].Name) < strings.ToLower(sp[ids[b]].Name)
	})
	items := make([]list.Item, 0, len(ids)+1)
	for _, id := range ids {
		items = append(items, speakerItem(id))
	}
	if len(cm.shared.unattributed) > 0 {
		items = append(items, speakerItem(model.Unknown))
	}
	p.list.SetItems(items)
	return p
}

// speakersChosenMsg says which speakers filter the quotes now; show asks to
// bring the quotes into view.
type speakersChosenMsg struct {
	set  map[int]bool
	show bool
}

// chooseSpeakers tells the root the speaker filter changed.
func chooseSpeakers(set map[int]bool, show bool) tea.Cmd {
	return func() tea.Msg { return speakersChosenMsg{set: set, show: show} }
}

// Selected is the speaker under the cursor; ok is false on an empty list.
func (p SpeakerList) Selected() (id int, ok bool) {
	it, ok := p.list.SelectedItem().(speakerItem)
	return int(it), ok
}

// SetChosen marks the speakers in set, and moves the cursor to the first
// of them when the cursor is not on one already.
func (p *SpeakerList) SetChosen(set map[int]bool) {
	p.setChosen(set)
	if id, ok := p.Selected(); ok && set[id] {
		return
	}
	for i, it := range p.list.Items() {
		if set[int(it.(speakerItem))] {
			p.list.Select(i)
			return
		}
	}
}

func (p SpeakerList) Update(msg tea.Msg) (SpeakerList, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok {
		keys := p.cm.Keys
		id, has := p.Selected()
		switch {
		case key.Matches(k, keys.Toggle) && has:
			set := make(map[int]bool, len(p.chosen)+1)
			for s := range p.chosen {
				set[s] = true
			}
			if set[id] {
				delete(set, id)
			} else {
				set[id] = true
			}
			p.setChosen(set)
			return p, chooseSpeakers(set, false)
		case key.Matches(k, keys.ShowQuotes) && has:
			if len(p.chosen) == 0 {
				p.setChosen(map[int]bool{id: true})
			}
			return p, chooseSpeakers(p.chosen, true)
		case key.Matches(k, keys.ClearFilter):
			p.setChosen(nil)
			return p, chooseSpeakers(nil, false)
		}
	}
	var cmd tea.Cmd
	p.list, cmd = p.list.Update(msg)
	return p, cmd
}

func (p SpeakerList) View() string { return p.list.View() }

func (p *SpeakerList) Focus() { p.setFocus(true) }
func (p *SpeakerList) Blur()  { p.setFocus(false) }

func (p *SpeakerList) setFocus(f bool) {
	p.focused = f
	p.list.SetDelegate(speakerDelegate{cm: p.cm, focused: f, chosen: p.chosen})
}

// setChosen replaces the marked set; the delegate draws the marks, so it is
// replaced too.
func (p *SpeakerList) setChosen(set map[int]bool) {
	p.chosen = set
	p.setFocus(p.focused)
}

func (p SpeakerList) Title() string {
	t := "Speakers " + p.position()
	if n := len(p.chosen); n > 0 {
		t += fmt.Sprintf(" · %d marked", n)
	}
	return t
}

func (p SpeakerList) ShortHelp() []key.Binding {
	k := p.cm.Keys
	k.ClearFilter.SetEnabled(len(p.chosen) > 0)
	k.Toggle.SetEnabled(len(p.list.Items()) > 0)
	k.ShowQuotes.SetEnabled(len(p.list.Items()) > 0)
	return []key.Binding{k.Toggle, k.ShowQuotes, k.ClearFilter}
}

func (p SpeakerList) FullHelp() [][]key.Binding {
	return [][]key.Binding{p.ShortHelp(), p.cm.Keys.navHelp()}
}

// speakerDelegate draws one speaker on one row: mark, name, quote count,
// roles and other spellings.
type speakerDelegate struct {
	cm      *Common
	focused bool
	chosen  map[int]bool
}

func (d speakerDelegate) Height() int                         { return 1 }
func (d speakerDelegate) Spacing() int                        { return 0 }
func (d speakerDelegate) Update(tea.Msg, *list.Model) tea.Cmd { return nil }

func (d speakerDelegate) Render(w io.Writer, m list.Model, index int, item list.Item) {
	st := d.cm.Styles
	id := int(item.(speakerItem))
	mark := "[ ] "
	if d.chosen[id] {
		mark = "[x] "
	}
	name := st.Speaker(id)
	if index == m.Index() {
		name = name.Bold(true)
	}
	meta := []string{plural(len(d.cm.quotesOf(id)), "quote")}
	if id != model.Unknown {
		s := &d.cm.Corpus.Speakers[id]
		if len(s.Roles) > 0 {
			meta = append(meta, printable(strings.Join(s.Roles, ", ")))
		}
		if len(s.Aliases) > 0 {
			meta = append(meta, "aka "+printable(strings.Join(s.Aliases, ", ")))
		}
	}
	line := mark + name.Render(d.cm.speakerLabel(id)) + " " + st.Muted.Render(strings.Join(meta, " · "))
	fmt.Fprint(w, selectionBar(st, index == m.Index(), d.focused)+fit(line, m.Width()-2))
}
