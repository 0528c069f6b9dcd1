package ptb_test

import (
	"fmt"

	"github.com/dyad-events/dyad/nlp/ptb"
)

func ExampleConvert() {
	s, err := ptb.Convert(`(ROOT (S (NP (NNP Germany)) (VP (VBD was) (VP (VBN invaded) (PP (IN by) (NP (NNP France))))) (. .)))`)
	if err != nil {
		fmt.Println(err)
		return
	}
	for i, t := range s.Tokens {
		fmt.Printf("%d\t%s\t%s\t%s\t%s\t%d\t%s\n", i+1, t.Form, t.Lemma, t.UPOS, t.XPOS, t.Head, t.Deprel)
	}
	// Output:
	// 1	Germany	Germany	PROPN	NNP	3	nsubj:pass
	// 2	was	be	AUX	VBD	3	aux:pass
	// 3	invaded	invade	VERB	VBN	0	root
	// 4	by	by	ADP	IN	5	case
	// 5	France	France	PROPN	NNP	3	obl:agent
	// 6	.	.	PUNCT	.	3	punct
}
