package parser

// Transitions of the arc-hybrid system (Kuhlmann, Gómez-Rodríguez and Satta 2011): SHIFT pushes the
// first buffer word; LEFT makes the first buffer word the head of the stack top and pops it; RIGHT
// makes the second stack word the head of the stack top and pops it. The root is an artificial word
// at the end of the buffer (index n); it can take a dependent only when the stack holds one word, so
// every tree has exactly one root word.
const (
	shift = iota
	left
	right
	nMoves
)

// none marks a missing word (an empty stack position, a word without children).
const none = -1

// state is a parser configuration over a sentence of n words (0-based) plus the root (index n).
type state struct {
	n      int
	stack  []int
	b      int   // first buffer word; n is the root
	heads  []int // 0-based head, n for the root, none when unattached
	labels []int
	// two leftmost and two rightmost children of each word, and their numbers
	l1, l2, r1, r2 []int
	nl, nr         []int
	lset, rset     []uint64 // bit sets of the labels of left and right children
}

func (st *state) reset(n int) {
	st.n = n
	st.b = 0
	st.stack = st.stack[:0]
	grow := func(a []int) []int {
		if cap(a) < n+1 {
			return make([]int, n+1)
		}
		return a[:n+1]
	}
	st.heads, st.labels = grow(st.heads), grow(st.labels)
	st.l1, st.l2, st.r1, st.r2 = grow(st.l1), grow(st.l2), grow(st.r1), grow(st.r2)
	st.nl, st.nr = grow(st.nl), grow(st.nr)
	if cap(st.lset) < n+1 {
		st.lset, st.rset = make([]uint64, n+1), make([]uint64, n+1)
	}
	st.lset, st.rset = st.lset[:n+1], st.rset[:n+1]
	for i := 0; i <= n; i++ {
		st.heads[i], st.labels[i] = none, none
		st.l1[i], st.l2[i], st.r1[i], st.r2[i] = none, none, none, none
		st.nl[i], st.nr[i] = 0, 0
		st.lset[i], st.rset[i] = 0, 0
	}
}

func (st *state) terminal() bool { return len(st.stack) == 0 && st.b >= st.n }

func (st *state) valid(m int) bool {
	switch m {
	case shift:
		return st.b < st.n
	case left:
		return len(st.stack) > 0 && (st.b < st.n || len(st.stack) == 1)
	case right:
		return len(st.stack) > 1
	}
	return false
}

// forced returns the only valid move, or -1 when there are several: SHIFT on an empty stack; once
// the buffer holds only the root, RIGHT while the stack holds two words or more, then LEFT (to the
// root). Parse takes a forced move without scoring it (the same move the model would be allowed);
// training scores every state, so that the model is the same.
func (st *state) forced() int {
	switch {
	case len(st.stack) == 0:
		return shift
	case st.b < st.n:
		return -1
	case len(st.stack) == 1:
		return left
	}
	return right
}

// s returns the i-th stack word from the top (0 = top), or none.
func (st *state) s(i int) int {
	if i < len(st.stack) {
		return st.stack[len(st.stack)-1-i]
	}
	return none
}

// bw returns the i-th buffer word, or none past the end (the root counts as a buffer word).
func (st *state) bw(i int) int {
	if st.b+i <= st.n {
		return st.b + i
	}
	return none
}

// apply performs move m; for LEFT and RIGHT it returns the new arc (dependent, head).
func (st *state) apply(m int) (dep, head int) {
	switch m {
	case shift:
		st.stack = append(st.stack, st.b)
		st.b++
		return none, none
	case left:
		dep, head = st.s(0), st.b
	default:
		dep, head = st.s(0), st.s(1)
	}
	st.stack = st.stack[:len(st.stack)-1]
	st.heads[dep] = head
	if dep < head {
		// Left children of a head arrive from the nearest to the farthest.
		st.l2[head] = st.l1[head]
		st.l1[head] = dep
		st.nl[head]++
	} else {
		// Right children arrive from the nearest to the farthest too.
		st.r2[head] = st.r1[head]
		st.r1[head] = dep
		st.nr[head]++
	}
	return dep, head
}

// setLabel records the label of the arc just made to dep.
func (st *state) setLabel(dep, label int) {
	st.labels[dep] = label
	h := st.heads[dep]
	bit := uint64(1) << (uint(label) & 63)
	if dep < h {
		st.lset[h] |= bit
	} else {
		st.rset[h] |= bit
	}
}

// costs sets c[m] to the number of gold arcs that move m makes unreachable (Goldberg and Nivre
// 2013, arc-hybrid), or -1 when m is not valid. gold holds 0-based gold heads (n for the root).
func (st *state) costs(gold []int, c *[nMoves]int) {
	for m := 0; m < nMoves; m++ {
		c[m] = -1
		if !st.valid(m) {
			continue
		}
		c[m] = 0
	}
	s0 := st.s(0)
	if c[shift] >= 0 {
		b := st.b
		for i, k := range st.stack {
			if gold[k] == b {
				c[shift]++
			}
			if i < len(st.stack)-1 && gold[b] == k {
				c[shift]++
			}
		}
	}
	if s0 == none {
		return
	}
	// Dependents of s0 still in the buffer are lost by LEFT and RIGHT alike.
	lost := 0
	for k := st.b; k < st.n; k++ {
		if gold[k] == s0 {
			lost++
		}
	}
	if c[left] >= 0 {
		c[left] += lost
		if g := gold[s0]; g != st.b && (g == st.s(1) || g > st.b) {
			c[left]++
		}
	}
	if c[right] >= 0 {
		c[right] += lost
		if gold[s0] >= st.b {
			c[right]++
		}
	}
}
