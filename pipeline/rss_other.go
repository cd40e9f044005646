//go:build !unix

package pipeline

import "time"

// residentMiB, peakRSSMiB and cpuTime are not measured on this system.
func residentMiB() float64 { return 0 }

func peakRSSMiB() float64 { return 0 }

func cpuTime() time.Duration { return 0 }
