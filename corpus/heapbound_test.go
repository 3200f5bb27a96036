package corpus

import (
	"math"
	"runtime/debug"
	"testing"
)

func TestBoundHeapPacesTheCollectorAndRestoresItsSettings(t *testing.T) {
	t.Setenv("GOGC", "") // the test's own setting would leave GOGC alone
	prevLimit := debug.SetMemoryLimit(math.MaxInt64)
	defer debug.SetMemoryLimit(prevLimit)
	prevPercent := debug.SetGCPercent(100)
	defer debug.SetGCPercent(prevPercent)

	const corpusBytes = 64 << 20
	release := boundHeap(corpusBytes)
	percent := debug.SetGCPercent(-1)
	debug.SetGCPercent(percent)
	// A test process holds a few MB: 1.65x 64 MB of room is many times
	// what it keeps, and far from the default's doubling.
	if percent <= 100 {
		t.Errorf("GOGC %d while loading 64 MB, want room of many times the live heap", percent)
	}
	limit := debug.SetMemoryLimit(-1)
	if limit == math.MaxInt64 || limit > 4*corpusBytes {
		t.Errorf("memory limit %d while loading 64 MB, want a backstop near 2x", limit)
	}
	// A load started meanwhile runs under the same bound.
	boundHeap(1 << 30)()
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
}

func TestBoundHeapKeepsTheUsersSettings(t *testing.T) {
	t.Setenv("GOGC", "50")
	prevPercent := debug.SetGCPercent(50)
	defer debug.SetGCPercent(prevPercent)
	prevLimit := debug.SetMemoryLimit(8 << 20)
	defer debug.SetMemoryLimit(prevLimit)

	release := boundHeap(1 << 30)
	if got := debug.SetGCPercent(-1); got != 50 {
		t.Errorf("GOGC %d while loading, want the user's 50", got)
	}
	debug.SetGCPercent(50)
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
