//go:build unix

// Package cputime reads the CPU time the process has used, for benchmarks
// on shared machines: wall time there includes waiting for a core, CPU
// time does not.
package cputime

import "syscall"

// Now is the CPU time this process has used, all threads, user and
// system, in nanoseconds.
func Now() int64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
