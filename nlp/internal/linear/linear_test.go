package linear

import (
	"bytes"
	"testing"
)

// TestLearnAndRoundTrip trains a perceptron on a separable toy problem (the class is the feature
// value mod 3), checks that the averaged model classifies every example, and that writing and
// reading the model keeps its scores (up to int16 quantisation).
func TestLearnAndRoundTrip(t *testing.T) {
	tr := NewTrainer(3)
	feats := func(v uint64) []uint64 {
		return []uint64{Key(Mix(Seed(1), v)), Key(Mix(Seed(2), v%3)), Key(Seed(0))}
	}
	scores := make([]float32, 3)
	for ep := 0; ep < 5; ep++ {
		for v := uint64(0); v < 60; v++ {
			f := feats(v)
			tr.Score(f, scores)
			guess := 0
			for c, s := range scores {
				if s > scores[guess] {
					guess = c
				}
			}
			tr.Tick()
			tr.Update(f, int(v%3), guess)
		}
	}
	m := tr.Average(0)
	check := func(m *Model) {
		t.Helper()
		for v := uint64(0); v < 60; v++ {
			s := make([]float32, 3)
			m.Score(feats(v), s)
			best := 0
			for c := range s {
				if s[c] > s[best] {
					best = c
				}
			}
			if best != int(v%3) {
				t.Fatalf("value %d: class %d, want %d (scores %v)", v, best, v%3, s)
			}
		}
	}
	check(m)
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	m2, err := ReadModel(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if m2.Rows() != m.Rows() || m2.Entries() != m.Entries() {
		t.Fatalf("rows %d/%d entries %d/%d", m2.Rows(), m.Rows(), m2.Entries(), m.Entries())
	}
	check(m2)
	// Truncated or corrupt input is an error, not a panic.
	for i := 0; i < buf.Len(); i += 7 {
		if _, err := ReadModel(bytes.NewReader(buf.Bytes()[:i])); err == nil {
			t.Fatalf("truncated model of %d bytes read without error", i)
		}
	}
}

func TestHashLower(t *testing.T) {
	if HashLower("WashingTON") != Hash("washington") || HashLower("ÉTÉ") != Hash("été") {
		t.Error("HashLower differs from Hash of the lower-cased string")
	}
	if Fold(0) == 0 || Key(0) == 0 {
		t.Error("zero key")
	}
}

func FuzzReadModel(f *testing.F) {
	var buf bytes.Buffer
	tr := NewTrainer(2)
	tr.Tick()
	tr.Update([]uint64{5, 9}, 1, 0)
	_, _ = tr.Average(0).WriteTo(&buf)
	f.Add(buf.Bytes())
	f.Add([]byte("DYLIN1"))
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := ReadModel(bytes.NewReader(b))
		if err == nil {
			m.Score([]uint64{1, 2, 3, 5, 9}, make([]float32, m.NClass()))
		}
	})
}

// TestSum checks parameter mixing: the summed model scores each feature set with the sum of the
// two models' scores (up to int16 quantisation), keeps the union of their rows, and prunes summed
// weights below the threshold.
func TestSum(t *testing.T) {
	build := func(rows map[uint64][]float32) *Model {
		tr := NewTrainer(3) // clock at 0: the averaged weights are the weights set here
		for k, ws := range rows {
			for c, w := range ws {
				if w != 0 {
					tr.add(tr.findOrAdd(k), c, int32(w))
				}
			}
		}
		return tr.Average(0)
	}
	a := build(map[uint64][]float32{Key(Seed(1)): {2, 0, 0}, Key(Seed(2)): {0, 1, 0}})
	b := build(map[uint64][]float32{Key(Seed(1)): {1, 0, 0}, Key(Seed(3)): {0, 0, 4}})
	s := Sum(0, a, b)
	if s.Rows() != 3 {
		t.Fatalf("rows %d, want the union 3", s.Rows())
	}
	score := func(m *Model, k uint64) []float32 {
		out := make([]float32, 3)
		m.Score([]uint64{k}, out)
		for i := range out {
			out[i] *= m.Scale()
		}
		return out
	}
	for _, k := range []uint64{Key(Seed(1)), Key(Seed(2)), Key(Seed(3))} {
		sa, sb, ss := score(a, k), score(b, k), score(s, k)
		for c := range ss {
			if d := ss[c] - sa[c] - sb[c]; d > 0.01 || d < -0.01 {
				t.Errorf("key %x class %d: sum %.3f, want %.3f + %.3f", k, c, ss[c], sa[c], sb[c])
			}
		}
	}
	if p := Sum(1.5, a, b); p.Rows() != 2 {
		t.Errorf("pruned at 1.5: %d rows, want 2 (the row summing to 1 dropped)", p.Rows())
	}
	if Sum(0) != nil || Sum(0, a, NewTrainer(4).Average(0)) != nil {
		t.Error("Sum of nothing or of models with different class counts should be nil")
	}
}
