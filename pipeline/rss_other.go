//go:build !unix

package pipeline

// residentMiB and peakRSSMiB are not measured on this system.
func residentMiB() float64 { return 0 }

func peakRSSMiB() float64 { return 0 }
