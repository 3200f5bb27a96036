package corpus

import "github.com/backchannel-news/backchannel/corpus/internal/heapbound"

// loadHeapBudget is how far, in multiples of the corpus bytes, the heap
// may grow while a corpus loads. What the corpus keeps is about 1.5x its
// bytes (the text once, quotes, line and speaker indexes), and less while
// documents are read; merging speakers briefly needs ~1.9x (a mention per
// quote for speakers.Resolve), which the bound makes room for as it comes
// (see boundHeap). Extraction makes several times the corpus in
// short-lived garbage besides: 1.6-1.9 measured the same throughput on
// generated corpora, 1.7 keeps the peak near 2x at 1k and 10k documents.
const loadHeapBudget = 1.7

// minLoadHeapBudget is the least heap a load is given (heapbound.MinBudget).
const minLoadHeapBudget = heapbound.MinBudget

// boundHeap bounds the heap while corpusBytes of documents load to
// loadHeapBudget times them (see heapbound.Bound), and returns the function
// that lifts the bound.
func boundHeap(corpusBytes int64) (release func()) {
	if corpusBytes <= 0 {
		return func() {}
	}
	return heapbound.Bound(int64(loadHeapBudget * float64(corpusBytes)))
}

// memoryInUse is heapbound.InUse.
func memoryInUse() (inUse, live int64) { return heapbound.InUse() }
