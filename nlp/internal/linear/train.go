package linear

import (
	"math"
	"sort"
)

// entry is one class weight of a training row: w is the current integer weight, u the sum of
// t·Δw over its updates (Daumé's trick: the average weight is w − u/t).
type entry struct {
	c uint16
	w int32
	u int64
}

// Trainer is the mutable training store of an averaged perceptron with nclass classes.
// It is not safe for concurrent use.
type Trainer struct {
	nclass int
	keys   []uint64
	idx    []int32
	n      int
	rows   [][]entry
	upd    []uint16 // updates per row, saturating
	t      int64
	// MinUpdates drops, in Average, the rows updated fewer times than this (rare features that
	// cost table space and cache misses and rarely help).
	MinUpdates int
}

// NewTrainer returns an empty trainer for nclass classes (1..65535).
func NewTrainer(nclass int) *Trainer {
	tr := &Trainer{nclass: nclass}
	tr.grow(1 << 16)
	return tr
}

// NClass is the number of classes.
func (tr *Trainer) NClass() int { return tr.nclass }

func (tr *Trainer) grow(size int) {
	oldK, oldI := tr.keys, tr.idx
	tr.keys = make([]uint64, size)
	tr.idx = make([]int32, size)
	mask := uint64(size - 1)
	for i, k := range oldK {
		if k == 0 {
			continue
		}
		s := k & mask
		for tr.keys[s] != 0 {
			s = (s + 1) & mask
		}
		tr.keys[s], tr.idx[s] = k, oldI[i]
	}
}

func (tr *Trainer) find(k uint64) int32 {
	mask := uint64(len(tr.keys) - 1)
	for s := k & mask; ; s = (s + 1) & mask {
		switch tr.keys[s] {
		case k:
			return tr.idx[s]
		case 0:
			return -1
		}
	}
}

func (tr *Trainer) findOrAdd(k uint64) int32 {
	if (tr.n+1)*2 > len(tr.keys) {
		tr.grow(len(tr.keys) * 2)
	}
	mask := uint64(len(tr.keys) - 1)
	for s := k & mask; ; s = (s + 1) & mask {
		switch tr.keys[s] {
		case k:
			return tr.idx[s]
		case 0:
			tr.keys[s] = k
			tr.idx[s] = int32(len(tr.rows))
			tr.rows = append(tr.rows, nil)
			tr.upd = append(tr.upd, 0)
			tr.n++
			return tr.idx[s]
		}
	}
}

// Score sets scores[c] (len ≥ NClass) to the current (not averaged) score of each class.
func (tr *Trainer) Score(feats []uint64, scores []float32) {
	for i := 0; i < tr.nclass; i++ {
		scores[i] = 0
	}
	for _, f := range feats {
		r := tr.find(f)
		if r < 0 {
			continue
		}
		for _, e := range tr.rows[r] {
			scores[e.c] += float32(e.w)
		}
	}
}

// Tick advances the clock by one training instance; call it once per decision.
func (tr *Trainer) Tick() { tr.t++ }

// Update moves the weights of feats by +1 for class gold and −1 for class guess (nothing when equal).
func (tr *Trainer) Update(feats []uint64, gold, guess int) {
	if gold == guess {
		return
	}
	for _, f := range feats {
		r := tr.findOrAdd(f)
		if tr.upd[r] < 65535 {
			tr.upd[r]++
		}
		tr.add(r, gold, 1)
		tr.add(r, guess, -1)
	}
}

func (tr *Trainer) add(r int32, c int, d int32) {
	row := tr.rows[r]
	for i := range row {
		if int(row[i].c) == c {
			row[i].w += d
			row[i].u += tr.t * int64(d)
			return
		}
	}
	tr.rows[r] = append(row, entry{c: uint16(c), w: d, u: tr.t * int64(d)})
}

// Rows is the number of feature rows held.
func (tr *Trainer) Rows() int { return len(tr.rows) }

// Average returns the frozen model of the averaged weights. Weights whose absolute value is below
// prune (in units of one perceptron update) are dropped, and rows left empty are dropped with them.
func (tr *Trainer) Average(prune float64) *Model {
	t := float64(tr.t)
	if t == 0 {
		t = 1
	}
	type kr struct {
		k uint32
		r int32
	}
	all := make([]kr, 0, tr.n)
	for i, k := range tr.keys {
		if k != 0 {
			all = append(all, kr{Fold(k), tr.idx[i]})
		}
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].k != all[j].k {
			return all[i].k < all[j].k
		}
		return all[i].r < all[j].r
	})
	b := newBuilder(tr.nclass, len(all))
	var cls []uint8
	var ws []float32
	for _, x := range all {
		if int(tr.upd[x.r]) < tr.MinUpdates {
			continue
		}
		cls, ws = cls[:0], ws[:0]
		row := append([]entry(nil), tr.rows[x.r]...)
		sort.Slice(row, func(i, j int) bool { return row[i].c < row[j].c })
		for _, e := range row {
			avg := float64(e.w) - float64(e.u)/t
			if math.Abs(avg) < prune || avg == 0 {
				continue
			}
			cls = append(cls, uint8(e.c))
			ws = append(ws, float32(avg))
		}
		if len(cls) > 0 {
			b.add(x.k, cls, ws)
		}
	}
	return b.finish()
}
