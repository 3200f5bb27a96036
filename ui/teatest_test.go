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
)

// TestApp runs the whole program at the README's two sizes and keeps the
// last screen of each scenario as a golden file.
func TestApp(t *testing.T) {
	scenarios := []struct {
		name string
		// steps are keys, and "wait:TEXT" to wait for TEXT to be drawn.
		// Waiting consumes the output read, so each wait is for text the
		// step before it drew anew.
		steps []string
	}{
		{"main", []string{"wait:file not loaded", "q"}},
		{"reader", []string{"wait:file not loaded", "tab", "tab", "j", "j", "j", "j", "j", "enter", "wait:Reader · Harbour", "q"}},
		{"search", []string{"wait:file not loaded", "/", "h", "a", "r", "b", "wait:Documents (2)", "ctrl+c"}},
		{"speaker", []string{"wait:file not loaded", "tab", "j", "space", "wait:1 marked", "enter", "wait:Quotes 1/2", "q"}},
	}
	for _, size := range [][2]int{{80, 24}, {200, 50}} {
		for _, sc := range scenarios {
			t.Run(fmt.Sprintf("%dx%d/%s", size[0], size[1], sc.name), func(t *testing.T) {
				tm := teatest.NewTestModel(t, newTestApp(t, 0, 0), teatest.WithInitialTermSize(size[0], size[1]))
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
