package dict

// Trie maps phrases (sequences of upper-case words) to int32 values. Words are numbered by a
// Vocab, which several tries may share (Set.SharedVocab): the root's children are a slice indexed
// by word id and the other edges live in one hash map keyed by (node, word id). A lookup step by
// word is a string-keyed map access plus a slice index or an integer-keyed map access; a step by
// word id skips the string access. Nothing allocates. Node 0 is the root. The zero Trie is empty
// and ready to use.
type Trie struct {
	vocab *Vocab           // numbers the words; created by the first Insert unless shared
	root  []int32          // per word id: the root's child for that word, 0 when none
	edges map[uint64]int32 // edgeKey(node, word id) → child, for nodes other than the root
	vals  []int32          // per node: value, or -1 when no phrase ends there
}

// Vocab numbers words: ids are dense from 0 in order of first insertion. A Vocab is read-only
// once its tries are built.
type Vocab struct {
	ids map[string]int32
}

// ID returns the id of word w, or -1 when no phrase of the tries using v contains w.
func (v *Vocab) ID(w string) int32 {
	if v == nil {
		return -1
	}
	if id, ok := v.ids[w]; ok {
		return id
	}
	return -1
}

// AppendIDs appends the id of each word (-1 for an unknown word) to dst.
func (v *Vocab) AppendIDs(dst []int32, words []string) []int32 {
	for _, w := range words {
		dst = append(dst, v.ID(w))
	}
	return dst
}

// Len returns the number of words.
func (v *Vocab) Len() int {
	if v == nil {
		return 0
	}
	return len(v.ids)
}

func (v *Vocab) add(w string) int32 {
	id, ok := v.ids[w]
	if !ok {
		id = int32(len(v.ids))
		v.ids[w] = id
	}
	return id
}

func newVocab(n int) *Vocab { return &Vocab{ids: make(map[string]int32, n)} }

func edgeKey(node, id int32) uint64 { return uint64(node)<<32 | uint64(uint32(id)) }

// Reserve prepares an empty trie for about n edges (words of all phrases), saving rehashing.
func (t *Trie) Reserve(n int) {
	if t.vals == nil && n > 0 {
		t.vocab = newVocab(n / 2)
		t.edges = make(map[uint64]int32, n/2)
		t.vals = make([]int32, 1, n+1)
		t.vals[0] = -1
	}
}

// Len returns the number of nodes, including the root.
func (t *Trie) Len() int { return len(t.vals) }

// step returns the child of node for word w, or ok false.
func (t *Trie) step(node int32, w string) (int32, bool) {
	return t.stepID(node, t.vocab.ID(w))
}

// stepID returns the child of node for the word with id id (-1: unknown), or ok false.
func (t *Trie) stepID(node, id int32) (int32, bool) {
	if id < 0 {
		return 0, false
	}
	if node == 0 {
		if int(id) >= len(t.root) {
			return 0, false
		}
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
	if t.vocab == nil {
		t.vocab = newVocab(0)
	}
	if t.edges == nil {
		t.edges = make(map[uint64]int32)
	}
	n := int32(0)
	for _, w := range phrase {
		id := t.vocab.add(w)
		c, ok := t.stepID(n, id)
		if !ok {
			c = int32(len(t.vals))
			t.vals = append(t.vals, -1)
			if n == 0 {
				for int(id) >= len(t.root) {
					t.root = append(t.root, 0)
				}
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

// share renumbers the trie's words with v, adding its words to v.
func (t *Trie) share(v *Vocab) {
	if t.vocab == v {
		return
	}
	if t.vocab == nil {
		t.vocab = v
		return
	}
	newID := make([]int32, t.vocab.Len())
	for w, id := range t.vocab.ids {
		newID[id] = v.add(w)
	}
	root := make([]int32, v.Len())
	for id, c := range t.root {
		if c != 0 {
			root[newID[id]] = c
		}
	}
	edges := make(map[uint64]int32, len(t.edges))
	for k, c := range t.edges {
		edges[edgeKey(int32(k>>32), newID[uint32(k)])] = c
	}
	t.vocab, t.root, t.edges = v, root, edges
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

// LongestIDs is Longest on word ids of the trie's vocabulary (-1 for unknown words).
func (t *Trie) LongestIDs(ids []int32) (n int, v int32) {
	v = -1
	if len(t.vals) == 0 {
		return 0, -1
	}
	node := int32(0)
	for i, id := range ids {
		c, ok := t.stepID(node, id)
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
