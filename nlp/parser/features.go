package parser

import (
	"github.com/dyad-events/dyad/nlp/internal/linear"
)

// word holds the per-word values that feature templates read, computed once per sentence.
type word struct {
	w   uint64 // lower-cased form hash
	p   uint64 // XPOS hash
	u   uint64 // UPOS hash
	suf uint64 // hash of the last three letters of the lower-cased form
}

var (
	noWord   = word{w: 1, p: 1, u: 1, suf: 1}
	rootWord = word{w: 2, p: 2, u: 2, suf: 2}
)

// at returns the values of word i (none → noWord; n → rootWord).
func (sc *scratch) at(i int) *word {
	if i == none {
		return &noWord
	}
	return &sc.words[i]
}

func lab(st *state, i int) uint64 {
	if i == none {
		return 99
	}
	return uint64(st.labels[i] + 1)
}

func dist(a, b int) uint64 {
	if a == none || b == none {
		return 0
	}
	d := b - a
	if d < 0 {
		d = -d
	}
	switch {
	case d >= 10:
		return 10
	case d >= 6:
		return 6
	}
	return uint64(d)
}

func val(n int) uint64 {
	if n > 4 {
		return 4
	}
	return uint64(n)
}

func kf(dst []uint64, t uint64, vals ...uint64) []uint64 {
	h := linear.Seed(t)
	for _, v := range vals {
		h = linear.Mix(h, v)
	}
	return append(dst, linear.Key(h))
}

// transFeatures appends the transition-classifier features of the configuration (Zhang and Nivre
// 2011 style: words and tags of the stack and buffer, children, distance, valency, label sets).
// 25 templates of the full Zhang-Nivre set were dropped (mostly partial word/tag pairs already
// covered by fuller ones): on EWT dev they were worth under 0.1 LAS and cost a quarter of the time.
func transFeatures(dst []uint64, st *state, sc *scratch) []uint64 {
	s0i, s1i, s2i := st.s(0), st.s(1), st.s(2)
	b0i, b1i, b2i := st.bw(0), st.bw(1), st.bw(2)
	s0, s1, s2 := sc.at(s0i), sc.at(s1i), sc.at(s2i)
	b0, b1, b2 := sc.at(b0i), sc.at(b1i), sc.at(b2i)
	var s0l1, s0l2, s0r1, s0r2, s1l1, s1r1, b0l1, b0l2 int = none, none, none, none, none, none, none, none
	var s0nl, s0nr, s1nr, b0nl int
	var s0ls, s0rs, s1rs, b0ls uint64
	if s0i != none {
		s0l1, s0l2, s0r1, s0r2 = st.l1[s0i], st.l2[s0i], st.r1[s0i], st.r2[s0i]
		s0nl, s0nr, s0ls, s0rs = st.nl[s0i], st.nr[s0i], st.lset[s0i], st.rset[s0i]
	}
	if s1i != none {
		s1l1, s1r1 = st.l1[s1i], st.r1[s1i]
		s1nr, s1rs = st.nr[s1i], st.rset[s1i]
	}
	if b0i != none {
		b0l1, b0l2 = st.l1[b0i], st.l2[b0i]
		b0nl, b0ls = st.nl[b0i], st.lset[b0i]
	}
	x := sc.at
	d := dst
	// unigrams
	d = kf(d, 0)
	d = kf(d, 1, s0.w)
	d = kf(d, 2, s0.p)
	d = kf(d, 3, s0.w, s0.p)
	d = kf(d, 4, s1.w)
	d = kf(d, 5, s1.p)
	d = kf(d, 6, s1.w, s1.p)
	d = kf(d, 7, b0.w)
	d = kf(d, 8, b0.p)
	d = kf(d, 9, b0.w, b0.p)
	d = kf(d, 10, b1.w)
	d = kf(d, 11, b1.p)
	d = kf(d, 12, b1.w, b1.p)
	d = kf(d, 15, s0.u, s1.u, b0.u)
	// pairs
	d = kf(d, 20, s0.w, s0.p, b0.w, b0.p)
	d = kf(d, 21, s0.w, s0.p, b0.w)
	d = kf(d, 25, s0.w, b0.w)
	d = kf(d, 26, s0.p, b0.p)
	d = kf(d, 27, b0.p, b1.p)
	d = kf(d, 28, s1.w, s1.p, s0.w, s0.p)
	d = kf(d, 29, s1.w, s0.w)
	d = kf(d, 30, s1.p, s0.p)
	d = kf(d, 35, s1.p, b0.p)
	d = kf(d, 36, s1.w, b0.w)
	// triples of tags
	d = kf(d, 40, b0.p, b1.p, b2.p)
	d = kf(d, 41, s0.p, b0.p, b1.p)
	d = kf(d, 42, s1.p, s0.p, b0.p)
	d = kf(d, 43, s0.p, x(s0l1).p, b0.p)
	d = kf(d, 44, s0.p, x(s0r1).p, b0.p)
	d = kf(d, 45, s0.p, b0.p, x(b0l1).p)
	d = kf(d, 46, s1.p, s0.p, x(s0l1).p)
	d = kf(d, 47, s1.p, s0.p, x(s0r1).p)
	d = kf(d, 48, s1.p, x(s1r1).p, s0.p)
	d = kf(d, 49, s2.p, s1.p, s0.p)
	d = kf(d, 50, s1.p, x(s1l1).p, s0.p)
	// distance
	ds0b0 := dist(s0i, b0i)
	ds1s0 := dist(s1i, s0i)
	d = kf(d, 55, s0.w, ds0b0)
	d = kf(d, 56, s0.p, ds0b0)
	d = kf(d, 57, b0.w, ds0b0)
	d = kf(d, 58, b0.p, ds0b0)
	d = kf(d, 59, s0.p, b0.p, ds0b0)
	d = kf(d, 60, s1.p, s0.p, ds1s0)
	// valency
	d = kf(d, 65, s0.w, val(s0nl))
	d = kf(d, 66, s0.p, val(s0nl))
	d = kf(d, 68, s0.p, val(s0nr))
	d = kf(d, 69, s1.p, val(s1nr))
	d = kf(d, 72, b0.p, val(b0nl))
	// children unigrams
	d = kf(d, 75, x(s0l1).w)
	d = kf(d, 76, x(s0l1).p)
	d = kf(d, 77, lab(st, s0l1))
	d = kf(d, 78, x(s0r1).w)
	d = kf(d, 79, x(s0r1).p)
	d = kf(d, 80, lab(st, s0r1))
	d = kf(d, 81, x(b0l1).w)
	d = kf(d, 82, x(b0l1).p)
	d = kf(d, 83, lab(st, b0l1))
	d = kf(d, 87, x(s1r1).w)
	d = kf(d, 88, x(s1r1).p, lab(st, s1r1))
	d = kf(d, 89, x(s1l1).p, lab(st, s1l1))
	// third order
	d = kf(d, 95, s0.p, lab(st, s0l1), lab(st, s0l2))
	d = kf(d, 96, s0.p, lab(st, s0r1), lab(st, s0r2))
	d = kf(d, 97, b0.p, lab(st, b0l1), lab(st, b0l2))
	// label sets
	d = kf(d, 106, s0.p, s0rs)
	d = kf(d, 108, s0.p, s0ls)
	d = kf(d, 110, b0.p, b0ls)
	d = kf(d, 111, s1.p, s1rs)
	// extra context
	d = kf(d, 115, s0.p, s0.suf, b0.p)
	d = kf(d, 116, s1.p, s0.p, b0.p, b1.p)
	d = kf(d, 118, b2u(st.b >= st.n), uint64(len(st.stack)))
	// suffixes and UPOS, which suffer less from tagging errors than XPOS
	d = kf(d, 120, s0.suf, b0.suf)
	d = kf(d, 121, s1.suf, s0.suf)
	d = kf(d, 122, b0.suf, b0.p)
	d = kf(d, 124, s0.u, b0.u)
	d = kf(d, 125, s1.u, s0.u)
	d = kf(d, 126, s0.u, b0.u, b1.u)
	d = kf(d, 127, s1.u, s0.u, b0.u, ds0b0)
	return d
}

// labelFeatures appends the features of the labeller for the arc head → dep, made when dep is
// popped: all of dep's dependents are known by then.
func labelFeatures(dst []uint64, st *state, sc *scratch, dep, head int) []uint64 {
	dw, hw := sc.at(dep), sc.at(head)
	x := sc.at
	dir := uint64(1)
	if dep < head {
		dir = 2
	}
	ds := dist(dep, head) + 20*dir
	dl1, dl2, dr1, dr2 := st.l1[dep], st.l2[dep], st.r1[dep], st.r2[dep]
	hl1, hr1 := st.l1[head], st.r1[head]
	prev, next := none, none
	if dep > 0 {
		prev = dep - 1
	}
	if dep+1 < st.n {
		next = dep + 1
	}
	d := dst
	d = kf(d, 200)
	d = kf(d, 201, dw.w)
	d = kf(d, 202, dw.p)
	d = kf(d, 203, dw.w, dw.p)
	d = kf(d, 204, hw.w)
	d = kf(d, 205, hw.p)
	d = kf(d, 206, hw.w, hw.p)
	d = kf(d, 207, dw.p, hw.p, ds)
	d = kf(d, 208, dw.w, hw.p, dir)
	d = kf(d, 209, dw.p, hw.w, dir)
	d = kf(d, 210, dw.w, hw.w)
	d = kf(d, 211, dw.u, hw.u, dir)
	d = kf(d, 212, dw.p, dir)
	d = kf(d, 213, dw.w, dir)
	d = kf(d, 214, dw.suf, dw.p)
	d = kf(d, 215, x(dl1).w, dw.p)
	d = kf(d, 216, x(dl1).w, dw.p, hw.p)
	d = kf(d, 217, x(dl1).p, lab(st, dl1), dw.p)
	d = kf(d, 218, x(dl2).p, lab(st, dl2), dw.p)
	d = kf(d, 219, x(dr1).w, dw.p)
	d = kf(d, 220, x(dr1).p, lab(st, dr1), dw.p)
	d = kf(d, 221, x(dr2).p, lab(st, dr2), dw.p)
	d = kf(d, 222, st.lset[dep], dw.p)
	d = kf(d, 223, st.rset[dep], dw.p)
	d = kf(d, 224, st.lset[dep], dw.p, hw.p, dir)
	d = kf(d, 225, hw.p, st.lset[head], dir)
	d = kf(d, 226, hw.p, st.rset[head], dir)
	d = kf(d, 227, x(hl1).p, lab(st, hl1), hw.p, dir)
	d = kf(d, 228, x(hr1).p, lab(st, hr1), hw.p, dir)
	d = kf(d, 229, x(prev).p, dw.p, hw.p)
	d = kf(d, 230, x(next).p, dw.p, hw.p)
	d = kf(d, 231, x(prev).w, dw.p)
	d = kf(d, 232, val(st.nl[dep]), val(st.nr[dep]), dw.p)
	d = kf(d, 233, x(dl1).w, hw.w)
	d = kf(d, 234, dw.w, hw.w, hw.p)
	d = kf(d, 235, dw.u, x(dl1).w, hw.u, dir)
	d = kf(d, 236, x(st.bw(0)).p, dw.p, dir)
	d = kf(d, 237, dw.w, x(dl1).w)
	d = kf(d, 238, dw.u, hw.u, ds)
	d = kf(d, 239, x(dl1).w, dw.u, hw.u, dir)
	d = kf(d, 240, dw.suf, hw.p, dir)
	d = kf(d, 241, dw.w, hw.u, ds)
	return d
}

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}
