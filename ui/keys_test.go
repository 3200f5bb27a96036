package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/backchannel-news/backchannel/model"
)

// each puts the app in every pane and mode the help describes.
func eachHelpContext(t *testing.T, f func(name string, a *App)) {
	for p := pane(0); p < paneCount; p++ {
		a := newTestApp(t, 80, 24)
		a.setFocus(p)
		f(p.String(), a)
	}
	a := newTestApp(t, 80, 24)
	press(a, "/")
	f("search", a)
	a = newTestApp(t, 80, 24)
	press(a, "!")
	f("problems", a)
}

func TestNoTwoBindingsShareAKey(t *testing.T) {
	eachHelpContext(t, func(name string, a *App) {
		owner := map[string]string{}
		seen := map[*key.Binding]bool{}
		for _, col := range a.FullHelp() {
			for i := range col {
				b := &col[i]
				if !b.Enabled() || seen[b] {
					continue
				}
				seen[b] = true
				for _, k := range b.Keys() {
					if other, ok := owner[k]; ok && other != b.Help().Desc {
						t.Errorf("%s: key %q is both %q and %q", name, k, other, b.Help().Desc)
					}
					owner[k] = b.Help().Desc
				}
			}
		}
		if len(owner) == 0 {
			t.Errorf("%s: no bindings in help", name)
		}
	})
}

func TestHelpShowsGlobalAndPaneKeys(t *testing.T) {
	want := map[string][]string{
		"Documents": {"read document", "next pane", "search", "load problems", "quit"},
		"Speakers":  {"mark speaker", "show quotes", "next pane", "help"},
		"Quotes":    {"read in context", "page down", "search"},
		"Reader":    {"next quote", "previous quote", "speaker's quotes", "back", "next pane"},
		"search":    {"go to result", "next result", "back", "quit"},
		"problems":  {"back", "quit"},
	}
	eachHelpContext(t, func(name string, a *App) {
		a.help.ShowAll = true
		a.resize()
		full := a.helpView()
		for _, w := range want[name] {
			if !strings.Contains(full, w) {
				t.Errorf("%s: full help lacks %q:\n%s", name, w, full)
			}
		}
		if name == "search" && strings.Contains(full, "next pane") {
			t.Errorf("search help offers tab, which types into the box:\n%s", full)
		}
	})
}

func TestHelpHidesWhatDoesNotApply(t *testing.T) {
	a := newTestApp(t, 80, 24)
	a.setFocus(quotesPane)
	if strings.Contains(a.helpView(), "clear filter") {
		t.Errorf("quotes help offers clearing a filter that is not set: %s", a.helpView())
	}
	a.setFocus(speakersPane)
	if strings.Contains(a.helpView(), "clear filter") {
		t.Errorf("speakers help offers clearing with nothing marked: %s", a.helpView())
	}
	press(a, "space")
	if !strings.Contains(a.helpView(), "clear filter") {
		t.Errorf("speakers help lacks clearing with a speaker marked: %s", a.helpView())
	}
	a.cm.Corpus.Problems = nil
	a.help.ShowAll = true
	if strings.Contains(a.helpView(), "load problems") {
		t.Errorf("help offers the load report with nothing in it")
	}
}

// At 80 and 60 columns the full help has more columns than fit on one row:
// every enabled key must still be shown, none cut behind an ellipsis.
func TestFullHelpShowsEveryKeyWhenNarrow(t *testing.T) {
	for _, w := range []int{80, 60} {
		contexts := map[string]func(a *App){
			"claims topics": func(a *App) { press(a, "c") },
			"claims claims": func(a *App) { press(a, "c", "enter") },
			"claims picker": func(a *App) { press(a, "c", "enter", "v", "j", "enter") },
			"search":        func(a *App) { press(a, "/") },
			"problems":      func(a *App) { press(a, "!") },
		}
		for p := pane(0); p < paneCount; p++ {
			contexts[p.String()] = func(a *App) { a.setFocus(p) }
		}
		for name, enter := range contexts {
			a := newTestApp(t, w, 24)
			a.claims = NewClaimsView(a.cm, testClaims(t, a.cm.Corpus), openStore(t), "tester")
			enter(a)
			a.help.ShowAll = true
			a.resize()
			full := a.helpView()
			for _, col := range a.FullHelp() {
				for _, b := range col {
					if b.Enabled() && !strings.Contains(full, b.Help().Desc) {
						t.Errorf("%d columns, %s: full help lacks %q:\n%s", w, name, b.Help().Desc, full)
					}
				}
			}
			for _, l := range strings.Split(full, "\n") {
				if lipgloss.Width(l) > w {
					t.Errorf("%d columns, %s: help line %d wide: %q", w, name, lipgloss.Width(l), l)
				}
			}
			if got := lipgloss.Height(a.View()); got != 24 {
				t.Errorf("%d columns, %s: view is %d rows, want 24", w, name, got)
			}
		}
	}
}

// A corpus without quotes has no speakers or quotes to act on: their panes'
// help offers only moving on.
func TestHelpOfEmptyListsOffersNoItemKeys(t *testing.T) {
	c := testCorpus(t)
	empty := model.New(c.Docs, nil, nil, nil)
	a := New(empty, testRenderer(), Options{})
	send(a, tea.WindowSizeMsg{Width: 80, Height: 24})
	for p, keys := range map[pane][]string{speakersPane: {"mark speaker", "show quotes"}, quotesPane: {"read in context"}} {
		a.setFocus(p)
		for _, k := range keys {
			if strings.Contains(a.helpView(), k) {
				t.Errorf("%v with nothing listed offers %q: %s", p, k, a.helpView())
			}
		}
	}
}
