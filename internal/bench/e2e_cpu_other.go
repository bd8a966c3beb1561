//go:build !unix

package bench

// cpuSeconds is unknown on this platform; runs report 0.
func cpuSeconds() float64 { return 0 }
