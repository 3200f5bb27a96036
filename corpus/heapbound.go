package corpus

import "github.com/backchannel-news/backchannel/corpus/internal/heapbound"

// loadHeapBudget is how far, in multiples of the corpus bytes, the heap
// may grow while a corpus loads (see heapbound.Bound, which allows a fifth
// more at the very most). What the corpus keeps is about 1.5x its bytes
// (the text once, quotes, line and speaker indexes), and less while
// documents are read. On generated corpora (load average 3-4), 1.6 peaked
// at 1.85-1.91x the corpus of 1k documents and 1.59-1.61x at 10k; 1.7 at
// 1.88-1.99x and 1.61-1.73x, for 4-10% more MB per CPU-second; 1.65, once
// extraction made less garbage, at 1.70-1.85x and 1.57-1.60x. The budget
// before the collector was paced by GOGC, a memory limit of 1.55x, peaked
// at 1.78-1.85x for half the speed at 1k documents.
const loadHeapBudget = 1.65

// boundHeap bounds the heap while corpusBytes of documents load to
// loadHeapBudget times them (see heapbound.Bound), and returns the function
// that lifts the bound and whether one was set.
func boundHeap(corpusBytes int64) (release func(), bounded bool) {
	if corpusBytes <= 0 {
		return func() {}, false
	}
	return heapbound.Bound(int64(loadHeapBudget * float64(corpusBytes)))
}
