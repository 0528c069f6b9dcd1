// Package cameo is the CAMEO event ontology: for every CAMEO 1.1b3 event code its name, level,
// root, GDELT QuadClass and Goldstein value, Phoenix class and PLOVER mapping; PETRARCH's internal
// (hex) code table with the combination rule used for verb + verb coding and transformations
// (PETRARCH-FORMATS.md §5.7); and helpers for actor code chunks (countries, international and
// region codes, role codes; CAMEO 1.1b3 manual chapter 3).
//
// The tables in table_gen.go are generated from ../shared by "go generate ./cameo".
package cameo

//go:generate go run ./internal/gen

import "sort"

// Info describes one CAMEO event code.
type Info struct {
	Code   string // "0231"; roots have two digits ("02")
	Level  int    // 0 root ("02"), 1 three-digit ("023"), 2 four-digit ("0231")
	Parent string // "023" for "0231", "02" for "023", "" for a root
	Root   string // "02"
	Name   string // CAMEO 1.1b3 name, e.g. "Appeal for economic aid"
	// Goldstein is the GDELT Goldstein value, -10..+10 (the ICEWS value for 1213, which GDELT
	// lacks); GoldsteinICEWS the ICEWS one (they differ for 016, 022, 164, 165).
	Goldstein      float64
	GoldsteinICEWS float64
	// QuadClass is the GDELT QuadClass: 1 verbal cooperation (roots 01-05), 2 material
	// cooperation (06-09), 3 verbal conflict (10-14), 4 material conflict (15-20).
	QuadClass  int
	PentaClass int // Phoenix/PETRARCH "penta" class 0-4 (§12.13)
	// PLOVER is the PLOVER event category (e.g. "CONCEDE"), "" when CAMEO2PLOVER-2021 has none;
	// PLOVERMode and PLOVERContext refine it ("seize", "military"; contexts joined by "; ").
	PLOVER        string
	PLOVERMode    string
	PLOVERContext string
}

var byCode map[string]*Info

func init() {
	byCode = make(map[string]*Info, len(infos))
	for i := range infos {
		byCode[infos[i].Code] = &infos[i]
	}
	reverse = make(map[int32]string, len(internalCodes))
	for c, v := range internalCodes {
		if len(c) < 3 || c == "---" {
			continue
		}
		old, ok := reverse[v]
		if !ok || len(c) < len(old) || len(c) == len(old) && c < old {
			reverse[v] = c
		}
	}
	// PETRARCH's extra reverse entry: intend (0x3000) + attack (0x00A0) = "want to attack" (§5.7).
	if _, ok := reverse[0x30A0]; !ok {
		reverse[0x30A0] = "138"
	}
}

// Lookup returns the description of a CAMEO 1.1b3 event code ("0231", "190", "02").
func Lookup(code string) (Info, bool) {
	if p, ok := byCode[code]; ok {
		return *p, true
	}
	return Info{}, false
}

// Codes returns every CAMEO 1.1b3 event code (318: 20 roots, 3- and 4-digit codes; the 312 of
// the merged table and 6 more from the manual's chapter 2), sorted.
func Codes() []string {
	out := make([]string, 0, len(infos))
	for _, in := range infos {
		out = append(out, in.Code)
	}
	sort.Strings(out)
	return out
}

// QuadClassOfRoot returns the GDELT QuadClass of a root code "01".."20" (1-4), or 0.
func QuadClassOfRoot(root string) int {
	if p, ok := byCode[root]; ok && p.Level == 0 {
		return p.QuadClass
	}
	return 0
}
