module example.com/shapes

go 1.24

toolchain go1.22.1

require example.com/units v0.1.0

replace example.com/units => ./lib
