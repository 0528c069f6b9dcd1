package dict

// Trie maps phrases (sequences of upper-case words) to int32 values. All edges live in one hash
// map keyed by (node, word), so a lookup step is one map access and allocates nothing. Node 0 is
// the root. The zero Trie is empty and ready to use.
type Trie struct {
	edges map[edge]int32
	vals  []int32 // per node: value, or -1 when no phrase ends there
}

type edge struct {
	node int32
	word string
}

// Reserve prepares an empty trie for about n edges (words of all phrases), saving rehashing.
func (t *Trie) Reserve(n int) {
	if t.edges == nil && n > 0 {
		t.edges = make(map[edge]int32, n)
		t.vals = make([]int32, 1, n+1)
		t.vals[0] = -1
	}
}

// Len returns the number of nodes, including the root.
func (t *Trie) Len() int { return len(t.vals) }

// Insert stores v for phrase (one word a slice element) and returns the previous value, if any.
// An empty phrase is not stored (ok false, old -1).
func (t *Trie) Insert(phrase []string, v int32) (old int32, existed bool) {
	if len(phrase) == 0 {
		return -1, false
	}
	if t.edges == nil {
		t.edges = make(map[edge]int32)
		t.vals = []int32{-1}
	}
	n := int32(0)
	for _, w := range phrase {
		c, ok := t.edges[edge{n, w}]
		if !ok {
			c = int32(len(t.vals))
			t.vals = append(t.vals, -1)
			t.edges[edge{n, w}] = c
		}
		n = c
	}
	old = t.vals[n]
	t.vals[n] = v
	return old, old >= 0
}

// Get returns the value stored for exactly phrase.
func (t *Trie) Get(phrase []string) (int32, bool) {
	if len(t.vals) == 0 || len(phrase) == 0 {
		return -1, false
	}
	n := int32(0)
	for _, w := range phrase {
		c, ok := t.edges[edge{n, w}]
		if !ok {
			return -1, false
		}
		n = c
	}
	return t.vals[n], t.vals[n] >= 0
}

// Longest returns the longest phrase that is a prefix of tokens: its length in tokens and value.
// n is 0 (and v -1) when no phrase starts tokens.
func (t *Trie) Longest(tokens []string) (n int, v int32) {
	v = -1
	if len(t.vals) == 0 {
		return 0, -1
	}
	node := int32(0)
	for i, w := range tokens {
		c, ok := t.edges[edge{node, w}]
		if !ok {
			break
		}
		node = c
		if t.vals[c] >= 0 {
			n, v = i+1, t.vals[c]
		}
	}
	return n, v
}

// Shortest returns the shortest phrase that is a prefix of tokens (length and value), or 0, -1.
func (t *Trie) Shortest(tokens []string) (n int, v int32) {
	if len(t.vals) == 0 {
		return 0, -1
	}
	node := int32(0)
	for i, w := range tokens {
		c, ok := t.edges[edge{node, w}]
		if !ok {
			break
		}
		node = c
		if t.vals[c] >= 0 {
			return i + 1, t.vals[c]
		}
	}
	return 0, -1
}
