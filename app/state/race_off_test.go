//go:build !race

package state

const gridRace = false
