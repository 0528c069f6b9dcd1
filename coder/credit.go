package coder

import (
	"strings"
	"unicode"
)

// newsOutlets are news agencies and outlets whose name credits a story rather than acting in it:
// a dateline credit ("SRINAGAR, May 29 (Xinhua) --") or a headline's publisher segment ("... in
// Kashmir - Xinhua", "... | Reuters"). The keys are normalised by outletKey.
var newsOutlets = map[string]bool{
	"XINHUA": true, "XINHUANET": true, "REUTERS": true, "THOMSON REUTERS": true, "AP": true,
	"ASSOCIATED PRESS": true, "AFP": true, "AGENCE FRANCE PRESSE": true, "AGENCE FRANCE PRESSE AFP": true,
	"BBC": true, "BBC WORLD SERVICE": true, "CNN": true, "AL JAZEERA": true, "ALJAZEERA": true,
	"AL JAZEERA ENGLISH": true, "AL ARABIYA": true, "TASS": true, "ITAR TASS": true, "RIA NOVOSTI": true,
	"INTERFAX": true, "SPUTNIK": true, "YONHAP": true, "KYODO": true, "KCNA": true, "KOREAN CENTRAL": true,
	"NHK": true, "IRNA": true, "ANADOLU": true, "ANADOLU AGENCY": true, "DPA": true, "EFE": true,
	"ANSA": true, "UPI": true, "PTI": true, "IANS": true, "ANI": true, "APP": true, "BERNAMA": true,
	"ANTARA": true, "WAFA": true, "SANA": true, "MENA": true, "KUNA": true, "WAM": true, "SPA": true,
	"PETRA": true, "VOA": true, "VOICE OF AMERICA": true, "RFE RL": true, "RADIO FREE EUROPE": true,
	"DAWN": true, "CHINA DAILY": true, "GLOBAL TIMES": true, "PRESS TV": true, "RT": true,
	"DEUTSCHE WELLE": true, "DW": true, "FRANCE 24": true, "EURONEWS": true, "NEW YORK TIMES": true,
	"WASHINGTON POST": true, "LOS ANGELES TIMES": true, "WALL STREET JOURNAL": true, "GUARDIAN": true,
}

// outletKey normalises an outlet name for newsOutlets and for the comparison with a story's
// publisher: upper case, hyphens, slashes and dots as spaces, without a leading "THE" and a
// trailing "NEWS AGENCY", "AGENCY", "NEWS" or "NEWS NETWORK" ("Xinhua News Agency" → "XINHUA",
// "BBC News" → "BBC").
func outletKey(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '-', '/', '.', '‐', '–', '—':
			return ' '
		}
		return r
	}, strings.ToUpper(s))
	s = strings.Join(strings.Fields(s), " ")
	s = strings.TrimPrefix(s, "THE ")
	for _, suf := range [...]string{" NEWS AGENCY", " NEWS NETWORK", " AGENCY", " NEWS"} {
		if t, ok := strings.CutSuffix(s, suf); ok && t != "" {
			s = t
			break
		}
	}
	return s
}

// isOutlet reports whether the normalised name key is a known news outlet or the story's
// publisher (pub, normalised by outletKey; "" when unknown): equal, or one a word prefix of the
// other ("XINHUA" and "XINHUA NET").
func isOutlet(key, pub string) bool {
	if key == "" {
		return false
	}
	if newsOutlets[key] {
		return true
	}
	return pub != "" && (key == pub || strings.HasPrefix(pub, key+" ") || strings.HasPrefix(key, pub+" "))
}

// isDash reports whether a token form is a dash that separates a dateline or a headline's
// publisher segment.
func isDash(form string) bool {
	switch form {
	case "-", "--", "---", "–", "—", "―", "|":
		return true
	}
	return false
}

// markCredits marks the tokens of t that credit the story to a news outlet rather than name an
// actor of it, so that they are neither coded nor remembered as story context:
//   - a dateline credit: a parenthesised name of at most five words in the first 16 tokens,
//     followed by a dash in a sentence that starts with an upper-case place name
//     ("SRINAGAR, Indian-controlled Kashmir, May 29 (Xinhua) --", "WASHINGTON (AP) —"), or
//     naming a known outlet or the publisher ("... electors (Los Angeles Times) --");
//   - a headline's publisher segment: the words after the last spaced dash or bar of the
//     sentence, at most five, without a verb, naming a known outlet or the publisher ("... in
//     Indian-controlled Kashmir - Xinhua", "... | Reuters").
//
// pub is the story's publisher normalised by outletKey. It leaves t.credit nil when nothing is
// marked.
func (t *tree) markCredits(pub string) {
	toks := t.s.Tokens
	n := len(toks)
	mark := func(lo, hi int) {
		if t.credit == nil {
			t.credit = make([]bool, n)
		}
		for k := lo; k < hi; k++ {
			t.credit[k] = true
		}
	}
	// Dateline credit.
	for p := 0; p < n && p < 16; p++ {
		if toks[p].Form != "(" {
			continue
		}
		q := p + 1
		for q < n && q-p <= 6 && toks[q].Form != ")" {
			q++
		}
		if q >= n || toks[q].Form != ")" || q == p+1 || q-p > 6 {
			break
		}
		dash := q+1 < n && isDash(toks[q+1].Form)
		if (dash && isPlaceHead(toks[0].Form)) || isOutlet(outletKey(t.span(p+1, q)), pub) {
			mark(p+1, q)
		}
		break
	}
	// Headline publisher segment.
	end := n
	for end > 0 && t.upos(end-1) == "PUNCT" && !isDash(toks[end-1].Form) {
		end--
	}
	for k := end - 1; k > 0 && k >= end-6; k-- {
		if !isDash(toks[k].Form) {
			if t.isVerb(k) {
				break
			}
			continue
		}
		spaced := t.spaceAfter(k-1) && t.spaceAfter(k)
		if (spaced || toks[k].Form != "-") && k+1 < end && isOutlet(outletKey(t.span(k+1, end)), pub) {
			mark(k+1, end)
		}
		break
	}
}

// isPlaceHead reports whether form is written in upper case with at least three letters, as the
// place of a dateline is ("SRINAGAR", "UNITED").
func isPlaceHead(form string) bool {
	letters := 0
	for _, r := range form {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 3
}

// spaceAfter reports whether white space follows token k: from the token offsets when both k and
// k+1 have them, else from Token.SpaceAfter.
func (t *tree) spaceAfter(k int) bool {
	toks := t.s.Tokens
	if k+1 < len(toks) && toks[k].End >= 0 && toks[k+1].Start >= 0 {
		return toks[k].End < toks[k+1].Start
	}
	return toks[k].SpaceAfter
}

// span returns the forms of tokens lo..hi-1 joined by single spaces.
func (t *tree) span(lo, hi int) string {
	var b strings.Builder
	for k := lo; k < hi; k++ {
		if k > lo {
			b.WriteByte(' ')
		}
		b.WriteString(t.s.Tokens[k].Form)
	}
	return b.String()
}

// isCredit reports whether token k is part of an outlet credit (markCredits).
func (t *tree) isCredit(k int) bool { return t.credit != nil && t.credit[k] }
