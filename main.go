// Command backchannel is a terminal reader for leak transcripts and the news
// coverage around them.
package main

import (
	"fmt"
	"os"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/backchannel-news/backchannel/corpus"
	"github.com/backchannel-news/backchannel/ui"
)

func main() {
	c, err := corpus.Load(os.Args[1:])
	for _, p := range c.Problems {
		fmt.Fprintln(os.Stderr, "backchannel:", p)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "backchannel:", err)
		os.Exit(1)
	}
	if _, err := tea.NewProgram(ui.New(c, lipgloss.DefaultRenderer(), ui.Options{}), tea.WithAltScreen(), tea.WithMouseCellMotion()).Run(); err != nil {
		fmt.Fprintln(os.Stderr, "backchannel:", err)
		os.Exit(1)
	}
}
