package dict

// Trie maps phrases (sequences of upper-case words) to int32 values. Each distinct word gets a
// small integer id; the root's children are a slice indexed by word id and the other edges live
// in one hash map keyed by (node, word id), so a lookup step is a string-keyed map access plus a
// slice index or an integer-keyed map access, and allocates nothing. A word that appears in no
// phrase ends a walk after one map access. Node 0 is the root. The zero Trie is empty and ready
// to use.
type Trie struct {
	ids   map[string]int32 // word → word id
	root  []int32          // per word id: the root's child for that word, 0 when none
	edges map[uint64]int32 // edgeKey(node, word id) → child, for nodes other than the root
	vals  []int32          // per node: value, or -1 when no phrase ends there
}

func edgeKey(node, id int32) uint64 { return uint64(node)<<32 | uint64(uint32(id)) }

// Reserve prepares an empty trie for about n edges (words of all phrases), saving rehashing.
func (t *Trie) Reserve(n int) {
	if t.vals == nil && n > 0 {
		t.ids = make(map[string]int32, n/2)
		t.edges = make(map[uint64]int32, n/2)
		t.vals = make([]int32, 1, n+1)
		t.vals[0] = -1
	}
}

// Len returns the number of nodes, including the root.
func (t *Trie) Len() int { return len(t.vals) }

// step returns the child of node for word, or ok false.
func (t *Trie) step(node int32, w string) (int32, bool) {
	id, ok := t.ids[w]
	if !ok {
		return 0, false
	}
	if node == 0 {
		c := t.root[id]
		return c, c != 0
	}
	c, ok := t.edges[edgeKey(node, id)]
	return c, ok
}

// Insert stores v for phrase (one word a slice element) and returns the previous value, if any.
// An empty phrase is not stored (ok false, old -1).
func (t *Trie) Insert(phrase []string, v int32) (old int32, existed bool) {
	if len(phrase) == 0 {
		return -1, false
	}
	if t.vals == nil {
		t.vals = []int32{-1}
	}
	if t.ids == nil {
		t.ids = make(map[string]int32)
		t.edges = make(map[uint64]int32)
	}
	n := int32(0)
	for _, w := range phrase {
		id, ok := t.ids[w]
		if !ok {
			id = int32(len(t.root))
			t.ids[w] = id
			t.root = append(t.root, 0)
		}
		c, ok := t.step(n, w)
		if !ok {
			c = int32(len(t.vals))
			t.vals = append(t.vals, -1)
			if n == 0 {
				t.root[id] = c
			} else {
				t.edges[edgeKey(n, id)] = c
			}
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
		c, ok := t.step(n, w)
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
		c, ok := t.step(node, w)
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
		c, ok := t.step(node, w)
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
