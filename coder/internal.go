package coder

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/dyad-events/dyad/cameo"
)

// InternalCodes is PETRARCH2's internal event-code table (PETRARCH-FORMATS.md §5.7): CAMEO code ↔
// 16-bit class arithmetic, used for negation and for combining a governing verb with a governed
// one. Dyad reads it from a PICO file (UniversalPetrarch's PETR.Internal.Coding.Ontology.txt) rather
// than shipping a copy.
type InternalCodes struct {
	toInt   map[string]int
	fromInt map[int]string
}

// ReadInternalCodes reads a PICO file: one CODE:VALUE per line, VALUE a sum of hex literals
// ("011:0x1000-0xFFFF"), "#" comments, blank lines ignored, CRLF accepted (§5.7). Bad lines are
// returned as errors "name:line: ..." and skipped. The reverse mapping of a value held by several
// codes is the shortest code, then the numerically smallest (§5.7 Decision).
func ReadInternalCodes(r io.Reader, name string) (*InternalCodes, []error) {
	ic := &InternalCodes{toInt: map[string]int{}, fromInt: map[int]string{}}
	var errs []error
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		s := sc.Text()
		if i := strings.IndexByte(s, '#'); i >= 0 {
			s = s[:i]
		}
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		code, val, ok := strings.Cut(s, ":")
		code, val = strings.TrimSpace(code), strings.TrimSpace(val)
		v, err := hexSum(val)
		if !ok || code == "" || err != nil {
			errs = append(errs, fmt.Errorf("%s:%d: bad internal code line %q", name, line, s))
			continue
		}
		ic.toInt[code] = v
		if old, ok := ic.fromInt[v]; !ok || len(code) < len(old) || (len(code) == len(old) && code < old) {
			ic.fromInt[v] = code
		}
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, fmt.Errorf("%s: %v", name, err))
	}
	return ic, errs
}

func hexSum(s string) (int, error) {
	total, sign, cur := 0, 1, ""
	flush := func() error {
		if cur == "" {
			return nil
		}
		v, err := strconv.ParseInt(strings.TrimSpace(cur), 0, 64)
		if err != nil {
			return err
		}
		total += sign * int(v)
		cur = ""
		return nil
	}
	for _, r := range s {
		switch r {
		case '+', '-':
			if err := flush(); err != nil {
				return 0, err
			}
			sign = 1
			if r == '-' {
				sign = -1
			}
		default:
			cur += string(r)
		}
	}
	if err := flush(); err != nil {
		return 0, err
	}
	return total, nil
}

// Negate returns the code of a negated event (§12.6): the internal value plus −0xFFFF, mapped back;
// ok is false when the result is not in the table (the event is dropped).
func (ic *InternalCodes) Negate(code string) (string, bool) {
	v, ok := ic.toInt[code]
	if !ok || v == 0 {
		return "", false
	}
	out, ok := ic.fromInt[v-0xFFFF]
	return out, ok && out != "---"
}

// Combine returns the code of a governed verb (lower) under a governing one (upper), as
// combine_code in PETRARCH2 (§5.7): lower < 0 → upper + lower; both ≥ 0x1000 → lower; lower ≥ upper
// → lower; else upper + lower. ok is false when either code is unknown or the sum is not in the table.
func (ic *InternalCodes) Combine(upper, lower string) (string, bool) {
	u, ok1 := ic.toInt[upper]
	l, ok2 := ic.toInt[lower]
	if !ok1 || !ok2 {
		return "", false
	}
	var v int
	switch {
	case l < 0:
		v = u + l
	case u >= 0x1000 && l >= 0x1000:
		return lower, true
	case l >= u:
		return lower, true
	default:
		v = u + l
	}
	out, ok := ic.fromInt[v]
	return out, ok && out != "---"
}

// governingRoots are the CAMEO roots whose verbs keep their own root when they govern an
// infinitive (PETRARCH2 verb + verb combination, PETRARCH-FORMATS.md §5.7, §12.4 step 5): appeal
// (02), intend (03), demand (10), reject (12), threaten (13) and protest (14, whose purpose
// clause says what the protest is for). "threatened to shell the town" is a threat (138), not an
// attack (19x); "urged Uganda to repatriate" an appeal (025); "staged demonstrations to demand
// reforms" a demonstration (14x).
var governingRoots = map[string]bool{"02": true, "03": true, "10": true, "12": true, "13": true, "14": true}

// intentThreat are the roots of the acts whose announced intent is a threat (13): reduce
// relations, coerce, assault, fight, mass violence. Force postures (15: "agreed to undertake
// joint military exercises") are not threats; for protests (14) see Govern.
var intentThreat = map[string]bool{"16": true, "17": true, "18": true, "19": true, "20": true}

// intentVerbalThreat are the roots of the verbal conflict acts (demand, disapprove, reject) whose
// announced intent is a plain threat (130): CAMEO 1.1b3 130, "when any conflictual behavior is
// forecasted ... it is treated as a threat", and 03 is intent to cooperate only. Investigate (09)
// is left out: a promise to investigate ("Mexico promised to investigate the killing of American
// tourists", "agreed to investigate the Mumbai attacks") is an answer to the other side, not a
// threat against it, and keeps the intent code.
// Their internal codes' material parts say nothing about what is threatened (criticize 0x7001
// would give 1322, accuse 0x70A0 138), so no finer code is made; the reject family's negative
// codes have no sum with intent in the table either (PETRARCH-FORMATS.md §5.7).
var intentVerbalThreat = map[string]bool{"10": true, "11": true, "12": true}

// Govern returns the code of an event whose verb (lower) is governed through an infinitive by a
// verb coded upper of a governingRoots family, keeping upper's root: the upper class plus the
// lower code's material part (a CONSULT-class lower, 04x, counts as "meet", 0x0010), as
// combine_code adds them (§5.7), falling back to coarser parts of the material and finally to
// upper itself. An upper code that is already specific (a pattern gave "0233") is kept. ok is
// false when upper is not of a governing family or lower already has upper's root.
//
// An intent (03) governing a coercive or violent act (roots 16-20) is a threat (13), as PETRARCH2's table
// has it: intend 0x3000 + fight 0x00A0 = 0x30A0, which is 138 ("planned to attack" 138, "vowed
// to impose sanctions" 13x); the combination is then made with 130. An intent governing a
// verbal conflict act (roots 10-12: "vowed to oppose", "pledged to resist") is 130
// (intentVerbalThreat), one governing a protest (14: "vowed to stage protests", "plans to
// boycott") is a threat of political dissent, 133 (the 13 subcode for 14; the material parts
// would give 134 or 135, halting negotiations or mediation, and 036 or 039 without the threat),
// and one governing a threat is that threat.
func (ic *InternalCodes) Govern(upper, lower string) (string, bool) {
	if len(upper) < 2 || len(lower) < 2 || !governingRoots[upper[:2]] || upper[:2] == lower[:2] {
		return "", false
	}
	if upper[:2] == "03" {
		switch {
		case intentThreat[lower[:2]]:
			upper = "130"
		case intentVerbalThreat[lower[:2]]:
			return "130", true
		case lower[:2] == "14":
			return "133", true
		case lower[:2] == "13":
			return lower, true
		}
	}
	u, ok1 := ic.toInt[upper]
	l, ok2 := ic.toInt[lower]
	if !ok1 || !ok2 {
		return upper, true
	}
	var base int
	if u < 0 {
		if u != -0xFFFF {
			return upper, true
		}
		base = u
	} else {
		if u&0x0FFF != 0 {
			return upper, true
		}
		base = u
	}
	material := func(l int) int {
		switch {
		case l >= 0xB000 && l < 0xC000 && l&0x0FF0 != 0:
			// mediate (045, internal B030) and negotiate (044, 046: B010) keep their own parts:
			// "intends to mediate" 039 (3030), "offered to negotiate" 036 (3010)
			return l & 0x0FFF
		case l >= 0xB000 && l < 0xC000:
			return 0x0010 // consult, visit, host: "offered to discuss", "plans to visit" 036
		case l >= 0x1000:
			return l & 0x0FFF // the lower verbal class's own parts: "threatened to impose a curfew" 1323
		}
		return l
	}
	if l < 0 {
		return upper, true
	}
	ms := []int{material(l)}
	if len(lower) == 4 {
		// The lower code's three-digit parent next ("urged X to allow monitors": 0862 → 086,
		// appeal 0255).
		if p, ok := ic.toInt[lower[:3]]; ok && p >= 0 {
			ms = append(ms, material(p))
		}
	}
	for _, mask := range []int{0x0FFF, 0x0FF0, 0x0F00} {
		for _, m := range ms {
			if m&mask == 0 {
				continue
			}
			if out, ok := ic.fromInt[base+m&mask]; ok && out != "---" && len(out) >= 2 && out[:2] == upper[:2] {
				return out, true
			}
		}
	}
	return upper, true
}

// CAMEOInternalCodes returns PETRARCH2's built-in internal code table as package cameo holds it
// (§5.7), for every CAMEO 1.1b3 code that has an internal value.
func CAMEOInternalCodes() *InternalCodes {
	ic := &InternalCodes{toInt: map[string]int{}, fromInt: map[int]string{}}
	for _, code := range cameo.Codes() {
		v, ok := cameo.ToInternal(code)
		if !ok {
			continue
		}
		ic.toInt[code] = int(v)
		if r, ok := cameo.FromInternal(v); ok {
			ic.fromInt[int(v)] = r
		}
	}
	return ic
}

// cameoOntology describes event codes from package cameo (GDELT QuadClass and Goldstein).
type cameoOntology struct{}

func (cameoOntology) Describe(code string) (string, int, float64, string, bool) {
	in, ok := cameo.Lookup(code)
	if !ok {
		return "", 0, 0, "", false
	}
	return in.Name, in.QuadClass, in.Goldstein, in.PLOVER, true
}

// CAMEOOntology returns the Ontology backed by package cameo (CAMEO 1.1b3 names, GDELT QuadClass
// and Goldstein, PLOVER category).
func CAMEOOntology() Ontology { return cameoOntology{} }
