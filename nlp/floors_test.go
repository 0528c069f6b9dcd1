package nlp

// Accuracy floors for TestAccuracyFloor on EWT dev (gold tokens, predicted tags), set about half a
// point below the scores measured for the shipped model (docs/MODEL.md): UPOS 0.9487, XPOS 0.9421,
// lemma 0.9668, UAS 0.8439, LAS 0.8072.
const (
	floorUPOS  = 0.943
	floorXPOS  = 0.935
	floorLemma = 0.960
	floorUAS   = 0.835
	floorLAS   = 0.800
)
