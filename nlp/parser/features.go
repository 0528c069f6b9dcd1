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

// Feature keys are written out as linear.Key(linear.Mix(...linear.Seed(template)..., value)) rather
// than through a helper taking the values as a slice: inlined, with the template's seed folded to a
// constant, they take about a third less time to build.

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
	d = append(d, linear.Key(linear.Seed(0)))
	d = append(d, linear.Key(linear.Mix(linear.Seed(1), s0.w)))
	d = append(d, linear.Key(linear.Mix(linear.Seed(2), s0.p)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Seed(3), s0.w), s0.p)))
	d = append(d, linear.Key(linear.Mix(linear.Seed(4), s1.w)))
	d = append(d, linear.Key(linear.Mix(linear.Seed(5), s1.p)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Seed(6), s1.w), s1.p)))
	d = append(d, linear.Key(linear.Mix(linear.Seed(7), b0.w)))
	d = append(d, linear.Key(linear.Mix(linear.Seed(8), b0.p)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Seed(9), b0.w), b0.p)))
	d = append(d, linear.Key(linear.Mix(linear.Seed(10), b1.w)))
	d = append(d, linear.Key(linear.Mix(linear.Seed(11), b1.p)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Seed(12), b1.w), b1.p)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Mix(linear.Seed(15), s0.u), s1.u), b0.u)))
	// pairs
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Mix(linear.Mix(linear.Seed(20), s0.w), s0.p), b0.w), b0.p)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Mix(linear.Seed(21), s0.w), s0.p), b0.w)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Seed(25), s0.w), b0.w)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Seed(26), s0.p), b0.p)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Seed(27), b0.p), b1.p)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Mix(linear.Mix(linear.Seed(28), s1.w), s1.p), s0.w), s0.p)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Seed(29), s1.w), s0.w)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Seed(30), s1.p), s0.p)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Seed(35), s1.p), b0.p)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Seed(36), s1.w), b0.w)))
	// triples of tags
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Mix(linear.Seed(40), b0.p), b1.p), b2.p)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Mix(linear.Seed(41), s0.p), b0.p), b1.p)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Mix(linear.Seed(42), s1.p), s0.p), b0.p)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Mix(linear.Seed(43), s0.p), x(s0l1).p), b0.p)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Mix(linear.Seed(44), s0.p), x(s0r1).p), b0.p)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Mix(linear.Seed(45), s0.p), b0.p), x(b0l1).p)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Mix(linear.Seed(46), s1.p), s0.p), x(s0l1).p)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Mix(linear.Seed(47), s1.p), s0.p), x(s0r1).p)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Mix(linear.Seed(48), s1.p), x(s1r1).p), s0.p)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Mix(linear.Seed(49), s2.p), s1.p), s0.p)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Mix(linear.Seed(50), s1.p), x(s1l1).p), s0.p)))
	// distance
	ds0b0 := dist(s0i, b0i)
	ds1s0 := dist(s1i, s0i)
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Seed(55), s0.w), ds0b0)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Seed(56), s0.p), ds0b0)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Seed(57), b0.w), ds0b0)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Seed(58), b0.p), ds0b0)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Mix(linear.Seed(59), s0.p), b0.p), ds0b0)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Mix(linear.Seed(60), s1.p), s0.p), ds1s0)))
	// valency
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Seed(65), s0.w), val(s0nl))))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Seed(66), s0.p), val(s0nl))))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Seed(68), s0.p), val(s0nr))))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Seed(69), s1.p), val(s1nr))))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Seed(72), b0.p), val(b0nl))))
	// children unigrams
	d = append(d, linear.Key(linear.Mix(linear.Seed(75), x(s0l1).w)))
	d = append(d, linear.Key(linear.Mix(linear.Seed(76), x(s0l1).p)))
	d = append(d, linear.Key(linear.Mix(linear.Seed(77), lab(st, s0l1))))
	d = append(d, linear.Key(linear.Mix(linear.Seed(78), x(s0r1).w)))
	d = append(d, linear.Key(linear.Mix(linear.Seed(79), x(s0r1).p)))
	d = append(d, linear.Key(linear.Mix(linear.Seed(80), lab(st, s0r1))))
	d = append(d, linear.Key(linear.Mix(linear.Seed(81), x(b0l1).w)))
	d = append(d, linear.Key(linear.Mix(linear.Seed(82), x(b0l1).p)))
	d = append(d, linear.Key(linear.Mix(linear.Seed(83), lab(st, b0l1))))
	d = append(d, linear.Key(linear.Mix(linear.Seed(87), x(s1r1).w)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Seed(88), x(s1r1).p), lab(st, s1r1))))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Seed(89), x(s1l1).p), lab(st, s1l1))))
	// third order
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Mix(linear.Seed(95), s0.p), lab(st, s0l1)), lab(st, s0l2))))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Mix(linear.Seed(96), s0.p), lab(st, s0r1)), lab(st, s0r2))))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Mix(linear.Seed(97), b0.p), lab(st, b0l1)), lab(st, b0l2))))
	// label sets
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Seed(106), s0.p), s0rs)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Seed(108), s0.p), s0ls)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Seed(110), b0.p), b0ls)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Seed(111), s1.p), s1rs)))
	// extra context
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Mix(linear.Seed(115), s0.p), s0.suf), b0.p)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Mix(linear.Mix(linear.Seed(116), s1.p), s0.p), b0.p), b1.p)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Seed(118), b2u(st.b >= st.n)), uint64(len(st.stack)))))
	// suffixes and UPOS, which suffer less from tagging errors than XPOS
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Seed(120), s0.suf), b0.suf)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Seed(121), s1.suf), s0.suf)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Seed(122), b0.suf), b0.p)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Seed(124), s0.u), b0.u)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Seed(125), s1.u), s0.u)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Mix(linear.Seed(126), s0.u), b0.u), b1.u)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Mix(linear.Mix(linear.Seed(127), s1.u), s0.u), b0.u), ds0b0)))
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
	d = append(d, linear.Key(linear.Seed(200)))
	d = append(d, linear.Key(linear.Mix(linear.Seed(201), dw.w)))
	d = append(d, linear.Key(linear.Mix(linear.Seed(202), dw.p)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Seed(203), dw.w), dw.p)))
	d = append(d, linear.Key(linear.Mix(linear.Seed(204), hw.w)))
	d = append(d, linear.Key(linear.Mix(linear.Seed(205), hw.p)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Seed(206), hw.w), hw.p)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Mix(linear.Seed(207), dw.p), hw.p), ds)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Mix(linear.Seed(208), dw.w), hw.p), dir)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Mix(linear.Seed(209), dw.p), hw.w), dir)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Seed(210), dw.w), hw.w)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Mix(linear.Seed(211), dw.u), hw.u), dir)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Seed(212), dw.p), dir)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Seed(213), dw.w), dir)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Seed(214), dw.suf), dw.p)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Seed(215), x(dl1).w), dw.p)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Mix(linear.Seed(216), x(dl1).w), dw.p), hw.p)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Mix(linear.Seed(217), x(dl1).p), lab(st, dl1)), dw.p)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Mix(linear.Seed(218), x(dl2).p), lab(st, dl2)), dw.p)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Seed(219), x(dr1).w), dw.p)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Mix(linear.Seed(220), x(dr1).p), lab(st, dr1)), dw.p)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Mix(linear.Seed(221), x(dr2).p), lab(st, dr2)), dw.p)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Seed(222), st.lset[dep]), dw.p)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Seed(223), st.rset[dep]), dw.p)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Mix(linear.Mix(linear.Seed(224), st.lset[dep]), dw.p), hw.p), dir)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Mix(linear.Seed(225), hw.p), st.lset[head]), dir)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Mix(linear.Seed(226), hw.p), st.rset[head]), dir)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Mix(linear.Mix(linear.Seed(227), x(hl1).p), lab(st, hl1)), hw.p), dir)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Mix(linear.Mix(linear.Seed(228), x(hr1).p), lab(st, hr1)), hw.p), dir)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Mix(linear.Seed(229), x(prev).p), dw.p), hw.p)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Mix(linear.Seed(230), x(next).p), dw.p), hw.p)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Seed(231), x(prev).w), dw.p)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Mix(linear.Seed(232), val(st.nl[dep])), val(st.nr[dep])), dw.p)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Seed(233), x(dl1).w), hw.w)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Mix(linear.Seed(234), dw.w), hw.w), hw.p)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Mix(linear.Mix(linear.Seed(235), dw.u), x(dl1).w), hw.u), dir)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Mix(linear.Seed(236), x(st.bw(0)).p), dw.p), dir)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Seed(237), dw.w), x(dl1).w)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Mix(linear.Seed(238), dw.u), hw.u), ds)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Mix(linear.Mix(linear.Seed(239), x(dl1).w), dw.u), hw.u), dir)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Mix(linear.Seed(240), dw.suf), hw.p), dir)))
	d = append(d, linear.Key(linear.Mix(linear.Mix(linear.Mix(linear.Seed(241), dw.w), hw.u), ds)))
	return d
}

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}
