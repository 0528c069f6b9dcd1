package dict

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// actorRecord is a primary phrase with its synonyms and collected codes, stored when complete.
type actorRecord struct {
	phrases [][]string
	lines   []int
	codes   []DatedCode
}

// Read adds one actor dictionary file (§7) to a. A record is a primary line (phrase plus optional
// [CODE] / [CODE RESTRICTION] items), '+' synonym lines and '['-restriction lines; all its codes,
// in file order, are attached to the primary phrase and each synonym. A phrase already present
// (from an earlier record or file) gets the new codes appended. The last record of the file is
// stored (§7 quirk). Phrases are upper-cased (§4). A record without any code is kept aside:
// call Finish after the last file to report those that no later record supplied a code for.
// err is non-nil only when r fails or holds binary or UTF-16 data (ErrBinary, ErrUTF16).
func (a *Actors) Read(r io.Reader, name string) ([]Problem, error) {
	lr, err := newLineReader(r, name)
	if err != nil {
		return nil, err
	}
	if a.codes == nil {
		a.codes = map[string]struct{}{}
	}
	a.file = name
	a.trie.Reserve(len(lr.data) / 16)
	var rec *actorRecord
	for lr.next() {
		t := strings.TrimSpace(lr.text)
		switch t[0] {
		case '[':
			if rec == nil {
				lr.errorf("date restriction before any actor phrase; skipped")
				continue
			}
			head, items, bad := bracketItems(t)
			if bad != "" || strings.TrimSpace(head) != "" {
				lr.errorf("bad restriction line: %s; skipped", bad)
				continue
			}
			lr.actorCodes(rec, items)
		case '+':
			if rec == nil {
				lr.errorf("synonym %q before any primary phrase; skipped", shorten(t))
				continue
			}
			lr.actorPhrase(rec, t[1:])
		default:
			a.store(rec)
			rec = &actorRecord{}
			lr.actorPhrase(rec, t)
			if len(rec.phrases) == 0 {
				rec = nil
			}
		}
	}
	a.store(rec)
	return lr.problems, nil
}

func (lr *lineReader) actorPhrase(rec *actorRecord, t string) {
	head, items, bad := bracketItems(t)
	if bad != "" {
		if !strings.HasPrefix(bad, "unexpected text") {
			lr.errorf("bad actor line: %s; skipped", bad)
			return
		}
		lr.warnf("actor line: %s; the text was ignored", bad)
	}
	if strings.IndexByte(head, ';') >= 0 {
		lr.warnf("actor phrase %q contains ';' (a TABARI comment?); kept as part of the phrase", strings.TrimSpace(head))
	}
	words := splitWords(head)
	if len(words) == 0 {
		lr.errorf("actor line without a phrase; skipped")
		return
	}
	rec.phrases = append(rec.phrases, words)
	rec.lines = append(rec.lines, lr.lineNo)
	lr.actorCodes(rec, items)
}

func (lr *lineReader) actorCodes(rec *actorRecord, items []string) {
	for _, it := range items {
		if c, ok := lr.datedCode(it); ok {
			rec.codes = append(rec.codes, c)
		}
	}
}

// datedCode parses "CODE" or "CODE RESTRICTION" (§7).
func (lr *lineReader) datedCode(it string) (DatedCode, bool) {
	f := strings.Fields(it)
	if len(f) == 0 {
		lr.errorf("empty code []; skipped")
		return DatedCode{}, false
	}
	d := DatedCode{Code: f[0], Pos: lr.pos()}
	if up := strings.ToUpper(d.Code); up != d.Code {
		lr.warnf("actor code [%s] is not upper-case; read as %s", d.Code, up)
		d.Code = up
	}
	if strings.Contains(d.Code, "/") {
		lr.errorf("coded compound [%s] (legacy TABARI syntax, PETRARCH-FORMATS.md §12.3) is not supported; skipped", it)
		return DatedCode{}, false
	}
	if d.Code != "---" {
		for i := 0; i < len(d.Code); i++ {
			if c := d.Code[i]; !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
				lr.errorf("actor code [%s] has a character other than A-Z, 0-9; skipped", it)
				return DatedCode{}, false
			}
		}
		if len(d.Code)%3 != 0 {
			lr.warnf("actor code %s is not made of 3-character chunks", d.Code)
		}
	}
	if len(f) == 1 {
		return d, true
	}
	r := strings.Join(f[1:], "")
	var err error
	switch {
	case strings.HasPrefix(r, "<"):
		d.Kind = Before
		d.To, err = ParseDate(r[1:])
	case strings.HasPrefix(r, ">"):
		d.Kind = From
		d.From, err = ParseDate(r[1:])
	case strings.HasPrefix(r, "-"):
		d.Kind = Before
		d.To, err = ParseDate(r[1:])
	case strings.HasSuffix(r, "-"):
		d.Kind = From
		d.From, err = ParseDate(r[:len(r)-1])
	case strings.Contains(r, "-"):
		d.Kind = Between
		x, y, _ := strings.Cut(r, "-")
		d.From, err = ParseDate(x)
		if err == nil {
			d.To, err = ParseDate(y)
		}
		if err == nil && d.From >= d.To {
			lr.warnf("date range in [%s] is empty (start not before end); it never applies", it)
		}
	default:
		d.Kind = From
		d.From, err = ParseDate(r)
		if err == nil {
			lr.warnf("bare date in [%s] read as [%s >%s] (on or after)", it, d.Code, r)
		}
	}
	if err != nil {
		lr.errorf("restriction [%s] rejected: %v", it, err)
		return DatedCode{}, false
	}
	return d, true
}

// ParseDate reads a PETRARCH date, YYYYMMDD or YYMMDD (YY 00-30 → 20YY, else 19YY;
// PETRARCH-FORMATS.md §2.1 and §7), into a YYYYMMDD integer, checking the calendar. It is the
// one reader of this format, for dictionary date restrictions and PETRARCH XML dates alike.
func ParseDate(s string) (int, error) {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, fmt.Errorf("date %q is not a number", s)
		}
	}
	var y, m, d int
	switch len(s) {
	case 8:
		y, _ = strconv.Atoi(s[:4])
		m, _ = strconv.Atoi(s[4:6])
		d, _ = strconv.Atoi(s[6:])
	case 6:
		y, _ = strconv.Atoi(s[:2])
		if y <= 30 {
			y += 2000
		} else {
			y += 1900
		}
		m, _ = strconv.Atoi(s[2:4])
		d, _ = strconv.Atoi(s[4:])
	default:
		return 0, fmt.Errorf("date %q has %d digits; want YYYYMMDD or YYMMDD", s, len(s))
	}
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return 0, fmt.Errorf("date %q is not a calendar date (no such day)", s)
	}
	if t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC); t.Day() != d {
		return 0, fmt.Errorf("date %q is not a calendar date (no such day)", s)
	}
	return y*10000 + m*100 + d, nil
}

// store attaches a completed record's codes to its phrases.
func (a *Actors) store(rec *actorRecord) {
	if rec == nil {
		return
	}
	if len(rec.codes) == 0 {
		a.uncoded = append(a.uncoded, Pos{a.file, rec.lines[0]})
		a.phrases = append(a.phrases, rec.phrases[0])
		return
	}
	for _, c := range rec.codes {
		if c.Code != "---" {
			a.codes[c.Code] = struct{}{}
		}
	}
	codes := rec.codes[:len(rec.codes):len(rec.codes)]
	for i, p := range rec.phrases {
		dup := false
		for _, q := range rec.phrases[:i] {
			if equalWords(p, q) {
				dup = true
				break
			}
		}
		if dup {
			continue
		}
		if v, ok := a.trie.Insert(p, int32(len(a.actors))); ok {
			a.trie.Insert(p, v) // keep the existing record
			act := &a.actors[v]
			act.Codes = append(act.Codes[:len(act.Codes):len(act.Codes)], codes...)
			continue
		}
		a.actors = append(a.actors, Actor{Phrase: strings.Join(p, " "), Codes: codes, Pos: Pos{rec.codes[0].Pos.File, rec.lines[i]}})
	}
}

// Finish reports (as warnings) the actor records read so far that have no code and whose primary
// phrase got none from any other record or file: such a phrase is treated as absent (§7). Call it
// once after the last Read; ReadActors and Load do.
func (a *Actors) Finish() []Problem {
	var out []Problem
	for i, pos := range a.uncoded {
		if _, ok := a.trie.Get(a.phrases[i]); ok {
			continue
		}
		out = append(out, Problem{pos.File, pos.Line, printable(fmt.Sprintf("actor phrase %s has no code in any actor file; ignored", strings.Join(a.phrases[i], " "))), Warning})
	}
	a.uncoded, a.phrases = nil, nil
	return out
}
