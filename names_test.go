package dyad_test

import (
	"testing"
	"time"
)

// TestNationalityAndName checks a nationality adjective and title before a leader's name: two
// capitalised words the treebank never had ("Xi Jinping") are tagged as a name (tagger.RepairNames),
// and the name's own actor code (CHNGOV in 2020) wins over the nationality's (CHN).
func TestNationalityAndName(t *testing.T) {
	checkTargetsOn(t, time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), []targetCase{
		{"Chinese President Xi Jinping criticized Japan.", []string{"CHNGOV JPN 111"}},
		{"Chinese President Xi Jinping called for talks with India.", []string{"CHNGOV IND 026"}},
		{"Xi Jinping criticized Japan.", []string{"CHNGOV JPN 111"}},
		{"Russian President Vladimir Putin accused Ukraine.", []string{"RUSGOV UKR 112"}},
		{"Serbian President Vojislav Kostunica criticized Croatia.", []string{"SRBGOV HRV 111"}},
	})
}

// TestLoneSurname checks that a leader's distinctive surname alone names the leader on a date in
// office ("Biden met Xi in Bali" coded nothing when a lone "Xi" was no actor, while "Putin" was).
func TestLoneSurname(t *testing.T) {
	checkTargetsOn(t, time.Date(2022, 11, 14, 0, 0, 0, 0, time.UTC), []targetCase{
		{"Biden met Xi in Bali.", []string{"CHNGOV USAGOV 040", "USAGOV CHNGOV 040"}},
		{"Xi criticized Japan.", []string{"CHNGOV JPN 111"}},
		{"Putin criticized Japan.", []string{"RUSGOV JPN 111"}},
	})
}

// TestRegnalNumeral checks that a Roman numeral in capitals after a name is the name's ordinal,
// not a lone surname: "XI" of "Pope Pius XI" is no Xi Jinping (it coded CHNGOVREL), while "Xi" in
// title case still is.
func TestRegnalNumeral(t *testing.T) {
	checkTargetsOn(t, time.Date(2020, 6, 1, 0, 0, 0, 0, time.UTC), []targetCase{
		{"Pope Pius XI condemned Germany.", []string{"---REL DEU 111"}},
		{"Alfonso XIII praised France.", nil},
		{"Xi criticized Japan.", []string{"CHNGOV JPN 111"}},
	})
}
