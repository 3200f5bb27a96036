package meter

import (
	"runtime"
	"testing"
	"time"
)

func TestSampleHeapSeesAnAllocationHeld(t *testing.T) {
	const size = 16 << 20
	runtime.GC()
	base := Heap()
	stop := SampleHeap(base, time.Millisecond)
	held := make([]byte, size)
	for i := range held {
		held[i] = byte(i)
	}
	// The sampler reads at once and then every millisecond; waiting for
	// a few ticks makes sure one read falls while held is alive.
	time.Sleep(20 * time.Millisecond)
	peak := stop()
	runtime.KeepAlive(held)
	// Other objects may be freed meanwhile (the race detector's, the
	// test runner's), so the growth can fall a little short of size; a
	// sampler that missed the allocation would see none of it.
	if peak < size-size/16 {
		t.Errorf("peak growth %d bytes while %d bytes were held", peak, size)
	}
}
