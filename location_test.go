package dyad_test

import (
	"slices"
	"testing"

	"github.com/dyad-events/dyad/story"
)

// TestLocationsNotTargets runs the default pipeline on news sentences that name places only as
// locations (coder/location.go): the venue of talks is no party (the coordinated parties meet
// each other, §12.8), and "near X", "south of X", "in the port of X", "ended up in X" give no
// target; an agent's location still gives its country ("rebels near Aleppo" → SYRREB) and the
// host of a visit stays its target ("arrived in Baghdad").
func TestLocationsNotTargets(t *testing.T) {
	p := newPipeline(t)
	cases := []struct {
		text string
		want []string
	}{
		{"Russia and Ukraine held talks in Istanbul.", []string{"RUS UKR 040", "UKR RUS 040"}},
		{"Britain and France met on Tuesday.", []string{"FRA GBR 040", "GBR FRA 040"}},
		{"Both Iran and Russia had previously claimed he had been killed in an airstrike near Deir ez-Zor.", nil},
		{"The US aircraft carrier George Washington arrived in the southern port of Busan on Friday.", nil},
		{"Indian authorities have suspended internet service in all districts south of Srinagar.", nil},
		{"German tourists ended up in Raqqa.", nil},
		{"Syrian troops attacked rebels near Aleppo.", []string{"SYRMIL SYRREB 190"}},
		{"The US Secretary of State arrived in Baghdad.", []string{"IRQ USAGOV 043", "USAGOV IRQ 042"}},
	}
	for i, c := range cases {
		res := p.CodeStory(&story.Story{ID: "location", Text: c.text})
		var got []string
		for _, e := range res.Events {
			got = append(got, e.Source.Code+" "+e.Target.Code+" "+e.Code)
		}
		slices.Sort(got)
		if !slices.Equal(got, c.want) {
			t.Errorf("case %d %q:\n got %q\nwant %q", i, c.text, got, c.want)
		}
	}
}
