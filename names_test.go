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
