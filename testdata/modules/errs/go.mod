module example.com/errs

go 1.24

require example.com/dep v1.0.0

replace example.com/dep => ./dep
