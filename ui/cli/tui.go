package cli

import (
	"fmt"
	"io"
	"os"
	"slices"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/term"

	"github.com/backchannel-news/backchannel/corpus"
	"github.com/backchannel-news/backchannel/model"
	"github.com/backchannel-news/backchannel/ui"
)

// runReader opens the reader on paths, or on the sample corpus when there
// are none.
func runReader(e *env, paths []string) int {
	// The reader draws with escape codes; sent to a pipe or file they are
	// garbage, so point to the commands that write for those instead.
	if !isTerminal(e.stdout) {
		fmt.Fprintln(e.stderr, `backchannel: the reader needs a terminal; for output to a pipe or file use a command such as "backchannel quotes" (see "backchannel --help")`)
		return exitFail
	}
	opts := []tea.ProgramOption{tea.WithAltScreen(), tea.WithMouseCellMotion(), tea.WithOutput(e.stdout)}
	switch {
	case slices.Contains(paths, stdinName):
		// stdin held a document, so keys must come from the terminal.
		opts = append(opts, tea.WithInputTTY())
	case e.stdin != nil:
		opts = append(opts, tea.WithInput(e.stdin))
	}
	store := openAnnotations(e, paths)
	// The corpus loads inside the program, so a large one shows its
	// progress and the reader opens the moment it is in.
	load := func(progress func(corpus.Progress)) (*model.Corpus, error) { return buildCorpus(e, paths, progress) }
	l := ui.NewLoading(load, lipgloss.DefaultRenderer(), ui.Options{Annotations: store})
	_, runErr := tea.NewProgram(l, opts...).Run()
	if l.Cancelled() {
		fmt.Fprintln(e.stderr, "backchannel: loading cancelled; the reader was not opened")
		return exitFail
	}
	// Problems wait for the end: written while the program draws, they
	// would tear the screen.
	c, err := l.Result()
	reportProblems(e, c, err)
	switch {
	case runErr != nil:
		fmt.Fprintf(e.stderr, "backchannel: %v\n", runErr)
		return exitFail
	case err != nil:
		return exitFail
	}
	return exitOK
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}
