//go:build !linux || !amd64 || purego

package geom

const Mode = "slow"
