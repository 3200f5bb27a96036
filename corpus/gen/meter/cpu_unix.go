//go:build unix

package meter

import "syscall"

// CPUTime is the CPU time this process has used, all threads, user and
// system, in nanoseconds.
func CPUTime() int64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
