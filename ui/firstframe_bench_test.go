package ui

import (
	"io"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/backchannel-news/backchannel/corpus/sample"
)

// BenchmarkFirstFrameSample is the work between start and the first frame
// of `backchannel` on the sample corpus: load and extract it, build the
// shared indexes and one session, size it and draw it. Process start-up
// and the terminal's own drawing are not included.
func BenchmarkFirstFrameSample(b *testing.B) {
	r := lipgloss.NewRenderer(io.Discard, termenv.WithProfile(termenv.Ascii))
	for i := 0; i < b.N; i++ {
		c, err := sample.Load()
		if err != nil {
			b.Fatal(err)
		}
		app := New(c, r, Options{Shared: NewShared(c)})
		app.Init()
		m, _ := app.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		if m.View() == "" {
			b.Fatal("empty first frame")
		}
	}
}
