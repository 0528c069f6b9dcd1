package cameo

// Internal codes (PETRARCH-FORMATS.md §5.7). PETRARCH2 represents an event code as an integer
// whose four hex digits are verbal class (0x1000), reduce/yield (0x0100), material type (0x0010)
// and specifier (0x0001); the REJECT family and a few others are negative (offset -0xFFFF).
// Dyad's table is PETRARCH's with 110 = 0x7000 and 170 = 0x9000 (PETRARCH2's built-in values)
// and values of its own for the CAMEO 1.1b3 codes PETRARCH lacks (014, 1213, 141-144 and their
// sub-codes, 1451-1454, 176, 201-204, 2041, 2042), so every CAMEO code converts and back.

// Negation is the offset PETRARCH adds for a negated verb (§12.6): Negate(v) = v - 0xFFFF.
const Negation int32 = -0xFFFF

var reverse map[int32]string

// ToInternal returns the internal value of a CAMEO event code ("042", "1213", "08"; "---" is 0).
// ok is false for a code outside the table.
func ToInternal(code string) (v int32, ok bool) {
	v, ok = internalCodes[code]
	return v, ok
}

// FromInternal returns the CAMEO code of an internal value. When several codes share the value
// (044 and 046; 080 and 08; 0841 and 0842; 137 and 1323) the fixed choice is the shortest
// code of three or more digits, then the numerically smallest: 044, 080, 0841, 137. Use the
// dictionary's own code string when no combination took place. As in PETRARCH, 0x30A0 (intend +
// attack) converts to 138. ok is false (and code "") for a
// value outside the table, including 0: such an event is dropped.
func FromInternal(v int32) (code string, ok bool) {
	code, ok = reverse[v]
	return code, ok
}

// Combine combines the internal code of a governing verb (upper) with that of the verb it
// governs (lower), as PETRARCH2's combine_code (§5.7): lower < 0 → upper + lower; both ≥ 0x1000 →
// lower; lower ≥ upper → lower; otherwise upper + lower ("intend" 0x3000 + "help" 0x0040 =
// 0x3040 = 033).
func Combine(upper, lower int32) int32 {
	switch {
	case lower < 0:
		return upper + lower
	case upper >= 0x1000 && lower >= 0x1000:
		return lower
	case lower >= upper:
		return lower
	}
	return upper + lower
}

// Negate returns the internal code of the negated event: v + Negation (§12.6).
func Negate(v int32) int32 { return v + Negation }
