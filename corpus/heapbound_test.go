package corpus

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"

	"github.com/backchannel-news/backchannel/corpus/internal/heapbound"
)

func TestBoundHeapSetsAndRestoresTheMemoryLimit(t *testing.T) {
	prev := debug.SetMemoryLimit(math.MaxInt64)
	defer debug.SetMemoryLimit(prev)

	inUse, _ := heapbound.InUse()
	release := boundHeap(10 << 20)
	limit := debug.SetMemoryLimit(-1)
	if want := inUse + int64(loadHeapBudget*float64(10<<20)); limit < want || limit > want+8<<20 {
		t.Errorf("limit while loading %d, want about %d", limit, want)
	}
	// A load started meanwhile runs under the same bound.
	boundHeap(1 << 30)()
	if got := debug.SetMemoryLimit(-1); got != limit {
		t.Errorf("a nested load changed the limit to %d", got)
	}
	// Collections keep the bound above what is live.
	runtime.GC()
	runtime.GC()
	if got := debug.SetMemoryLimit(-1); got < limit {
		t.Errorf("limit lowered to %d after collections", got)
	}
	release()
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("limit after the load %d, want none", got)
	}
	// A limit the user set caps the bound and comes back.
	debug.SetMemoryLimit(inUse + 1<<20)
	release = boundHeap(1 << 30)
	if got := debug.SetMemoryLimit(-1); got != inUse+1<<20 {
		t.Errorf("limit %d exceeds the user's %d", got, inUse+1<<20)
	}
	release()
	if got := debug.SetMemoryLimit(-1); got != inUse+1<<20 {
		t.Errorf("user's limit not restored: %d", got)
	}
}

// A load whose sizes are unknown (a pipe) sets no limit.
func TestBuildWithoutSizesLeavesTheLimitAlone(t *testing.T) {
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

// A small corpus is given the collector's usual first heap, not a bound of
// a few kilobytes that would have it collect after every document.
func TestBoundHeapGivesASmallCorpusRoom(t *testing.T) {
	prev := debug.SetMemoryLimit(math.MaxInt64)
	defer debug.SetMemoryLimit(prev)
	inUse, _ := heapbound.InUse()
	release := boundHeap(30 << 10)
	defer release()
	if got := debug.SetMemoryLimit(-1); got < inUse+heapbound.MinBudget {
		t.Errorf("limit %d for a 30 KiB corpus, want at least %d", got, inUse+heapbound.MinBudget)
	}
}
