// Package setup is tested through TestMain.
package setup

var Ready bool
