// Package wordnet reads the parts of the WordNet 3.0 lexical database (Princeton University; WordNet
// 3.0 licence, notice in nlp/model/WORDNET-LICENSE) that Dyad's tagger uses as features: which
// single words are noun, verb, adjective or adverb lemmas and which inflected forms they have
// (WordNet's morphy rules, morphy(7WN)). A model that uses it keeps its own copy (WriteClasses,
// ReadClasses), so tagging needs no WordNet installed.
package wordnet

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/dyad-events/dyad/nlp/internal/linear"
)

// Word-class bits of a lower-cased form, read off the WordNet 3.0 lemma index and exception lists
// with WordNet's own inflection rules (morphy, WordNet 3.0 manual page morphy(7WN)). They are the
// tagger's evidence for words the treebank has too rarely: "bombings" can only be a plural noun,
// "revoked" only a verb form.
const (
	Noun    = 1 << iota // the form is a noun lemma
	Plural              // a regular or listed plural of a noun lemma
	Verb                // a verb lemma (base form)
	VerbS               // -s form of a verb lemma
	VerbEd              // -ed form, or a past form from verb.exc
	VerbIng             // -ing form
	Adj                 // an adjective lemma
	AdjCmp              // comparative or superlative of an adjective lemma
	Adv                 // an adverb lemma
	None                // a word with letters that WordNet does not know
)

// Lemma classes in WordNet.base.
const (
	lemNoun = 1 << iota
	lemVerb
	lemAdj
	lemAdv
)

// WordNet holds the single-word lemmas of WordNet 3.0 (Princeton University; WordNet 3.0 licence,
// see nlp/model/WORDNET-LICENSE) with their parts of speech, and the inflected forms of its
// exception lists. A tagger trained with it keeps a copy inside its model file, so that tagging
// needs no WordNet installation.
type WordNet struct {
	base map[string]uint8  // lemma → lemNoun|lemVerb|lemAdj|lemAdv
	exc  map[string]uint16 // listed inflected form → Plural, Verb*, AdjCmp bits
}

// Files are the files of a WordNet 3.0 dict folder that Load reads.
var Files = []string{"index.noun", "index.verb", "index.adj", "index.adv", "noun.exc", "verb.exc", "adj.exc"}

// Load reads index.{noun,verb,adj,adv} and {noun,verb,adj}.exc (Files) from a WordNet 3.0 dict
// folder, such as /usr/share/wordnet from the Debian package wordnet-base. Multi-word lemmas are
// skipped. A file that cannot be read or holds binary data is an error. Lines that are not in
// WordNet's layout (an index line: lemma, part of speech of the file, synset count, ...; an
// exception line: an inflected form and its base forms) are skipped and reported as
// "FILE:LINE: ..." in the returned error (at most 10 of them, then a count), after every file has
// been read; so is a folder that gives no lemma.
func Load(dir string) (*WordNet, error) {
	l := &WordNet{base: map[string]uint8{}, exc: map[string]uint16{}}
	var probs []string
	for _, f := range Files {
		path := filepath.Join(dir, f)
		file, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		err = l.read(file, path, f, &probs)
		file.Close()
		if err != nil {
			return nil, err
		}
	}
	if len(l.base) == 0 {
		probs = append(probs, dir+": no WordNet lemmas")
	}
	if len(probs) > 0 {
		if len(probs) > 10 {
			probs = append(probs[:10], fmt.Sprintf("... and %d more", len(probs)-10))
		}
		return nil, errors.New(strings.Join(probs, "\n"))
	}
	return l, nil
}

// indexPOS is the part-of-speech letter of each index file's lines (wndb(5WN)) and the lemma class
// it gives.
var indexPOS = map[string]struct {
	pos string
	bit uint8
}{"index.noun": {"n", lemNoun}, "index.verb": {"v", lemVerb}, "index.adj": {"a", lemAdj}, "index.adv": {"r", lemAdv}}

// maxLine is the longest line read, in bytes; WordNet 3.0's longest index line is under 2 kB.
const maxLine = 64 << 10

// read adds the lines of one WordNet file (name: its base name, one of Files; path: for messages)
// to l. Malformed lines are skipped and described in *probs; binary data or a read error is
// returned.
func (l *WordNet) read(r io.Reader, path, name string, probs *[]string) error {
	br := bufio.NewReaderSize(r, maxLine)
	idx, isIndex := indexPOS[name]
	for n := 1; ; n++ {
		line, err := br.ReadSlice('\n')
		if err == bufio.ErrBufferFull {
			*probs = append(*probs, fmt.Sprintf("%s:%d: line longer than %d bytes", path, n, maxLine))
			for err == bufio.ErrBufferFull {
				_, err = br.ReadSlice('\n')
			}
			if err != nil && err != io.EOF {
				return fmt.Errorf("%s: %w", path, err)
			}
			continue
		}
		if len(line) == 0 && err != nil {
			if err == io.EOF {
				return nil
			}
			return fmt.Errorf("%s: %w", path, err)
		}
		if bytes.IndexByte(line, 0) >= 0 || !utf8.Valid(line) {
			return fmt.Errorf("%s:%d: binary data, not a WordNet file", path, n)
		}
		text := strings.TrimRight(string(line), "\r\n")
		if text == "" || text[0] == ' ' {
			continue // licence header
		}
		fs := strings.Fields(text)
		if isIndex {
			// lemma pos synset_cnt p_cnt ...
			if len(fs) < 4 || fs[1] != idx.pos || !digits(fs[2]) || !digits(fs[3]) {
				*probs = append(*probs, fmt.Sprintf("%s:%d: not a WordNet index line (lemma %s synset_cnt p_cnt ...)", path, n, idx.pos))
				continue
			}
			if !strings.Contains(fs[0], "_") {
				l.base[fs[0]] |= idx.bit
			}
			continue
		}
		// inflected form, base form(s)
		if len(fs) < 2 {
			*probs = append(*probs, fmt.Sprintf("%s:%d: not a WordNet exception line (form base ...)", path, n))
			continue
		}
		form := fs[0]
		if strings.Contains(form, "_") {
			continue
		}
		var bit uint16
		switch name {
		case "noun.exc":
			bit = Plural
		case "adj.exc":
			bit = AdjCmp
		default:
			switch {
			case strings.HasSuffix(form, "ing"):
				bit = VerbIng
			case strings.HasSuffix(form, "s"):
				bit = VerbS
			default:
				bit = VerbEd
			}
		}
		l.exc[form] |= bit
	}
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// morphy rules (morphy(7WN)): a suffix, its replacement, and the class bits it gives when the stem
// is a lemma of the class they need. Rules with the same suffix and replacement share one lemma
// lookup.
type wnPair struct {
	bit  uint16
	need uint8
}

var wnRules = []struct {
	suf, rep string
	pairs    []wnPair
}{
	{"s", "", []wnPair{{Plural, lemNoun}, {VerbS, lemVerb}}},
	{"ses", "s", []wnPair{{Plural, lemNoun}}}, {"xes", "x", []wnPair{{Plural, lemNoun}}},
	{"zes", "z", []wnPair{{Plural, lemNoun}}}, {"ches", "ch", []wnPair{{Plural, lemNoun}}},
	{"shes", "sh", []wnPair{{Plural, lemNoun}}}, {"men", "man", []wnPair{{Plural, lemNoun}}},
	{"ies", "y", []wnPair{{Plural, lemNoun}, {VerbS, lemVerb}}},
	{"es", "e", []wnPair{{VerbS, lemVerb}}}, {"es", "", []wnPair{{VerbS, lemVerb}}},
	{"ed", "e", []wnPair{{VerbEd, lemVerb}}}, {"ed", "", []wnPair{{VerbEd, lemVerb}}}, {"ied", "y", []wnPair{{VerbEd, lemVerb}}},
	{"ing", "e", []wnPair{{VerbIng, lemVerb}}}, {"ing", "", []wnPair{{VerbIng, lemVerb}}},
	{"er", "", []wnPair{{AdjCmp, lemAdj}}}, {"est", "", []wnPair{{AdjCmp, lemAdj}}},
	{"er", "e", []wnPair{{AdjCmp, lemAdj}}}, {"est", "e", []wnPair{{AdjCmp, lemAdj}}},
	{"ier", "y", []wnPair{{AdjCmp, lemAdj}}}, {"iest", "y", []wnPair{{AdjCmp, lemAdj}}},
}

// Classes returns the word-class bits (Noun ... None) of the lower-cased form lw: 0 for forms
// without letters or shorter than two bytes, None for words WordNet does not know. buf is scratch
// space (no allocation once it has grown).
func (l *WordNet) Classes(lw []byte, buf *[]byte) uint16 {
	if len(lw) < 2 {
		return 0
	}
	letters := false
	for _, c := range lw {
		if c >= 'a' && c <= 'z' || c >= 0x80 {
			letters = true
			break
		}
	}
	if !letters {
		return 0
	}
	b := l.base[string(lw)]
	var m uint16
	if b&lemNoun != 0 {
		m |= Noun
	}
	if b&lemVerb != 0 {
		m |= Verb
	}
	if b&lemAdj != 0 {
		m |= Adj
	}
	if b&lemAdv != 0 {
		m |= Adv
	}
	m |= l.exc[string(lw)]
	switch lw[len(lw)-1] {
	case 's', 'n', 'd', 'g', 'r', 't': // the last letters of the suffixes
	default:
		if m == 0 {
			return None
		}
		return m
	}
	for _, r := range wnRules {
		if len(lw) <= len(r.suf)+1 || string(lw[len(lw)-len(r.suf):]) != r.suf {
			continue
		}
		todo := false
		for _, p := range r.pairs {
			todo = todo || m&p.bit == 0
		}
		if !todo {
			continue
		}
		stem := lw[:len(lw)-len(r.suf)]
		*buf = append(append((*buf)[:0], stem...), r.rep...)
		got := l.base[string(*buf)]
		var undoubled uint8
		for _, p := range r.pairs {
			if m&p.bit != 0 {
				continue
			}
			if got&p.need != 0 {
				m |= p.bit
				continue
			}
			// undoubled consonant: "stopped" → "stop", "bigger" → "big"
			if r.rep == "" && (p.bit == VerbEd || p.bit == VerbIng || p.bit == AdjCmp) && len(stem) >= 3 && stem[len(stem)-1] == stem[len(stem)-2] {
				if undoubled == 0 {
					undoubled = l.base[string(stem[:len(stem)-1])] | 0x80
				}
				if undoubled&p.need != 0 {
					m |= p.bit
				}
			}
		}
	}
	if m == 0 {
		return None
	}
	return m
}

// WriteClasses writes the word-class part (lemmas and exceptions, each in key order, so that the
// same WordNet gives the same bytes): two counts and (key, bits) entries; two zero counts for nil.
func (l *WordNet) WriteClasses(e *linear.Enc) {
	if l == nil {
		writeMap(e, nil)
		writeMap(e, nil)
		return
	}
	base := make(map[string]uint16, len(l.base))
	for k, v := range l.base {
		base[k] = uint16(v)
	}
	writeMap(e, base)
	writeMap(e, l.exc)
}

// ReadClasses reads what WriteClasses wrote: nil when both parts are empty; errors are left in
// d.Err.
func ReadClasses(d *linear.Dec) *WordNet {
	base, exc := readMap(d), readMap(d)
	if len(base) == 0 && len(exc) == 0 {
		return nil
	}
	l := &WordNet{base: make(map[string]uint8, len(base)), exc: exc}
	for k, v := range base {
		l.base[k] = uint8(v)
	}
	return l
}

func writeMap(e *linear.Enc, m map[string]uint16) {
	ks := slices.Sorted(maps.Keys(m))
	e.U32(uint32(len(ks)))
	for _, k := range ks {
		e.Str(k)
		e.U32(uint32(m[k]))
	}
}

func readMap(d *linear.Dec) map[string]uint16 {
	n := d.Count(1 << 22)
	m := make(map[string]uint16, n)
	for i := 0; i < n && d.Err == nil; i++ {
		k := d.Str()
		m[k] = uint16(d.U32())
	}
	return m
}
