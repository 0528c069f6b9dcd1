package dict_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/dyad-events/dyad/dict"
)

func ExampleActors_Match() {
	src := "KIM_JONG_IL_\n\t[PRKGOV >041201]\nNORTH_KOREA [PRK]\n+PYONGYANG\n"
	actors, problems, err := dict.ReadActors(strings.NewReader(src), "example.actors")
	if err != nil || len(problems) > 0 {
		panic(fmt.Sprint(err, problems))
	}
	tokens := strings.Fields("KIM JONG IL VISITED PYONGYANG")
	n, actor := actors.Match(tokens)
	code, ok := actor.Resolve(time.Date(2005, 6, 1, 0, 0, 0, 0, time.UTC))
	fmt.Println(n, actor.Phrase, code, ok)
	_, actor = actors.Match(tokens[4:])
	code, _ = actor.Resolve(time.Time{})
	fmt.Println(actor.Phrase, code)
	// Output:
	// 3 KIM JONG IL PRKGOV true
	// PYONGYANG PRK
}

func ExampleVerbs_MatchVerb() {
	src := "####### VERB PATTERNS #######\n" +
		"---  CANCEL   [---]  ---\n" +
		"+CALL_OFF [160]\n" +
		"- * TALKS [164]\n"
	verbs, problems, err := dict.ReadVerbs(strings.NewReader(src), "example.verbs")
	if err != nil || len(problems) > 0 {
		panic(fmt.Sprint(err, problems))
	}
	tokens := strings.Fields("SERBIA CALLED OFF THE TALKS")
	verb, start, end := verbs.MatchVerb(tokens, 1)
	fmt.Println(verb.Lemma, verb.Code, start, end, verb.Block.Patterns[0].Post[0].Alts[0].Head)
	// Output:
	// CALL_OFF 160 1 3 TALKS
}
