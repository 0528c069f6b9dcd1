package cameo

import (
	"testing"
)

func TestLookup(t *testing.T) {
	for _, tc := range []struct {
		code, name, root, plover string
		level, quad              int
		gold                     float64
	}{
		{"042", "Make a visit", "04", "CONSULT", 1, 1, 1.9},
		{"0231", "Appeal for economic aid", "02", "", 2, 1, 3.4},
		{"190", "Use conventional military force", "19", "ASSAULT", 1, 4, -10},
		{"1213", "Reject judicial cooperation", "12", "REJECT", 2, 3, -4},
		{"02", "APPEAL", "02", "", 0, 1, 3},
	} {
		in, ok := Lookup(tc.code)
		if !ok {
			t.Errorf("Lookup(%s) not found", tc.code)
			continue
		}
		if in.Root != tc.root || in.Level != tc.level || in.QuadClass != tc.quad || in.Goldstein != tc.gold {
			t.Errorf("Lookup(%s) = %+v", tc.code, in)
		}
		if tc.name != "" && in.Name != tc.name {
			t.Errorf("Lookup(%s).Name = %q, want %q", tc.code, in.Name, tc.name)
		}
		if tc.plover != "" && in.PLOVER != tc.plover {
			t.Errorf("Lookup(%s).PLOVER = %q, want %q", tc.code, in.PLOVER, tc.plover)
		}
	}
	if _, ok := Lookup("999"); ok {
		t.Error("Lookup(999) found")
	}
	// 312 codes of the merged table plus 6 the manual's chapter 2 defines (155, 176, 1214, 1834,
	// 1951, 1952).
	if n := len(Codes()); n != 318 {
		t.Errorf("%d codes, want 318", n)
	}
	if in, ok := Lookup("176"); !ok || in.Name != "Attack cybernetically" || in.QuadClass != 4 || in.Parent != "17" {
		t.Errorf("Lookup(176) = %+v, %v", in, ok)
	}
}

func TestQuadClassByRoot(t *testing.T) {
	// GDELT convention (shared/data/cameo/README.md): 01-05 → 1, 06-09 → 2, 10-14 → 3, 15-20 → 4.
	for _, c := range Codes() {
		in, _ := Lookup(c)
		r := in.Root
		want := 4
		switch {
		case r <= "05":
			want = 1
		case r <= "09":
			want = 2
		case r <= "14":
			want = 3
		}
		if in.QuadClass != want {
			t.Errorf("%s: QuadClass %d, want %d", c, in.QuadClass, want)
		}
		if in.Root != c[:2] {
			t.Errorf("%s: root %s", c, in.Root)
		}
	}
	if QuadClassOfRoot("14") != 3 || QuadClassOfRoot("140") != 0 {
		t.Error("QuadClassOfRoot")
	}
}

func TestInternalExamples(t *testing.T) {
	// PETRARCH-FORMATS.md §5.7 examples.
	for code, want := range map[string]int32{
		"030": 0x3000, "070": 0x0040, "033": 0x3040, "040": 0xB000, "042": 0xB002, "190": 0x00A0,
		"138": 0x60A0, "120": -0xFFFF, "121": -0xFFFF + 0x0070, "110": 0x7000, "170": 0x9000, "---": 0,
		"08": 0x0200, "080": 0x0200,
	} {
		if got, ok := ToInternal(code); !ok || got != want {
			t.Errorf("ToInternal(%s) = %#x, %v; want %#x", code, got, ok, want)
		}
	}
	// Fixed reverse choices for values shared by several codes.
	for v, want := range map[int32]string{0xB010: "044", 0x0200: "080", 0x020C: "082", 0x6004: "137", 0x30A0: "138"} {
		if got, ok := FromInternal(v); !ok || got != want {
			t.Errorf("FromInternal(%#x) = %q, %v; want %s", v, got, ok, want)
		}
	}
	if c, ok := FromInternal(0); ok || c != "" {
		t.Errorf("FromInternal(0) = %q, %v; want no code", c, ok)
	}
}

// TestEveryCodeRoundTrips checks §5.7 decision: every CAMEO 1.1b3 code converts to an internal
// value and back to itself, except the PETRARCH aliases whose fixed choice is another code.
func TestEveryCodeRoundTrips(t *testing.T) {
	alias := map[string]string{"046": "044", "0842": "0841", "1323": "137"}
	for _, c := range Codes() {
		v, ok := ToInternal(c)
		if !ok {
			t.Errorf("%s has no internal value", c)
			continue
		}
		if len(c) == 2 {
			if w, _ := ToInternal(c + "0"); w != v {
				t.Errorf("root %s = %#x, %s0 = %#x", c, v, c, w)
			}
			continue
		}
		want := c
		if a, ok := alias[c]; ok {
			want = a
		}
		if got, ok := FromInternal(v); !ok || got != want {
			t.Errorf("%s → %#x → %q, want %s", c, v, got, want)
		}
	}
}

func TestCombine(t *testing.T) {
	intend, _ := ToInternal("030")
	help, _ := ToInternal("070")
	if got := Combine(intend, help); got != 0x3040 {
		t.Errorf("Combine(030, 070) = %#x, want 0x3040 (033)", got)
	}
	if c, _ := FromInternal(Combine(intend, help)); c != "033" {
		t.Errorf("030+070 → %s, want 033", c)
	}
	say, _ := ToInternal("010")
	attack, _ := ToInternal("190")
	if got := Combine(say, attack); got != 0x10A0 {
		t.Errorf("Combine(010, 190) = %#x", got)
	}
	demand, _ := ToInternal("100")
	meet, _ := ToInternal("040")
	if got := Combine(demand, meet); got != meet {
		t.Errorf("both verbal: Combine = %#x, want lower %#x", got, meet)
	}
	reject, _ := ToInternal("120")
	if got := Combine(intend, reject); got != intend+reject {
		t.Errorf("negative lower: %#x", got)
	}
	if got := Combine(0x0040, 0x0010); got != 0x0050 {
		t.Errorf("Combine(0x40, 0x10) = %#x", got)
	}
	if got := Combine(0x0010, 0x0040); got != 0x0040 {
		t.Errorf("lower ≥ upper: %#x", got)
	}
	if Negate(0x3000) != 0x3000-0xFFFF {
		t.Error("Negate")
	}
}

func TestSplitActor(t *testing.T) {
	for code, want := range map[string][2]string{
		"PRKGOV": {"PRK", "GOV"}, "IGOUNO": {"IGO", ""}, "---GOV": {"", "GOV"}, "USAMILREB": {"USA", "MIL"},
		"USA": {"USA", ""}, "GOV": {"", "GOV"}, "AFRREB": {"AFR", "REB"}, "DDR": {"DDR", ""}, "": {"", ""},
		"NGOHRI": {"NGO", "HRI"}, "XYZ": {"", ""},
	} {
		c, a := SplitActor(code)
		if c != want[0] || a != want[1] {
			t.Errorf("SplitActor(%q) = %q, %q; want %q, %q", code, c, a, want[0], want[1])
		}
	}
	if !IsCountry("KSV") || IsCountry("GOV") || !IsInternational("NGO") || !IsRegion("WST") || IsRole("PRK") {
		t.Error("chunk predicates")
	}
	if r, ok := LookupRole("GOV"); !ok || r.Level != "primary" {
		t.Errorf("LookupRole(GOV) = %+v, %v", r, ok)
	}
	if got := Chunks("PSEREBHMS"); len(got) != 3 || got[2] != "HMS" {
		t.Errorf("Chunks = %v", got)
	}
}

func BenchmarkLookup(b *testing.B) {
	for i := 0; i < b.N; i++ {
		Lookup("0231")
	}
}
