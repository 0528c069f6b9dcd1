package cameo

import "strings"

// Role is a CAMEO actor role (type) code, CAMEO 1.1b3 manual Table 3.1 (plus PTY, §3.1.4).
type Role struct {
	Code        string // "GOV"
	Level       string // "primary", "secondary" or "tertiary"
	Description string
}

// IsCountry reports whether a 3-letter chunk is a country code: an ISO 3166-1 alpha-3 code, or
// one of the codes CAMEO uses for countries and territories outside ISO (e.g. historical states
// such as DDR and YUG, KSV for Kosovo; see countryCodes).
func IsCountry(chunk string) bool {
	_, ok := countryCodes[chunk]
	return ok
}

// IsInternational reports whether a 3-letter chunk is one of the international / transnational
// generic codes of CAMEO 1.1b3 Table 3.2: IGO, IMG, INT, MNC, NGM, NGO, UIS.
func IsInternational(chunk string) bool {
	_, ok := internationalCodes[chunk]
	return ok
}

// IsRegion reports whether a 3-letter chunk is a CAMEO region code (Table 3.3), e.g. AFR, WST.
func IsRegion(chunk string) bool {
	_, ok := regionCodes[chunk]
	return ok
}

// LookupRole returns the role code of a 3-letter chunk (Table 3.1), e.g. GOV, MIL, REB.
func LookupRole(chunk string) (Role, bool) {
	r, ok := roleCodes[chunk]
	return r, ok
}

// IsRole reports whether a 3-letter chunk is a role code (Table 3.1).
func IsRole(chunk string) bool {
	_, ok := roleCodes[chunk]
	return ok
}

// Chunks splits an actor code into its 3-character chunks ("PRKGOV" → ["PRK", "GOV"]; the null
// prefix "---" of "---GOV" is one chunk). A final chunk shorter than 3 characters is kept as is.
func Chunks(code string) []string {
	out := make([]string, 0, (len(code)+2)/3)
	for i := 0; i < len(code); i += 3 {
		j := min(i+3, len(code))
		out = append(out, code[i:j])
	}
	return out
}

// SplitActor splits a full actor code into the parts of the event record (story.Actor):
// country is the first chunk when it is a country, international (IGO, NGO, ...) or region
// code; agent is the first role code among the following chunks (or the first chunk itself when
// the code starts with a role or with "---"). "PRKGOV" → PRK, GOV; "IGOUNO" → IGO, ""; "---GOV"
// → "", GOV; "USAMILREB" → USA, MIL.
func SplitActor(code string) (country, agent string) {
	code = strings.ToUpper(code)
	ch := Chunks(code)
	rest := ch
	if len(ch) > 0 && (IsCountry(ch[0]) || IsInternational(ch[0]) || IsRegion(ch[0])) {
		country, rest = ch[0], ch[1:]
	} else if len(ch) > 0 && ch[0] == "---" {
		rest = ch[1:]
	}
	for _, c := range rest {
		if IsRole(c) {
			return country, c
		}
	}
	return country, ""
}
