package tagger

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad/nlp/internal/linear"
	"github.com/dyad-events/dyad/nlp/segment"
	"github.com/dyad-events/dyad/nlp/wordnet"
	"github.com/dyad-events/dyad/story"
)

// pad is the number of padding positions on each side of a sentence in the scratch arrays.
const pad = 2

// wordFeats are the per-token values the feature templates read, computed once per token.
type wordFeats struct {
	lower, form uint64 // hashes of the lower-cased and the exact form
	suf         [4]uint64
	pre         [3]uint64
	shape       uint64
	amb         uint64 // ambiguity class: hash of the UPOS set seen with the lower-cased word in training
	known       bool
	dictClass   int16  // class from the tag dictionary, -1 when none
	lex         uint64 // lexicon class: hash of the UPOS set of the exact form in training, 0 when unseen
	caps        uint64 // capitalisation class (capsLower, capsInitial, capsAll, capsOther)
	wn          uint64 // WordNet word-class bits (wordnet.Classes), 0 without WordNet
	demonym     bool   // an unknown capitalised word that looks like a nationality adjective (isDemonym)
}

// Capitalisation classes of a form, read by the features that tell a sentence-initial capital from
// a mid-sentence one ("Beijing criticized Tokyo" vs "Being criticized...").
const (
	capsOther   = 1 + iota // no letters, or mixed case such as "iPhone"
	capsLower              // first letter lower case
	capsInitial            // first letter upper case, some lower case after it
	capsAll                // every letter upper case
)

func capsClass(s string) uint64 {
	first, upper, lower := rune(0), 0, 0
	for _, r := range s {
		if unicode.IsUpper(r) {
			upper++
		} else if unicode.IsLower(r) {
			lower++
		} else {
			continue
		}
		if first == 0 {
			first = r
		}
	}
	switch {
	case first == 0:
		return capsOther
	case unicode.IsLower(first):
		return capsLower
	case lower == 0:
		return capsAll
	case upper == 1:
		return capsInitial
	}
	return capsOther
}

// scratch is one worker's buffers; taggers draw them from a sync.Pool.
type scratch struct {
	w      []wordFeats
	tags   []int
	tags1  []int  // stage-1 classes, read by the stacked stage-2 features
	sure   []bool // per token (0-based): stage 1's best class leads the next by at least stage2Margin
	feats  []uint64
	scores []float32
	lower  []byte
	wnbuf  []byte
	cache  []formEntry // per-form values of recent words, direct-mapped by the form's hash
	slot   []int32     // per token (0-based): its entry in cache
}

// formEntry caches what prepare computes from a form alone, and the lemma and FEATS of its last
// class, so that a worker computes them once for the frequent words of its text. On the tag +
// parse benchmark (the news set, read three times) 89% of the tokens hit, and tag + parse is 4–7%
// faster (138,500 against 130,000 tokens per CPU-second, alternated runs), with the same output.
type formEntry struct {
	form         string // a copy: forms may point into a whole story's text
	wf           wordFeats
	class        int // class of lemma and feats; -1 when not set
	lemma, feats string
}

// cacheSize is the number of formEntry slots per worker (a power of two; about 3 MB): 16,384
// slots gave 6.5% against 4% with 4,096.
const cacheSize = 16384

var (
	hStart = linear.Hash("<s>")
	hEnd   = linear.Hash("</s>")
)

// prepare fills sc.w for sentence s (with padding) and resets sc.tags.
func (t *Tagger) prepare(s *story.Sentence, sc *scratch) {
	n := len(s.Tokens)
	if cap(sc.w) < n+2*pad {
		sc.w = make([]wordFeats, n+2*pad)
		sc.tags = make([]int, n+2*pad)
		sc.tags1 = make([]int, n+2*pad)
	}
	sc.tags1 = sc.tags1[:n+2*pad]
	sc.w = sc.w[:n+2*pad]
	sc.tags = sc.tags[:n+2*pad]
	for i := 0; i < pad; i++ {
		sc.w[i] = wordFeats{lower: hStart, form: hStart, shape: hStart, amb: hStart, dictClass: -1, caps: 5}
		sc.w[n+pad+i] = wordFeats{lower: hEnd, form: hEnd, shape: hEnd, amb: hEnd, dictClass: -1, caps: 6}
		sc.tags[i] = t.nclass // start tag id
		sc.tags[n+pad+i] = t.nclass + 1
		sc.tags1[i], sc.tags1[n+pad+i] = t.nclass, t.nclass+1
	}
	lex, known := t.lex, t.known
	if sc.cache == nil {
		sc.cache = make([]formEntry, cacheSize)
	}
	if cap(sc.slot) < n {
		sc.slot = make([]int32, n)
	}
	sc.slot = sc.slot[:n]
	for i := range s.Tokens {
		form := s.Tokens[i].Form
		wf := &sc.w[i+pad]
		h := linear.Hash(form)
		k := int32(h & (cacheSize - 1))
		sc.slot[i] = k
		if e := &sc.cache[k]; e.form == form && form != "" {
			*wf = e.wf
			continue
		}
		sc.lower = appendLower(sc.lower[:0], form)
		lw := sc.lower
		wf.form = h
		wf.lower = linear.Hash(string(lw))
		for k := 0; k < 4; k++ {
			if len(lw) > k+1 {
				wf.suf[k] = linear.Hash(string(lw[len(lw)-k-1:])) + uint64(k)
			} else {
				wf.suf[k] = uint64(k) + 7
			}
		}
		for k := 0; k < 3; k++ {
			if len(lw) > k+1 {
				wf.pre[k] = linear.Hash(string(lw[:k+1])) + uint64(k)
			} else {
				wf.pre[k] = uint64(k) + 11
			}
		}
		wf.shape = shapeHash(form)
		wf.caps = capsClass(form)
		wf.dictClass = -1
		wf.lex = lex[form]
		if c, ok := t.tagDict[form]; ok {
			wf.dictClass = c
		}
		kw, ok := known[string(lw)]
		wf.amb, wf.known = kw.amb, ok
		wf.wn = 0
		if t.wn != nil && wf.dictClass < 0 { // words the tag dictionary settles are never scored
			if ok {
				wf.wn = uint64(kw.wn)
			} else {
				wf.wn = uint64(t.wn.Classes(lw, &sc.wnbuf))
			}
		}
		wf.demonym = wf.lex == 0 && !ok && wf.caps == capsInitial && isDemonym(form, uint16(wf.wn))
		sc.cache[k] = formEntry{form: strings.Clone(form), wf: *wf, class: -1}
	}
}

// isDemonym reports a form that looks like a nationality or ethnic adjective: a capitalised word of
// at least four letters that WordNet lists as an adjective (wn holds its wordnet.Classes bits) and
// that ends as English demonyms do ("-an": Sudanese is "-ese", Mexican "-an", Somali "-i",
// Kurdish "-ish"). WordNet's "xi" (eleven) is an adjective too, and too short.
func isDemonym(form string, wn uint16) bool {
	if wn&wordnet.Adj == 0 || len(form) < 4 || !startsUpper(form) {
		return false
	}
	for _, suf := range [...]string{"an", "ese", "ish", "i"} {
		if strings.HasSuffix(form, suf) {
			return true
		}
	}
	return false
}

// appendLower appends the lower-cased s to b, leaving out the joiners that the segmenter keeps
// inside a word (segment.IsJoiner): the tagger's features, tag dictionary and lemmas read
// "con\u00addemned" as "condemned".
func appendLower(b []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if segment.IsJoiner(r) {
			continue
		}
		b = utf8.AppendRune(b, unicode.ToLower(r))
	}
	return b
}

// shapeHash hashes the word shape: X for upper case, x lower, d digit, other characters as
// themselves, runs longer than two collapsed ("Washington" → "Xxx", "1,000" → "d,ddd"→"d,dd"),
// plus the length bucket.
func shapeHash(s string) uint64 {
	h := uint64(14695981039346656037)
	var last rune = -1
	run := 0
	n := 0
	for _, r := range s {
		n++
		var c rune
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		default:
			c = r
		}
		if c == last {
			run++
			if run >= 2 {
				continue
			}
		} else {
			run = 0
		}
		last = c
		h ^= uint64(c)
		h *= 1099511628211
	}
	lb := uint64(n)
	if lb > 6 {
		lb = 6
	}
	return linear.Mix(h, lb)
}

// features appends the feature keys for position i (0-based token index) to dst. Keys are written
// out as linear.Key(linear.Mix(...linear.Seed(template)..., value)) so that they inline, with the
// template's seed folded to a constant.
func (t *Tagger) features(dst []uint64, sc *scratch, i int) []uint64 {
	p := i + pad
	w := sc.w
	c, l1, l2, r1, r2 := &w[p], &w[p-1], &w[p-2], &w[p+1], &w[p+2]
	p1, p2 := uint64(sc.tags[p-1]), uint64(sc.tags[p-2])
	dst = append(dst, linear.Key(linear.Seed(0)))
	dst = append(dst, linear.Key(linear.Mix(linear.Seed(1), c.lower)))
	dst = append(dst, linear.Key(linear.Mix(linear.Seed(2), c.form)))
	dst = append(dst, linear.Key(linear.Mix(linear.Seed(3), c.suf[0])))
	dst = append(dst, linear.Key(linear.Mix(linear.Seed(4), c.suf[1])))
	dst = append(dst, linear.Key(linear.Mix(linear.Seed(5), c.suf[2])))
	dst = append(dst, linear.Key(linear.Mix(linear.Seed(6), c.suf[3])))
	dst = append(dst, linear.Key(linear.Mix(linear.Seed(7), c.pre[0])))
	dst = append(dst, linear.Key(linear.Mix(linear.Seed(8), c.pre[1])))
	dst = append(dst, linear.Key(linear.Mix(linear.Seed(9), c.pre[2])))
	dst = append(dst, linear.Key(linear.Mix(linear.Seed(10), c.shape)))
	dst = append(dst, linear.Key(linear.Mix(linear.Seed(11), l1.lower)))
	dst = append(dst, linear.Key(linear.Mix(linear.Seed(12), r1.lower)))
	dst = append(dst, linear.Key(linear.Mix(linear.Seed(13), l2.lower)))
	dst = append(dst, linear.Key(linear.Mix(linear.Seed(14), r2.lower)))
	dst = append(dst, linear.Key(linear.Mix(linear.Seed(15), l1.suf[2])))
	dst = append(dst, linear.Key(linear.Mix(linear.Seed(16), r1.suf[2])))
	dst = append(dst, linear.Key(linear.Mix(linear.Seed(17), p1)))
	dst = append(dst, linear.Key(linear.Mix(linear.Seed(18), p2)))
	dst = append(dst, linear.Key(linear.Mix(linear.Mix(linear.Seed(19), p1), p2)))
	dst = append(dst, linear.Key(linear.Mix(linear.Mix(linear.Seed(20), p1), c.lower)))
	dst = append(dst, linear.Key(linear.Mix(linear.Mix(linear.Seed(21), l1.lower), c.lower)))
	dst = append(dst, linear.Key(linear.Mix(linear.Mix(linear.Seed(22), c.lower), r1.lower)))
	dst = append(dst, linear.Key(linear.Mix(linear.Seed(23), c.amb)))
	dst = append(dst, linear.Key(linear.Mix(linear.Seed(24), r1.amb)))
	dst = append(dst, linear.Key(linear.Mix(linear.Seed(25), r2.amb)))
	dst = append(dst, linear.Key(linear.Mix(linear.Mix(linear.Seed(26), p1), c.amb)))
	dst = append(dst, linear.Key(linear.Mix(linear.Mix(linear.Seed(27), c.amb), r1.amb)))
	dst = append(dst, linear.Key(linear.Mix(linear.Seed(28), r1.shape)))
	dst = append(dst, linear.Key(linear.Mix(linear.Seed(29), l1.shape)))
	dst = append(dst, linear.Key(linear.Mix(linear.Mix(linear.Seed(30), p1), c.suf[2])))
	dst = append(dst, linear.Key(linear.Mix(linear.Mix(linear.Seed(31), l1.lower), r1.lower)))
	dst = append(dst, linear.Key(linear.Mix(linear.Mix(linear.Seed(32), p1), r1.lower)))
	dst = append(dst, linear.Key(linear.Mix(linear.Mix(linear.Seed(33), c.shape), r1.amb)))
	dst = append(dst, linear.Key(linear.Mix(linear.Mix(linear.Mix(linear.Seed(34), p1), p2), c.amb)))
	dst = append(dst, linear.Key(linear.Mix(linear.Mix(linear.Seed(40), r1.lower), r2.lower)))
	dst = append(dst, linear.Key(linear.Mix(linear.Mix(linear.Seed(41), c.suf[1]), r1.suf[1])))
	dst = append(dst, linear.Key(linear.Mix(linear.Mix(linear.Seed(42), p1), c.shape)))
	dst = append(dst, linear.Key(linear.Mix(linear.Mix(linear.Seed(43), c.shape), l1.lower)))
	dst = append(dst, linear.Key(linear.Mix(linear.Mix(linear.Seed(44), c.lower), r1.amb)))
	dst = append(dst, linear.Key(linear.Mix(linear.Mix(linear.Seed(45), c.shape), r1.shape)))
	if t.wn != nil {
		dst = append(dst, linear.Key(linear.Mix(linear.Seed(70), c.wn)))
		dst = append(dst, linear.Key(linear.Mix(linear.Mix(linear.Seed(71), p1), c.wn)))
		dst = append(dst, linear.Key(linear.Mix(linear.Mix(linear.Seed(72), c.wn), r1.wn)))
	}
	first := uint64(0)
	if i == 0 {
		first = 1
		dst = append(dst, linear.Key(linear.Mix(linear.Seed(35), c.shape)))
		dst = append(dst, linear.Key(linear.Mix(linear.Seed(36), c.lower)))
	}
	if !c.known {
		dst = append(dst, linear.Key(linear.Mix(linear.Mix(linear.Seed(37), p1), c.suf[2])))
		dst = append(dst, linear.Key(linear.Mix(linear.Mix(linear.Seed(38), c.shape), c.suf[1])))
		dst = append(dst, linear.Key(linear.Mix(linear.Mix(linear.Seed(39), r1.lower), c.suf[1])))
		dst = append(dst, linear.Key(linear.Mix(linear.Mix(linear.Mix(linear.Seed(51), c.caps), first), c.suf[3])))
		dst = append(dst, linear.Key(linear.Mix(linear.Mix(linear.Mix(linear.Seed(52), c.caps), first), p1)))
		if t.wn != nil {
			dst = append(dst, linear.Key(linear.Mix(linear.Mix(linear.Seed(73), c.wn), c.suf[2])))
			dst = append(dst, linear.Key(linear.Mix(linear.Mix(linear.Mix(linear.Seed(74), c.wn), c.caps), first)))
		}
	}
	return dst
}

// features2 appends the stage-2 (stacked) features: the stage-1 features plus the stage-1 classes of
// the word and the two words after it, which a left-to-right tagger cannot otherwise see.
func (t *Tagger) features2(dst []uint64, sc *scratch, i int) []uint64 {
	dst = t.features(dst, sc, i)
	p := i + pad
	c, r1 := &sc.w[p], &sc.w[p+1]
	q0, q1, q2 := uint64(sc.tags1[p]), uint64(sc.tags1[p+1]), uint64(sc.tags1[p+2])
	p1 := uint64(sc.tags[p-1])
	dst = append(dst, linear.Key(linear.Mix(linear.Seed(60), q0)))
	dst = append(dst, linear.Key(linear.Mix(linear.Seed(61), q1)))
	dst = append(dst, linear.Key(linear.Mix(linear.Seed(62), q2)))
	dst = append(dst, linear.Key(linear.Mix(linear.Mix(linear.Seed(63), q1), q2)))
	dst = append(dst, linear.Key(linear.Mix(linear.Mix(linear.Seed(64), p1), q1)))
	dst = append(dst, linear.Key(linear.Mix(linear.Mix(linear.Seed(65), q0), c.lower)))
	dst = append(dst, linear.Key(linear.Mix(linear.Mix(linear.Seed(66), q1), c.lower)))
	dst = append(dst, linear.Key(linear.Mix(linear.Mix(linear.Mix(linear.Seed(67), p1), q0), q1)))
	dst = append(dst, linear.Key(linear.Mix(linear.Mix(linear.Seed(68), q1), r1.lower)))
	dst = append(dst, linear.Key(linear.Mix(linear.Mix(linear.Seed(69), q0), c.suf[2])))
	return dst
}
