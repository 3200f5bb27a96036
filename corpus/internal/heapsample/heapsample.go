// Package heapsample measures how far the heap grows while a benchmark
// runs, for figures such as peak heap over corpus bytes: the total bytes
// allocated say nothing of what a reader on a shared server must hold at
// once.
package heapsample

import (
	"runtime/metrics"
	"sync"
	"time"
)

// Bytes is the memory held by heap objects and the spans they sit in,
// what runtime.MemStats calls HeapInuse, read without stopping the world.
func Bytes() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/memory/classes/heap/unused:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64() + s[1].Value.Uint64()
}

// Peak records in peak the largest heap growth over base, sampled every
// 2ms, until stop is called.
func Peak(peak *uint64, base uint64) (stop func()) {
	quit := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(2 * time.Millisecond)
		defer t.Stop()
		for {
			if h := Bytes(); h > base && h-base > *peak {
				*peak = h - base
			}
			select {
			case <-quit:
				return
			case <-t.C:
			}
		}
	}()
	return func() { close(quit); wg.Wait() }
}
