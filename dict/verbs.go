package dict

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode"

	"github.com/dyad-events/dyad/cameo"
)

// maxAlts bounds the alternatives of one pattern item (product of synset sizes inside a {...}
// phrase); an item beyond it is rejected rather than expanded.
const maxAlts = 20000

type verbSection uint8

const (
	secHeader verbSection = iota // before "SYNONYM SETS"
	secSynsets
	secVerbs
	secTransforms
)

// pendingPattern is a pattern line kept until every synset is known.
type pendingPattern struct {
	block *Block
	text  string // line text, comment removed
	pos   Pos
}

// ReadVerbs reads a verb dictionary in CAMEO.2.0 syntax (§5) from r; name labels positions and
// problems. Synset references are expanded into item alternatives; patterns with an undefined
// synset, a synset glued to a word, no '*' or no valid code are rejected (Error); TABARI tokens
// ($ + ^ %) and duplicate patterns are reported (Warning). Legacy TABARI/PETRARCH-1 patterns
// (§6) are not supported: their TABARI tokens are reported on each line. err is non-nil only
// when r fails or holds binary or UTF-16 data (ErrBinary, ErrUTF16).
func ReadVerbs(r io.Reader, name string) (*Verbs, []Problem, error) {
	lr, err := newLineReader(r, name)
	if err != nil {
		return nil, nil, err
	}
	v := &Verbs{Synsets: map[string]*Synset{}, Forms: map[string][]*Verb{}}
	sec := secHeader
	sawHeader := false
	lr.hook = func(raw string) bool {
		if !strings.HasPrefix(raw, "###") {
			return false
		}
		u := strings.ToUpper(raw)
		switch {
		case strings.Contains(u, "SYNONYM SETS"):
			sec, sawHeader = secSynsets, true
		case strings.Contains(u, "VERB PATTERNS"):
			sec, sawHeader = secVerbs, true
		case strings.Contains(u, "TRANSFORMATIONS"):
			sec, sawHeader = secTransforms, true
		}
		return false
	}
	var (
		cur     *Synset
		block   *Block
		pending []pendingPattern
	)
	for lr.next() {
		t := strings.TrimSpace(lr.text)
		switch {
		case sec <= secSynsets && (t[0] == '&' || t[0] == '+'):
			if t[0] == '&' {
				cur = lr.synsetLabel(v, t)
				continue
			}
			if cur == nil {
				lr.errorf("synset member %q before any &SYNSET label; skipped", t)
				continue
			}
			lr.synsetMember(cur, t)
		case sec <= secSynsets:
			if !sawHeader && (strings.HasPrefix(t, "---") || t[0] == '-') {
				// A file without section headers: verb patterns start here.
				sec = secVerbs
				block = lr.verbLine(v, t, block, &pending)
				continue
			}
			lr.errorf("unexpected line in the synset section: %q; skipped", shorten(t))
		case t[0] == '~':
			lr.transformation(v, t)
		case sec == secTransforms:
			lr.errorf("unexpected line in the transformations section: %q; skipped", shorten(t))
		default:
			block = lr.verbLine(v, t, block, &pending)
		}
	}
	tabari := 0
	keys := map[*Block]map[string]*Pattern{}
	for _, p := range pending {
		lr.lineNo = p.pos.Line
		n := len(lr.problems)
		lr.pattern(v, p, keys)
		for _, q := range lr.problems[n:] {
			if strings.Contains(q.Msg, "TABARI token") {
				tabari++
				break
			}
		}
	}
	if !sawHeader && tabari > 0 {
		lr.problems = append(lr.problems, Problem{name, 1, fmt.Sprintf(
			"this looks like the legacy TABARI/PETRARCH-1 verb syntax (PETRARCH-FORMATS.md §6), which Dyad does not support: "+
				"no SYNONYM SETS / VERB PATTERNS headers and %d patterns with $ + ^ %% tokens; patterns were read as CAMEO.2.0 syntax "+
				"without those tokens (use a CAMEO.2.0 file such as PETR.Validate.verbs.2.0.txt)", tabari), Error})
	}
	for _, tr := range v.Transformations {
		for _, w := range []string{tr.InnerVerb, tr.OuterVerb} {
			if w != "Q" && len(v.Forms[w]) == 0 {
				lr.problems = append(lr.problems, Problem{name, tr.Pos.Line,
					printable(fmt.Sprintf("transformation verb %s is not a verb of the dictionary; the rule can never apply", w)), Warning})
			}
		}
	}
	for _, es := range v.Forms {
		sort.SliceStable(es, func(i, j int) bool { return len(es[i].Pre)+len(es[i].Post) > len(es[j].Pre)+len(es[j].Post) })
	}
	return v, lr.problems, nil
}

func shorten(s string) string {
	if len(s) > 60 {
		return s[:57] + "..."
	}
	return s
}

func (lr *lineReader) synsetLabel(v *Verbs, t string) *Synset {
	label := strings.ToUpper(strings.TrimSpace(t[1:]))
	if f := strings.Fields(label); len(f) != 1 {
		lr.errorf("synset label %q must be one word; skipped", t)
		return nil
	}
	s := &Synset{Pos: lr.pos()}
	s.Name = strings.TrimRight(label, "_")
	s.NoPlural = strings.HasSuffix(label, "_")
	if s.Name == "" {
		lr.errorf("empty synset label; skipped")
		return nil
	}
	if old, ok := v.Synsets[s.Name]; ok {
		lr.warnf("synset &%s already defined at %s; this definition replaces it", s.Name, old.Pos)
	}
	v.Synsets[s.Name] = s
	return s
}

func (lr *lineReader) synsetMember(s *Synset, t string) {
	raw := strings.TrimSpace(t[1:])
	if strings.ContainsAny(raw, "&[]{}()") {
		lr.errorf("synset member %q may contain only words; skipped", t)
		return
	}
	words := splitWords(raw)
	if len(words) == 0 {
		lr.errorf("empty synset member; skipped")
		return
	}
	a := Alt{Head: words[len(words)-1]}
	if len(words) > 1 {
		a.Words = words[:len(words)-1]
	}
	s.Members = append(s.Members, a)
	s.Alts = append(s.Alts, a)
	if len(words) == 1 && !s.NoPlural && !strings.HasSuffix(raw, "_") {
		s.Alts = append(s.Alts, Alt{Head: pluralNoun(a.Head)})
	}
}

// verbLine handles a line of the verb section: block header, pattern or verb line. It returns
// the current block.
func (lr *lineReader) verbLine(v *Verbs, t string, block *Block, pending *[]pendingPattern) *Block {
	switch {
	case strings.HasPrefix(t, "---"):
		return lr.blockHeader(v, t)
	case t[0] == '-':
		if block == nil {
			lr.errorf("pattern before any verb block; skipped")
			return nil
		}
		*pending = append(*pending, pendingPattern{block, t, lr.pos()})
		return block
	}
	if block == nil {
		lr.errorf("verb line %q before any block header (--- MEANING [code] ---); skipped", shorten(t))
		return nil
	}
	lr.verb(v, block, t)
	return block
}

func (lr *lineReader) blockHeader(v *Verbs, t string) *Block {
	s := strings.TrimSpace(strings.TrimPrefix(t, "---"))
	s = strings.TrimRight(s, "- \t") // "[110]---  ---" occurs in CAMEO.2.0.txt
	head, items, bad := bracketItems(s)
	if bad != "" {
		lr.errorf("bad block header: %s; block skipped", bad)
		return nil
	}
	words := splitWords(head)
	if len(words) == 0 {
		lr.errorf("block header without a meaning word; block skipped")
		return nil
	}
	b := &Block{Meaning: strings.Join(words, "_"), Pos: lr.pos(), Code: Code{Kind: CodeNull}}
	switch len(items) {
	case 0:
		lr.warnf("block header %s has no [code]; [---] assumed", b.Meaning)
	case 1:
		c, err := ParseCode(items[0])
		if err != nil {
			lr.errorf("block %s: %v; [---] assumed", b.Meaning, err)
		} else if c.Kind != CodeNone {
			b.Code = c
			lr.checkCAMEO(c, "block "+b.Meaning)
		}
	default:
		lr.errorf("block header %s has %d codes; the first is used", b.Meaning, len(items))
		if c, err := ParseCode(items[0]); err == nil {
			b.Code = c
		}
	}
	v.Blocks = append(v.Blocks, b)
	return b
}

// verbPhrase splits a verb phrase such as "+ASK_FOR" or "WIRE_+TAP" into pre particles, verb
// word and post particles, upper-case.
func verbPhrase(s string) (pre []string, verb string, post []string, err error) {
	words := strings.FieldsFunc(strings.ToUpper(s), func(r rune) bool { return r == '_' || unicode.IsSpace(r) })
	if len(words) == 0 {
		return nil, "", nil, fmt.Errorf("empty verb")
	}
	vi := -1
	for i, w := range words {
		if strings.HasPrefix(w, "+") {
			if vi >= 0 {
				return nil, "", nil, fmt.Errorf("verb %q marks two words with '+'", s)
			}
			vi = i
			words[i] = strings.TrimPrefix(w, "+")
		}
	}
	if vi < 0 {
		if len(words) > 1 {
			return nil, "", nil, fmt.Errorf("multi-word verb %q does not mark its verb word with '+'", s)
		}
		vi = 0
	}
	for _, w := range words {
		if w == "" || strings.ContainsAny(w, "+&$^%*") {
			return nil, "", nil, fmt.Errorf("bad word %q in verb %q", w, s)
		}
	}
	return words[:vi], words[vi], words[vi+1:], nil
}

func (lr *lineReader) verb(v *Verbs, b *Block, t string) {
	if i := strings.IndexByte(t, ';'); i >= 0 {
		lr.warnf("TABARI ';' comment %q in a verb line ignored", strings.TrimSpace(t[i:]))
		t = t[:i]
	}
	var forms []string
	hasForms := false
	if i := strings.IndexByte(t, '{'); i >= 0 {
		j := strings.IndexByte(t[i:], '}')
		if j < 0 {
			lr.errorf("verb line %q: '{' without '}'; skipped", shorten(t))
			return
		}
		forms = strings.Fields(t[i+1 : i+j])
		hasForms = true
		t = t[:i] + " " + t[i+j+1:]
	}
	head, items, bad := bracketItems(t)
	if bad != "" {
		lr.errorf("verb line: %s; skipped", bad)
		return
	}
	pre, word, post, err := verbPhrase(head)
	if err != nil {
		lr.errorf("%v; verb line skipped", err)
		return
	}
	code, own := b.Code, false
	if len(items) > 0 {
		if len(items) > 1 {
			lr.errorf("verb %s has %d codes; the first is used", word, len(items))
		}
		c, err := ParseCode(items[0])
		if err != nil {
			lr.errorf("verb %s: %v; the block code is used", word, err)
		} else {
			code, own = c, true
			lr.checkCAMEO(c, "verb "+word)
		}
	}
	lemma := strings.Join(append(append(append([]string{}, pre...), word), post...), "_")
	var replaced []string
	defer func() {
		if len(replaced) > 0 {
			lr.warnf("verb %s of block %s replaces earlier entries of the same form: %s", lemma, b.Meaning, strings.Join(replaced, "; "))
		}
	}()
	add := func(pre []string, form string, post []string) {
		e := &Verb{Form: form, Pre: pre, Post: post, Lemma: lemma, Code: code, OwnCode: own, Block: b, Pos: lr.pos()}
		for i, o := range v.Forms[form] {
			if equalWords(o.Pre, pre) && equalWords(o.Post, post) {
				if o.Block != b || o.Code != code {
					replaced = append(replaced, phraseOf(pre, form, post)+" ("+o.Pos.String()+", block "+o.Block.Meaning+")")
				}
				v.Forms[form][i] = e
				b.Verbs = append(b.Verbs, e)
				return
			}
		}
		v.Forms[form] = append(v.Forms[form], e)
		b.Verbs = append(b.Verbs, e)
	}
	add(pre, word, post)
	if hasForms {
		for _, f := range forms {
			fpre, fword, fpost, err := verbPhrase(f)
			if err != nil {
				lr.errorf("%v; form skipped", err)
				continue
			}
			if fword == word && equalWords(fpre, pre) && equalWords(fpost, post) {
				continue
			}
			add(fpre, fword, fpost)
		}
		return
	}
	third, past, ger := verbForms(word)
	add(pre, third, post)
	add(pre, past, post)
	add(pre, ger, post)
}

func phraseOf(pre []string, w string, post []string) string {
	return strings.Join(append(append(append([]string{}, pre...), w), post...), " ")
}

func equalWords(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// pattern parses and expands one pattern line into its block; keys maps each block's pattern
// keys to the pattern kept, for duplicate detection.
func (lr *lineReader) pattern(v *Verbs, p pendingPattern, keys map[*Block]map[string]*Pattern) {
	t := strings.TrimSpace(strings.TrimPrefix(p.text, "-"))
	head, items, bad := bracketItems(t)
	if bad != "" {
		lr.errorf("pattern %q: %s; skipped", shorten(p.text), bad)
		return
	}
	if len(items) != 1 {
		if len(items) == 0 {
			lr.errorf("pattern %q has no [code]; skipped", shorten(p.text))
		} else {
			lr.errorf("pattern %q has %d codes; skipped", shorten(p.text), len(items))
		}
		return
	}
	code, err := ParseCode(items[0])
	if err != nil {
		lr.errorf("pattern %q: %v; skipped", shorten(p.text), err)
		return
	}
	lr.checkCAMEO(code, fmt.Sprintf("pattern %q", shorten(p.text)))
	pat := &Pattern{Code: code, Text: strings.Join(strings.Fields(p.text), " "), Pos: p.pos}
	ps := patternScanner{lr: lr, v: v, s: head, text: p.text}
	if !ps.parse(pat) {
		return
	}
	key := patternKey(pat)
	b := p.block
	if keys[b] == nil {
		keys[b] = map[string]*Pattern{}
	}
	if o := keys[b][key]; o != nil {
		lr.warnf("duplicate pattern %q in block %s (also at %s, code [%s]); the last one, [%s], is kept",
			key, b.Meaning, o.Pos, o.Code, pat.Code)
		for i := range b.Patterns {
			if b.Patterns[i] == o {
				b.Patterns = append(b.Patterns[:i], b.Patterns[i+1:]...)
				break
			}
		}
	}
	keys[b][key] = pat
	b.Patterns = append(b.Patterns, pat)
}

func patternKey(p *Pattern) string {
	var sb strings.Builder
	for _, it := range p.Pre {
		sb.WriteString(it.Text)
		sb.WriteByte(' ')
	}
	sb.WriteByte('*')
	for _, it := range p.Post {
		sb.WriteByte(' ')
		sb.WriteString(it.Text)
	}
	return sb.String()
}

// patternScanner parses the pre/post part of a pattern (§5.4 grammar).
type patternScanner struct {
	lr   *lineReader
	v    *Verbs
	s    string
	i    int
	text string
	bad  bool
}

func (ps *patternScanner) fail(format string, args ...any) {
	if !ps.bad {
		ps.lr.errorf("pattern %q: %s; skipped", shorten(strings.TrimSpace(ps.text)), fmt.Sprintf(format, args...))
	}
	ps.bad = true
}

func (ps *patternScanner) skipSpace() {
	for ps.i < len(ps.s) && (ps.s[ps.i] == ' ' || ps.s[ps.i] == '\t') {
		ps.i++
	}
}

// word reads a bare word up to white space or a bracket.
func (ps *patternScanner) word() string {
	j := ps.i
	for ps.i < len(ps.s) && !strings.ContainsRune(" \t{}()", rune(ps.s[ps.i])) {
		ps.i++
	}
	return ps.s[j:ps.i]
}

func isTabariToken(w string) bool { return w == "$" || w == "+" || w == "^" || w == "%" }

func (ps *patternScanner) parse(p *Pattern) bool {
	star := false
	for !ps.bad {
		ps.skipSpace()
		if ps.i >= len(ps.s) {
			break
		}
		var it Item
		var ok bool
		switch c := ps.s[ps.i]; c {
		case '*':
			ps.i++
			if star {
				ps.fail("two '*'")
				return false
			}
			star = true
			continue
		case '{':
			it, ok = ps.phrase()
		case '(':
			it, ok = ps.pp()
		case '}', ')':
			ps.fail("unbalanced %q", c)
			return false
		default:
			w := ps.word()
			if isTabariToken(w) {
				ps.lr.warnf("pattern %q: TABARI token %q has no meaning in CAMEO.2.0 syntax; ignored", shorten(strings.TrimSpace(ps.text)), w)
				continue
			}
			it, ok = ps.noun(w)
		}
		if !ok {
			return false
		}
		if star {
			p.Post = append(p.Post, it)
		} else {
			p.Pre = append(p.Pre, it)
		}
	}
	if ps.bad {
		return false
	}
	if !star {
		ps.fail("no '*' (verb position)")
		return false
	}
	return true
}

// wordAlts returns the alternatives of one pattern word: a synset's members or the literal word.
func (ps *patternScanner) wordAlts(w string) ([]Alt, bool) {
	w = strings.ToUpper(w)
	for _, t := range []string{"$", "+", "^", "%"} {
		if strings.Contains(w, t) && w != t {
			ps.lr.warnf("pattern %q: TABARI token %q in word %q ignored", shorten(strings.TrimSpace(ps.text)), t, w)
			w = strings.ReplaceAll(w, t, "")
		}
	}
	if strings.HasPrefix(w, "&") {
		name := strings.TrimRight(w[1:], "_")
		if strings.ContainsAny(name, "&") {
			ps.fail("bad synset reference %q", w)
			return nil, false
		}
		s, ok := ps.v.Synsets[name]
		if !ok {
			ps.fail("undefined synset &%s", name)
			return nil, false
		}
		if len(s.Alts) == 0 {
			ps.fail("synset &%s (%s) has no members", name, s.Pos)
			return nil, false
		}
		return s.Alts, true
	}
	if strings.Contains(w, "&") {
		ps.fail("synset glued to a word in %q", w)
		return nil, false
	}
	words := splitWords(w)
	if len(words) == 0 {
		return nil, true
	}
	a := Alt{Head: words[len(words)-1]}
	if len(words) > 1 {
		a.Words = words[:len(words)-1]
	}
	return []Alt{a}, true
}

func (ps *patternScanner) noun(w string) (Item, bool) {
	alts, ok := ps.wordAlts(w)
	if !ok {
		return Item{}, false
	}
	if len(alts) == 0 {
		ps.fail("empty word")
		return Item{}, false
	}
	kind := ItemNoun
	if strings.ContainsAny(strings.Trim(w, "_"), "_") {
		kind = ItemPhrase
	}
	return Item{Kind: kind, Alts: alts, Text: strings.ToUpper(w)}, true
}

// phrase reads "{A B C}": head C (the last word), A and B required.
func (ps *patternScanner) phrase() (Item, bool) {
	start := ps.i
	j := strings.IndexByte(ps.s[ps.i:], '}')
	if j < 0 {
		ps.fail("'{' without '}'")
		return Item{}, false
	}
	inner := ps.s[ps.i+1 : ps.i+j]
	ps.i += j + 1
	if strings.ContainsAny(inner, "{()") {
		ps.fail("nested brackets in %q", ps.s[start:ps.i])
		return Item{}, false
	}
	var words [][]Alt
	for _, w := range strings.Fields(inner) {
		if isTabariToken(w) {
			ps.lr.warnf("pattern %q: TABARI token %q has no meaning in CAMEO.2.0 syntax; ignored", shorten(strings.TrimSpace(ps.text)), w)
			continue
		}
		a, ok := ps.wordAlts(w)
		if !ok {
			return Item{}, false
		}
		if len(a) > 0 {
			words = append(words, a)
		}
	}
	if len(words) == 0 {
		ps.fail("empty phrase {}")
		return Item{}, false
	}
	total := 1
	for _, w := range words {
		total *= len(w)
		if total > maxAlts {
			ps.fail("phrase %q expands to more than %d alternatives", inner, maxAlts)
			return Item{}, false
		}
	}
	alts := make([]Alt, 0, total)
	idx := make([]int, len(words))
	for {
		last := words[len(words)-1][idx[len(words)-1]]
		a := Alt{Head: last.Head}
		for k := range words {
			w := words[k][idx[k]]
			a.Words = append(a.Words, w.Words...)
			if k < len(words)-1 {
				a.Words = append(a.Words, w.Head)
			}
		}
		if len(a.Words) == 0 {
			a.Words = nil
		}
		alts = append(alts, a)
		k := len(words) - 1
		for k >= 0 {
			idx[k]++
			if idx[k] < len(words[k]) {
				break
			}
			idx[k] = 0
			k--
		}
		if k < 0 {
			break
		}
	}
	return Item{Kind: ItemPhrase, Alts: alts, Text: "{" + strings.ToUpper(strings.Join(strings.Fields(inner), " ")) + "}"}, true
}

// pp reads "(P ...)": preposition P, then noun and {phrase} objects.
func (ps *patternScanner) pp() (Item, bool) {
	start := ps.i
	ps.i++
	ps.skipSpace()
	prep := strings.ToUpper(ps.word())
	if prep == "" || strings.ContainsAny(prep, "&_") {
		ps.fail("prepositional phrase without a preposition")
		return Item{}, false
	}
	it := Item{Kind: ItemPP, Prep: prep}
	for !ps.bad {
		ps.skipSpace()
		if ps.i >= len(ps.s) {
			ps.fail("'(' without ')'")
			return Item{}, false
		}
		switch ps.s[ps.i] {
		case ')':
			ps.i++
			parts := []string{prep}
			for _, o := range it.Objects {
				parts = append(parts, o.Text)
			}
			it.Text = "(" + strings.Join(parts, " ") + ")"
			_ = start
			return it, true
		case '(':
			ps.fail("nested '('")
			return Item{}, false
		case '}':
			ps.fail("unbalanced '}'")
			return Item{}, false
		case '{':
			o, ok := ps.phrase()
			if !ok {
				return Item{}, false
			}
			it.Objects = append(it.Objects, o)
		default:
			w := ps.word()
			if isTabariToken(w) {
				ps.lr.warnf("pattern %q: TABARI token %q has no meaning in CAMEO.2.0 syntax; ignored", shorten(strings.TrimSpace(ps.text)), w)
				continue
			}
			o, ok := ps.noun(w)
			if !ok {
				return Item{}, false
			}
			it.Objects = append(it.Objects, o)
		}
	}
	return Item{}, false
}

// transformation parses "~ a (b c INNER) OUTER = x y CODE" (§5.6).
func (lr *lineReader) transformation(v *Verbs, t string) {
	s := strings.TrimSpace(t[1:])
	s = strings.NewReplacer("(", " ( ", ")", " ) ", "=", " = ").Replace(s)
	f := strings.Fields(s)
	if len(f) != 11 || f[1] != "(" || f[5] != ")" || f[7] != "=" {
		lr.errorf("transformation %q: expected \"~ a (b c VERB) VERB = x y CODE\"; skipped", shorten(t))
		return
	}
	tr := &Transformation{
		Source: f[0], InnerSource: f[2], InnerTarget: f[3],
		InnerVerb: strings.ToUpper(f[4]), OuterVerb: strings.ToUpper(f[6]),
		NewSource: f[8], NewTarget: f[9], NewCode: f[10],
		Text: strings.Join(strings.Fields(t), " "), Pos: lr.pos(),
	}
	for _, x := range []string{tr.Source, tr.InnerSource, tr.InnerTarget, tr.NewSource, tr.NewTarget} {
		if !(x == "." || x == "_" || (len(x) == 1 && x[0] >= 'a' && x[0] <= 'z')) {
			lr.errorf("transformation %q: actor slot %q must be a lower-case letter, '.' or '_'; skipped", shorten(t), x)
			return
		}
	}
	if tr.NewCode != "Q" && !isEventCode(tr.NewCode) {
		lr.errorf("transformation %q: bad event code %q; skipped", shorten(t), tr.NewCode)
		return
	}
	v.Transformations = append(v.Transformations, tr)
}

// checkCAMEO warns when an event code of c is not a CAMEO 1.1b3 code (package cameo, from the
// codebook's event code table): such a code still codes events, but they carry no name,
// QuadClass or Goldstein value.
func (lr *lineReader) checkCAMEO(c Code, what string) {
	for _, code := range []string{c.A, c.B} {
		if code == "" {
			continue
		}
		if _, ok := cameo.Lookup(code); !ok {
			lr.warnf("%s: event code %s is not a CAMEO 1.1b3 code", what, code)
		}
	}
}
