package linear

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
)

// Model is a frozen averaged-perceptron model: an open-addressing table from feature key to a sparse
// row of (class, weight) pairs. It is immutable and safe for concurrent use.
type Model struct {
	nclass int
	mask   uint64
	keys   []uint64 // table slots; 0 = empty
	row    []uint32 // per slot: row number
	off    []uint32 // per row: first entry; off[len] = number of entries
	cls    []uint8
	w      []float32
}

// NClass is the number of classes.
func (m *Model) NClass() int { return m.nclass }

// Rows is the number of feature rows; Entries the number of (class, weight) pairs.
func (m *Model) Rows() int    { return len(m.off) - 1 }
func (m *Model) Entries() int { return len(m.w) }

// Score adds into scores[0:NClass] the weights of every feature in feats; the caller zeroes scores.
func (m *Model) Score(feats []uint64, scores []float32) {
	keys, mask := m.keys, m.mask
	for _, f := range feats {
		s := f & mask
		for {
			k := keys[s]
			if k == f {
				r := m.row[s]
				a, b := m.off[r], m.off[r+1]
				cls := m.cls[a:b]
				w := m.w[a:b:b]
				for i, c := range cls {
					scores[c] += w[i]
				}
				break
			}
			if k == 0 {
				break
			}
			s = (s + 1) & mask
		}
	}
}

type builder struct {
	m    *Model
	keys []uint64
}

func newBuilder(nclass, rows int) *builder {
	return &builder{m: &Model{nclass: nclass, off: make([]uint32, 1, rows+1)}, keys: make([]uint64, 0, rows)}
}

func (b *builder) add(k uint64, cls []uint8, w []float32) {
	b.keys = append(b.keys, k)
	b.m.cls = append(b.m.cls, cls...)
	b.m.w = append(b.m.w, w...)
	b.m.off = append(b.m.off, uint32(len(b.m.w)))
}

func (b *builder) finish() *Model {
	m := b.m
	size := 16
	for size < 2*len(b.keys) {
		size *= 2
	}
	m.keys = make([]uint64, size)
	m.row = make([]uint32, size)
	m.mask = uint64(size - 1)
	for r, k := range b.keys {
		s := k & m.mask
		for m.keys[s] != 0 {
			s = (s + 1) & m.mask
		}
		m.keys[s], m.row[s] = k, uint32(r)
	}
	return m
}

// Weights are stored quantised to int16 with one scale per model (|w| max maps to 32767).
const modelMagic = "DYLIN1"

// WriteTo writes the model in Dyad's binary layout (little-endian): magic "DYLIN1", nclass, rows,
// entries, scale (float32), then per row its key (uint64) and entry count (uint8), then all classes
// (uint8) and all weights (int16, weight = q·scale). Rows are written in key order.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	bw := bufio.NewWriter(w)
	var maxw float64
	for _, x := range m.w {
		maxw = math.Max(maxw, math.Abs(float64(x)))
	}
	scale := float32(maxw / 32767)
	if scale == 0 {
		scale = 1
	}
	keys := make([]uint64, m.Rows())
	for s, k := range m.keys {
		if k != 0 {
			keys[m.row[s]] = k
		}
	}
	put := func(v any) { _ = binary.Write(bw, binary.LittleEndian, v) }
	bw.WriteString(modelMagic)
	put(uint32(m.nclass))
	put(uint32(m.Rows()))
	put(uint32(len(m.w)))
	put(scale)
	put(keys)
	counts := make([]uint8, m.Rows())
	for r := range counts {
		counts[r] = uint8(m.off[r+1] - m.off[r])
	}
	put(counts)
	put(m.cls)
	q := make([]int16, len(m.w))
	for i, x := range m.w {
		q[i] = int16(math.Round(float64(x / scale)))
	}
	put(q)
	return 0, bw.Flush()
}

// ReadModel reads a model written by WriteTo. Corrupt or truncated input gives an error.
func ReadModel(r io.Reader) (*Model, error) {
	magic := make([]byte, len(modelMagic))
	if _, err := io.ReadFull(r, magic); err != nil || string(magic) != modelMagic {
		return nil, errors.New("linear: not a model (bad magic)")
	}
	var hdr struct {
		NClass, Rows, Entries uint32
		Scale                 float32
	}
	if err := binary.Read(r, binary.LittleEndian, &hdr); err != nil {
		return nil, fmt.Errorf("linear: header: %w", err)
	}
	if hdr.NClass == 0 || hdr.NClass > 256 || hdr.Rows > 1<<28 || hdr.Entries > 1<<30 {
		return nil, fmt.Errorf("linear: implausible header %+v", hdr)
	}
	keys := make([]uint64, hdr.Rows)
	counts := make([]uint8, hdr.Rows)
	cls := make([]uint8, hdr.Entries)
	q := make([]int16, hdr.Entries)
	for _, v := range []any{keys, counts, cls, q} {
		if err := binary.Read(r, binary.LittleEndian, v); err != nil {
			return nil, fmt.Errorf("linear: body: %w", err)
		}
	}
	b := newBuilder(int(hdr.NClass), int(hdr.Rows))
	m := b.m
	m.cls = cls
	m.w = make([]float32, hdr.Entries)
	for i, x := range q {
		m.w[i] = float32(x) * hdr.Scale
	}
	var off uint32
	for r, k := range keys {
		off += uint32(counts[r])
		if off > hdr.Entries || k == 0 {
			return nil, errors.New("linear: corrupt row table")
		}
		m.off = append(m.off, off)
	}
	if off != hdr.Entries {
		return nil, errors.New("linear: entry count mismatch")
	}
	for _, c := range cls {
		if uint32(c) >= hdr.NClass {
			return nil, errors.New("linear: class out of range")
		}
	}
	b.keys = keys
	return b.finish(), nil
}
