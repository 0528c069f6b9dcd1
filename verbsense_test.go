package dyad_test

import (
	"slices"
	"testing"

	"github.com/dyad-events/dyad/story"
)

// TestDefaultVerbSenses codes short sentences from the shared news stories that the default verb
// dictionary (dict/defaults/dyad.verbs.txt) used to code with the wrong verb sense, and checks the
// events ("SOURCE TARGET CODE", in output order) each story yields now: REFER and DELIVER code
// nothing without a matching object, and COMMIT, PLAN, SEND, RETURN and ALLOW nothing with a
// blocked subject or object (crimes, attacks, persons, pronouns, "home") (CAMEO 1.1b3 03, 07, 084, 086, 115), and
// CONSIDER with military action is a threat (138), not an investigation (093); FIGHT WITH
// (alongside) codes nothing, civilians or protesters who CLASH riot (145), and people SEIZEd are
// abducted (181). Sentences whose
// object keeps the event are checked too.
func TestDefaultVerbSenses(t *testing.T) {
	p := newPipeline(t)
	cases := []struct {
		text string
		want []string
	}{
		{"The Iranian diplomat was likely referring to Turkey's repeated calls for Assad to step down.", nil},
		{"Iraq referred the case to the International Criminal Court.", []string{"IRQ IGOICC 115"}},
		{"Renas saw the atrocities Isis were committing against civilians in Iraq and Syria.", nil},
		{"The attacks on Paris were planned by Belgian militants.", nil},
		{"Russia plans to send aid to Syria.", []string{"RUS SYR 033"}},
		// "Iran committed itself to talks with ..." coded 036 only while the tagger misread
		// "talks" as a verb; with "talks" a noun, a bare past-tense COMMIT codes nothing (a gap
		// of the COMMIT patterns, also for "committed to the talks" with the earlier model).
		{"Iran has committed to peace talks with the European Union.", []string{"IRN IGOEEC 036"}},
		{"Iran committed to a ceasefire with Iraq.", []string{"IRN IRQ 0356"}},
		{"France sent an envoy to Iran.", []string{"FRA IRNGOV 042"}},
		{"The refugees returned to Syria.", nil},
		{"They are reluctant to send foreign women to battle, says Renas.", nil},
		{"She managed to persuade her commanders to send her to Afrin.", nil},
		{"France will send reconnaissance flights over Syria beginning Tuesday.", nil},
		{"Britain sent food aid to Lebanon.", []string{"GBR LBN 073"}},
		{"France is considering airstrikes against the Islamic State group.", []string{"FRA IMGMOSISI 138"}},
		{"She says she would like to stay in Rojava for some months before she returns back to the UK.", nil},
		{"The United States returned six artifacts to Iraq.", []string{"USA IRQ 084"}},
		{"She convinced the Syrian commander to allow her to stay in Afrin.", nil},
		{"She is one of a handful of British women fighting with the Kurdish YPJ in Syria.", nil},
		{"Turkish troops fought Kurdish militants near the border.", []string{"TURMIL TURREB 190"}},
		{"Residents clashed with government forces in the village.", []string{"---CVL ---GOVMIL 145"}},
		// SEIZE of people is abduction (181), of goods or ships seizure of property (171x).
		{"Filipino gunmen seized a Malaysian fish breeder and his Filipino worker.", []string{"PHLREB MYS 181", "PHLREB PHLLAB 181"}},
		{"Iran seized a British tanker.", []string{"IRN GBR 1711"}},
		{"Protesters clashed with police in Cairo.", []string{"---CVL EGYCOP 145"}},
		{"France will deliver food aid to Lebanon.", []string{"FRA LBN 0333"}},
		{"The Taiwanese cabinet delivered the budget to the legislature on Tuesday.", nil},
	}
	for i, c := range cases {
		res := p.CodeStory(&story.Story{ID: "vs", Text: c.text})
		var got []string
		for _, e := range res.Events {
			got = append(got, e.Source.Code+" "+e.Target.Code+" "+e.Code)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("case %d %q:\n got %q\nwant %q", i, c.text, got, c.want)
		}
	}
}
