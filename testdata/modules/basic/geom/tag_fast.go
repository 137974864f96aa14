//go:build linux && amd64 && !purego

package geom

// Mode is chosen by build constraints.
const Mode = "fast"
