package ingest

import (
	"fmt"
	"math/bits"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad/story"
)

// Near-duplicate detection: MinHash signatures of word 4-shingles (Broder 1997) with
// locality-sensitive hashing in bands (Leskovec, Rajaraman & Ullman, "Mining of Massive
// Datasets", ch. 3). Our own small implementation: a story needs about 128 hash mixes per word.
const (
	numHashes  = 126 // 63 bands of 2 rows
	bandRows   = 2
	numBands   = numHashes / bandRows
	shingleLen = 4 // words
	// A second, small signature of the lead (the first leadShingles shingles) finds copies cut
	// short, whose Jaccard similarity with the whole story is too low for the bands to catch.
	leadShingles = 40
	leadHashes   = 16 // 8 bands of 2 rows
)

// DedupOptions tune a Deduper; zero fields take the defaults.
type DedupOptions struct {
	// Jaccard is the estimated Jaccard similarity of shingle sets from which a story is a copy
	// of an earlier one. Default 0.35 (two distinct articles of ../shared/data/news have at
	// most 0.02; a copy with 5% of its words edited about 0.65).
	Jaccard float64
	// Containment is the estimated share of the shorter story's shingles found in the longer
	// one from which the shorter is a copy (a wire story cut short). Default 0.6 (distinct
	// articles of ../shared/data/news: at most 0.06).
	Containment float64
	// MinShingles is the size below which only identical texts count as copies. Default 12.
	MinShingles int
}

func (o DedupOptions) withDefaults() DedupOptions {
	if o.Jaccard <= 0 {
		o.Jaccard = 0.35
	}
	if o.Containment <= 0 {
		o.Containment = 0.6
	}
	if o.MinShingles <= 0 {
		o.MinShingles = 12
	}
	return o
}

// Deduper finds identical and near-identical stories in a stream (wire copies republished with
// small edits, re-ordered paragraphs, a changed headline): the first story is kept, each later
// copy is reported with the kept story. It compares Story.Text only (not the title), as words
// lower-cased without punctuation. It holds a 126-word signature per kept story and is not safe
// for concurrent use.
type Deduper struct {
	opts    DedupOptions
	kept    []*story.Story
	sigs    [][numHashes]uint64
	sizes   []int
	buckets map[uint64][]int32
	exact   map[uint64]int32
	mark    []uint32 // candidate de-duplication per Add
	epoch   uint32
	scratch []uint64
}

// NewDeduper returns an empty Deduper.
func NewDeduper(opts DedupOptions) *Deduper {
	return &Deduper{opts: opts.withDefaults(), buckets: map[uint64][]int32{}, exact: map[uint64]int32{}}
}

// Add checks s against the stories kept so far. When s is a copy of one, it appends s.ID to
// that story's Duplicates and returns it with the estimated similarity (Jaccard, or containment
// when that decided) and dup true; s is not kept. Otherwise s is kept and Add returns nil, 0,
// false. Among several matches the most similar (then the earliest) wins. A story whose text
// has no word (letters or digits) is never a copy, nor an original of later copies.
func (d *Deduper) Add(s *story.Story) (kept *story.Story, similarity float64, dup bool) {
	shingles, exactKey := d.shingle(s.Text)
	if len(shingles) == 0 {
		// No word to compare (an empty text, as for a PETRARCH story whose every <Parse> was
		// bad, or punctuation only): such a story is nobody's copy and has none.
		return nil, 0, false
	}
	if i, ok := d.exact[exactKey]; ok {
		k := d.kept[i]
		k.Duplicates = append(k.Duplicates, s.ID)
		return k, 1, true
	}
	var sig [numHashes]uint64
	minhash(shingles, sig[:])
	var lead [leadHashes]uint64
	minhash(shingles[:min(len(shingles), leadShingles)], lead[:])
	n := len(shingles)
	best, bestSim := -1, 0.0
	if n >= d.opts.MinShingles {
		d.epoch++
		for b := 0; b < numBands+leadHashes/bandRows; b++ {
			for _, c := range d.buckets[d.band(&sig, &lead, b)] {
				if int(c) >= len(d.mark) {
					continue
				}
				if d.mark[c] == d.epoch {
					continue
				}
				d.mark[c] = d.epoch
				if sim, ok := d.similar(&sig, n, int(c)); ok && (sim > bestSim || (sim == bestSim && int(c) < best)) {
					best, bestSim = int(c), sim
				}
			}
		}
	}
	if best >= 0 {
		k := d.kept[best]
		k.Duplicates = append(k.Duplicates, s.ID)
		return k, bestSim, true
	}
	id := int32(len(d.kept))
	d.kept = append(d.kept, s)
	d.sigs = append(d.sigs, sig)
	d.sizes = append(d.sizes, n)
	d.mark = append(d.mark, 0)
	d.exact[exactKey] = id
	if n >= d.opts.MinShingles {
		for b := 0; b < numBands+leadHashes/bandRows; b++ {
			k := d.band(&sig, &lead, b)
			d.buckets[k] = append(d.buckets[k], id)
		}
	}
	return nil, 0, false
}

// similar compares a signature with kept story c.
func (d *Deduper) similar(sig *[numHashes]uint64, n, c int) (float64, bool) {
	if d.sizes[c] < d.opts.MinShingles {
		return 0, false
	}
	j := sigJaccard(sig, &d.sigs[c])
	if j >= d.opts.Jaccard {
		return j, true
	}
	// |A∩B| = J(|A|+|B|)/(1+J); containment of the shorter in the longer.
	m := min(n, d.sizes[c])
	inter := j * float64(n+d.sizes[c]) / (1 + j)
	if cont := inter / float64(m); cont >= d.opts.Containment {
		return min(cont, 1), true
	}
	return 0, false
}

// Similarity returns the exact Jaccard similarity of the word 4-shingle sets of two texts, as
// Deduper estimates it (0..1; 1 for two texts too short to shingle that are equal as words; 0
// when either has no word).
func Similarity(a, b string) float64 {
	var d Deduper
	sa, _ := d.shingle(a)
	setA := map[uint64]bool{}
	for _, h := range sa {
		setA[h] = true
	}
	sb, _ := d.shingle(b)
	setB := map[uint64]bool{}
	for _, h := range sb {
		setB[h] = true
	}
	if len(setA) == 0 || len(setB) == 0 {
		return 0 // nothing to compare
	}
	inter := 0
	for h := range setB {
		if setA[h] {
			inter++
		}
	}
	return float64(inter) / float64(len(setA)+len(setB)-inter)
}

// shingle hashes the word 4-shingles of text (words: runs of letters and digits, lower-cased)
// and returns them with a hash of the whole word sequence. The slice is scratch space reused by
// the next call.
func (d *Deduper) shingle(text string) ([]uint64, uint64) {
	words := d.scratch[:0]
	var h uint64 = fnvOffset
	inWord := false
	all := uint64(fnvOffset)
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		i += size
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			r = unicode.ToLower(r)
			if !inWord {
				h, inWord = fnvOffset, true
			}
			h = (h ^ uint64(r)) * fnvPrime
			continue
		}
		if inWord {
			words = append(words, h)
			all = (all ^ h) * fnvPrime
			inWord = false
		}
	}
	if inWord {
		words = append(words, h)
		all = (all ^ h) * fnvPrime
	}
	d.scratch = words
	if len(words) < shingleLen {
		if len(words) == 0 {
			return nil, all
		}
		x := uint64(fnvOffset)
		for _, w := range words {
			x = mix64(x ^ w)
		}
		return []uint64{x}, all
	}
	out := make([]uint64, 0, len(words)-shingleLen+1)
	for i := 0; i+shingleLen <= len(words); i++ {
		x := words[i]
		for _, w := range words[i+1 : i+shingleLen] {
			x = mix64(x) ^ w
		}
		out = append(out, mix64(x))
	}
	return out, all
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// mix64 is the splitmix64 finaliser.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// hashSeeds are the per-permutation seeds of the MinHash functions.
var hashSeeds = func() (s [numHashes]uint64) {
	x := uint64(0x9e3779b97f4a7c15)
	for i := range s {
		x += 0x9e3779b97f4a7c15
		s[i] = mix64(x)
	}
	return s
}()

// minhash fills sig with the minimum of each hash function over the shingles.
func minhash(shingles []uint64, sig []uint64) {
	for i := range sig {
		sig[i] = ^uint64(0)
	}
	for _, x := range shingles {
		for i := range sig {
			// A cheap permutation family: xor with a seed, then multiply-rotate.
			v := (x ^ hashSeeds[i]) * 0x9e3779b97f4a7c15
			v = bits.RotateLeft64(v, 31) * 0xbf58476d1ce4e5b9
			if v < sig[i] {
				sig[i] = v
			}
		}
	}
}

func sigJaccard(a, b *[numHashes]uint64) float64 {
	eq := 0
	for i := range a {
		if a[i] == b[i] {
			eq++
		}
	}
	return float64(eq) / numHashes
}

// band returns the bucket key of band b: bands 0..numBands-1 of the story signature, then the
// bands of the lead signature.
func (d *Deduper) band(sig *[numHashes]uint64, lead *[leadHashes]uint64, b int) uint64 {
	rows := sig[:]
	off := b
	if b >= numBands {
		rows, off = lead[:], b-numBands
	}
	k := uint64(b+1) * 0x9e3779b97f4a7c15
	for _, v := range rows[off*bandRows : (off+1)*bandRows] {
		k = mix64(k ^ v)
	}
	return k
}

// DedupMode is the event de-duplication of --dedup.
type DedupMode int

// Event de-duplication modes.
const (
	DedupNone  DedupMode = iota // every event is kept
	DedupStory                  // one event per (source, target, code) per story
	DedupDay                    // one event per (date, source, target, code) over all stories, as Phoenix does
)

// ParseDedupMode reads a --dedup value: "none", "story" or "day".
func ParseDedupMode(s string) (DedupMode, error) {
	switch s {
	case "none":
		return DedupNone, nil
	case "story", "":
		return DedupStory, nil
	case "day":
		return DedupDay, nil
	}
	return DedupNone, fmt.Errorf("--dedup must be story, day or none, not %q", s)
}

func (m DedupMode) String() string {
	switch m {
	case DedupStory:
		return "story"
	case DedupDay:
		return "day"
	}
	return "none"
}

// EventKey is what makes two events the same for de-duplication: date, source code, target code
// and event code (the Phoenix pipeline's one-a-day key).
type EventKey struct {
	Date, Source, Target, Code string
}

// Key returns e's EventKey.
func Key(e *story.Event) EventKey {
	return EventKey{Date: e.Date, Source: e.Source.Code, Target: e.Target.Code, Code: e.Code}
}

// EventDeduper drops repeated events from a stream of events in story order. In DedupStory mode
// an event is dropped when an earlier event of the same story has its Key (events of a story
// must come together, as Dyad writes them); in DedupDay mode when any earlier event has its Key.
// Not safe for concurrent use.
type EventDeduper struct {
	mode  DedupMode
	story string
	seen  map[EventKey]struct{}
}

// NewEventDeduper returns an EventDeduper for mode.
func NewEventDeduper(mode DedupMode) *EventDeduper {
	return &EventDeduper{mode: mode, seen: map[EventKey]struct{}{}}
}

// Keep reports whether e is the first of its kind and records it.
func (d *EventDeduper) Keep(e *story.Event) bool {
	switch d.mode {
	case DedupNone:
		return true
	case DedupStory:
		if e.StoryID != d.story {
			d.story = e.StoryID
			clear(d.seen)
		}
	}
	k := Key(e)
	if _, ok := d.seen[k]; ok {
		return false
	}
	d.seen[k] = struct{}{}
	return true
}

// DedupEvents returns the events of events that an EventDeduper for mode keeps, in order. The
// result shares events' backing array.
func DedupEvents(events []story.Event, mode DedupMode) []story.Event {
	d := NewEventDeduper(mode)
	out := events[:0]
	for i := range events {
		if d.Keep(&events[i]) {
			out = append(out, events[i])
		}
	}
	return out
}
