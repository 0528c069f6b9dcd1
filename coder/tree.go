package coder

import (
	"fmt"
	"strings"

	"github.com/dyad-events/dyad/dict"
	"github.com/dyad-events/dyad/story"
)

// tree is a sentence prepared for coding: 0-based heads and children lists, plus per-sentence
// caches and scratch space. A tree belongs to one CodeStory call (one goroutine).
type tree struct {
	s      *story.Sentence
	n      int
	words  []string // upper-cased forms
	lemmas []string // upper-cased lemmas (the form when the lemma is empty)
	head   []int    // 0-based head, -1 for the root
	kids   [][]int
	bases  []string  // deprel without subtype
	rels   []string  // deprel (the token's, or the repaired one: repairReported)
	uposes []string  // UPOS (the token's, or the repaired one)
	skip   []uint8   // per token: the skip sets (skipNP, ...) its relation is in
	memo   []tokMemo // per token caches, allocated on first use
	preps  []string  // prep results by token, filled on first use (prepsDone)
	// prepsDone reports that preps is filled.
	prepsDone bool
	// count and flat back head counts and the children lists.
	count, flat []int
	// stack and strs are scratch space used like a call stack: a caller appends its region,
	// reads it (callees append and truncate above it) and truncates back on return.
	stack []int
	strs  []string
	// arena holds int slices that live while the sentence is coded (keep); side is scratch
	// for pattern sides.
	arena, side []int
	actors      []actor // like arena, for actor lists (keepActors)
	upper       []byte  // scratch for the upper-cased words
	// ids are the words' ids in the coder's vocabulary (backed by idBuf); nil without one.
	// idStack is scratch used like stack.
	ids, idBuf, idStack []int32
	ends                []int // scratch: where each upper-cased form and lemma ends in upper
	// heads caches Coder.headTok per token (headUnknown, headNo, headYes); nil until first
	// use, then backed by headBuf.
	heads, headBuf []uint8
	// credit marks the tokens that credit the story to a news outlet (markCredits); nil when
	// none.
	credit []bool
	// ownClause is 1 + the token of a reduced relative clause (acl) whose objects codeNP does
	// not take as its head noun's actors while roles codes that clause's own subject; 0 for
	// none.
	ownClause int
}

// Values of tree.heads.
const (
	headUnknown uint8 = iota
	headNo
	headYes
)

// tokMemo caches results for one token of a tree.
type tokMemo struct {
	np, nested []actor // actorsOf, and codeNP of a nested phrase (depth > 0)
	pp         []int   // ppSubtree
	objs, obls []int   // objects
	done       uint8   // which of the above are filled (memoNP, memoNested, memoPP, memoObjects)
}

const (
	memoNP uint8 = 1 << iota
	memoNested
	memoPP
	memoObjects
)

// Block sizes of tree.actors and tree.arena: the first block of a tree holds minActorBlock
// actors (minArenaBlock ints), each further block twice the previous one up to the max.
const (
	minActorBlock, maxActorBlock = 8, 64
	minArenaBlock, maxArenaBlock = 32, 256
)

// keepActors returns a copy of as (nil when empty) that stays valid while the sentence is coded.
// The copy is capped: appending to it copies again.
func (t *tree) keepActors(as []actor) []actor {
	if len(as) == 0 {
		return nil
	}
	if cap(t.actors)-len(t.actors) < len(as) {
		// A new block, small for the first (a story's trees all stay alive while it is coded:
		// 30,000 sentences of a long story would otherwise hold 64 actors each), then doubling.
		t.actors = make([]actor, 0, max(minActorBlock, 2*len(as), min(2*cap(t.actors), maxActorBlock)))
	}
	n := len(t.actors)
	t.actors = append(t.actors, as...)
	return t.actors[n:len(t.actors):len(t.actors)]
}

// keep returns a copy of xs (nil when empty) that stays valid while the sentence is coded. The
// copy is capped: appending to it copies again.
func (t *tree) keep(xs []int) []int {
	if len(xs) == 0 {
		return nil
	}
	if cap(t.arena)-len(t.arena) < len(xs) {
		// A new block, small first then doubling (see keepActors); slices handed out from the
		// old one stay valid.
		t.arena = make([]int, 0, max(minArenaBlock, 2*len(xs), min(2*cap(t.arena), maxArenaBlock)))
	}
	n := len(t.arena)
	t.arena = append(t.arena, xs...)
	return t.arena[n:len(t.arena):len(t.arena)]
}

// memoOf returns the caches of token i.
func (t *tree) memoOf(i int) *tokMemo {
	if len(t.memo) == 0 {
		t.memo = resize(t.memo, t.n)
		clear(t.memo)
	}
	return &t.memo[i]
}

// Skip sets: the relations whose subtrees a kind of phrase leaves out (bits of tree.skip).
const (
	// skipNP: not part of a noun phrase's own words.
	skipNP uint8 = 1 << iota
	// skipFull: not part of a noun phrase's full span (which keeps its PP modifiers).
	skipFull
	// skipNew: left out of a new actor's words (new_actor_length).
	skipNew
	// skipPP: left out of a prepositional phrase's object words.
	skipPP
)

// relSkip returns the skip sets holding relation r (a full or base label).
func relSkip(r string) uint8 {
	switch r {
	case "acl", "punct":
		return skipNP | skipFull | skipNew | skipPP
	case "conj", "cc", "parataxis", "advcl", "dep", "ccomp", "xcomp", "list":
		return skipNP | skipFull | skipNew
	case "appos":
		return skipNP | skipFull
	case "nmod", "case", "mark", "cop", "nsubj", "obj", "obl", "aux", "orphan", "discourse",
		"vocative", "dislocated", "reparandum":
		return skipNP
	case "acl:relcl":
		return skipNew
	}
	return 0
}

// skipMask returns the skip sets a token with relation rel (base label base) falls in: those
// holding rel itself, or its base label unless rel is nmod:poss or nmod:desc (a possessor or a
// descriptive premodifier stays in the noun phrase: "North Korea's deputy U.N. ambassador", where
// the possessor hangs from "deputy", codes PRKGOV).
func skipMask(rel, base string) uint8 {
	m := relSkip(rel)
	if rel != base && rel != "nmod:poss" && rel != "nmod:desc" {
		m |= relSkip(base)
	}
	return m
}

// resize returns a slice of length n, reusing buf's memory when it is large enough. The elements
// keep their old values.
func resize[T any](buf []T, n int) []T {
	if cap(buf) >= n {
		return buf[:n]
	}
	return make([]T, n, n+n/2)
}

// init prepares s for coding, reusing the memory of t's previous sentence. It returns an error
// for a malformed tree (a head out of range, a cycle); t is then unusable.
func (t *tree) init(s *story.Sentence, vocab *dict.Vocab) error {
	n := len(s.Tokens)
	*t = tree{s: s, n: n, words: resize(t.words, n), lemmas: resize(t.lemmas, n), bases: resize(t.bases, n),
		rels: resize(t.rels, n), uposes: resize(t.uposes, n),
		head: resize(t.head, n), kids: resize(t.kids, n), skip: resize(t.skip, n),
		memo: t.memo[:0], preps: t.preps[:0], count: resize(t.count, n), flat: resize(t.flat, n),
		stack: t.stack[:0], strs: t.strs[:0], arena: t.arena[:0], side: t.side[:0], actors: t.actors[:0], upper: t.upper, ends: t.ends, idBuf: t.idBuf, idStack: t.idStack[:0], headBuf: t.headBuf}
	// The upper-cased forms and lemmas go into one string; ends records where each word ends.
	size := 0
	for i := range s.Tokens {
		tok := &s.Tokens[i]
		size += len(tok.Form) + len(tok.Lemma)
	}
	buf := resize(t.upper, size+8)[:0]
	ends := resize(t.ends, 2*n)
	for i := range s.Tokens {
		tok := &s.Tokens[i]
		buf = appendUpper(buf, tok.Form)
		ends[2*i] = len(buf)
		buf = appendUpper(buf, tok.Lemma)
		ends[2*i+1] = len(buf)
	}
	t.upper, t.ends = buf, ends
	all := string(buf)
	off := 0
	roots, root, amod := 0, -1, false
	for i := range s.Tokens {
		tok := &s.Tokens[i]
		t.words[i] = all[off:ends[2*i]]
		t.lemmas[i] = all[ends[2*i]:ends[2*i+1]]
		off = ends[2*i+1]
		if tok.Lemma == "" {
			t.lemmas[i] = t.words[i]
		}
		h := tok.Head
		if h < 0 || h > n || h == i+1 {
			return fmt.Errorf("token %d (%q): bad head %d", i+1, tok.Form, h)
		}
		t.head[i] = h - 1
		t.rels[i], t.uposes[i] = tok.Deprel, tok.UPOS
		if h == 0 {
			roots++
			root = i
		}
		amod = amod || tok.Deprel == "amod"
	}
	// The repairs only where their shapes can occur (an amod; one noun root).
	if amod {
		t.repairReported()
	}
	if roots == 1 && (t.uposes[root] == "NOUN" || t.uposes[root] == "PROPN") {
		t.repairNominalRoot(root)
	}
	if roots == 1 && t.uposes[root] == "VERB" {
		t.repairSubordinateRoot(root)
		t.repairAgentVerb(root)
	}
	t.repairTimeSubject()
	t.repairReportedClause()
	t.repairAppositionSubject()
	for i := range s.Tokens {
		r := t.rels[i]
		full := r
		if k := strings.IndexByte(r, ':'); k >= 0 {
			r = r[:k]
		}
		t.bases[i] = r
		t.skip[i] = skipMask(full, r)
	}
	count := t.count
	clear(count)
	for i := 0; i < n; i++ {
		// Cycle check: the head chain must reach the root within n steps.
		j, steps := i, 0
		for j >= 0 && steps <= n {
			j = t.head[j]
			steps++
		}
		if j >= 0 {
			return fmt.Errorf("token %d (%q): head cycle", i+1, s.Tokens[i].Form)
		}
		if h := t.head[i]; h >= 0 {
			count[h]++
		}
	}
	flat := t.flat
	pos := 0
	for h := 0; h < n; h++ {
		t.kids[h] = flat[pos : pos : pos+count[h]]
		pos += count[h]
	}
	for i := 0; i < n; i++ {
		if h := t.head[i]; h >= 0 {
			t.kids[h] = append(t.kids[h], i)
		}
	}
	if vocab != nil {
		t.idBuf = vocab.AppendIDs(t.idBuf[:0], t.words)
		t.ids = t.idBuf
	}
	return nil
}

func (t *tree) rel(i int) string { return t.rels[i] }

func (t *tree) base(i int) string { return t.bases[i] }

func (t *tree) upos(i int) string { return t.uposes[i] }
func (t *tree) xpos(i int) string { return t.s.Tokens[i].XPOS }

// children returns the children of i whose relation (full label, or base label when the wanted
// label has no subtype) is one of rels.
func (t *tree) children(i int, rels ...string) []int {
	var out []int
	for _, k := range t.kids[i] {
		r := t.rel(k)
		b := t.base(k)
		for _, w := range rels {
			if r == w || (!strings.Contains(w, ":") && b == w) {
				out = append(out, k)
				break
			}
		}
	}
	return out
}

// appendChildren appends to out the children of i whose relation is rel (as children matches).
func (t *tree) appendChildren(out []int, i int, rel string) []int {
	for _, k := range t.kids[i] {
		if t.has(k, rel) {
			out = append(out, k)
		}
	}
	return out
}

func (t *tree) child(i int, rels ...string) int {
	for _, k := range t.kids[i] {
		r := t.rel(k)
		b := t.base(k)
		for _, w := range rels {
			if r == w || (!strings.Contains(w, ":") && b == w) {
				return k
			}
		}
	}
	return -1
}

func (t *tree) isNominal(i int) bool {
	switch t.upos(i) {
	case "NOUN", "PROPN", "PRON", "NUM", "X", "SYM":
		return true
	case "ADJ":
		// "the Palestinian(s)", an ADJ head of a nominal relation
		switch t.base(i) {
		case "nsubj", "obj", "iobj", "obl", "nmod", "conj", "appos":
			return true
		}
	}
	return strings.HasPrefix(t.xpos(i), "NN")
}

func (t *tree) isVerb(i int) bool {
	u := t.upos(i)
	if u == "VERB" {
		return true
	}
	if u == "AUX" {
		return false
	}
	return strings.HasPrefix(t.xpos(i), "VB") || t.xpos(i) == "MD"
}

// prep returns the upper-cased preposition (case child, with its fixed parts) of nominal i, or "".
func (t *tree) prep(i int) string {
	if !t.prepsDone {
		t.preps = resize(t.preps, t.n)
		t.prepsDone = true
		for j := range t.preps {
			t.preps[j] = t.findPrep(j)
		}
	}
	return t.preps[i]
}

func (t *tree) findPrep(i int) string {
	for _, k := range t.kids[i] {
		if t.base(k) == "case" && k < i {
			p := t.words[k]
			for _, f := range t.children(k, "fixed") {
				p += " " + t.words[f]
			}
			return p
		}
	}
	for _, k := range t.kids[i] {
		if t.base(k) == "mark" && k < i && t.upos(k) == "ADP" {
			return t.words[k]
		}
	}
	return ""
}

// subtree appends i and its descendants to out, skipping children in the skip sets of mask.
func (t *tree) subtree(i int, mask uint8, out []int) []int {
	out = append(out, i)
	for _, k := range t.kids[i] {
		if t.skip[k]&mask != 0 {
			continue
		}
		out = t.subtree(k, mask, out)
	}
	return out
}

// inSubtree reports whether token k, a descendant of i (or i), lies in i's subtree without the
// relations of the skip sets of mask: no token on the path from k up to i (i excluded) has one.
func (t *tree) inSubtree(i, k int, mask uint8) bool {
	for j := k; j != i; j = t.head[j] {
		if j < 0 || t.skip[j]&mask != 0 {
			return false
		}
	}
	return true
}

// has reports whether token k's relation is w (full label, or base label when w has no subtype),
// as children matches.
func (t *tree) has(k int, w string) bool {
	return t.rel(k) == w || (t.base(k) == w && !strings.Contains(w, ":"))
}

// isXcomp reports an open clausal complement: xcomp, or an infinitival advcl ("vowed ... to wage
// war", often attached as advcl by parsers).
func (t *tree) isXcomp(k int) bool {
	switch t.base(k) {
	case "xcomp":
		return true
	case "advcl":
		for _, m := range t.kids[k] {
			if t.base(m) == "mark" && t.words[m] == "TO" {
				return true
			}
		}
	}
	return false
}

// appendUpper appends the upper-case form of w to b (ASCII fast path, strings.ToUpper otherwise).
func appendUpper(b []byte, w string) []byte {
	n := len(b)
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 0x80 {
			// Typographic apostrophes are read as ASCII ones ("People’s" as "PEOPLE'S"), as
			// the dictionaries write them, and the joiners that the segmenter keeps inside a
			// word are left out ("con\u00addemned" as "CONDEMNED").
			return append(b[:n], upperReplacer.Replace(strings.ToUpper(w))...)
		}
		if 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		}
		b = append(b, c)
	}
	return b
}

// upperReplacer is appendUpper's mapping of non-ASCII characters: the typographic apostrophe, and
// the joiners that the segmenter keeps inside a word (segment.IsJoiner: soft hyphen, zero-width
// non-joiner and joiner, word joiner; the coder does not depend on the NLP packages, as its trees
// may come from PETRARCH parses).
var upperReplacer = strings.NewReplacer("’", "'", "\u00ad", "", "\u200c", "", "\u200d", "", "\u2060", "")

// ppSubtree returns the words of the prepositional phrase headed by k (without clauses and
// punctuation), cached per sentence. The slice must not be modified.
func (t *tree) ppSubtree(k int) []int {
	m := t.memoOf(k)
	if m.done&memoPP == 0 {
		top := len(t.stack)
		t.stack = t.subtree(k, skipPP, t.stack)
		m.pp = t.keep(t.stack[top:])
		t.stack = t.stack[:top]
		m.done |= memoPP
	}
	return m.pp
}

// repairReported undoes a parser error common in reported news ("Irish guerrillas wounded two
// British soldiers, police said" parsed with "wounded" as an adjective on "soldiers" and both
// noun phrases as subjects of "said"): a past-tense form ending in -ed tagged ADJ or VERB and
// attached as amod to a later subject n2 of verb h, right after another subject n1 of h, and
// followed by a third subject of h (the reporter), becomes the verb of a clause complement of h,
// with n1 its subject and n2 its object. It works on
// t.head, t.rels and t.uposes (the sentence's tokens are not changed) before the children lists
// are built; a token chain that does not reach the root is left to the cycle check.
func (t *tree) repairReported() {
	for m := 1; m < t.n; m++ {
		if t.rels[m] != "amod" || (t.uposes[m] != "ADJ" && t.uposes[m] != "VERB") {
			continue
		}
		if w := t.s.Tokens[m].Form; len(w) < 3 || (w[len(w)-2]|0x20) != 'e' || (w[len(w)-1]|0x20) != 'd' {
			continue
		}
		n2 := t.head[m]
		if n2 <= m || n2 >= t.n || !strings.HasPrefix(t.rels[n2], "nsubj") {
			continue
		}
		h := t.head[n2]
		if h <= n2 || h >= t.n || t.uposes[h] != "VERB" {
			continue
		}
		// n1: the subject of h whose phrase ends right before m and m's own left dependents
		// ("has" of "Clinton has imposed sanctions").
		left := m
		for j := m - 1; j >= 0 && t.head[j] == m; j-- {
			left = j
		}
		n1 := left - 1
		for steps := 0; n1 >= 0 && t.head[n1] != h && steps < t.n; steps++ {
			n1 = t.head[n1]
		}
		if n1 < 0 || n1 >= m || t.head[n1] != h || !strings.HasPrefix(t.rels[n1], "nsubj") {
			continue
		}
		switch t.uposes[n1] {
		case "NOUN", "PROPN":
		default:
			continue
		}
		// The reporter: a third subject of h after n2 ("..., police said").
		reporter := false
		for j := n2 + 1; j < h; j++ {
			if t.head[j] == h && strings.HasPrefix(t.rels[j], "nsubj") {
				reporter = true
			}
		}
		if !reporter {
			continue
		}
		t.head[n1], t.rels[n1] = m, "nsubj"
		t.head[n2], t.rels[n2] = m, "obj"
		t.head[m], t.rels[m], t.uposes[m] = h, "ccomp", "VERB"
	}
}

// repairNominalRoot undoes another parser error: a sentence whose root is a noun ("Nigerian
// authorities jailed 52 members ..." with "authorities" as the root and "jailed" as its acl). When
// the root r is a NOUN or PROPN and its first verb dependent m after it (acl, amod, conj, dep,
// appos, parataxis or list) is a finite past form (VBD), or a VBN with an object (a participle
// with an object is active), and has no subject of its own, m becomes the root with r its
// subject. Like repairReported it works on t.head, t.rels and t.uposes only.
//
// The same holds one step down when the root noun has a noun object right after it, a relation
// nouns do not take ("European Community foreign ministers agreed ..." with "Community" as the
// root, "ministers" its obj and "agreed" an acl of "ministers"): the object's verb dependent m
// becomes the root, the object its subject and the root noun a compound of the object.
//
// r is the sentence's only root (init calls it only then).
func (t *tree) repairNominalRoot(r int) {
	for o := r + 1; o < t.n; o++ {
		if t.head[o] != r || t.rels[o] != "obj" || (t.uposes[o] != "NOUN" && t.uposes[o] != "PROPN") {
			continue
		}
		between := false // words between them that are not the object's own premodifiers
		for j := r + 1; j < o; j++ {
			between = between || t.head[j] != o
		}
		if m := t.nominalVerb(o, true); m >= 0 && !between {
			t.head[m], t.rels[m] = -1, "root"
			t.head[o], t.rels[o] = m, "nsubj"
			t.head[r], t.rels[r] = o, "compound"
			return
		}
		break
	}
	if m := t.nominalVerb(r, false); m >= 0 {
		t.head[m], t.rels[m] = -1, "root"
		t.head[r], t.rels[r] = m, "nsubj"
	}
}

// nominalVerb returns the first VERB dependent m of the noun r after it (acl, amod, conj, dep,
// appos, parataxis or list) when it is a finite past form (VBD), or a VBN with an object, without
// a subject of its own; any VBN when anyVBN is true (below a root noun's object, where the parse
// is wrong anyway); -1 otherwise (repairNominalRoot).
func (t *tree) nominalVerb(r int, anyVBN bool) int {
	m := -1
	for j := r + 1; j < t.n; j++ {
		if t.head[j] != r || t.uposes[j] != "VERB" {
			continue
		}
		switch t.rels[j] {
		case "acl", "amod", "conj", "dep", "appos", "parataxis", "list":
			m = j
		}
		break
	}
	if m < 0 {
		return -1
	}
	x := t.s.Tokens[m].XPOS
	hasObj := false
	for j := 0; j < t.n; j++ {
		if t.head[j] != m {
			continue
		}
		switch t.rels[j] {
		case "nsubj", "nsubj:pass", "csubj", "expl", "mark":
			return -1
		case "obj":
			hasObj = true
		}
	}
	if x != "VBD" && !(x == "VBN" && (hasObj || anyVBN)) {
		return -1
	}
	return m
}

// repairSubordinateRoot undoes a parser error where a subordinate clause is taken for the main one
// and the main verb for a reduced relative of its own subject ("Senior Hungarian and Romanian
// officials agreed on Wednesday that their countries should cooperate ..." with "cooperate" as
// the root, "officials" as its first subject and "agreed" as an acl of "officials"; "The
// Azerbaijani parliament threatened on Monday to secede ... unless the Kremlin withdrew its
// troops" with "withdrew" as the root). When the verb root r has two subjects n1 < n2, a
// subordinator (mark) of its own after n1, and n1 has a past-form VERB m (VBD or VBN) as acl
// between n1 and n2 without a subject of its own, m becomes the root with n1 its subject, and r
// its ccomp (after "that") or advcl (after another subordinator). A root clause has no
// subordinator, which tells this shape from a true reduced relative ("troops stationed in Iraq
// attacked ..."). Like repairReported it works on t.head, t.rels and t.uposes only.
func (t *tree) repairSubordinateRoot(r int) {
	n1, n2, mark := -1, -1, -1
	for j := 0; j < r; j++ {
		if t.head[j] != r {
			continue
		}
		switch t.rels[j] {
		case "nsubj", "nsubj:pass":
			if n1 < 0 {
				n1 = j
			} else if n2 < 0 {
				n2 = j
			}
		case "mark":
			mark = j
		}
	}
	if n1 < 0 || n2 < 0 || mark < n1 {
		return
	}
	switch t.uposes[n1] {
	case "NOUN", "PROPN":
	default:
		return
	}
	m := -1
	for j := n1 + 1; j < n2; j++ {
		if t.head[j] == n1 && t.rels[j] == "acl" && t.uposes[j] == "VERB" {
			m = j
			break
		}
	}
	if m < 0 || mark < m {
		return
	}
	if x := t.s.Tokens[m].XPOS; x != "VBD" && x != "VBN" {
		return
	}
	for j := 0; j < t.n; j++ {
		if t.head[j] == m && strings.HasPrefix(t.rels[j], "nsubj") {
			return
		}
	}
	rel := "advcl"
	if t.words[mark] == "THAT" {
		rel = "ccomp"
	}
	t.head[m], t.rels[m] = -1, "root"
	t.head[n1], t.rels[n1] = m, "nsubj"
	t.head[r], t.rels[r] = m, rel
}

// timeWords are the upper-cased bare time adverbs news sentences put between the subject and the
// verb ("Iran today threatened ...").
var timeWords = map[string]bool{"TODAY": true, "YESTERDAY": true, "TONIGHT": true, "TOMORROW": true}

// repairTimeSubject undoes a parser error where the subject is read as a compound of a bare time
// adverb after it ("Iran today threatened to launch ..." with "Iran" as a compound of "today"
// and "today" as an unmarked oblique of "threatened"): when a time word is a bare oblique or
// nominal modifier of a verb that has no subject, and has noun or proper noun compounds before
// it, the last of them becomes the verb's subject (keeping its own dependents; earlier compounds
// of the time word attach to it). Like repairReported it works on t.head, t.rels and t.uposes
// only.
func (t *tree) repairTimeSubject() {
	for i := 1; i < t.n; i++ {
		if !timeWords[t.words[i]] {
			continue
		}
		v := t.head[i]
		if v <= i || v >= t.n || t.uposes[v] != "VERB" {
			continue
		}
		switch t.rels[i] {
		case "obl:unmarked", "obl:tmod", "obl:npmod", "nmod:tmod", "nmod:unmarked":
		default:
			continue
		}
		c := -1
		for j := 0; j < i; j++ {
			if t.head[j] == i && t.rels[j] == "compound" && (t.uposes[j] == "PROPN" || t.uposes[j] == "NOUN") {
				c = j
			}
		}
		if c < 0 || c != i-1 {
			continue
		}
		subj := false
		for j := 0; j < t.n; j++ {
			if t.head[j] == v && (strings.HasPrefix(t.rels[j], "nsubj") || strings.HasPrefix(t.rels[j], "csubj")) {
				subj = true
				break
			}
		}
		if subj {
			continue
		}
		for j := 0; j < i; j++ {
			if t.head[j] == i && j != c {
				t.head[j] = c
			}
		}
		t.head[c], t.rels[c] = v, "nsubj"
	}
}

// repairAgentVerb undoes a tagger and parser error where the main verb, a third-person -s form
// right after a reduced relative's by-phrase, is read as a plural noun heading that phrase ("The
// resolution pushed by the European Union calls for the Security Council to ..." with "calls"
// as the obl:agent of "pushed", "European Union" as its compound, and "pushed" as the root).
// When the root r is a bare past participle (VBN without auxiliary) with a subject n before it,
// and its obl:agent k after it is a plural noun (NNS, ending in -s) whose word right before it
// is a noun or proper noun compound c, and k has a dependent after it, k becomes the root (a
// VERB) with n its subject; r becomes an acl of n with c its obl:agent (taking k's words before
// c: "by", "the"); k's dependents after it and r's dependents after k move to k (nmod becoming
// obl). Like repairReported it works on t.head, t.rels and t.uposes only.
func (t *tree) repairAgentVerb(r int) {
	if t.s.Tokens[r].XPOS != "VBN" {
		return
	}
	n, k := -1, -1
	for j := 0; j < t.n; j++ {
		if t.head[j] != r {
			continue
		}
		switch {
		case strings.HasPrefix(t.rels[j], "nsubj") && j < r:
			n = j
		case strings.HasPrefix(t.rels[j], "aux"):
			return
		case t.rels[j] == "obl:agent" && j > r:
			k = j
		}
	}
	if n < 0 || k < 0 || t.uposes[k] != "NOUN" || t.s.Tokens[k].XPOS != "NNS" || !strings.HasSuffix(t.words[k], "S") {
		return
	}
	c := k - 1
	if t.head[c] != k || t.rels[c] != "compound" || (t.uposes[c] != "NOUN" && t.uposes[c] != "PROPN") {
		return
	}
	after := false
	for j := k + 1; j < t.n; j++ {
		if t.head[j] == k {
			after = true
		}
	}
	if !after {
		return
	}
	for j := 0; j < t.n; j++ {
		switch {
		case j < c && t.head[j] == k:
			t.head[j] = c
		case j > k && t.head[j] == k && t.rels[j] == "nmod":
			t.rels[j] = "obl"
		case j > k && t.head[j] == r:
			t.head[j] = k
		}
	}
	t.head[k], t.rels[k], t.uposes[k] = -1, "root", "VERB"
	t.head[n] = k
	t.head[r], t.rels[r] = n, "acl"
	t.head[c], t.rels[c] = r, "obl:agent"
}

// repairAppositionSubject undoes a parser error on a subject followed by an apposition set off by
// commas ("A member of the Syrian parliament, Mohammed Mamoun, started a hunger strike ..." with
// "member" as a bare oblique of "started" and the name as its subject): when a verb's nsubj s is
// enclosed in commas and the verb has a bare nominal oblique m (obl:unmarked, obl:npmod,
// obl:tmod) ending right before the first comma, m becomes the subject and s its appos. Time
// nouns ("Yesterday, Mamoun started ...") are left alone. Like repairReported it works on t.head,
// t.rels and t.uposes only.
func (t *tree) repairAppositionSubject() {
	for s := 2; s < t.n; s++ {
		if t.rels[s] != "nsubj" || t.words[s-1] != "," {
			continue
		}
		v := t.head[s]
		if v <= s || t.uposes[v] != "VERB" {
			continue
		}
		// The end of s's phrase, followed by a comma before the verb.
		end := s
		for j := s + 1; j < v; j++ {
			if t.uposes[j] == "PUNCT" {
				continue
			}
			for k := j; k >= 0 && k != v; k = t.head[k] {
				if k == s {
					end = j
					break
				}
			}
		}
		if end+1 >= v || t.words[end+1] != "," || t.head[end+1] == v {
			continue
		}
		m := -1
		for j := 0; j < s-1; j++ {
			if t.head[j] == v {
				switch t.rels[j] {
				case "obl:unmarked", "obl:npmod", "obl:tmod":
					m = j
				}
			}
		}
		if m < 0 || t.uposes[m] != "NOUN" || timeNouns[t.lemmas[m]] {
			continue
		}
		// m's phrase must end right before the first comma.
		last := m
		for j := m + 1; j < s-1; j++ {
			for k := j; k >= 0 && k != v; k = t.head[k] {
				if k == m {
					last = j
					break
				}
			}
		}
		if last != s-2 {
			continue
		}
		t.head[m], t.rels[m] = v, "nsubj"
		t.head[s], t.rels[s] = m, "appos"
		t.head[s-1] = s
		return
	}
}

// timeNouns are upper-cased lemmas of nouns that name a time, which stand as bare obliques
// ("Last week, the minister said ...").
var timeNouns = map[string]bool{
	"WEEK": true, "MONTH": true, "YEAR": true, "DAY": true, "TODAY": true, "YESTERDAY": true,
	"NIGHT": true, "MORNING": true, "EVENING": true, "AFTERNOON": true, "WEEKEND": true, "TIME": true,
	"TONIGHT": true, "TOMORROW": true, "DECADE": true, "CENTURY": true, "HOUR": true, "MINUTE": true,
}

// repairReportedClause undoes a parser error on a reported clause before its reporting verb
// ("Israeli tanks fired four shell bombs at targets in Jericho, witnesses said" with "tanks" as
// the ccomp of "said" and "fired" as an acl of "tanks"; "The Israeli army forced out ... more
// than 1,000 Palestinian refugees ..., residents said" with "army" as a second subject of
// "said"): a noun n that is the ccomp of verb h, or a subject of h followed by another subject of
// h (the reporter), whose first acl after it is a past-form VERB m (VBD or VBN) without a subject
// of its own before the reporter, becomes the subject of m, and m the ccomp of h. Like
// repairReported it works on t.head, t.rels and t.uposes only.
func (t *tree) repairReportedClause() {
	for n := 0; n < t.n; n++ {
		if t.uposes[n] != "NOUN" && t.uposes[n] != "PROPN" {
			continue
		}
		h := t.head[n]
		if h <= n || t.uposes[h] != "VERB" {
			continue
		}
		limit := h // the reported clause ends before the reporter (or the reporting verb)
		switch t.rels[n] {
		case "ccomp":
		case "nsubj":
			n2 := -1
			for j := n + 1; j < h; j++ {
				if t.head[j] == h && t.rels[j] == "nsubj" {
					n2 = j
				}
				if t.head[j] == h && t.rels[j] == "mark" {
					n2 = -1
					break
				}
			}
			if n2 < 0 {
				continue
			}
			limit = n2
		default:
			continue
		}
		m := -1
		for j := n + 1; j < limit; j++ {
			if t.head[j] == n && t.rels[j] == "acl" {
				m = j
				break
			}
		}
		if m < 0 || t.uposes[m] != "VERB" {
			continue
		}
		if x := t.s.Tokens[m].XPOS; x != "VBD" && x != "VBN" {
			continue
		}
		own := false
		for j := 0; j < t.n; j++ {
			if t.head[j] == m && (strings.HasPrefix(t.rels[j], "nsubj") || t.rels[j] == "mark") {
				own = true
				break
			}
		}
		if own {
			continue
		}
		t.head[m], t.rels[m] = h, "ccomp"
		t.head[n], t.rels[n] = m, "nsubj"
	}
}
