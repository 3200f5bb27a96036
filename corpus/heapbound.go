package corpus

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"sync/atomic"
)

// loadHeapBudget is how far, in multiples of the corpus bytes, the heap
// may grow while a corpus loads. What the corpus keeps is about 1.5x its
// bytes (the text once, quotes, line and speaker indexes), and less while
// documents are read; merging speakers briefly needs ~1.9x (a mention per
// quote for speakers.Resolve), which the bound makes room for as it comes
// (see boundHeap). Extraction makes several times the corpus in
// short-lived garbage besides: 1.6-1.9 measured the same throughput on
// generated corpora, 1.7 keeps the peak near 2x at 1k and 10k documents.
const loadHeapBudget = 1.7

// minLoadHeapBudget is the least heap a load is given: Go's collector
// lets any program's heap reach 4 MB before it first collects.
const minLoadHeapBudget = 4 << 20

// boundingHeap is set while a load bounds the heap: the limit is one per
// process, so a load started during another runs under the first's.
var boundingHeap atomic.Bool

// boundHeap bounds the heap while corpusBytes of documents load, and
// returns the function that lifts the bound.
//
// Left to GOGC=100, the collector lets the heap reach twice what was live
// at the previous collection: a load keeping 1.5x the corpus peaks near
// 3x, most of it garbage from extraction. The sizes of the files are known
// before the first is read, so the load can instead set a memory limit of
// loadHeapBudget times the corpus above what is in use now, and the
// collector runs as the heap nears it rather than when it has doubled. It
// costs little CPU because what survives is mostly text, which the
// collector does not scan.
//
// A limit below what is really live would have the collector run all the
// time, so after every collection the limit is raised, if need be, to
// leave room above the live heap for an eighth of the budget: a corpus
// that keeps more than the estimate (one dense with very short quotes)
// loads at some cost in memory, never in a collection loop.
func boundHeap(corpusBytes int64) (release func()) {
	if corpusBytes <= 0 || !boundingHeap.CompareAndSwap(false, true) {
		return func() {}
	}
	base, live0 := memoryInUse()
	// A small corpus gets the heap the collector allows any program
	// before its first collection: a budget of a few times a few kilobytes
	// would have it collect after every document.
	budget := max(int64(loadHeapBudget*float64(corpusBytes)), minLoadHeapBudget)
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
		_, live := memoryInUse()
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

// memoryInUse returns the memory the runtime counts against its limit,
// less the free heap it can reuse or give back, and the heap found live by
// the last collection.
func memoryInUse() (inUse, live int64) {
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
