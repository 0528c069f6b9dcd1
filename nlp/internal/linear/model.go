package linear

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
)

// Model is a frozen averaged-perceptron model: an open-addressing table from feature key to a sparse
// row of (class, weight) pairs. Weights are quantised to int16 (one scale per model); scores are
// returned in those units, which keeps every argmax unchanged. Each row is one contiguous run of
// data, so scoring a feature costs about two cache misses. It is immutable and safe for concurrent use.
type Model struct {
	nclass  int
	mask    uint32
	slots   []slot   // table; key 0 = empty
	data    []uint32 // per row: entry count, then entries packed as class<<16 | uint16(weight)
	scale   float32  // weight = int16 value · scale
	rows    int
	entries int
	// dense holds the table instead of slots/data when there are at most denseMax classes: each
	// 8-byte slot carries a 16-bit tag of the key and the row inline, so scoring a feature costs
	// one cache miss; the slot of key k is found from dhome(k). dkeys holds the full keys of the
	// slots, for writing the model (not read when scoring).
	dense []dslot
	dkeys []uint32
	shift uint32
}

// slot is one entry of the sparse table: the key, and the offset of its row in data, or, when
// inlineRow is set, the row's single entry itself (class<<16 | uint16(weight)).
type slot struct{ key, off uint32 }

// inlineRow marks a slot holding a one-entry row inline.
const inlineRow = 1 << 31

const denseMax = 3

type dslot struct {
	tag uint16 // 0 = empty
	w   [denseMax]int16
}

// dtag is the 16-bit tag a dense slot keeps of key k (never 0). A feature absent from the model
// matches a slot of another key with probability 2⁻¹⁶ per slot probed.
func dtag(k uint32) uint16 {
	t := uint16(k)
	if t == 0 {
		t = 1
	}
	return t
}

// dhome is the home slot of key k in a dense table: multiplicative hashing on the high bits, so
// that it is independent of the low bits kept by dtag.
func (m *Model) dhome(k uint32) uint32 { return (k * 0x9E3779B1) >> m.shift }

// NClass is the number of classes.
func (m *Model) NClass() int { return m.nclass }

// Scale is the size of one quantised score unit in perceptron updates: a score returned by Score
// times Scale is in the units of the training updates.
func (m *Model) Scale() float32 { return m.scale }

// Rows is the number of feature rows.
func (m *Model) Rows() int { return m.rows }

// Entries is the number of (class, weight) pairs.
func (m *Model) Entries() int { return m.entries }

// Score adds into scores[0:NClass] the weights of every feature in feats (in quantised units); the
// caller zeroes scores.
func (m *Model) Score(feats []uint64, scores []float32) {
	if m.dense != nil {
		m.scoreDense(feats, scores)
		return
	}
	slots, mask, data := m.slots, m.mask, m.data
	// Passes over batches of features, so that the cache misses of different features overlap:
	// load the home slot of every feature (independent loads, no branches), resolve the rows
	// while touching each row's first word, then add the rows up.
	var home [batch]slot
	var offs [batch]uint32
	var sink uint32
	for len(feats) > 0 {
		fs := feats
		if len(fs) > batch {
			fs = fs[:batch]
		}
		feats = feats[len(fs):]
		for i, f64 := range fs {
			home[i] = slots[Fold(f64)&mask]
		}
		n := 0
		for i, f64 := range fs {
			f := Fold(f64)
			sl := home[i]
			if sl.key != f {
				if sl.key == 0 {
					continue
				}
				s := (f&mask + 1) & mask
				for {
					sl = slots[s]
					if sl.key == f || sl.key == 0 {
						break
					}
					s = (s + 1) & mask
				}
				if sl.key == 0 {
					continue
				}
			}
			if sl.off&inlineRow != 0 {
				// A one-entry row kept in the slot itself: no second cache miss.
				v := sl.off
				scores[(v>>16)&0x7FFF] += float32(int16(v))
				continue
			}
			offs[n] = sl.off
			sink += data[sl.off]
			n++
		}
		for _, off := range offs[:n] {
			cnt := data[off]
			for _, v := range data[off+1 : off+1+cnt] {
				scores[v>>16] += float32(int16(v))
			}
		}
	}
	if sink == 1<<31 {
		scores[0] += 0 // keeps the touching loads
	}
}

// batch is the number of features whose lookups Score interleaves.
const batch = 64

func (m *Model) scoreDense(feats []uint64, scores []float32) {
	slots, mask := m.dense, m.mask
	var acc [denseMax]int32
	var home [batch]dslot
	for len(feats) > 0 {
		fs := feats
		if len(fs) > batch {
			fs = fs[:batch]
		}
		feats = feats[len(fs):]
		for i, f64 := range fs {
			home[i] = slots[m.dhome(Fold(f64))]
		}
		for i, f64 := range fs {
			f := Fold(f64)
			tag := dtag(f)
			sl := &home[i]
			if sl.tag != tag {
				if sl.tag == 0 {
					continue
				}
				s := (m.dhome(f) + 1) & mask
				for {
					sl = &slots[s]
					if sl.tag == tag || sl.tag == 0 {
						break
					}
					s = (s + 1) & mask
				}
				if sl.tag == 0 {
					continue
				}
			}
			acc[0] += int32(sl.w[0])
			acc[1] += int32(sl.w[1])
			acc[2] += int32(sl.w[2])
		}
	}
	for c := 0; c < m.nclass; c++ {
		scores[c] += float32(acc[c])
	}
}

// Fold maps a 64-bit feature key to the 32-bit fingerprint a Model stores (never 0). Two features
// that share a fingerprint share a row; with a million rows that happens to a few hundred, which
// costs nothing measurable and keeps the model file small.
func Fold(k uint64) uint32 {
	f := uint32(k) ^ uint32(k>>32)
	if f == 0 {
		f = 1
	}
	return f
}

// builder collects rows in increasing key order and freezes them into a Model.
type builder struct {
	nclass int
	keys   []uint32
	counts []uint8
	cls    []uint8
	w      []float32
}

func newBuilder(nclass, rows int) *builder {
	return &builder{nclass: nclass, keys: make([]uint32, 0, rows), counts: make([]uint8, 0, rows)}
}

// add appends a row; keys must come in increasing order, and a key equal to the previous one is
// merged into the previous row (weights of the same class added).
func (b *builder) add(k uint32, cls []uint8, w []float32) {
	if n := len(b.keys); n > 0 && b.keys[n-1] == k {
		b.mergeLast(cls, w)
		return
	}
	b.keys = append(b.keys, k)
	b.counts = append(b.counts, uint8(len(cls)))
	b.cls = append(b.cls, cls...)
	b.w = append(b.w, w...)
}

func (b *builder) mergeLast(cls []uint8, w []float32) {
	r := len(b.keys) - 1
	start := len(b.cls) - int(b.counts[r])
	acc := map[uint8]float32{}
	for i := start; i < len(b.cls); i++ {
		acc[b.cls[i]] += b.w[i]
	}
	for i, c := range cls {
		acc[c] += w[i]
	}
	b.cls, b.w = b.cls[:start], b.w[:start]
	for c := 0; c < 256; c++ {
		if v, ok := acc[uint8(c)]; ok {
			b.cls = append(b.cls, uint8(c))
			b.w = append(b.w, v)
		}
	}
	b.counts[r] = uint8(len(b.cls) - start)
}

// finish quantises the weights (the largest magnitude maps to 32767) and builds the table.
func (b *builder) finish() *Model {
	var maxw float64
	for _, x := range b.w {
		maxw = math.Max(maxw, math.Abs(float64(x)))
	}
	scale := float32(maxw / 32767)
	if scale == 0 {
		scale = 1
	}
	m := &Model{nclass: b.nclass, scale: scale, rows: len(b.keys), entries: len(b.w)}
	q := make([]int16, len(b.w))
	for i, x := range b.w {
		q[i] = int16(math.Round(float64(x / scale)))
	}
	m.build(b.keys, b.counts, b.cls, q)
	return m
}

// build fills the table from rows in key order: keys, entry counts, classes and quantised weights.
func (m *Model) build(keys []uint32, counts, cls []uint8, q []int16) {
	size := 16
	for size < 2*len(keys) {
		size *= 2
	}
	m.mask = uint32(size - 1)
	if m.nclass <= denseMax {
		m.dense = make([]dslot, size)
		m.dkeys = make([]uint32, size)
		bitsN := uint32(0)
		for 1<<bitsN < size {
			bitsN++
		}
		m.shift = 32 - bitsN
		e := 0
		for r, k := range keys {
			s := m.dhome(k)
			for m.dense[s].tag != 0 {
				s = (s + 1) & m.mask
			}
			d := &m.dense[s]
			d.tag = dtag(k)
			m.dkeys[s] = k
			for i := e; i < e+int(counts[r]); i++ {
				d.w[cls[i]] = q[i]
			}
			e += int(counts[r])
		}
		return
	}
	m.slots = make([]slot, size)
	m.data = make([]uint32, 0, len(keys)+len(q))
	e := 0
	for r, k := range keys {
		n := int(counts[r])
		var off uint32
		if n == 1 {
			off = inlineRow | uint32(cls[e])<<16 | uint32(uint16(q[e]))
		} else {
			off = uint32(len(m.data))
			m.data = append(m.data, uint32(n))
			for i := e; i < e+n; i++ {
				m.data = append(m.data, uint32(cls[i])<<16|uint32(uint16(q[i])))
			}
		}
		e += n
		s := k & m.mask
		for m.slots[s].key != 0 {
			s = (s + 1) & m.mask
		}
		m.slots[s] = slot{key: k, off: off}
	}
}

// each calls fn for every row in increasing key order with its classes and quantised weights
// (the slices are reused between calls).
func (m *Model) each(fn func(key uint32, cls []uint8, q []int16)) {
	type row struct{ key, at uint32 }
	var rows []row
	if m.dense != nil {
		for i, d := range m.dense {
			if d.tag != 0 {
				rows = append(rows, row{m.dkeys[i], uint32(i)})
			}
		}
	} else {
		for _, sl := range m.slots {
			if sl.key != 0 {
				rows = append(rows, row{sl.key, sl.off})
			}
		}
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].key < rows[j].key })
	var cls []uint8
	var q []int16
	for _, r := range rows {
		cls, q = cls[:0], q[:0]
		if m.dense != nil {
			for c, w := range m.dense[r.at].w[:m.nclass] {
				if w != 0 {
					cls = append(cls, uint8(c))
					q = append(q, w)
				}
			}
		} else if r.at&inlineRow != 0 {
			cls = append(cls, uint8(r.at>>16))
			q = append(q, int16(r.at))
		} else {
			n := m.data[r.at]
			for _, v := range m.data[r.at+1 : r.at+1+n] {
				cls = append(cls, uint8(v>>16))
				q = append(q, int16(v))
			}
		}
		fn(r.key, cls, q)
	}
}

const modelMagic = "DYLIN2"

// WriteTo writes the model in Dyad's binary layout (little-endian): magic "DYLIN2", nclass, rows,
// entries, scale (float32), the increasing 32-bit row keys as varint gaps, each row's entry count
// (uint8), then all classes (uint8) and all weights (int16, weight = q·scale), rows in key order.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	bw := bufio.NewWriter(w)
	var keys []uint32
	var counts, cls []uint8
	var q []int16
	m.each(func(k uint32, c []uint8, w []int16) {
		if len(c) == 0 {
			return
		}
		keys = append(keys, k)
		counts = append(counts, uint8(len(c)))
		cls = append(cls, c...)
		q = append(q, w...)
	})
	put := func(v any) { _ = binary.Write(bw, binary.LittleEndian, v) }
	bw.WriteString(modelMagic)
	put(uint32(m.nclass))
	put(uint32(len(keys)))
	put(uint32(len(q)))
	put(m.scale)
	var vb [binary.MaxVarintLen32]byte
	prev := uint32(0)
	for _, k := range keys {
		n := binary.PutUvarint(vb[:], uint64(k-prev))
		bw.Write(vb[:n])
		prev = k
	}
	put(counts)
	put(cls)
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
	if hdr.NClass == 0 || hdr.NClass > 255 || hdr.Rows > 1<<28 || hdr.Entries > 1<<30 {
		return nil, fmt.Errorf("linear: implausible header %+v", hdr)
	}
	br, ok := r.(io.ByteReader)
	if !ok {
		br = bufio.NewReader(r)
		r = br.(io.Reader)
	}
	// Slices grow as data arrives, so a corrupt header cannot make the reader allocate much.
	keys := make([]uint32, 0, min(hdr.Rows, 1<<16))
	prev := uint32(0)
	for i := 0; i < int(hdr.Rows); i++ {
		g, err := binary.ReadUvarint(br)
		if err != nil || g > math.MaxUint32 || g == 0 || uint64(prev)+g > math.MaxUint32 {
			return nil, errors.New("linear: corrupt key table")
		}
		prev += uint32(g)
		keys = append(keys, prev)
	}
	readN := func(n int64) ([]byte, error) {
		b, err := io.ReadAll(io.LimitReader(r, n))
		if err == nil && int64(len(b)) != n {
			err = io.ErrUnexpectedEOF
		}
		return b, err
	}
	counts, err := readN(int64(hdr.Rows))
	if err != nil {
		return nil, fmt.Errorf("linear: body: %w", err)
	}
	cls, err := readN(int64(hdr.Entries))
	if err != nil {
		return nil, fmt.Errorf("linear: body: %w", err)
	}
	qb, err := readN(2 * int64(hdr.Entries))
	if err != nil {
		return nil, fmt.Errorf("linear: body: %w", err)
	}
	q := make([]int16, hdr.Entries)
	for i := range q {
		q[i] = int16(binary.LittleEndian.Uint16(qb[2*i:]))
	}
	for _, c := range cls {
		if uint32(c) >= hdr.NClass {
			return nil, errors.New("linear: class out of range")
		}
	}
	var total uint32
	for _, c := range counts {
		total += uint32(c)
	}
	if total != hdr.Entries {
		return nil, errors.New("linear: entry count mismatch")
	}
	m := &Model{nclass: int(hdr.NClass), scale: hdr.Scale, rows: int(hdr.Rows), entries: int(hdr.Entries)}
	m.build(keys, counts, cls, q)
	return m, nil
}

// Prune returns a copy of m without the weights whose magnitude is below min (in perceptron-update
// units); rows left empty are dropped. Smaller tables mean fewer cache misses when scoring.
func (m *Model) Prune(min float64) *Model {
	b := newBuilder(m.nclass, m.rows)
	var cls []uint8
	var ws []float32
	m.each(func(k uint32, c []uint8, q []int16) {
		cls, ws = cls[:0], ws[:0]
		for i, x := range q {
			w := float32(x) * m.scale
			if math.Abs(float64(w)) >= min {
				cls = append(cls, c[i])
				ws = append(ws, w)
			}
		}
		if len(cls) > 0 {
			b.add(k, cls, ws)
		}
	})
	return b.finish()
}

// Sum returns the model whose weights are the sums of the weights of ms (all with the same number
// of classes), rows with the same key merged: "parameter mixing" of perceptrons trained on the same
// data with different seeds (McDonald, Hall and Mann 2010), which scores like their ensemble at the
// cost of one model. Summed weights smaller than prune perceptron updates (as for Trainer.Average)
// are dropped. It returns nil when ms is empty or their class counts differ.
func Sum(prune float64, ms ...*Model) *Model {
	if len(ms) == 0 {
		return nil
	}
	nclass := ms[0].nclass
	acc := map[uint32][]float32{}
	for _, m := range ms {
		if m.nclass != nclass {
			return nil
		}
		m.each(func(k uint32, cls []uint8, q []int16) {
			row := acc[k]
			if row == nil {
				row = make([]float32, nclass)
				acc[k] = row
			}
			for i, c := range cls {
				row[c] += float32(q[i]) * m.scale
			}
		})
	}
	keys := make([]uint32, 0, len(acc))
	for k := range acc {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	b := newBuilder(nclass, len(keys))
	min := float32(prune)
	var cls []uint8
	var ws []float32
	for _, k := range keys {
		cls, ws = cls[:0], ws[:0]
		for c, w := range acc[k] {
			if w != 0 && (w >= min || -w >= min) {
				cls = append(cls, uint8(c))
				ws = append(ws, w)
			}
		}
		if len(cls) > 0 {
			b.add(k, cls, ws)
		}
	}
	return b.finish()
}
