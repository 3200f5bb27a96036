package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// ProblemsView lists the files that could not be loaded and why: the same
// report the command line printed, for a user who never saw stderr.
type ProblemsView struct {
	cm *Common
	vp viewport.Model
}

// NewProblemsView shows the corpus's load problems.
func NewProblemsView(cm *Common) ProblemsView {
	vp := viewport.New(0, 0)
	k := cm.Keys
	vp.KeyMap = viewport.KeyMap{Up: k.Up, Down: k.Down, PageUp: k.PageUp, PageDown: k.PageDown}
	vp.Style = cm.Styles.Normal
	return ProblemsView{cm: cm, vp: vp}
}

// problemsClosedMsg asks the root to return to where the user was.
type problemsClosedMsg struct{}

func closeProblems() tea.Msg { return problemsClosedMsg{} }

func (p ProblemsView) Update(msg tea.Msg) (ProblemsView, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok {
		switch {
		case key.Matches(k, p.cm.Keys.Close, p.cm.Keys.Problems):
			return p, closeProblems
		case key.Matches(k, p.cm.Keys.Top):
			p.vp.GotoTop()
			return p, nil
		case key.Matches(k, p.cm.Keys.Bottom):
			p.vp.GotoBottom()
			return p, nil
		}
	}
	var cmd tea.Cmd
	p.vp, cmd = p.vp.Update(msg)
	return p, cmd
}

func (p ProblemsView) View() string { return p.vp.View() }

func (p *ProblemsView) SetSize(w, h int) {
	p.vp.Width, p.vp.Height = w, h
	st := p.cm.Styles
	probs := p.cm.Corpus.Problems
	var b strings.Builder
	if len(probs) == 0 {
		b.WriteString(st.Muted.Render("Every file loaded."))
	} else {
		b.WriteString(fmt.Sprintf("%s not loaded:\n", plural(len(probs), "file")))
		for _, pr := range probs {
			b.WriteString("\n" + ansi.Wrap("✗ "+printable(pr.Path)+": "+st.Warn.Render(printable(pr.Reason)), w, ""))
		}
	}
	p.vp.SetContent(b.String())
}

func (p *ProblemsView) Scroll(n int) {
	if n > 0 {
		p.vp.ScrollDown(n)
	} else {
		p.vp.ScrollUp(-n)
	}
}

func (p ProblemsView) Title() string { return "Load problems" }

func (p ProblemsView) ShortHelp() []key.Binding {
	k := p.cm.Keys
	return []key.Binding{k.Up, k.Down, k.Close}
}

func (p ProblemsView) FullHelp() [][]key.Binding {
	k := p.cm.Keys
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}, {k.Close}}
}
