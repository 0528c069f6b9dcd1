package coder

import (
	"slices"
	"sort"
	"strings"

	"github.com/dyad-events/dyad/dict"
)

// sides returns the nominals a pattern's pre part (subject side) and post part (object side) are
// matched against (§5.4 on dependency trees): for an active verb the subject (with conjuncts) and
// the objects and obliques with their nested nmod phrases; for a passive verb the agent phrase and
// the subject with the obliques.
func (c *Coder) sides(t *tree, f *frame) (pre, post []int) {
	if !f.sidesDone {
		f.pre, f.post = c.sidesUncached(t, f)
		f.sidesDone = true
	}
	return f.pre, f.post
}

func (c *Coder) sidesUncached(t *tree, f *frame) (pre, post []int) {
	// Objects of an xcomp/ccomp without its own verb entry belong to this verb's object side too
	// ("agreed to hold talks"): the verb's objects, the complements' objects, the verb's obliques,
	// the complements' obliques.
	objs, obls := t.objects(f.v)
	side := t.side[:0]
	if f.passive {
		side = t.expandSide(side, f.agent, 0)
		pre = t.keep(side)
		side = t.expandSide(side[:0], f.subj, 0)
	} else {
		if f.subj >= 0 {
			side = t.expandSide(side, f.subj, 0)
			pre = t.keep(side)
			side = side[:0]
		}
		for _, k := range objs {
			side = t.expandSide(side, k, 0)
		}
		for _, k := range t.kids[f.v] {
			if t.isXcomp(k) && !t.isNominal(k) && c.frameAt(t, k) == nil {
				o, _ := t.objects(k)
				for _, x := range o {
					side = t.expandSide(side, x, 0)
				}
			}
		}
	}
	for _, k := range obls {
		side = t.expandSide(side, k, 0)
	}
	for _, k := range t.kids[f.v] {
		if t.isXcomp(k) && !t.isNominal(k) && c.frameAt(t, k) == nil {
			_, ob := t.objects(k)
			for _, x := range ob {
				side = t.expandSide(side, x, 0)
			}
		}
	}
	post = t.keep(side)
	t.side = side[:0]
	return pre, post
}

// expandSide appends to out nominal k (when not there yet) with its conjuncts, nmod phrases and
// appositions, and the objects of its reduced clauses ("a call for talks"), to depth 3.
func (t *tree) expandSide(out []int, k, d int) []int {
	if k < 0 || d > 3 || slices.Contains(out, k) {
		return out
	}
	out = append(out, k)
	for _, m := range t.kids[k] {
		switch t.base(m) {
		case "conj", "nmod", "appos":
			if t.isNominal(m) {
				out = t.expandSide(out, m, d+1)
			}
		case "acl":
			// "a call for talks": nominals of a reduced clause stay on the object side
			o, ob := t.objects(m)
			for _, x := range o {
				out = t.expandSide(out, x, d+1)
			}
			for _, x := range ob {
				out = t.expandSide(out, x, d+1)
			}
		}
	}
	return out
}

// altMatches reports whether nominal k matches a noun alternative: its head word (form or lemma)
// is the alternative's head, the alternative's last other word stands right before the head
// (or is coordinated with the word there: "{DEATH TOLL}" matches "death and injury toll"), and its
// remaining words are among the words of the phrase ("{NEW &TIETYPES RELATIONS}" matches "new
// global economic relations", not "new global economic trade relations").
func altMatches(t *tree, k int, a dict.Alt) bool {
	if t.words[k] != a.Head && t.lemmas[k] != a.Head {
		return false
	}
	n := len(a.Words)
	if n == 0 {
		return true
	}
	// The last word must stand right before the head, directly or through a coordination
	// ("death and injury toll" for {DEATH TOLL}); the others anywhere before it in the phrase.
	last := a.Words[n-1]
	pos := -1
	if k > 0 {
		j := k - 1
		if t.words[j] == last {
			pos = j
		} else if h := t.head[j]; h >= 0 && h < k && t.base(j) == "conj" && t.words[h] == last {
			pos = h
		}
	}
	if pos < 0 {
		return false
	}
	// The other words among the words of the phrase (its subtree without clauses).
	top := len(t.stack)
	t.stack = t.subtree(k, skipNP, t.stack)
	phrase := t.stack[top:]
	defer func() { t.stack = t.stack[:top] }()
	for _, w := range a.Words[:n-1] {
		if !slices.ContainsFunc(phrase, func(j int) bool { return t.words[j] == w }) {
			return false
		}
	}
	return true
}

// itemMatchesNP returns the number of words of the longest alternative of it that nominal k
// matches, or -1.
func (c *Coder) itemMatchesNP(t *tree, k int, it dict.Item) int {
	if !c.headTok(t, k) {
		return -1
	}
	best := -1
	if len(it.Alts) > 4 {
		// Large synsets: only the alternatives headed by the token's form or lemma can match.
		if byHead := c.altHeads[&it.Alts[0]]; byHead != nil {
			w, l := t.words[k], t.lemmas[k]
			for _, ai := range byHead[w] {
				if a := it.Alts[ai]; len(a.Words) > best && altMatches(t, k, a) {
					best = len(a.Words)
				}
			}
			if l != w {
				for _, ai := range byHead[l] {
					if a := it.Alts[ai]; len(a.Words) > best && altMatches(t, k, a) {
						best = len(a.Words)
					}
				}
			}
			return best
		}
	}
	for _, a := range it.Alts {
		if len(a.Words) > best && altMatches(t, k, a) {
			best = len(a.Words)
		}
	}
	return best
}

// maxItemsScore returns the highest score matchItems can give items: 10 per item plus its longest
// alternative, or for a PP item with objects 10 plus the objects' highest scores.
func maxItemsScore(items []dict.Item) int {
	s := 0
	for _, it := range items {
		s += 10
		if it.Kind == dict.ItemPP {
			for _, o := range it.Objects {
				s += 10 + maxAltWords(o)
			}
		} else {
			s += maxAltWords(it)
		}
	}
	return s
}

func maxAltWords(it dict.Item) int {
	n := 0
	for _, a := range it.Alts {
		n = max(n, len(a.Words))
	}
	return n
}

func itemScore(it dict.Item) int {
	s := 10
	if len(it.Alts) > 0 {
		s += len(it.Alts[0].Words)
	}
	for _, o := range it.Objects {
		s += itemScore(o)
	}
	return s
}

// matchItems reports whether every item matches some nominal of cands (a PP item needs a nominal
// whose preposition is the item's and whose phrase matches the item's objects) and scores the
// match: 10 per item plus the words of the matched alternatives, so longer phrases win (§5.4).
func (c *Coder) matchItems(t *tree, items []dict.Item, cands []int) (int, bool) {
	score := 0
	for _, it := range items {
		best := -1
		for _, k := range cands {
			if it.Kind == dict.ItemPP {
				if !prepMatches(t, k, it.Prep) {
					continue
				}
				if len(it.Objects) == 0 {
					best = max(best, 0)
				} else if n := c.ppObjectsMatch(t, k, it.Objects); n >= 0 {
					best = max(best, n)
				}
			} else if n := c.itemMatchesNP(t, k, it); n >= 0 {
				best = max(best, n)
			}
		}
		if best < 0 {
			return 0, false
		}
		score += 10 + best
	}
	return score, true
}

func prepMatches(t *tree, k int, prep string) bool {
	p := t.prep(k)
	if p == "" {
		// A particle of the verb before its object stands for the preposition ("break in an
		// anti-Gondor parade", with "in" parsed as compound:prt).
		if h := t.head[k]; h >= 0 && t.base(k) == "obj" {
			for _, m := range t.kids[h] {
				if m < k && t.has(m, "compound:prt") && prepEqual(t.words[m], prep) {
					return true
				}
			}
		}
		return false
	}
	return prepEqual(p, prep)
}

// prepEqual reports whether the preposition p equals the pattern preposition prep, whose '_'
// separate words (p has spaces there).
func prepEqual(p, prep string) bool {
	if len(p) != len(prep) {
		return false
	}
	for i := 0; i < len(p); i++ {
		want := prep[i]
		if want == '_' {
			want = ' '
		}
		if p[i] != want {
			return false
		}
	}
	return true
}

// headTok reports whether token k's form or lemma is the head word of some pattern alternative
// (Coder.heads), cached per sentence.
func (c *Coder) headTok(t *tree, k int) bool {
	if t.heads == nil {
		t.heads = resize(t.headBuf, t.n)
		t.headBuf = t.heads
		clear(t.heads)
	}
	switch t.heads[k] {
	case headNo:
		return false
	case headYes:
		return true
	}
	if c.heads[t.words[k]] || c.heads[t.lemmas[k]] {
		t.heads[k] = headYes
		return true
	}
	t.heads[k] = headNo
	return false
}

func (c *Coder) ppObjectsMatch(t *tree, k int, objs []dict.Item) int {
	sub := t.ppSubtree(k)
	total := 0
	for _, o := range objs {
		best := -1
		for _, j := range sub {
			best = max(best, c.itemMatchesNP(t, j, o))
		}
		if best < 0 {
			return -1
		}
		total += 10 + best
	}
	return total
}

// blockIndex is a verb block's patterns sorted by specificity (most specific first, file order
// among equals), each with the head words its noun items need.
type blockIndex struct {
	pats  []*dict.Pattern
	heads [][]map[string]bool // per pattern, per pre+post noun item: the accepted head words
	// byHead maps a head word to the patterns whose first noun item accepts it; always lists the
	// patterns without noun items. Both hold indexes into pats, ascending.
	byHead map[string][]int
	byPrep map[string][]int // patterns without noun items, by their first preposition
	always []int
	order  []int // file position of each pattern of pats
	// maxScore is the highest score matchItems can give each pattern of pats.
	maxScore []int
}

func (c *Coder) indexBlock(b *dict.Block) *blockIndex {
	bi := &blockIndex{}
	type sp struct {
		p     *dict.Pattern
		score int
		order int
	}
	var list []sp
	for _, p := range b.Patterns {
		score := 0
		for _, it := range p.Pre {
			score += itemScore(it)
		}
		for _, it := range p.Post {
			score += itemScore(it)
		}
		list = append(list, sp{p, score, len(list)})
	}
	sort.SliceStable(list, func(i, j int) bool { return list[i].score > list[j].score })
	for _, x := range list {
		bi.pats = append(bi.pats, x.p)
		bi.order = append(bi.order, x.order)
		bi.maxScore = append(bi.maxScore, maxItemsScore(x.p.Pre)+maxItemsScore(x.p.Post))
		var hs []map[string]bool
		for _, it := range append(append([]dict.Item(nil), x.p.Pre...), x.p.Post...) {
			c.registerAltHeads(it)
			if it.Kind == dict.ItemPP {
				continue
			}
			m := map[string]bool{}
			for _, a := range it.Alts {
				m[a.Head] = true
			}
			hs = append(hs, m)
		}
		bi.heads = append(bi.heads, hs)
	}
	bi.byHead = map[string][]int{}
	bi.byPrep = map[string][]int{}
	for i, hs := range bi.heads {
		if len(hs) == 0 {
			if prep := firstPrep(bi.pats[i]); prep != "" {
				bi.byPrep[prep] = append(bi.byPrep[prep], i)
				continue
			}
			bi.always = append(bi.always, i)
			continue
		}
		for h := range hs[0] {
			bi.byHead[h] = append(bi.byHead[h], i)
		}
	}
	return bi
}

// bestPattern returns the most specific pattern of the verb's block that matches the frame (§5.4:
// a longer, more specific pattern wins; among equals the first in the file).
func (c *Coder) bestPattern(t *tree, f *frame) *dict.Pattern {
	if f.verb.Block == nil {
		return nil
	}
	bi := c.blocks[f.verb.Block]
	if bi == nil {
		return nil
	}
	pre, post := c.sides(t, f)
	var buf [32]int
	cand := append(buf[:0], bi.always...)
	add := func(w string) {
		for _, i := range bi.byHead[w] {
			if !slices.Contains(cand, i) {
				cand = append(cand, i)
			}
		}
	}
	addPrep := func(k int) {
		if p := t.prep(k); p != "" {
			for _, i := range bi.byPrep[p] {
				if !slices.Contains(cand, i) {
					cand = append(cand, i)
				}
			}
		}
		// A verb particle before the object stands for a preposition (prepMatches).
		if h := t.head[k]; h >= 0 && t.base(k) == "obj" {
			for _, m := range t.kids[h] {
				if t.rel(m) == "compound:prt" && m < k {
					for _, i := range bi.byPrep[t.words[m]] {
						if !slices.Contains(cand, i) {
							cand = append(cand, i)
						}
					}
				}
			}
		}
	}
	for _, side := range [2][]int{pre, post} {
		for _, k := range side {
			if c.headTok(t, k) {
				add(t.words[k])
				add(t.lemmas[k])
			}
			addPrep(k)
		}
	}
	slices.Sort(cand)
	var best *dict.Pattern
	bestScore, bestIdx := -1, -1
	for _, pi := range cand {
		// A pattern whose best possible score cannot beat the best so far is not tried.
		if ub := bi.maxScore[pi]; ub < bestScore || (ub == bestScore && bi.order[pi] > bi.order[bestIdx]) {
			continue
		}
		p := bi.pats[pi]
		// Quick rejection: every noun item's head must be a word of the sentence.
		ok := true
		for _, hs := range bi.heads[pi] {
			found := false
			for _, k := range pre {
				if c.headTok(t, k) && (hs[t.words[k]] || hs[t.lemmas[k]]) {
					found = true
					break
				}
			}
			for _, k := range post {
				if found {
					break
				}
				if c.headTok(t, k) && (hs[t.words[k]] || hs[t.lemmas[k]]) {
					found = true
				}
			}
			if !found {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		s1, ok1 := c.matchItems(t, p.Pre, pre)
		if !ok1 {
			continue
		}
		s2, ok2 := c.matchItems(t, p.Post, post)
		if !ok2 {
			continue
		}
		if sc := s1 + s2; sc > bestScore || (sc == bestScore && bi.order[pi] < bi.order[bestIdx]) {
			best, bestScore, bestIdx = p, sc, pi
		}
	}
	return best
}

// registerAltHeads indexes the heads of a large item's alternatives (synset members), keyed by
// its first alternative, a stable pointer into the dictionary.
func (c *Coder) registerAltHeads(it dict.Item) {
	for _, a := range it.Alts {
		c.heads[a.Head] = true
	}
	if len(it.Alts) > 4 {
		if _, ok := c.altHeads[&it.Alts[0]]; !ok {
			m := make(map[string][]int32, len(it.Alts))
			for i, a := range it.Alts {
				m[a.Head] = append(m[a.Head], int32(i))
			}
			c.altHeads[&it.Alts[0]] = m
		}
	}
	for _, o := range it.Objects {
		c.registerAltHeads(o)
	}
}

// firstPrep returns the preposition (spaces for '_') of the first PP item of a pattern, or "".
func firstPrep(p *dict.Pattern) string {
	for _, it := range append(append([]dict.Item(nil), p.Pre...), p.Post...) {
		if it.Kind == dict.ItemPP {
			return strings.ReplaceAll(it.Prep, "_", " ")
		}
	}
	return ""
}
