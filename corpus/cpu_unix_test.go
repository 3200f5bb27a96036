//go:build unix

package corpus

import "syscall"

// cpuTime is the CPU time this process has used, all threads, in
// nanoseconds. Benchmarks report it per op beside wall time because the
// machines they run on are often shared: wall time then includes waiting
// for a core, CPU time does not.
func cpuTime() int64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
