package extract

import "sync"

// A load converts each document's []Found into its own compact form and
// drops it: at 120 bytes a quotation, and a transcript's turns a hundred
// bytes or so of text each, those slices were most of what extracting a
// transcript allocated, and under a load's memory limit every byte of
// garbage brings the next collection closer. Recycle hands a slice back;
// the next document's quotations are found into it.
var (
	// foundPool holds recycled slices, emptied, each in a box: a slice
	// put in a sync.Pool as it is would allocate a box every time.
	foundPool sync.Pool // of *[]Found
	// boxPool holds the boxes foundPool's slices were taken out of.
	boxPool sync.Pool // of *[]Found, nil
)

// Recycle hands back a slice Document returned, once the caller keeps
// nothing of it but copies of its fields: Document may return it again,
// filled with another document's quotations. Calling it is optional.
func Recycle(found []Found) {
	if cap(found) == 0 {
		return
	}
	// Drop the strings: a pooled slice must not keep a document's text.
	found = found[:cap(found)]
	clear(found)
	box, _ := boxPool.Get().(*[]Found)
	if box == nil {
		box = new([]Found)
	}
	*box = found[:0]
	foundPool.Put(box)
}

// newFound returns an empty slice with room for n quotations, recycled
// if one that large was handed back.
func newFound(n int) []Found {
	if box, _ := foundPool.Get().(*[]Found); box != nil {
		s := *box
		*box = nil
		boxPool.Put(box)
		if cap(s) >= n {
			return s
		}
		// Too small for this document: left to the collector, so the
		// pool comes to hold slices the size of the larger documents.
	}
	return make([]Found, 0, n)
}
