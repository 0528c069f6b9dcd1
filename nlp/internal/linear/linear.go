// Package linear is the averaged perceptron shared by Dyad's tagger and parser: hashed sparse
// features, a training store with lazy averaging, and a frozen, read-only model for prediction.
//
// A feature is a uint64 key made by hashing a template id with the values it reads (word hashes,
// tag ids, distances). Each key owns a short sparse row of (class, weight) pairs. Scoring adds the
// rows of a decision's features into a caller-owned score slice: no maps and no allocation. A frozen
// Model is immutable and safe for concurrent use by any number of goroutines.
package linear

import (
	"math/bits"
	"unicode"
	"unicode/utf8"
)

// Seed starts a feature key for template id t.
func Seed(t uint64) uint64 { return Mix(0x6A09E667F3BCC909, t) }

// Mix folds value v into hash h.
func Mix(h, v uint64) uint64 {
	h ^= v
	h *= 0x9E3779B97F4A7C15
	return bits.RotateLeft64(h, 31) ^ (h >> 17)
}

// Key finishes a feature key; it is never 0 (0 marks an empty slot).
func Key(h uint64) uint64 {
	h = Mix(h, 0xBB67AE8584CAA73B)
	if h == 0 {
		h = 1
	}
	return h
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// Hash is the 64-bit FNV-1a hash of s.
func Hash(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// HashLower is Hash of the lower-cased s (Unicode simple case folding by unicode.ToLower), without
// allocating.
func HashLower(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			h ^= uint64(c)
			h *= fnvPrime
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		var buf [4]byte
		m := utf8.EncodeRune(buf[:], unicode.ToLower(r))
		for j := 0; j < m; j++ {
			h ^= uint64(buf[j])
			h *= fnvPrime
		}
		i += n
	}
	return h
}
