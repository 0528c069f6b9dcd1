// Package model embeds Dyad's default NLP model: a tagger and parser trained on UD English-EWT
// (CC BY-SA 4.0), whose tagger keeps a copy of WordNet 3.0's lemma classes (WordNet 3.0 licence), as
// a gzip-compressed bundle (nlp.Load reads it), and its manifest, which records the training data
// hashes, seed, settings and the bundle's SHA-256. docs/MODEL.md says how to rebuild both with one
// command.
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

// WordNetLicense is the WordNet 3.0 licence notice (WORDNET-LICENSE), which must accompany every
// copy of the WordNet data inside Bundle.
//
//go:embed WORDNET-LICENSE
var WordNetLicense string

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
	// WordNet names the WordNet files the tagger's word classes were read from (nil: none).
	WordNet *WordNetInfo `json:"wordnet,omitempty"`
}

// WordNetInfo records the lexical database a model's tagger copied its word classes from.
type WordNetInfo struct {
	Name    string `json:"name"`    // "WordNet 3.0"
	License string `json:"license"` // its licence, whose notice ships as WORDNET-LICENSE
	Files   []File `json:"files"`   // the files read (tagger.WordNetFiles)
}

// File names a data file and its hex SHA-256.
type File struct {
	Name   string `json:"name"`
	SHA256 string `json:"sha256"`
	Bytes  int64  `json:"bytes"`
}
