// Package model embeds Dyad's default NLP model: a tagger and parser trained on UD English-EWT
// (CC BY-SA 4.0), as a gzip-compressed bundle (nlp.Load reads it), and its manifest, which records
// the training data hashes, seed, settings and the bundle's SHA-256. docs/MODEL.md says how to
// rebuild both with one command.
package model

import _ "embed"

// Bundle is the compressed model bundle (en_ewt.dyad.gz).
//
//go:embed en_ewt.dyad.gz
var Bundle []byte

// Manifest is MANIFEST.json, describing Bundle.
//
//go:embed MANIFEST.json
var Manifest []byte

// FileName is the name of the bundle file beside this package's source.
const FileName = "en_ewt.dyad.gz"

// Info is the content of MANIFEST.json.
type Info struct {
	Model     string `json:"model"`      // bundle file name
	SHA256    string `json:"sha256"`     // hex SHA-256 of the bundle file
	Bytes     int    `json:"bytes"`      // size of the bundle file
	Treebank  string `json:"treebank"`   // e.g. "UD English-EWT v2.16"
	License   string `json:"license"`    // licence of the training data, which the model inherits
	Train     File   `json:"train"`      // training file
	Dev       File   `json:"dev"`        // development file (model selection)
	Seed      uint64 `json:"seed"`       // shuffling seed
	Settings  any    `json:"settings"`   // training settings (epochs, folds, pruning)
	DevScores any    `json:"dev_scores"` // scores on Dev with predicted tags
	Command   string `json:"command"`    // the command that built the bundle
}

// File names a data file and its hex SHA-256.
type File struct {
	Name   string `json:"name"`
	SHA256 string `json:"sha256"`
	Bytes  int64  `json:"bytes"`
}
