package corpus

import (
	"math"
	"runtime/debug"
	"testing"
)

func TestBoundHeapPacesTheCollectorAndRestoresItsSettings(t *testing.T) {
	t.Setenv("GOGC", "") // a GOGC the user set leaves the collector alone
	prevLimit := debug.SetMemoryLimit(math.MaxInt64)
	defer debug.SetMemoryLimit(prevLimit)
	prevPercent := debug.SetGCPercent(100)
	defer debug.SetGCPercent(prevPercent)

	const corpusBytes = 64 << 20
	release, bounded := boundHeap(corpusBytes)
	if !bounded {
		t.Fatal("no bound set for a 64 MB load")
	}
	percent := debug.SetGCPercent(-1)
	debug.SetGCPercent(percent)
	// A test process holds a few MB: 1.65x 64 MB of room is many times
	// what it keeps, and far from the default's doubling.
	if percent <= 100 {
		t.Errorf("GOGC %d while loading 64 MB, want room of many times the live heap", percent)
	}
	// The backstop: a fifth over the budget, above the few MB in use.
	limit := debug.SetMemoryLimit(-1)
	if backstop := int64(math.Floor(1.2 * loadHeapBudget * corpusBytes)); limit < backstop || limit > backstop+32<<20 {
		t.Errorf("memory limit %d MB while loading 64 MB, want %d MB and what is in use", limit>>20, backstop>>20)
	}
	// A load started meanwhile runs under the same bound.
	nested, bounded := boundHeap(1 << 30)
	if bounded {
		t.Error("a nested load set a bound of its own")
	}
	nested()
	if got := debug.SetMemoryLimit(-1); got != limit {
		t.Errorf("a nested load changed the limit to %d", got)
	}
	release()
	if got := debug.SetGCPercent(-1); got != 100 {
		t.Errorf("GOGC after the load %d, want 100 back", got)
	}
	debug.SetGCPercent(100)
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("limit after the load %d, want none", got)
	}
	// Releasing again, once a later load has its bound, lifts nothing.
	later, _ := boundHeap(corpusBytes)
	defer later()
	release()
	if got := debug.SetMemoryLimit(-1); got == math.MaxInt64 {
		t.Error("a second release lifted the next load's bound")
	}
}

func TestBoundHeapKeepsTheUsersSettings(t *testing.T) {
	// A GOGC of the user's own (off, say) is theirs: no bound at all.
	t.Setenv("GOGC", "50")
	prevPercent := debug.SetGCPercent(50)
	defer debug.SetGCPercent(prevPercent)
	prevLimit := debug.SetMemoryLimit(math.MaxInt64)
	defer debug.SetMemoryLimit(prevLimit)
	release, bounded := boundHeap(1 << 30)
	if bounded || debug.SetGCPercent(-1) != 50 || debug.SetMemoryLimit(-1) != math.MaxInt64 {
		t.Error("a load changed the collector's settings with GOGC set")
	}
	debug.SetGCPercent(50)
	release()

	// A GOMEMLIMIT of the user's own caps the backstop and comes back.
	t.Setenv("GOGC", "")
	debug.SetMemoryLimit(8 << 20)
	release, _ = boundHeap(1 << 30)
	if got := debug.SetMemoryLimit(-1); got != 8<<20 {
		t.Errorf("limit %d exceeds the user's 8 MiB", got)
	}
	release()
	if got := debug.SetMemoryLimit(-1); got != 8<<20 {
		t.Errorf("user's limit not restored: %d", got)
	}
}

// A load whose sizes are unknown (a pipe) sets no bound.
func TestBuildWithoutSizesLeavesTheCollectorAlone(t *testing.T) {
	prev := debug.SetMemoryLimit(math.MaxInt64)
	defer debug.SetMemoryLimit(prev)
	seen := int64(0)
	src := Source{Name: "stdin", Read: func() ([]byte, error) {
		seen = debug.SetMemoryLimit(-1)
		return []byte("Title\n\n\"Yes,\" Ana Perl said.\n"), nil
	}}
	if _, err := Build([]Source{src}, nil); err != nil {
		t.Fatal(err)
	}
	if seen != math.MaxInt64 {
		t.Errorf("limit %d while loading a source of unknown size", seen)
	}
}
