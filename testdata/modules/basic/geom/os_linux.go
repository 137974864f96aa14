package geom

// Platform is the build's OS, chosen by file name.
const Platform = "linux"
