//go:build !unix

package meter

// CPUTime is not measured here; benchmarks then report 0 CPU time.
func CPUTime() int64 { return 0 }
