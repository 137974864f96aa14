// Functions that packages of the Go distribution declare without a body
// (gc implements them in the runtime or in assembly), defined here under
// the packages' symbols by `//go:linkname local pkg.name` on a function
// with a body, as gc's runtime does. The driver links package runtime
// into every program, so these are always there; a body-less function
// defined nowhere is a link error naming it.

package runtime

// cpuid and xgetbv are the runtime's (runtime/src/sys.rs).
func cpuid(eax, ecx uint32, out *[4]uint32)
func xgetbv(out *[2]uint32)

// internal/cpu (gc: cpu_x86.s). rgoc's runtime does not call
// cpu.Initialize, so cpu.X86's feature flags stay false and packages take
// their portable paths; these still answer truthfully when asked.

//go:linkname cpu_cpuid internal/cpu.cpuid
func cpu_cpuid(eaxArg, ecxArg uint32) (eax, ebx, ecx, edx uint32) {
	var r [4]uint32
	cpuid(eaxArg, ecxArg, &r)
	return r[0], r[1], r[2], r[3]
}

//go:linkname cpu_xgetbv internal/cpu.xgetbv
func cpu_xgetbv() (eax, edx uint32) {
	var r [2]uint32
	xgetbv(&r)
	return r[0], r[1]
}

// cpu_getGOAMD64level is GOAMD64=v1, the level rgoc compiles for.
//
//go:linkname cpu_getGOAMD64level internal/cpu.getGOAMD64level
func cpu_getGOAMD64level() int32 { return 1 }

// hash/crc32's amd64 assembly (crc32_amd64.s), in Go: the same functions
// of the same (non-inverted) CRCs, a byte at a time through the
// reflected tables. crc32 calls them only when cpu.X86.HasSSE42 or
// HasPCLMULQDQ is set.

var crcTables [2]*[256]uint32

// crcTable returns the reflected table of polynomial poly (i is its slot).
func crcTable(i int, poly uint32) *[256]uint32 {
	if t := crcTables[i]; t != nil {
		return t
	}
	t := new([256]uint32)
	for n := range t {
		c := uint32(n)
		for k := 0; k < 8; k++ {
			if c&1 == 1 {
				c = c>>1 ^ poly
			} else {
				c >>= 1
			}
		}
		t[n] = c
	}
	crcTables[i] = t
	return t
}

func crcUpdate(t *[256]uint32, crc uint32, p []byte) uint32 {
	for _, b := range p {
		crc = t[byte(crc)^b] ^ crc>>8
	}
	return crc
}

//go:linkname crc32_castagnoliSSE42 hash/crc32.castagnoliSSE42
func crc32_castagnoliSSE42(crc uint32, p []byte) uint32 {
	return crcUpdate(crcTable(0, 0x82f63b78), crc, p)
}

// crc32_castagnoliSSE42Triple updates three crcs with 24*rounds bytes of
// each buffer.
//
//go:linkname crc32_castagnoliSSE42Triple hash/crc32.castagnoliSSE42Triple
func crc32_castagnoliSSE42Triple(crcA, crcB, crcC uint32, a, b, c []byte, rounds uint32) (retA, retB, retC uint32) {
	t := crcTable(0, 0x82f63b78)
	n := 24 * int(rounds)
	return crcUpdate(t, crcA, a[:n]), crcUpdate(t, crcB, b[:n]), crcUpdate(t, crcC, c[:n])
}

//go:linkname crc32_ieeeCLMUL hash/crc32.ieeeCLMUL
func crc32_ieeeCLMUL(crc uint32, p []byte) uint32 {
	return crcUpdate(crcTable(1, 0xedb88320), crc, p)
}
