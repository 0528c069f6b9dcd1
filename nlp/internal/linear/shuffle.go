package linear

// Shuffler is a small deterministic generator (SplitMix64) for shuffling training data: the same
// seed gives the same order on every machine and Go version, so that training is reproducible.
type Shuffler struct{ s uint64 }

// NewShuffler returns a Shuffler for seed.
func NewShuffler(seed uint64) *Shuffler { return &Shuffler{s: seed ^ 0x853C49E6748FEA9B} }

func (r *Shuffler) next() uint64 {
	r.s += 0x9E3779B97F4A7C15
	z := r.s
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
	z = (z ^ (z >> 27)) * 0x94D049BB133111EB
	return z ^ (z >> 31)
}

// Shuffle permutes a in place (Fisher–Yates).
func (r *Shuffler) Shuffle(a []int) {
	for i := len(a) - 1; i > 0; i-- {
		j := int(r.next() % uint64(i+1))
		a[i], a[j] = a[j], a[i]
	}
}
