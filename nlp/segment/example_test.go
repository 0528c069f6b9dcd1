package segment_test

import (
	"fmt"

	"github.com/dyad-events/dyad/nlp/segment"
)

func ExampleSplit() {
	text := "SEOUL, Feb. 20 (Reuters) - North Korea's envoy didn't meet U.N. officials. Talks ended."
	for _, s := range segment.Split(text) {
		fmt.Printf("%d [%d:%d]", s.Index, s.Start, s.End)
		for _, t := range s.Tokens {
			fmt.Printf(" %s", t.Form)
		}
		fmt.Println()
	}
	// Output:
	// 0 [0:26] SEOUL , Feb. 20 ( Reuters ) -
	// 1 [27:74] North Korea 's envoy did n't meet U.N. officials .
	// 2 [75:87] Talks ended .
}

func ExampleSanitize() {
	clean, n := segment.Sanitize("Kim\xffmet Park.")
	fmt.Printf("%+q %d\n", clean, n)
	// Output: "Kim\ufffdmet Park." 1
}
