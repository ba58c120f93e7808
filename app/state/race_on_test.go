//go:build race

package state

// gridRace: the race detector runs; the property test runs fewer
// sequences, its checks unchanged.
const gridRace = true
