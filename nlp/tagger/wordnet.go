package tagger

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Word-class bits of a lower-cased form, read off the WordNet 3.0 lemma index and exception lists
// with WordNet's own inflection rules (morphy, WordNet 3.0 manual page morphy(7WN)). They are the
// tagger's evidence for words the treebank has too rarely: "bombings" can only be a plural noun,
// "revoked" only a verb form.
const (
	wnNoun    = 1 << iota // the form is a noun lemma
	wnPlural              // a regular or listed plural of a noun lemma
	wnVerb                // a verb lemma (base form)
	wnVerbS               // -s form of a verb lemma
	wnVerbEd              // -ed form, or a past form from verb.exc
	wnVerbIng             // -ing form
	wnAdj                 // an adjective lemma
	wnAdjCmp              // comparative or superlative of an adjective lemma
	wnAdv                 // an adverb lemma
	wnNone                // a word with letters that WordNet does not know
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
	exc  map[string]uint16 // listed inflected form → wnPlural, wnVerb*, wnAdjCmp bits
}

// WordNetFiles are the files of a WordNet 3.0 dict folder that LoadWordNet reads.
var WordNetFiles = []string{"index.noun", "index.verb", "index.adj", "index.adv", "noun.exc", "verb.exc", "adj.exc"}

// LoadWordNet reads index.{noun,verb,adj,adv} and {noun,verb,adj}.exc (WordNetFiles) from a WordNet
// 3.0 dict folder, such as /usr/share/wordnet from the Debian package wordnet-base. Multi-word
// lemmas are skipped. It fails when a file cannot be read or gives no lemmas.
func LoadWordNet(dir string) (*WordNet, error) {
	l := &WordNet{base: map[string]uint8{}, exc: map[string]uint16{}}
	for _, f := range []struct {
		name string
		bit  uint8
	}{{"index.noun", lemNoun}, {"index.verb", lemVerb}, {"index.adj", lemAdj}, {"index.adv", lemAdv}} {
		err := eachLine(filepath.Join(dir, f.name), func(line string) {
			if line == "" || line[0] == ' ' {
				return // licence header
			}
			lemma, _, _ := strings.Cut(line, " ")
			if strings.ContainsAny(lemma, "_") {
				return
			}
			l.base[lemma] |= f.bit
		})
		if err != nil {
			return nil, err
		}
	}
	for _, f := range []string{"noun.exc", "verb.exc", "adj.exc"} {
		err := eachLine(filepath.Join(dir, f), func(line string) {
			form, _, _ := strings.Cut(line, " ")
			if form == "" || strings.ContainsAny(form, "_") {
				return
			}
			var bit uint16
			switch f {
			case "noun.exc":
				bit = wnPlural
			case "adj.exc":
				bit = wnAdjCmp
			default:
				switch {
				case strings.HasSuffix(form, "ing"):
					bit = wnVerbIng
				case strings.HasSuffix(form, "s"):
					bit = wnVerbS
				default:
					bit = wnVerbEd
				}
			}
			l.exc[form] |= bit
		})
		if err != nil {
			return nil, err
		}
	}
	if len(l.base) == 0 {
		return nil, fmt.Errorf("%s: no WordNet lemmas", dir)
	}
	return l, nil
}

func eachLine(path string, fn func(string)) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		fn(sc.Text())
	}
	return sc.Err()
}

// morphy rules: suffix, replacement, the bit they give, and the lemma class they need.
var wnRules = []struct {
	suf, rep string
	bit      uint16
	need     uint8
}{
	{"s", "", wnPlural, lemNoun}, {"ses", "s", wnPlural, lemNoun}, {"xes", "x", wnPlural, lemNoun},
	{"zes", "z", wnPlural, lemNoun}, {"ches", "ch", wnPlural, lemNoun}, {"shes", "sh", wnPlural, lemNoun},
	{"men", "man", wnPlural, lemNoun}, {"ies", "y", wnPlural, lemNoun},
	{"s", "", wnVerbS, lemVerb}, {"ies", "y", wnVerbS, lemVerb}, {"es", "e", wnVerbS, lemVerb}, {"es", "", wnVerbS, lemVerb},
	{"ed", "e", wnVerbEd, lemVerb}, {"ed", "", wnVerbEd, lemVerb}, {"ied", "y", wnVerbEd, lemVerb},
	{"ing", "e", wnVerbIng, lemVerb}, {"ing", "", wnVerbIng, lemVerb},
	{"er", "", wnAdjCmp, lemAdj}, {"est", "", wnAdjCmp, lemAdj}, {"er", "e", wnAdjCmp, lemAdj}, {"est", "e", wnAdjCmp, lemAdj},
	{"ier", "y", wnAdjCmp, lemAdj}, {"iest", "y", wnAdjCmp, lemAdj},
}

// mask returns the word-class bits of the lower-cased form lw: 0 for forms without letters or
// shorter than two bytes, wnNone for words WordNet does not know. buf is scratch space.
func (l *WordNet) mask(lw []byte, buf *[]byte) uint16 {
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
		m |= wnNoun
	}
	if b&lemVerb != 0 {
		m |= wnVerb
	}
	if b&lemAdj != 0 {
		m |= wnAdj
	}
	if b&lemAdv != 0 {
		m |= wnAdv
	}
	m |= l.exc[string(lw)]
	for _, r := range wnRules {
		if len(lw) <= len(r.suf)+1 || m&r.bit != 0 || string(lw[len(lw)-len(r.suf):]) != r.suf {
			continue
		}
		stem := lw[:len(lw)-len(r.suf)]
		*buf = append(append((*buf)[:0], stem...), r.rep...)
		if l.base[string(*buf)]&r.need != 0 {
			m |= r.bit
			continue
		}
		// undoubled consonant: "stopped" → "stop", "bigger" → "big"
		if r.rep == "" && (r.bit == wnVerbEd || r.bit == wnVerbIng || r.bit == wnAdjCmp) && len(stem) >= 3 && stem[len(stem)-1] == stem[len(stem)-2] {
			if l.base[string(stem[:len(stem)-1])]&r.need != 0 {
				m |= r.bit
			}
		}
	}
	if m == 0 {
		return wnNone
	}
	return m
}
