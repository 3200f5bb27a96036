// Package heapbound bounds how far the heap grows while a job that makes
// much short-lived garbage runs (a corpus loading, claims being found), by
// a memory limit set from the job's size instead of letting the heap
// double as GOGC=100 does.
package heapbound

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"sync/atomic"
)

// MinBudget is the least heap a job is given: Go's collector lets any
// program's heap reach 4 MB before it first collects.
const MinBudget = 4 << 20

// boundingHeap is set while a job bounds the heap: the limit is one per
// process, so a job started during another runs under the first's.
var boundingHeap atomic.Bool

// Bound lets the heap grow by about budget bytes over what is in use now,
// until release is called. A bound set while another holds is not set: the
// limit is one per process.
//
// Left to GOGC=100, the collector lets the heap reach twice what was live
// at the previous collection: a load keeping 1.5x the corpus peaks near
// 3x, most of it garbage from extraction. The size of the job is known
// before it starts, so it can instead set a memory limit of its budget
// above what is in use now, and the collector runs as the heap nears it
// rather than when it has doubled. It costs little CPU when what survives
// is mostly text and numbers, which the collector does not scan.
//
// A limit below what is really live would have the collector run all the
// time, so after every collection the limit is raised, if need be, to
// leave room above the live heap for an eighth of the budget: a job that
// keeps more than its estimate (a corpus dense with very short quotes)
// runs at some cost in memory, never in a collection loop.
func Bound(budget int64) (release func()) {
	if budget <= 0 || !boundingHeap.CompareAndSwap(false, true) {
		return func() {}
	}
	base, live0 := InUse()
	// A small job gets the heap the collector allows any program before
	// its first collection: a budget of a few times a few kilobytes would
	// have it collect after every document.
	budget = max(budget, MinBudget)
	var (
		mu   sync.Mutex // orders the watcher's updates before release's
		done bool
		prev = debug.SetMemoryLimit(-1) // a GOMEMLIMIT the user set stays the cap
	)
	set := func(growth int64) {
		debug.SetMemoryLimit(min(base+max(budget, growth+budget/8), prev))
	}
	set(0)
	var watch func()
	watch = func() {
		mu.Lock()
		defer mu.Unlock()
		if done {
			return
		}
		_, live := InUse()
		set(live - live0)
		// The sentinel is dropped at once; its cleanup runs after the
		// next collection.
		runtime.AddCleanup(new(gcSentinel), func(struct{}) { watch() }, struct{}{})
	}
	runtime.AddCleanup(new(gcSentinel), func(struct{}) { watch() }, struct{}{})
	return func() {
		mu.Lock()
		defer mu.Unlock()
		done = true
		debug.SetMemoryLimit(prev)
		boundingHeap.Store(false)
	}
}

// gcSentinel is large enough not to be packed with other small objects by
// the allocator, which could delay its cleanup indefinitely.
type gcSentinel struct{ _ [16]byte }

// InUse returns the memory the runtime counts against its limit,
// less the free heap it can reuse or give back, and the heap found live by
// the last collection.
func InUse() (inUse, live int64) {
	s := []metrics.Sample{
		{Name: "/memory/classes/total:bytes"},
		{Name: "/memory/classes/heap/released:bytes"},
		{Name: "/memory/classes/heap/free:bytes"},
		{Name: "/gc/heap/live:bytes"},
	}
	metrics.Read(s)
	inUse = int64(s[0].Value.Uint64() - s[1].Value.Uint64() - s[2].Value.Uint64())
	return inUse, int64(s[3].Value.Uint64())
}
