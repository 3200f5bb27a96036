// Package heapbound bounds how far the heap grows while a job that makes
// much short-lived garbage runs (a corpus loading, claims being found),
// pacing the collector by the job's size instead of letting the heap
// double as GOGC=100 does.
package heapbound

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"sync/atomic"
)

// MinBudget is the least heap a job is given: Go's collector lets any
// program's heap reach 4 MB before it first collects.
const MinBudget = 4 << 20

// minPercent is the least GOGC a bound sets: a job that keeps more than
// its budget still gets an eighth of what it keeps as room, so the
// collector runs more often but never back to back.
const minPercent = 12

// boundingHeap is set while a job bounds the heap: GOGC and the memory
// limit are one per process, so a job started during another runs under
// the first's bound.
var boundingHeap atomic.Bool

// Bound lets the heap grow by about budget bytes over what it holds now,
// until release is called, and reports whether it set a bound. A bound set while another holds is not set,
// nor one when the user set GOGC: GOGC and the memory limit are one per
// process, and a GOGC chosen by hand (off, say) is the user's to keep.
//
// Left to GOGC=100, the collector lets the heap reach twice what was live
// at the previous collection: a load keeping 1.5x the corpus peaks near
// 3x, most of it garbage from extraction. The size of the job is known
// before it starts, so after every collection GOGC is set to what lets
// the heap reach its budget and no further: generous while little is
// kept, tighter as the job's result grows.
//
// GOGC paces the collector rather than a memory limit alone because the
// limit also counts freed pages not yet returned to the system: held at
// the limit, the runtime returns them (madvise), takes them back at once
// (page faults) and collects without pause, which cost a 4 MB corpus a
// third of its load time. The collector overshoots its goal while it
// marks, though, so a memory limit a fifth above the budget stays as a
// backstop. A job that keeps more than its budget would be held at that
// limit, collecting back to back, so after every collection the limit is
// raised, if need be, above what is in use by a fifth of the budget or a
// quarter of that use, more than the least GOGC lets the heap grow: such
// a job runs at some cost in memory, never in a collection loop. A
// GOMEMLIMIT the user set caps it.
func Bound(budget int64) (release func(), bounded bool) {
	if budget <= 0 || os.Getenv("GOGC") != "" || !boundingHeap.CompareAndSwap(false, true) {
		return func() {}, false
	}
	// A small job gets the heap the collector allows any program before
	// its first collection: a budget of a few kilobytes would have it
	// collect after every document.
	budget = max(budget, MinBudget)
	h := heapNow()
	ceiling := h.live + h.unused + budget
	prevLimit := debug.SetMemoryLimit(-1)
	backstop := inUse() + budget + budget/5
	debug.SetMemoryLimit(min(prevLimit, backstop))
	prevPercent := debug.SetGCPercent(percentFor(ceiling))
	var (
		mu   sync.Mutex // orders the watcher's updates before release's
		done bool
	)
	var watch func()
	watch = func() {
		mu.Lock()
		defer mu.Unlock()
		if done {
			return
		}
		debug.SetGCPercent(percentFor(ceiling))
		used := inUse()
		debug.SetMemoryLimit(min(prevLimit, max(backstop, used+max(budget/5, used/4))))
		// The sentinel is dropped at once; its cleanup runs after the
		// next collection.
		runtime.AddCleanup(new(gcSentinel), func(struct{}) { watch() }, struct{}{})
	}
	runtime.AddCleanup(new(gcSentinel), func(struct{}) { watch() }, struct{}{})
	// Released once: a second call, after another job has set its own
	// bound, must not lift that one.
	return sync.OnceFunc(func() {
		mu.Lock()
		defer mu.Unlock()
		done = true
		debug.SetGCPercent(prevPercent)
		debug.SetMemoryLimit(prevLimit)
		boundingHeap.Store(false)
	}), true
}

// percentFor is the GOGC that lets the heap grow to ceiling before the
// next collection. The collector's goal is the live heap plus GOGC percent
// of it (with the stacks and globals it scans), but never below 4 MB
// scaled by GOGC: a large GOGC for a small live heap would raise that
// floor past the ceiling. The ceiling is on the heap's spans, so the free
// slots in spans kept for a few live objects count against it too.
func percentFor(ceiling int64) int {
	h := heapNow()
	p := (ceiling - h.unused - h.live) * 100 / max(h.scanned, 1)
	p = min(p, ceiling*100/MinBudget)
	return int(max(minPercent, p))
}

// gcSentinel is large enough not to be packed with other small objects by
// the allocator, which could delay its cleanup indefinitely.
type gcSentinel struct{ _ [16]byte }

// heap is the heap as the last collection left it.
type heap struct {
	live    int64 // bytes of live objects
	scanned int64 // live plus the stacks and globals: what GOGC is a percentage of
	unused  int64 // free slots in spans that hold live objects
}

func heapNow() heap {
	s := []metrics.Sample{
		{Name: "/gc/heap/live:bytes"},
		{Name: "/gc/scan/stack:bytes"},
		{Name: "/gc/scan/globals:bytes"},
		{Name: "/memory/classes/heap/unused:bytes"},
	}
	metrics.Read(s)
	live := int64(s[0].Value.Uint64())
	return heap{
		live:    live,
		scanned: live + int64(s[1].Value.Uint64()+s[2].Value.Uint64()),
		unused:  int64(s[3].Value.Uint64()),
	}
}

// inUse is the memory the runtime counts against its limit, less the free
// heap it can reuse or give back.
func inUse() int64 {
	s := []metrics.Sample{
		{Name: "/memory/classes/total:bytes"},
		{Name: "/memory/classes/heap/released:bytes"},
		{Name: "/memory/classes/heap/free:bytes"},
	}
	metrics.Read(s)
	return int64(s[0].Value.Uint64() - s[1].Value.Uint64() - s[2].Value.Uint64())
}
