package geom

const Platform = "windows"
