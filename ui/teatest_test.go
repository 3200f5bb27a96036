package ui

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"

	"github.com/backchannel-news/backchannel/corpus/sample"
)

// TestApp runs the whole program on the sample corpus, which the README
// shows, at two sizes and keeps the last screen of each scenario as a
// golden file. The goldens change when extraction or the sample changes:
// regenerate with -update and read the diff.
func TestApp(t *testing.T) {
	scenarios := []struct {
		name string
		// steps are keys, and "wait:TEXT" to wait for TEXT to be drawn.
		// Waiting consumes the output read, so each wait is for text the
		// step before it drew anew, and that only its final state draws:
		// results for a prefix of the query ("[Sevri]n") may come first.
		steps []string
	}{
		{"main", []string{"wait:documents ·", "q"}},
		{"reader", []string{"wait:documents ·", "tab", "tab", "j", "j", "j", "j", "j", "enter", "wait:▶ quote", "q"}},
		{"search", []string{"wait:documents ·", "/", "s", "e", "v", "r", "i", "n", "wait:[Sevrin]", "ctrl+c"}},
		{"speaker", []string{"wait:documents ·", "tab", "j", "space", "wait:1 marked", "enter", "wait:read in context", "q"}},
	}
	for _, size := range [][2]int{{80, 24}, {200, 50}} {
		for _, sc := range scenarios {
			t.Run(fmt.Sprintf("%dx%d/%s", size[0], size[1], sc.name), func(t *testing.T) {
				c, err := sample.Load()
				if err != nil {
					t.Fatal(err)
				}
				app := New(c, testRenderer(), Options{SearchDelay: time.Millisecond})
				tm := teatest.NewTestModel(t, app, teatest.WithInitialTermSize(size[0], size[1]))
				for _, s := range sc.steps {
					if text, ok := strings.CutPrefix(s, "wait:"); ok {
						teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(text)) },
							teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
						continue
					}
					tm.Send(keys(s)[0])
				}
				final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(*App)
				golden.RequireEqual(t, final.View())
			})
		}
	}
}

var _ tea.Model = (*App)(nil)
