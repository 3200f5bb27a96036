package extract

import "sync"

// foundLists recycles the lists of quotations Document returns. A list is
// 120 bytes a quotation, as much garbage as half the text of the document
// it came from; a loader that copies what it keeps and hands each list
// back makes next to none, so the collector has far less to do while a
// corpus loads.
var foundLists sync.Pool

// newFound returns an empty list with room for n quotations, recycled when
// one large enough was handed back.
func newFound(n int) []Found {
	if p, ok := foundLists.Get().(*[]Found); ok && cap(*p) >= n {
		return (*p)[:0]
	}
	// Rounded up so that the list, once handed back, fits most documents.
	return make([]Found, 0, max(n, 32))
}

// Release hands back a list Document returned, once the caller is done
// with it and keeps nothing of it but copies of its fields: a later
// Document may write over it.
func Release(found []Found) {
	if cap(found) == 0 {
		return
	}
	// Drop the strings so that a list waiting in the pool holds no text.
	clear(found)
	found = found[:0]
	foundLists.Put(&found)
}
