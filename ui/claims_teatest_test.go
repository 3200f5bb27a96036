package ui

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"

	"github.com/backchannel-news/backchannel/corpus/sample"
)

// TestAppClaims runs the program on the sample corpus, opens the claims
// view, steps into the first topic's claims and keeps the last screen, at
// 80x24 (positions stacked) and 200x50 (side by side). The claims are
// found by Init's command, as in a real session.
func TestAppClaims(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {200, 50}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			tm, wait := runSample(t, size[0], size[1], Options{})
			wait("documents ·")
			tm.Send(keys("c")[0])
			wait("conflicts")
			for _, k := range keys("j", "enter", "j") {
				tm.Send(k)
			}
			wait("holder's other claims")
			tm.Send(keys("q")[0])
			final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(*App)
			view := final.View()
			if !strings.Contains(view, "┃ ·") {
				t.Errorf("no claim selected:\n%s", view)
			}
			golden.RequireEqual(t, view)
		})
	}
}

// runSample runs the program on the sample corpus at w x h, and returns it
// with a wait for text to appear on its screen.
func runSample(t *testing.T, w, h int, opts Options) (*teatest.TestModel, func(string)) {
	t.Helper()
	c, err := sample.Load()
	if err != nil {
		t.Fatal(err)
	}
	opts.SearchDelay = time.Millisecond
	tm := teatest.NewTestModel(t, New(c, testRenderer(), opts), teatest.WithInitialTermSize(w, h))
	wait := func(text string) {
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(text)) },
			teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
	}
	return tm, wait
}
