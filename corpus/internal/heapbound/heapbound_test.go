package heapbound

import (
	"runtime"
	"runtime/metrics"
	"testing"
)

func TestPercentForLeavesRoomUpToTheCeiling(t *testing.T) {
	runtime.GC()
	h := heapNow()
	// Far below the live heap: the least room, never a collection loop.
	if got := percentFor(h.live / 2); got != minPercent {
		t.Errorf("percent for a ceiling under the live heap = %d, want %d", got, minPercent)
	}
	// 64 MB above: the goal, live plus percent of what is scanned, lands
	// near the ceiling.
	ceiling := h.live + h.unused + 64<<20
	p := int64(percentFor(ceiling))
	goal := max(h.live+h.scanned*p/100, MinBudget*p/100)
	if goal > ceiling || goal < ceiling-h.scanned/50-1<<20 {
		t.Errorf("percent %d puts the goal at %d, want just under the ceiling %d", p, goal, ceiling)
	}
	// A small ceiling is not defeated by the collector's 4 MB floor,
	// which grows with GOGC.
	small := h.live + h.unused + MinBudget
	if floor := int64(percentFor(small)) * MinBudget / 100; floor > small {
		t.Errorf("GOGC %d raises the 4 MB floor to %d, past the ceiling %d", percentFor(small), floor, small)
	}
}

// While a job makes garbage many times its budget, the heap stays within
// the bound, where GOGC=100 would let it reach twice what is live (124 MB
// by the end here).
func TestBoundHoldsTheHeapWhileAJobMakesGarbage(t *testing.T) {
	t.Setenv("GOGC", "")
	runtime.GC()
	base := heapInUse()
	const budget = 64 << 20
	release, _ := Bound(budget)
	defer release()

	var peak uint64
	var kept [][]byte
	for i := range 8000 {
		b := make([]byte, 64<<10)
		for j := range b { // some work for each allocation, as a real job does
			b[j] = byte(i + j)
		}
		if i%8 == 0 { // an eighth survives: 62 MB kept by the end
			kept = append(kept, b)
		}
		if i%32 == 0 {
			peak = max(peak, heapInUse()-min(base, heapInUse()))
		}
	}
	runtime.KeepAlive(kept)
	// The backstop is a fifth over the budget; some slack for the
	// collector's pacing on a busy machine.
	if limit := uint64(budget + budget/5 + 16<<20); peak > limit {
		t.Errorf("heap grew by %d MB making 500 MB of garbage, want at most %d MB", peak>>20, limit>>20)
	}
}

func heapInUse() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/memory/classes/heap/unused:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64() + s[1].Value.Uint64()
}

// A job that keeps several times its budget runs at some cost in memory,
// never with the collector running back to back: the bound gives way.
func TestBoundGivesWayToAJobKeepingMoreThanItsBudget(t *testing.T) {
	t.Setenv("GOGC", "")
	runtime.GC()
	release, _ := Bound(8 << 20)
	defer release()
	var kept [][]byte
	for range 2048 { // 64 MB kept: eight times the budget
		kept = append(kept, make([]byte, 32<<10))
	}
	runtime.GC()
	before := gcCycles()
	for i := range 8192 { // 256 MB of garbage, with some work for each
		b := make([]byte, 32<<10)
		for j := range b {
			b[j] = byte(i + j)
		}
		sink = b // on the heap, as a job's garbage is
	}
	cycles := gcCycles() - before
	runtime.KeepAlive(kept)
	// The least GOGC (12%) collects every ~8 MB over 64 MB: about 33
	// times for 256 MB. A collector held at the limit runs hundreds.
	if cycles > 60 {
		t.Errorf("%d collections making 256 MB of garbage while keeping 8x an 8 MB budget", cycles)
	}
}

// sink keeps a buffer from living on the stack.
var sink []byte

func gcCycles() uint64 {
	s := []metrics.Sample{{Name: "/gc/cycles/total:gc-cycles"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}
