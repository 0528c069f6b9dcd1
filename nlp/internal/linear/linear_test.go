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
