// Package bytealg holds the byte and string search primitives of the
// standard library. rgoc: plain Go versions of gc's assembly routines
// (results are the same; speed is not), string-only where gc is generic.
// The byte searches, counts, comparisons and short-substring search call
// the runtime (runtime/src/bytealg.rs: libc memchr/memcmp and vectorised
// loops) as gc calls its assembly.
package bytealg

import "unsafe"

//go:linkname rtIndexByte runtime.bytealg_indexbyte
func rtIndexByte(p *byte, n int, c int) int

//go:linkname rtCountByte runtime.bytealg_countbyte
func rtCountByte(p *byte, n int, c int) int

//go:linkname rtIndexString runtime.bytealg_indexstring
func rtIndexString(a *byte, an int, b *byte, bn int) int

//go:linkname rtCompareString runtime.bytealg_comparestring
func rtCompareString(a *byte, an int, b *byte, bn int) int

//go:linkname rtRoundupsize runtime.bytealg_roundupsize
func rtRoundupsize(n int) int

// MaxLen is the maximum length of the string to be searched for (argument
// b) in Index. gc's amd64 value with AVX2.
var MaxLen = 63

// MaxBruteForce is the length below which Index uses brute force.
const MaxBruteForce = 64


// Cutover reports the number of failures of IndexByte we should tolerate
// before switching over to Index (gc's amd64 formula).
func Cutover(n int) int {
	// 1 error per 8 characters, plus a few slop to start.
	return (n + 16) / 8
}

// CompareString compares two strings lexicographically.
func CompareString(a, b string) int {
	return rtCompareString(unsafe.StringData(a), len(a), unsafe.StringData(b), len(b))
}

// Compare compares two byte slices lexicographically.
func Compare(a, b []byte) int {
	return rtCompareString(unsafe.SliceData(a), len(a), unsafe.SliceData(b), len(b))
}

// Equal reports whether a and b are the same length and contain the same
// bytes.
func Equal(a, b []byte) bool {
	return string(a) == string(b)
}

// Count counts the occurrences of c in b.
func Count(b []byte, c byte) int {
	return rtCountByte(unsafe.SliceData(b), len(b), int(c))
}

// CountString counts the occurrences of c in s.
func CountString(s string, c byte) int {
	return rtCountByte(unsafe.StringData(s), len(s), int(c))
}

// IndexByte returns the index of the first c in b, or -1.
func IndexByte(b []byte, c byte) int {
	return rtIndexByte(unsafe.SliceData(b), len(b), int(c))
}

// IndexByteString returns the index of the first c in s, or -1.
func IndexByteString(s string, c byte) int {
	return rtIndexByte(unsafe.StringData(s), len(s), int(c))
}

// LastIndexByte returns the index of the last c in s, or -1.
func LastIndexByte(s []byte, c byte) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// LastIndexByteString returns the index of the last c in s, or -1.
func LastIndexByteString(s string, c byte) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// Index returns the index of the first instance of b in a, or -1.
// Requires 2 <= len(b) <= MaxLen.
func Index(a, b []byte) int {
	return IndexString(string(a), string(b))
}

// IndexString returns the index of the first instance of b in a, or -1.
// Requires 2 <= len(b) <= MaxLen.
func IndexString(a, b string) int {
	return rtIndexString(unsafe.StringData(a), len(a), unsafe.StringData(b), len(b))
}

// primeRK is the prime base used in Rabin-Karp algorithm.
const primeRK = 16777619

// hashStr returns the hash and the appropriate multiplicative
// factor for use in Rabin-Karp algorithm.
func hashStr[T string | []byte](sep T) (uint32, uint32) {
	hash := uint32(0)
	for i := 0; i < len(sep); i++ {
		hash = hash*primeRK + uint32(sep[i])
	}
	var pow, sq uint32 = 1, primeRK
	for i := len(sep); i > 0; i >>= 1 {
		if i&1 != 0 {
			pow *= sq
		}
		sq *= sq
	}
	return hash, pow
}

// hashStrRev returns the hash of the reverse of sep and the
// appropriate multiplicative factor for use in Rabin-Karp algorithm.
func hashStrRev[T string | []byte](sep T) (uint32, uint32) {
	hash := uint32(0)
	for i := len(sep) - 1; i >= 0; i-- {
		hash = hash*primeRK + uint32(sep[i])
	}
	var pow, sq uint32 = 1, primeRK
	for i := len(sep); i > 0; i >>= 1 {
		if i&1 != 0 {
			pow *= sq
		}
		sq *= sq
	}
	return hash, pow
}

// IndexRabinKarp uses the Rabin-Karp search algorithm to return the index of the
// first occurrence of sep in s, or -1 if not present.
func IndexRabinKarp[T string | []byte](s, sep T) int {
	// Rabin-Karp search
	hashss, pow := hashStr(sep)
	n := len(sep)
	var h uint32
	for i := 0; i < n; i++ {
		h = h*primeRK + uint32(s[i])
	}
	if h == hashss && string(s[:n]) == string(sep) {
		return 0
	}
	for i := n; i < len(s); {
		h *= primeRK
		h += uint32(s[i])
		h -= pow * uint32(s[i-n])
		i++
		if h == hashss && string(s[i-n:i]) == string(sep) {
			return i - n
		}
	}
	return -1
}

// LastIndexRabinKarp uses the Rabin-Karp search algorithm to return the last index of the
// occurrence of sep in s, or -1 if not present.
func LastIndexRabinKarp[T string | []byte](s, sep T) int {
	// Rabin-Karp search from the end of the string
	hashss, pow := hashStrRev(sep)
	n := len(sep)
	last := len(s) - n
	var h uint32
	for i := len(s) - 1; i >= last; i-- {
		h = h*primeRK + uint32(s[i])
	}
	if h == hashss && string(s[last:]) == string(sep) {
		return last
	}
	for i := last - 1; i >= 0; i-- {
		h *= primeRK
		h += uint32(s[i])
		h -= pow * uint32(s[i+n])
		if h == hashss && string(s[i:i+n]) == string(sep) {
			return i
		}
	}
	return -1
}

// MakeNoZero makes a slice of length n whose capacity is n rounded up to
// the allocator's size class, as gc's (gc leaves it uninitialised; here it
// is zeroed). Appending to a nil slice makes growslice pick that capacity.
func MakeNoZero(n int) []byte {
	if n < 0 {
		return make([]byte, n) // the same panic as make
	}
	return make([]byte, n, rtRoundupsize(n))
}
