#!/bin/sh
# Reduce a crash report (stdin) to the part compared against gc: the lines
# up to the first blank line, then the first "goroutine N" header, with hex
# numbers normalised to 0xADDR.
awk '
  !blank && $0 == "" { blank = 1; next }
  !blank { print; next }
  /^goroutine / { print; exit }
' | sed -E -e 's/0x[0-9a-f]+/0xADDR/g' -e 's/ m=[0-9]+ / m=N /'
