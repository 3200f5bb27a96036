package ui

import (
	"io"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/backchannel-news/backchannel/corpus"
	"github.com/backchannel-news/backchannel/model"
)

// Every style in a test must come from the test renderer; setting the
// global profile to Ascii too makes a stray lipgloss.NewStyle() show up as
// a difference nowhere, rather than as escape codes in one golden.
func init() { lipgloss.SetColorProfile(termenv.Ascii) }

func testRenderer() *lipgloss.Renderer {
	return lipgloss.NewRenderer(io.Discard, termenv.WithProfile(termenv.Ascii))
}

// The test corpus is invented, small, and built with explicit quotes so the
// UI tests do not move when the extractor improves.
const (
	callText = `Call recording, 12 April, 21:40
MARA VOSS: The shipment leaves Thursday, not a day later.
OTTO LEHR: Then the harbour office must not see the manifest.
MARA VOSS: Leave the harbour office to me. I know who signs the forms there and who does not read them.
OTTO LEHR: And if they ask?
`
	articleText = `---
title: Harbour office denies knowing of late cargo
outlet: The Coastal Ledger
date: 2026-04-14
---
The harbour office said on Monday it had never seen the manifest for the Thursday sailing.

"We process every manifest the same day it reaches us," said Ilse Brandt, a spokeswoman for the office.

Mara Voss, the shipping agent named in the recording, said: "Nothing left the port without papers."

"It was a routine shipment," Voss said, adding that she had never met Otto Lehr.

A port worker, speaking on condition of anonymity, said "everyone knew that crate was different."
`
	denialText = `Statement of the Harbour Office
The office rejects the claims made in the recording. "No member of staff was approached," the statement said.
`
)

func testCorpus(tb testing.TB) *model.Corpus {
	tb.Helper()
	files := []struct{ name, text string }{
		{"leak/call-0412.txt", callText},
		{"press/harbour-office-denies.md", articleText},
		{"press/statement.txt", denialText},
	}
	var docs []model.Document
	for _, f := range files {
		d, err := corpus.ParseDocument(f.name, []byte(f.text))
		if err != nil {
			tb.Fatalf("parse %s: %v", f.name, err)
		}
		docs = append(docs, d)
	}
	const (
		voss = iota
		lehr
		brandt
	)
	speakers := []model.Speaker{
		{Name: "Mara Voss", Aliases: []string{"MARA VOSS", "Voss"}, Roles: []string{"shipping agent"}},
		{Name: "Otto Lehr", Aliases: []string{"OTTO LEHR"}},
		{Name: "Ilse Brandt", Roles: []string{"spokeswoman"}},
	}
	var quotes []model.Quote
	add := func(doc int, text string, speaker int, cue string, conf model.Confidence) {
		start := strings.Index(docs[doc].Text, text)
		if start < 0 {
			tb.Fatalf("quote %q not in document %d", text, doc)
		}
		quotes = append(quotes, model.Quote{Doc: int32(doc), Speaker: int32(speaker), Text: text, Start: int32(start), End: int32(start + len(text)),
			Line: int32(docs[doc].LineAt(start)), Cue: model.CueOf(cue), Confidence: conf})
	}
	add(0, "The shipment leaves Thursday, not a day later.", voss, "transcript", model.High)
	add(0, "Then the harbour office must not see the manifest.", lehr, "transcript", model.High)
	add(0, "Leave the harbour office to me. I know who signs the forms there and who does not read them.", voss, "transcript", model.High)
	add(0, "And if they ask?", lehr, "transcript", model.High)
	add(1, "We process every manifest the same day it reaches us,", brandt, "said", model.High)
	add(1, "Nothing left the port without papers.", voss, "colon", model.High)
	add(1, "It was a routine shipment,", voss, "said", model.Medium)
	add(1, "everyone knew that crate was different.", model.Unknown, "said", model.None)
	add(2, "No member of staff was approached,", model.Unknown, "said", model.None)
	problems := []model.Problem{{Path: "leak/scan-0413.txt", Reason: "binary file, not text (NUL byte at offset 12)"}}
	return model.New(docs, speakers, quotes, problems)
}

// newTestApp is an app over the test corpus at a window size.
func newTestApp(tb testing.TB, w, h int) *App {
	a := New(testCorpus(tb), testRenderer(), Options{SearchDelay: time.Millisecond})
	send(a, tea.WindowSizeMsg{Width: w, Height: h})
	return a
}

// send gives msg to the app and runs the commands it returns, feeding their
// messages back as the program would, until none is left.
func send(a *App, msgs ...tea.Msg) {
	for len(msgs) > 0 {
		msg := msgs[0]
		msgs = msgs[1:]
		if b, ok := msg.(tea.BatchMsg); ok {
			for _, c := range b {
				if c != nil {
					msgs = append(msgs, c())
				}
			}
			continue
		}
		if msg == nil {
			continue
		}
		if _, ok := msg.(tea.QuitMsg); ok {
			continue
		}
		_, cmd := a.Update(msg)
		if cmd != nil {
			msgs = append(msgs, cmd())
		}
	}
}

// keys turns key names as tea writes them ("tab", "enter", "j") into
// messages; any other string is typed as runes.
func keys(names ...string) []tea.Msg {
	special := map[string]tea.KeyType{
		"tab": tea.KeyTab, "shift+tab": tea.KeyShiftTab, "enter": tea.KeyEnter, "esc": tea.KeyEsc,
		"up": tea.KeyUp, "down": tea.KeyDown, "space": tea.KeySpace, "backspace": tea.KeyBackspace,
		"ctrl+c": tea.KeyCtrlC, "ctrl+d": tea.KeyCtrlD, "ctrl+u": tea.KeyCtrlU,
	}
	var out []tea.Msg
	for _, n := range names {
		if t, ok := special[n]; ok {
			out = append(out, tea.KeyMsg{Type: t})
			continue
		}
		out = append(out, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(n)})
	}
	return out
}

// press sends keys one at a time, each with all it causes, as a user would.
func press(a *App, names ...string) {
	for _, k := range keys(names...) {
		send(a, k)
	}
}
