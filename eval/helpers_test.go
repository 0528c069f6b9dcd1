package eval

import (
	"errors"

	"github.com/dyad-events/dyad/story"
)

type storySentence = story.Sentence

var errBadParse = errors.New("unbalanced brackets")
