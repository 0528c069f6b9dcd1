package tagger

import (
	"fmt"
	"io"
	"maps"
	"slices"

	"github.com/dyad-events/dyad/nlp/internal/linear"
	"github.com/dyad-events/dyad/nlp/wordnet"
)

// magic starts a tagger file; magicV3 files (before WordNet), magicV2 files (before the lemma list)
// and magicV1 files (before the lexicon) are still read.
const (
	magic   = "DYADTAG4"
	magicV3 = "DYADTAG3"
	magicV2 = "DYADTAG2"
	magicV1 = "DYADTAG1"
)

// WriteTo writes the tagger in Dyad's binary model layout (uncompressed; callers compress): the
// magic "DYADTAG4", the classes, the tag dictionary, ambiguity classes, lexicon, lemma exceptions,
// FEATS exceptions and the list of known lemmas (each sorted, so that the same tagger always gives
// the same bytes), the WordNet lemmas and exceptions (a count of 0 for none), then the weights.
func (t *Tagger) WriteTo(w io.Writer) (int64, error) {
	e := linear.NewEnc(w)
	e.Str(magic)
	e.U32(uint32(t.nclass))
	for i, c := range t.classes {
		e.Str(c.UPOS)
		e.Str(c.XPOS)
		e.Str(t.featsC[i])
	}
	td := slices.Sorted(maps.Keys(t.tagDict))
	e.U32(uint32(len(td)))
	for _, k := range td {
		e.Str(k)
		e.U32(uint32(t.tagDict[k]))
	}
	writeU64Map(e, t.amb)
	writeU64Map(e, t.lex)
	known := make(map[string]string, len(t.lemmas))
	for l := range t.lemmas {
		known[l] = ""
	}
	for _, m := range []map[string]string{t.lemmaEx, t.featsW, known} {
		ks := slices.Sorted(maps.Keys(m))
		e.U32(uint32(len(ks)))
		for _, k := range ks {
			e.Str(k)
			e.Str(m[k])
		}
	}
	t.wn.WriteClasses(e)
	e.Model(t.model)
	if t.model2 != nil {
		e.U32(2)
		e.Model(t.model2)
	} else {
		e.U32(1)
	}
	return 0, e.Flush()
}

// Load reads a tagger written by WriteTo (uncompressed). Corrupt input gives an error, never a panic.
func Load(r io.Reader) (*Tagger, error) {
	d := linear.NewDec(r)
	m := d.Str()
	if (m != magic && m != magicV3 && m != magicV2 && m != magicV1) || d.Err != nil {
		return nil, fmt.Errorf("tagger: not a tagger model")
	}
	t := &Tagger{}
	t.nclass = d.Count(255)
	for i := 0; i < t.nclass && d.Err == nil; i++ {
		t.classes = append(t.classes, class{d.Str(), d.Str()})
		t.featsC = append(t.featsC, d.Str())
	}
	n := d.Count(1 << 24)
	t.tagDict = make(map[string]int16, n)
	for i := 0; i < n && d.Err == nil; i++ {
		k := d.Str()
		c := d.U32()
		if int(c) >= t.nclass {
			return nil, fmt.Errorf("tagger: %w", linear.ErrCorrupt)
		}
		t.tagDict[k] = int16(c)
	}
	t.setMasks()
	t.amb = readU64Map(d)
	if m != magicV1 {
		t.lex = readU64Map(d)
	} else {
		t.lex = map[string]uint64{}
	}
	maps := 2
	if m == magic || m == magicV3 {
		maps = 3
	}
	t.lemmas = map[string]bool{}
	for j := 0; j < maps; j++ {
		n = d.Count(1 << 24)
		m := make(map[string]string, n)
		for i := 0; i < n && d.Err == nil; i++ {
			k := d.Str()
			m[k] = d.Str()
		}
		switch j {
		case 0:
			t.lemmaEx = m
		case 1:
			t.featsW = m
		default:
			for l := range m {
				t.lemmas[l] = true
			}
		}
	}
	if m == magic {
		t.wn = wordnet.ReadClasses(d)
	}
	t.model = d.Model()
	if stages := d.Count(2); stages == 2 {
		t.model2 = d.Model()
	}
	if d.Err != nil {
		return nil, fmt.Errorf("tagger: %w", d.Err)
	}
	if t.model.NClass() != t.nclass || (t.model2 != nil && t.model2.NClass() != t.nclass) {
		return nil, fmt.Errorf("tagger: model has %d classes, tag set %d", t.model.NClass(), t.nclass)
	}
	t.index()
	return t, nil
}

// writeU64Map writes m as a count and (key, low 32 bits, high 32 bits) entries in key order.
func writeU64Map(e *linear.Enc, m map[string]uint64) {
	ks := slices.Sorted(maps.Keys(m))
	e.U32(uint32(len(ks)))
	for _, k := range ks {
		e.Str(k)
		v := m[k]
		e.U32(uint32(v))
		e.U32(uint32(v >> 32))
	}
}

// readU64Map reads a map written by writeU64Map; errors are left in d.Err.
func readU64Map(d *linear.Dec) map[string]uint64 {
	n := d.Count(1 << 24)
	m := make(map[string]uint64, n)
	for i := 0; i < n && d.Err == nil; i++ {
		k := d.Str()
		lo := d.U32()
		hi := d.U32()
		m[k] = uint64(hi)<<32 | uint64(lo)
	}
	return m
}
