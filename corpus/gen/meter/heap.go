// Package meter reads what the benchmarks report besides wall time, which
// on a shared machine includes waiting for a core: the CPU time the
// process has used and the heap it holds.
package meter

import (
	"runtime/metrics"
	"time"
)

// Heap is the memory held by heap objects and the spans they sit in,
// what runtime.MemStats calls HeapInuse, read without stopping the world.
func Heap() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/memory/classes/heap/unused:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64() + s[1].Value.Uint64()
}

// SampleHeap reads Heap every interval until stop is called; stop returns
// the largest growth over base seen, 0 if the heap never grew past it.
func SampleHeap(base uint64, every time.Duration) (stop func() (peak uint64)) {
	quit, sampled := make(chan struct{}), make(chan struct{})
	var largest uint64
	go func() {
		defer close(sampled)
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			if h := Heap(); h > base && h-base > largest {
				largest = h - base
			}
			select {
			case <-quit:
				return
			case <-t.C:
			}
		}
	}()
	return func() uint64 {
		close(quit)
		<-sampled
		return largest
	}
}
