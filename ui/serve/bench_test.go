package serve

import (
	"fmt"
	"io"
	"math/rand/v2"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/backchannel-news/backchannel/corpus"
	"github.com/backchannel-news/backchannel/corpus/gen"
	"github.com/backchannel-news/backchannel/model"
	"github.com/backchannel-news/backchannel/ui"
)

// keyCounter wraps the real reader and draws how many keys it received
// under it, so the client can tell the frame a keystroke produced from
// earlier ones whatever the reader does with the key.
type keyCounter struct {
	inner tea.Model
	keys  int
}

// generatedCorpus builds the corpus of n generated documents.
func generatedCorpus(tb testing.TB, n int) *model.Corpus {
	var sources []corpus.Source
	for _, f := range gen.Corpus(1, n) {
		sources = append(sources, corpus.Source{Name: f.Name, Read: func() ([]byte, error) { return f.Data, nil }})
	}
	c, err := corpus.Build(sources, nil)
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

// countKeys makes the server wrap its readers in key counters.
func countKeys(s *Server) {
	s.decorate = func(m tea.Model) tea.Model { return &keyCounter{inner: m} }
}

func (k *keyCounter) Init() tea.Cmd { return k.inner.Init() }

func (k *keyCounter) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(tea.KeyMsg); ok {
		k.keys++
	}
	var cmd tea.Cmd
	k.inner, cmd = k.inner.Update(msg)
	return k, cmd
}

func (k *keyCounter) View() string {
	// The counter goes last: Bubble Tea keeps the bottom lines of a view
	// taller than the terminal.
	return strings.TrimRight(k.inner.View(), "\n") + fmt.Sprintf("\nkeys=%d", k.keys)
}

// BenchmarkSessions opens 1, 10 and 100 sessions of the real reader (as
// the server builds it, wrapped in a key counter) on loopback, each on its
// own connection, over a generated 300-document corpus, and measures:
//   - B/session: heap growth per open session, after GC. Client and server
//     share this process, so it includes the x/crypto client's side of each
//     connection: an upper bound for the server.
//   - ns/op: keystroke to frame, one key at a time, round-robin over the
//     sessions, each after a random pause: from writing "j" on a client to
//     that client reading the frame that counts it.
func BenchmarkSessions(b *testing.B) {
	c := generatedCorpus(b, 300)
	b.Logf("corpus: %d documents, %d speakers, %d quotes", len(c.Docs), len(c.Speakers), len(c.Quotes))
	for _, n := range []int{1, 10, 100} {
		b.Run(fmt.Sprintf("sessions=%d", n), func(b *testing.B) {
			h := startServerPrepared(b, c, func(o *Options) { o.MaxSessions = 0 }, countKeys)
			before := heapAfterGC()
			terms := make([]*terminal, n)
			for i := range terms {
				cl, err := h.dialAs("alice", h.alice)
				if err != nil {
					b.Fatal(err)
				}
				b.Cleanup(func() { cl.Close() })
				terms[i] = openTerminal(b, cl)
				terms[i].mustWaitFor(0, "keys=0")
			}
			perSession := float64(heapAfterGC()-before) / float64(n)

			// Bubble Tea draws at most 60 frames a second, on a ticker per
			// program; keys sent in lockstep with frames would measure
			// the ticker's phase. A random pause before each key, as a
			// person types, measures the average wait.
			pause := rand.New(rand.NewPCG(1, 2))
			sent := make([]int, n)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				time.Sleep(time.Duration(pause.Int64N(int64(20 * time.Millisecond))))
				b.StartTimer()
				s := i % n
				tm := terms[s]
				m := tm.mark()
				if err := tm.send("j"); err != nil {
					b.Fatal(err)
				}
				sent[s]++
				tm.mustWaitFor(m, fmt.Sprintf("keys=%d", sent[s]))
			}
			b.StopTimer()
			b.ReportMetric(perSession, "B/session")
			for _, tm := range terms {
				tm.sess.Close()
			}
		})
	}
}

// BenchmarkSessionsTypingAtOnce is the worst case of BenchmarkSessions:
// every session gets a key at the same moment, and ns/op is the time until
// the last of them has its frame.
func BenchmarkSessionsTypingAtOnce(b *testing.B) {
	c := generatedCorpus(b, 300)
	for _, n := range []int{10, 100} {
		b.Run(fmt.Sprintf("sessions=%d", n), func(b *testing.B) {
			h := startServerPrepared(b, c, func(o *Options) { o.MaxSessions = 0 }, countKeys)
			terms := make([]*terminal, n)
			for i := range terms {
				cl, err := h.dialAs("alice", h.alice)
				if err != nil {
					b.Fatal(err)
				}
				b.Cleanup(func() { cl.Close() })
				terms[i] = openTerminal(b, cl)
				terms[i].mustWaitFor(0, "keys=0")
			}
			b.ResetTimer()
			for i := 1; i <= b.N; i++ {
				var wg sync.WaitGroup
				errs := make(chan error, n)
				for _, tm := range terms {
					wg.Add(1)
					go func() {
						defer wg.Done()
						m := tm.mark()
						if err := tm.send("j"); err != nil {
							errs <- err
							return
						}
						if err := tm.waitFor(m, fmt.Sprintf("keys=%d", i)); err != nil {
							errs <- err
						}
					}()
				}
				wg.Wait()
				close(errs)
				for err := range errs {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			for _, tm := range terms {
				tm.sess.Close()
			}
		})
	}
}

func heapAfterGC() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// TestKeyCounterCountsKeys keeps the benchmark's instrument honest: the
// count it draws is the number of keys received, and the reader's own view
// follows it.
func TestKeyCounterCountsKeys(t *testing.T) {
	c := testCorpus(2)
	var m tea.Model = &keyCounter{inner: ui.New(c, lipgloss.NewRenderer(io.Discard), ui.Options{})}
	for i := 0; i < 3; i++ {
		m, _ = m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("j")})
	}
	m, _ = m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	if v := m.View(); !strings.HasSuffix(v, "\nkeys=3") || !strings.Contains(v, c.Docs[1].Title) {
		t.Errorf("view %q", v)
	}
}
