// Package ui is the Bubble Tea reader.
package ui

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/backchannel-news/backchannel/model"
)

// Options configure one reader session.
type Options struct{}

// App is the root model of one session.
type App struct {
	corpus *model.Corpus
	r      *lipgloss.Renderer
}

// New makes the root model of one session over a shared read-only corpus.
// r is the session's renderer (lipgloss.DefaultRenderer() locally).
func New(c *model.Corpus, r *lipgloss.Renderer, opts Options) *App {
	return &App{corpus: c, r: r}
}

func (a *App) Init() tea.Cmd { return nil }

func (a *App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok && (k.String() == "q" || k.String() == "ctrl+c") {
		return a, tea.Quit
	}
	return a, nil
}

func (a *App) View() string {
	var b strings.Builder
	for _, d := range a.corpus.Docs {
		b.WriteString(d.Title + "\n")
	}
	return b.String()
}
